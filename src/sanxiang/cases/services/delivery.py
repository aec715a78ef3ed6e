"""Delivery of the decision (送达), LAW-APL-61, SAMR-PROC-81/82/83."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.balances import execution_complete
from sanxiang.cases.choices import (
    CaseStatus,
    DecisionOutcome,
    DeliveredDocument,
    DeliveryMethod,
)
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Decision, Delivery, ElectronicDeliveryConsent
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import lock_case, require_status, today, validated_save
from sanxiang.cases.tracking import closing_deadline_if_executed
from sanxiang.cases.workflow import case_transition
from sanxiang.registry.models import User

__all__ = ["PUBLIC_NOTICE_DAYS", "delivery_record", "require_electronic_consent"]

# SAMR-PROC-83: "自公告发布之日起经过三十日，即视为送达".
PUBLIC_NOTICE_DAYS = 30
_DELIVERABLE = frozenset(
    {
        CaseStatus.DECIDED,
        CaseStatus.ON_SPOT_DECIDED,
        CaseStatus.DELIVERED,
        CaseStatus.ENFORCING,
    }
)


def require_electronic_consent(case: Case, on: datetime.date) -> ElectronicDeliveryConsent:
    """LAW-APL-61 / SAMR-PROC-82: electronic delivery only with a party's signed consent in
    force on `on`; returns that consent."""
    consents = ElectronicDeliveryConsent.objects.filter(party__case=case).order_by("-signed_on")
    valid = [consent for consent in consents if consent.is_valid_on(on)]
    if not valid:
        refuse(
            _(
                "Electronic delivery needs the party's signed consent (送达地址确认书) on file "
                "(method, LAW-APL-61)."
            ),
            code="cases.delivery.no_consent",
            rule="LAW-APL-61",
            field="method",
        )
    return valid[0]


def delivery_record(
    *,
    case: Case,
    method: DeliveryMethod | str,
    recipient: str,
    proof: str,
    delivered_on: datetime.date | None = None,
    posted_on: datetime.date | None = None,
    address: str = "",
    document: DeliveredDocument | str = DeliveredDocument.DECISION,
    actor: User,
) -> Delivery:
    """Record the delivery of the decision (送达回证) and move the case on.

    Preconditions: the decision is made; `delivered_on` is not in the future; electronic
    delivery only with a signed consent (LAW-APL-61); a public notice counts as delivered 30
    days after `posted_on` (SAMR-PROC-83), so it is recorded once that day has come; a transfer
    letter only for a transfer. Side effects: the first delivery of the decision moves the case
    to `delivered` (the 7-working-day delivery deadline is met, LAW-APL-61) and, for a penalty
    still to be carried out, to `enforcing` with the payment due 15 days after receipt
    (LAW-APL-67); when nothing is left to execute the closing deadline starts (SAMR-PROC-77).
    Events: `cases.delivery_recorded` and the transitions'.
    """
    if method == DeliveryMethod.PUBLIC_NOTICE:
        if posted_on is None:
            refuse(
                _("Give the day the public notice was posted (posted on, SAMR-PROC-83)."),
                code="cases.delivery.posted_on_required",
                rule="SAMR-PROC-83",
                field="posted_on",
            )
        delivered_on = posted_on + datetime.timedelta(days=PUBLIC_NOTICE_DAYS)
    if delivered_on is None:
        refuse(
            _("Give the day of delivery (delivered on, LAW-APL-61)."),
            code="cases.delivery.date_required",
            rule="LAW-APL-61",
            field="delivered_on",
        )
    if delivered_on > today(None):
        refuse(
            _("Delivery counts from %(date)s; record it on or after that day (LAW-APL-61).")
            % {"date": delivered_on.isoformat()},
            code="cases.delivery.in_future",
            rule="LAW-APL-61",
            field="delivered_on",
        )
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _DELIVERABLE, action=_("record a delivery"))
        decision = Decision.objects.filter(case=locked, decided_on__isnull=False).first()
        if decision is None:
            refuse(
                _("There is no decision to deliver (delivery, LAW-APL-61)."),
                code="cases.delivery.no_decision",
                rule="LAW-APL-61",
                field="document",
            )
        if document == DeliveredDocument.TRANSFER and decision.outcome != DecisionOutcome.TRANSFER:
            refuse(
                _("Only a transfer decision has a transfer letter (document, LAW-APL-27)."),
                code="cases.delivery.not_transfer",
                rule="LAW-APL-27",
                field="document",
            )
        consent = None
        if method == DeliveryMethod.ELECTRONIC:
            consent = require_electronic_consent(locked, delivered_on)
        delivery = Delivery(
            case=locked,
            document=document,
            method=method,
            recipient=recipient.strip(),
            address=address.strip(),
            posted_on=posted_on,
            delivered_on=delivered_on,
            proof=proof,
            consent=consent,
            recorded_by=actor,
        )
        validated_save(delivery)
        record_case_event(
            case=locked,
            action="cases.delivery_recorded",
            actor=actor,
            data={
                "delivery": delivery.pk,
                "document": delivery.document,
                "method": delivery.method,
                "delivered_on": delivered_on,
            },
        )
        if locked.status in (CaseStatus.DECIDED, CaseStatus.ON_SPOT_DECIDED):
            locked = case_transition(
                case=locked, transition="deliver", actor=actor, on=delivered_on
            )
            if decision.outcome == DecisionOutcome.PENALTY and not execution_complete(locked):
                locked = case_transition(
                    case=locked, transition="start_enforcement", actor=actor, on=delivered_on
                )
        closing_deadline_if_executed(case=locked, on=delivered_on)
    return delivery
