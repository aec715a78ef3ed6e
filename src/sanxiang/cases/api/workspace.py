"""The user's work across cases: the inbox and the approval decisions (三级审批).

Mounted at the API's root: `/api/v1/inbox`, `/api/v1/approvals/{approval_id}/decision`.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from sanxiang.cases import selectors, services
from sanxiang.cases.api.common import actor
from sanxiang.cases.models import Approval
from sanxiang.cases.schemas.common import LIST_DOCS, LIST_ERRORS, WRITE_DOCS, WRITE_ERRORS
from sanxiang.cases.schemas.inputs import (
    ApprovalDecisionIn,
)
from sanxiang.cases.schemas.workflow import ApprovalOut, InboxOut

router = Router()


@router.get(
    "/inbox",
    response={200: InboxOut, **LIST_ERRORS},
    summary="The approvals waiting for the user and the closest deadlines",
    tags=["inbox"],
    openapi_extra=LIST_DOCS,
)
def inbox(request: HttpRequest) -> selectors.Inbox:
    """Approvals waiting at the user's level (1 承办人: the cases they handle; 2 执法机构负责人:
    their department's; 3 机关负责人: the agency's), oldest first, and the agency's running
    deadlines closest to expiry on the cases the user sees, each with its rule id."""
    return selectors.inbox(user=request.user)


@router.post(
    "/approvals/{approval_id}/decision",
    response={200: ApprovalOut, **WRITE_ERRORS},
    summary="Approve or refuse one level of an approval",
    tags=["approvals"],
    openapi_extra=WRITE_DOCS,
)
def approval_decision(request: HttpRequest, approval_id: int, data: ApprovalDecisionIn) -> Approval:
    """Three-level approval (三级审批) of filing, notice, decision, closing or an extension
    (SAMR-PROC-19/57/60/77, LAW-APL-60): the holder of the waiting level approves or refuses
    with an opinion (required to refuse). An officer handling the case cannot approve it
    (SAMR-PROC-49). The last approval performs the move it gates — the case is filed, decided
    or closed in the same transaction, and refused with the rule id if a guard no longer
    passes; a refusal ends the round (resubmit through the step's endpoint)."""
    user = actor(request)
    approval = selectors.approval_get(user=user, approval_id=approval_id)
    return services.approval_decide(
        approval=approval, approve=data.approve, opinion=data.opinion, actor=user
    )
