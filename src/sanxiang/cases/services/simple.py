"""The simple procedure (简易程序): a penalty decided and delivered on the spot.

LAW-APL-51 (warning, or a fine up to 200元 for a citizen or 3000元 for an organisation),
LAW-APL-42 (two certified officers), LAW-APL-52 (pre-numbered form handed over on the spot),
LAW-APL-68/69/70 (on-the-spot collection and its receipt), SAMR-PROC-70 (filing with the
agency within 7 working days). States: on_spot_decided → delivered → enforcing → closed.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.balances import execution_complete
from sanxiang.cases.certification import officers_on_duty, require_officers_certified
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DecisionOutcome,
    DeliveryMethod,
    PaymentChannel,
    Procedure,
    RecordKind,
    Track,
)
from sanxiang.cases.deadlines import simple_procedure_filing_due
from sanxiang.cases.decision_checks import check_minors_and_capacity
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import (
    Case,
    CaseOfficer,
    Decision,
    Delivery,
    InvestigationRecord,
    Party,
    Payment,
    RecordOfficer,
)
from sanxiang.cases.refusals import refuse
from sanxiang.cases.rules import check_on_spot_collection, check_simple_procedure
from sanxiang.cases.services.parties import PartyData, fill_party, party_snapshot
from sanxiang.cases.services.writing import (
    lock_case,
    require_enforcement_staff,
    require_status,
    validated_save,
)
from sanxiang.cases.tracking import closing_deadline_if_executed, deadline_close, deadline_open
from sanxiang.cases.workflow import INITIAL_STATES, case_transition
from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.models import ActType, Officer, PowerItem, User

__all__ = ["case_decide_on_spot", "simple_filing_record"]


def case_decide_on_spot(
    *,
    title: str,
    facts: str,
    place: str,
    acted_at: datetime.datetime,
    party: PartyData,
    officers: Sequence[Officer],
    penalty_types: Collection[str],
    form_number: str,
    reasons: str,
    fine_fen: int = 0,
    power_item: PowerItem | None = None,
    mitigation_reason: str = "",
    collect_on_spot: bool = False,
    receipt_number: str = "",
    hard_to_enforce_later: bool = False,
    remote_area: bool = False,
    external_ref: str | None = None,
    actor: User,
) -> Case:
    """Decide a penalty on the spot and hand the decision over (当场处罚).

    Preconditions: the actor is an officer of the agency and one of `officers`; two officers
    hold certificates valid on the day (LAW-APL-42); the penalty is a warning or a fine within
    the LAW-APL-51 limit for the party (200元 natural person / 3000元 organisation, both
    included); LAW-APL-30 (age) holds; `form_number` is the pre-numbered decision form
    (LAW-APL-52); collecting on the spot is lawful (≤100元, or hard to enforce later, or a
    remote area, LAW-APL-68/69) and has the receipt number of the 专用票据 (LAW-APL-69/70);
    `external_ref`, if given, names no other case.
    Side effects: the case (state `on_spot_decided`), its party, officers, the on-the-spot
    record with the certificate numbers (LAW-APL-55), the decision, the on-the-spot delivery
    (→ `delivered`), the payment if collected, otherwise enforcement with payment due in 15
    days (LAW-APL-67); the filing with the agency is due in 7 working days (SAMR-PROC-70).
    Events: `cases.decided_on_spot`, `cases.party_added`, `cases.record_added`,
    `cases.delivered`, and the payment's or enforcement's.
    """
    day = timezone.localdate(acted_at)
    agency_id = require_enforcement_staff(actor)
    with transaction.atomic():
        on_duty = list(
            Officer.objects.filter(
                pk__in=[o.pk for o in officers], agency_id=agency_id
            ).prefetch_related("certificates")
        )
        if not any(officer.user_id == actor.pk for officer in on_duty):
            raise PermissionDeniedError(
                _("Only an officer taking part may record an on-the-spot decision."),
                code="cases.simple.not_on_duty",
            )
        require_officers_certified(on_duty, day)
        if power_item is not None and (
            power_item.agency_id != agency_id
            or power_item.act_type != ActType.PENALTY
            or not power_item.is_active
        ):
            # Another agency's item would bring its legal basis into this agency's decision.
            refuse(
                _(
                    "Choose an active penalty item of the agency's own power list "
                    "(power item, LAW-APL-52)."
                ),
                code="cases.simple.power_item_invalid",
                rule="LAW-APL-52",
                field="power_item",
            )
        check_simple_procedure(
            penalty_types=penalty_types, fine_fen=fine_fen, party_kind=party.kind, decided_on=day
        )
        if not form_number.strip():
            refuse(
                _("Give the number of the pre-numbered decision form (form number, LAW-APL-52)."),
                code="cases.simple.form_number_required",
                rule="LAW-APL-52",
                field="form_number",
            )
        if collect_on_spot:
            check_on_spot_collection(
                fine_fen=fine_fen,
                hard_to_enforce_later=hard_to_enforce_later,
                remote_area=remote_area,
                decided_on=day,
            )
            if not receipt_number.strip():
                refuse(
                    _(
                        "Give the number of the receipt issued for the fine (receipt number, "
                        "LAW-APL-70)."
                    ),
                    code="cases.simple.receipt_required",
                    rule="LAW-APL-70",
                    field="receipt_number",
                )
        case = Case(
            agency_id=agency_id,
            department=actor.department,
            act_type=ActType.PENALTY,
            procedure=Procedure.SIMPLE,
            status=INITIAL_STATES[Track.SIMPLE],
            title=title.strip(),
            facts=facts,
            place=place.strip(),
            power_item=power_item,
            violation_started_on=day,
            discovered_on=day,
            external_ref=external_ref or None,
            created_by=actor,
        )
        validated_save(case)
        party_row = Party(case=case)
        fill_party(party_row, party)
        validated_save(party_row)
        record_case_event(
            case=case,
            action="cases.party_added",
            actor=actor,
            data={"party": party_row.pk, **party_snapshot(party_row)},
        )
        for officer in on_duty:
            validated_save(
                CaseOfficer(
                    case=case,
                    officer=officer,
                    is_lead=officer.user_id == actor.pk,
                    assigned_on=day,
                    assigned_by=actor,
                )
            )
        record = InvestigationRecord(
            case=case,
            kind=RecordKind.INSPECTION,
            started_at=acted_at,
            place=case.place,
            subject_name=party_row.name,
            content=facts,
            recorded_by=actor,
        )
        validated_save(record)
        shown = officers_on_duty(on_duty, day)
        for duty in shown:
            validated_save(
                RecordOfficer(
                    record=record,
                    officer_id=duty.officer_id,
                    certificate_number=duty.certificate_number,
                )
            )
        record_case_event(
            case=case,
            action="cases.record_added",
            actor=actor,
            data={
                "record": record.pk,
                "kind": record.kind,
                "started_at": acted_at,
                "officers": [
                    {"officer": o.officer_id, "certificate": o.certificate_number} for o in shown
                ],
            },
        )
        decision = Decision(
            case=case,
            outcome=DecisionOutcome.PENALTY,
            penalty_types=sorted(set(penalty_types)),
            fine_fen=fine_fen,
            reasons=reasons,
            mitigation_reason=mitigation_reason.strip(),
            form_number=form_number.strip(),
            revision=case.revision,
            drafted_by=actor,
            drafted_at=timezone.now(),
            decided_on=day,
            decided_by=actor,
        )
        check_minors_and_capacity(case, decision, day)
        validated_save(decision)
        deadline_open(
            case=case,
            kind=DeadlineKind.SIMPLE_FILING,
            rule="SAMR-PROC-70",
            started_on=day,
            due_on=simple_procedure_filing_due(day),
        )
        record_case_event(
            case=case,
            action="cases.decided_on_spot",
            actor=actor,
            data={
                "form_number": decision.form_number,
                "penalty_types": decision.penalty_types,
                "fine_fen": fine_fen,
                "party": party_row.name,
                "officers": [o.pk for o in on_duty],
                "record": record.pk,
            },
        )
        validated_save(
            Delivery(
                case=case,
                method=DeliveryMethod.ON_SPOT,
                recipient=party_row.name,
                delivered_on=day,
                proof=_("Handed over on the spot, form %(number)s")
                % {"number": decision.form_number},
                recorded_by=actor,
            )
        )
        case = case_transition(case=case, transition="deliver", actor=actor, on=day)
        if collect_on_spot and fine_fen:
            payment = Payment(
                case=case,
                amount_fen=fine_fen,
                paid_on=day,
                channel=PaymentChannel.ON_SPOT,
                reference=receipt_number.strip(),
                recorded_by=actor,
            )
            validated_save(payment)
            record_case_event(
                case=case,
                action="cases.payment_recorded",
                actor=actor,
                data={"payment": payment.pk, "amount_fen": fine_fen, "on_spot": True},
            )
        if not execution_complete(case):
            case = case_transition(case=case, transition="start_enforcement", actor=actor, on=day)
        closing_deadline_if_executed(case=case, on=day)
    return case


def simple_filing_record(*, case: Case, filed_on: datetime.date, actor: User) -> Case:
    """Record that the on-the-spot decision was filed with the agency (备案, SAMR-PROC-70,
    LAW-APL-52 "应当报所属行政机关备案"); the 7-working-day deadline is met. This filing is the
    review stage of LAW-APL-47 for the simple procedure. Event `cases.simple_filed`."""
    with transaction.atomic():
        locked = lock_case(case, actor)
        if locked.track != Track.SIMPLE or locked.simple_filed_on is not None:
            refuse(
                _("Only an on-the-spot decision not yet filed can be filed (SAMR-PROC-70)."),
                code="cases.simple.not_fileable",
                rule="SAMR-PROC-70",
                field="simple_filed_on",
            )
        require_status(
            locked,
            [CaseStatus.DELIVERED, CaseStatus.ENFORCING, CaseStatus.ON_SPOT_DECIDED],
            action=_("file an on-the-spot decision"),
        )
        locked.simple_filed_on = filed_on
        validated_save(locked, update_fields=["simple_filed_on", "updated_at"])
        deadline_close(case=locked, kind=DeadlineKind.SIMPLE_FILING, on=filed_on)
        record_case_event(
            case=locked,
            action="cases.simple_filed",
            actor=actor,
            data={"filed_on": filed_on},
        )
    return locked
