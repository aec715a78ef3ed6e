"""The case API under /api/v1/cases/ (django-ninja), with the inbox and approval decisions at
/api/v1/inbox and /api/v1/approvals/ (`workspace_router`).

Thin (STYLE 8): each operation reads through `cases.selectors` or writes through one
`cases.services` function — the same ones the pages call — with explicit input and output
schemas (`cases.schemas`). Refusals leave as `{"code", "message", "extra"}` with the rule id;
services are atomic, so a refused call writes nothing.
"""

from ninja import Router

from sanxiang.cases.api import (
    acts,
    creation,
    decision,
    enforcement,
    filing,
    hearing,
    investigation,
    moves,
    people,
    reads,
    workspace,
)

__all__ = ["router", "workspace_router"]

router = Router()
# `creation` first: its fixed paths (/leads, /on-spot, /acts) must be matched before /{case_id}.
for module in (
    creation,
    reads,
    filing,
    people,
    investigation,
    hearing,
    decision,
    enforcement,
    acts,
    moves,
):
    router.add_router("", module.router)

workspace_router = workspace.router
