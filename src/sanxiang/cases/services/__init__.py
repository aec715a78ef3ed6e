"""Every write of the case app (STYLE 2): `<entity>_<verb>(*, ..., actor)`, keyword-only,
atomic, validated, recorded as `CaseEvent`s. Views, API, admin actions, commands and tasks
call these; `cases.workflow.case_transition` is the one writer of `Case.status`.
"""

from sanxiang.cases.services.approvals import approval_decide, approval_submit
from sanxiang.cases.services.closing import case_archive, case_close
from sanxiang.cases.services.decisions import (
    case_extend,
    clock_pause_start,
    clock_pause_stop,
    decision_make,
    deliberation_record,
)
from sanxiang.cases.services.delivery import delivery_record
from sanxiang.cases.services.enforcement import (
    execution_record,
    payment_plan_approve,
    payment_record,
    remedy_pause_start,
    remedy_pause_stop,
)
from sanxiang.cases.services.hearings import (
    hearing_hold,
    hearing_request,
    hearing_schedule,
    hearing_withdraw,
)
from sanxiang.cases.services.investigation import (
    preservation_dispose,
    preservation_start,
    preservations_lapse_overdue,
    record_add,
)
from sanxiang.cases.services.leads import (
    case_decline,
    case_submit_for_filing,
    case_update_facts,
    lead_extend,
    lead_register,
)
from sanxiang.cases.services.notices import (
    notice_draft,
    notice_serve,
    statement_record,
    statement_reexamine,
    statement_waive,
)
from sanxiang.cases.services.officers import case_assign_officers, recusal_apply, recusal_decide
from sanxiang.cases.services.other_acts import (
    act_close,
    act_decide,
    act_progress,
    act_register,
    seizure_extend,
    seizure_release,
    seizure_start,
)
from sanxiang.cases.services.parties import (
    PartyData,
    electronic_consent_record,
    party_add,
    party_remove,
    party_update,
)
from sanxiang.cases.services.simple import case_decide_on_spot, simple_filing_record
from sanxiang.cases.tracking import deadlines_sweep
from sanxiang.cases.workflow import case_transition

__all__ = [
    "PartyData",
    "act_close",
    "act_decide",
    "act_progress",
    "act_register",
    "approval_decide",
    "approval_submit",
    "case_archive",
    "case_assign_officers",
    "case_close",
    "case_decide_on_spot",
    "case_decline",
    "case_extend",
    "case_submit_for_filing",
    "case_transition",
    "case_update_facts",
    "clock_pause_start",
    "clock_pause_stop",
    "deadlines_sweep",
    "decision_make",
    "deliberation_record",
    "delivery_record",
    "electronic_consent_record",
    "execution_record",
    "hearing_hold",
    "hearing_request",
    "hearing_schedule",
    "hearing_withdraw",
    "lead_extend",
    "lead_register",
    "notice_draft",
    "notice_serve",
    "party_add",
    "party_remove",
    "party_update",
    "payment_plan_approve",
    "payment_record",
    "preservation_dispose",
    "preservation_start",
    "preservations_lapse_overdue",
    "record_add",
    "recusal_apply",
    "recusal_decide",
    "remedy_pause_start",
    "remedy_pause_stop",
    "seizure_extend",
    "seizure_release",
    "seizure_start",
    "simple_filing_record",
    "statement_record",
    "statement_reexamine",
    "statement_waive",
]
