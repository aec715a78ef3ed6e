"""The generic move: a transition of the workflow table that records nothing but itself."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor
from sanxiang.cases.models import Case
from sanxiang.cases.schemas.cases import CaseSummaryOut
from sanxiang.cases.schemas.common import WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    TransitionIn,
)
from sanxiang.cases.schemas.workflow import TRANSITION_ENDPOINTS
from sanxiang.cases.workflow import TRANSITIONS, TRANSITIONS_BY_NAME
from sanxiang.core.errors import ApplicationError

router = Router(tags=["cases"])

# The table's moves whose service is `case_transition` itself: no approval, no data of their
# own. Every other move has an endpoint that records its data (`TRANSITION_ENDPOINTS`).
GENERIC_TRANSITIONS = frozenset(t.name for t in TRANSITIONS if t.service == "case_transition")


@router.post(
    "/{case_id}/transitions/{name}",
    response={200: CaseSummaryOut, **WRITE_ERRORS},
    summary="Take a move that records nothing but itself",
    openapi_extra=WRITE_DOCS,
)
def case_move(request: HttpRequest, case_id: int, name: str, data: TransitionIn) -> Case:
    """`end_investigation` (a record, LAW-APL-55, and a party, LAW-APL-59),
    `return_to_investigation` (with `reason`, SAMR-PROC-54), `request_legal_review` and
    `start_deliberation` (after the statement phase, LAW-APL-62/65/45). Every other move of the
    workflow table records data and has its own endpoint (see `GET …/transitions`); naming
    one here is refused with that endpoint in `extra.endpoint`. The body may be `{}`."""
    user = actor(request)
    case = selectors.access_case(user, case_id)
    if name in TRANSITIONS_BY_NAME and name not in GENERIC_TRANSITIONS:
        endpoint = TRANSITION_ENDPOINTS.get(name, "")
        raise ApplicationError(
            _("This step records data of its own: take it with %(endpoint)s (transition).")
            % {"endpoint": endpoint},
            code="workflow.use_step_endpoint",
            extra={"field": "transition", "transition": name, "endpoint": endpoint},
        )
    values = {key: value for key, value in data.model_dump().items() if value}
    return services.case_transition(case=case, transition=name, actor=user, data=values)
