"""Pages of the case lifecycle (执法全过程记录): list, case page, inbox and one form per action.

Thin: every read goes through `cases.selectors`, every write through one `cases.services`
function. Importing the action modules registers their forms in `actions.ACTIONS`.
"""

from sanxiang.cases.views import decisions, notices, parties  # noqa: F401  (register actions)
from sanxiang.cases.views.actions import case_action
from sanxiang.cases.views.leads import act_new, lead_new, on_spot_new
from sanxiang.cases.views.notices import hearing_preview
from sanxiang.cases.views.pages import case_detail, case_list, inbox

__all__ = [
    "act_new",
    "case_action",
    "case_detail",
    "case_list",
    "hearing_preview",
    "inbox",
    "lead_new",
    "on_spot_new",
]
