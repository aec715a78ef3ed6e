"""Reading cases: the list, one case in full, its timeline, deadlines and available moves.

Every read goes through `cases.selectors`, scoped by the user: a case of another agency is
answered exactly like a missing one (404, DESIGN §1).
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from sanxiang.cases import access, selectors
from sanxiang.cases.api.common import actor
from sanxiang.cases.choices import CaseStatus, Procedure
from sanxiang.cases.models import Deadline
from sanxiang.cases.schemas.cases import CaseDetail, CaseDetailOut, CasePageOut
from sanxiang.cases.schemas.common import LIST_DOCS, LIST_ERRORS, READ_DOCS, READ_ERRORS
from sanxiang.cases.schemas.workflow import DeadlineOut, TimelineEntryOut, TransitionOut
from sanxiang.cases.workflow import AvailableTransition
from sanxiang.registry.models import ActType

router = Router(tags=["cases"])

MAX_PAGE = 200


@router.get(
    "/",
    response={200: CasePageOut, **LIST_ERRORS},
    summary="List the cases the user may see",
    openapi_extra=LIST_DOCS,
)
def case_list(
    request: HttpRequest,
    status: CaseStatus | None = None,
    act_type: ActType | None = None,
    procedure: Procedure | None = None,
    q: str | None = Query(None, description="Title, case number or party name."),
    overdue: bool = Query(
        False, description="Only cases with a deadline of the agency missed or run past."
    ),
    assigned_to_me: bool = Query(False, description="Only cases the user handles."),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0),
) -> dict[str, object]:
    """Newest first, scoped to the user (an officer: the agency's cases; a department head: the
    department's; a supervisor: the supervised agencies'; DESIGN §1). Each row has the closest
    running deadline (`next_due_on`) and `overdue`: a deadline of the agency — LAW-APL-60,
    LAW-APL-61, SAMR-PROC-18, … — was missed or runs past its last day."""
    filters = selectors.CaseFilters(
        status=status or "",
        act_type=act_type or "",
        procedure=procedure or "",
        query=q or "",
        overdue=overdue,
        assigned_to_me=assigned_to_me,
    )
    cases = selectors.case_list(user=request.user, filters=filters)
    return {"count": cases.count(), "items": list(cases[offset : offset + limit])}


@router.get(
    "/{case_id}",
    response={200: CaseDetailOut, **READ_ERRORS},
    summary="One case in full: parties, officers, legal basis, records, deadlines, balance",
    openapi_extra=READ_DOCS,
)
def case_detail(request: HttpRequest, case_id: int) -> CaseDetail:
    """The full-process record of one case (LAW-APL-47): parties (the reporter of the lead only
    for those handling it), officers with their certificates (LAW-APL-42), the power item with
    its legal basis and discretion standard (SAMR-PROC-19, LAW-APL-34), every record, the
    approvals (who, when, opinion), the decision, delivery (LAW-APL-61), the balance with the
    late fee (LAW-APL-72/73), the running deadlines with the rule ids that set them, and which
    of the six stages of LAW-APL-47 have a record."""
    user = request.user
    case = selectors.case_get(user=user, case_id=case_id)
    return CaseDetail(
        case=case,
        approvals=list(selectors.case_approvals(user=user, case_id=case.pk)),
        deadlines=list(selectors.case_deadlines(user=user, case_id=case.pk)),
        balance=selectors.case_balance_get(user=user, case_id=case.pk),
        stages=selectors.case_stages(user=user, case_id=case.pk),
        reporter_visible=access.may_see_reporter(user, case),
        can_change=access.may_change_case(user, case),
    )


@router.get(
    "/{case_id}/timeline",
    response={200: list[TimelineEntryOut], **READ_ERRORS},
    summary="Every event of the case, oldest first",
    openapi_extra=READ_DOCS,
)
def case_timeline(request: HttpRequest, case_id: int) -> list[selectors.TimelineEntry]:
    """The append-only record (全过程记录, LAW-APL-47): who did what and when, and what changed
    (`data.changes`: field → [old, new])."""
    return selectors.case_timeline(user=request.user, case_id=case_id)


@router.get(
    "/{case_id}/deadlines",
    response={200: list[DeadlineOut], **READ_ERRORS},
    summary="The deadlines of the case with the rules that set them",
    openapi_extra=READ_DOCS,
)
def case_deadline_list(
    request: HttpRequest,
    case_id: int,
    include_closed: bool = Query(False, description="Also the met, missed and elapsed ones."),
) -> list[Deadline]:
    """Closest first. Each names its rule id (`rule`): SAMR-PROC-18 (deciding on a lead),
    LAW-APL-60 (90 days to decide), SAMR-PROC-57 and LAW-APL-64(一) (the party's windows),
    LAW-APL-61 (delivery), LAW-APL-67 (payment), LAW-APL-56, LAW-ACL-25, SAMR-PROC-70, -77."""
    deadlines = selectors.case_deadlines(
        user=request.user, case_id=case_id, include_closed=include_closed
    )
    return list(deadlines)


@router.get(
    "/{case_id}/transitions",
    response={200: list[TransitionOut], **READ_ERRORS},
    summary="The moves out of the case's state, with what blocks each",
    openapi_extra=READ_DOCS,
)
def case_transition_list(request: HttpRequest, case_id: int) -> list[AvailableTransition]:
    """The workflow table's moves from the current state that the user's role may take
    (DESIGN §4), each checked against its guards now: `allowed`, or `blocking` in the error
    shape with the rule id (e.g. LAW-APL-62 while the statement window runs). A move gated by
    an approval is checked as if approved: submitting it is how it is taken. `endpoint` is the
    path to POST."""
    return selectors.case_transitions(user=actor(request), case_id=case_id)
