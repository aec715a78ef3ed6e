"""Other act types (行政检查、许可、征收、强制) and seizure (查封扣押).

GUO-118-01 brings inspection, licensing, levy and coercion under full-process recording;
they follow a lighter lifecycle (registered → in_progress → decided → closed → archived) and end
with a recorded result that can be published (GUO-118-06a). Seizure and sealing (LAW-ACL-25,
SAMR-PROC-36/38) are coercive measures, in a coercion case or during a penalty investigation:
approved by the agency head, at most 30 days plus one extension of at most 30 days.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_agency_head
from sanxiang.cases.certification import require_case_officers_certified
from sanxiang.cases.choices import (
    ActResultKind,
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    SeizureKind,
    SeizureStatus,
    Track,
)
from sanxiang.cases.deadlines import seizure_expires
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import ActResult, Case, Seizure
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import (
    lock_case,
    require_enforcement_staff,
    require_status,
    today,
    validated_save,
)
from sanxiang.cases.tracking import deadline_close, deadline_open, deadline_reschedule
from sanxiang.cases.workflow import INITIAL_STATES, case_transition
from sanxiang.registry.models import ActType, Department, PowerItem, User

__all__ = [
    "act_close",
    "act_decide",
    "act_progress",
    "act_register",
    "seizure_extend",
    "seizure_release",
    "seizure_start",
]

OTHER_ACT_TYPES = frozenset(
    {ActType.INSPECTION, ActType.LICENSING, ActType.LEVY, ActType.COERCION, ActType.CHARGE}
)
_SEIZURE_STATES = frozenset(
    {
        CaseStatus.REGISTERED,
        CaseStatus.IN_PROGRESS,
        CaseStatus.FILED,
        CaseStatus.INVESTIGATING,
    }
)


def act_register(
    *,
    act_type: ActType | str,
    title: str,
    facts: str = "",
    place: str = "",
    power_item: PowerItem | None = None,
    received_on: datetime.date | None = None,
    department: Department | None = None,
    external_ref: str | None = None,
    actor: User,
) -> Case:
    """Register an inspection, licensing, levy, charge or coercion case (state `registered`).

    Preconditions: the actor is enforcement staff; `act_type` is not a penalty; a power item,
    if given, is the agency's and of the same act type; `external_ref`, if given, names no
    other case. Event `cases.act_registered`.
    """
    agency_id = require_enforcement_staff(actor)
    if act_type not in OTHER_ACT_TYPES:
        refuse(
            _("Register penalties as leads; this is for other act types (act type, GUO-118-01)."),
            code="cases.act.type_invalid",
            rule="GUO-118-01",
            field="act_type",
        )
    if power_item is not None and (
        power_item.agency_id != actor.agency_id or power_item.act_type != act_type
    ):
        refuse(
            _("Choose a power item of the agency for this act type (power item, GUO-118-01)."),
            code="cases.act.power_item_invalid",
            rule="GUO-118-01",
            field="power_item",
        )
    with transaction.atomic():
        case = Case(
            agency_id=agency_id,
            department=department or actor.department,
            act_type=act_type,
            status=INITIAL_STATES[Track.OTHER],
            title=title.strip(),
            facts=facts,
            place=place.strip(),
            power_item=power_item,
            received_on=received_on,
            external_ref=external_ref or None,
            created_by=actor,
        )
        validated_save(case)
        record_case_event(
            case=case,
            action="cases.act_registered",
            actor=actor,
            data={"act_type": case.act_type, "title": case.title},
        )
    return case


def act_progress(*, case: Case, on: datetime.date | None = None, actor: User) -> Case:
    """Start handling the act (`registered` → `in_progress`); a coercion needs two certified
    officers (LAW-ACL-18). Event `cases.act_started`."""
    return case_transition(case=case, transition="act_start", actor=actor, on=on)


def act_decide(
    *,
    case: Case,
    result: ActResultKind | str,
    text: str,
    amount_fen: int | None = None,
    decided_on: datetime.date | None = None,
    actor: User,
) -> Case:
    """Record the decision or result (执法结论, GUO-118-06a) and move to `decided`.

    Preconditions: the case is in progress; `text` states the result; an amount only for a
    levy or charge. Events: `cases.act_decided` (with the result).
    """
    day = today(decided_on)
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.IN_PROGRESS], action=_("record the result"))
        if amount_fen is not None and locked.act_type not in (ActType.LEVY, ActType.CHARGE):
            refuse(
                _("Only a levy or a charge has an amount (amount, GUO-118-06a)."),
                code="cases.act.amount_not_expected",
                rule="GUO-118-06a",
                field="amount_fen",
            )
        act_result = ActResult(
            case=locked,
            result=result,
            text=text.strip(),
            amount_fen=amount_fen,
            decided_on=day,
            decided_by=actor,
        )
        validated_save(act_result)
        return case_transition(
            case=locked,
            transition="act_decide",
            actor=actor,
            on=day,
            data={"result": act_result.result, "text": act_result.text, "amount_fen": amount_fen},
        )


def act_close(
    *, case: Case, summary: str = "", on: datetime.date | None = None, actor: User
) -> Case:
    """Close the act once its result is recorded and no seizure is in force (LAW-ACL-25).
    Event `cases.act_closed`."""
    with transaction.atomic():
        locked = lock_case(case, actor)
        if summary.strip():
            locked.closing_summary = summary.strip()
            validated_save(locked, update_fields=["closing_summary", "updated_at"])
        return case_transition(case=locked, transition="act_close", actor=actor, on=on)


def seizure_start(
    *,
    case: Case,
    kind: SeizureKind | str,
    items: str,
    started_on: datetime.date,
    approved_by: User,
    actor: User,
) -> Seizure:
    """Seal or seize property (查封 / 扣押).

    Preconditions: a coercion case, or a penalty case under investigation (SAMR-PROC-36);
    `approved_by` is the agency head (LAW-ACL-18 "报行政机关负责人批准"); two officers on the
    case are certified that day (LAW-ACL-18). Side effects: the seizure expires 30 days later
    (LAW-ACL-25), tracked as a deadline. Event `cases.seizure_started`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, _SEIZURE_STATES, action=_("seal or seize property"))
        if locked.act_type not in (ActType.COERCION, ActType.PENALTY):
            refuse(
                _("Seizure is a coercive measure (act type, LAW-ACL-25)."),
                code="cases.seizure.act_type",
                rule="LAW-ACL-25",
                field="act_type",
            )
        require_agency_head(approved_by, locked, rule="LAW-ACL-18")
        require_case_officers_certified(locked, started_on)
        seizure = Seizure(
            case=locked,
            kind=kind,
            items=items.strip(),
            started_on=started_on,
            approved_by=approved_by,
            expires_on=seizure_expires(started_on),
            created_by=actor,
        )
        validated_save(seizure)
        deadline_open(
            case=locked,
            kind=DeadlineKind.SEIZURE,
            rule="LAW-ACL-25",
            started_on=started_on,
            due_on=seizure.expires_on,
            subject=f"seizure:{seizure.pk}",
        )
        record_case_event(
            case=locked,
            action="cases.seizure_started",
            actor=actor,
            data={
                "seizure": seizure.pk,
                "kind": seizure.kind,
                "items": seizure.items,
                "expires_on": seizure.expires_on,
            },
        )
    return seizure


def _active_seizure(seizure: Seizure) -> Seizure:
    row = Seizure.objects.select_for_update().get(pk=seizure.pk)
    if row.status != SeizureStatus.ACTIVE:
        refuse(
            _("This seizure is no longer in force (seizure, LAW-ACL-25)."),
            code="cases.seizure.not_active",
            rule="LAW-ACL-25",
            field="seizure",
        )
    return row


def seizure_extend(
    *,
    seizure: Seizure,
    reason: str,
    approved_by: User,
    on: datetime.date | None = None,
    actor: User,
) -> Seizure:
    """Extend a seizure once, by 30 days, in a complex situation (LAW-ACL-25 "经行政机关负责人
    批准，可以延长，但是延长期限不得超过三十日").

    Preconditions: in force, not extended before, not yet expired on `on`; approved by the
    agency head; a reason. Event `cases.seizure_extended`.
    """
    day = today(on)
    with transaction.atomic():
        locked = lock_case(seizure.case, actor)
        row = _active_seizure(seizure)
        require_agency_head(approved_by, locked, rule="LAW-ACL-25")
        if row.extended or day > row.expires_on or not reason.strip():
            refuse(
                _(
                    "A seizure can be extended once, with a reason, before it expires on "
                    "%(date)s (extension, LAW-ACL-25)."
                )
                % {"date": row.expires_on.isoformat()},
                code="cases.seizure.extension_refused",
                rule="LAW-ACL-25",
                field="extension",
            )
        row.extended, row.extension_reason = True, reason.strip()
        row.extension_approved_by = approved_by
        row.expires_on = seizure_expires(row.started_on, extended=True)
        validated_save(
            row,
            update_fields=["extended", "extension_reason", "extension_approved_by", "expires_on"],
        )
        deadline_reschedule(
            case=locked,
            kind=DeadlineKind.SEIZURE,
            due_on=row.expires_on,
            subject=f"seizure:{row.pk}",
        )
        record_case_event(
            case=locked,
            action="cases.seizure_extended",
            actor=actor,
            data={"seizure": row.pk, "expires_on": row.expires_on, "reason": row.extension_reason},
        )
    return row


def seizure_release(
    *,
    seizure: Seizure,
    ended_on: datetime.date,
    reason: str,
    disposed: bool = False,
    actor: User,
) -> Seizure:
    """Release the property (解除), or record that a decision disposed of it (没收等). Event
    `cases.seizure_ended`; the expiry deadline is met (or missed if after it, LAW-ACL-25)."""
    with transaction.atomic():
        locked = lock_case(seizure.case, actor)
        row = _active_seizure(seizure)
        if ended_on < row.started_on or not reason.strip():
            refuse(
                _("Give the reason and a day not before the seizure began (ended on, LAW-ACL-25)."),
                code="cases.seizure.end_invalid",
                rule="LAW-ACL-25",
                field="ended_on",
            )
        row.status = SeizureStatus.DISPOSED if disposed else SeizureStatus.RELEASED
        row.ended_on, row.end_reason = ended_on, reason.strip()
        validated_save(row, update_fields=["status", "ended_on", "end_reason"])
        deadline_close(
            case=locked,
            kind=DeadlineKind.SEIZURE,
            on=ended_on,
            subject=f"seizure:{row.pk}",
            status=DeadlineStatus.MET if ended_on <= row.expires_on else DeadlineStatus.MISSED,
        )
        record_case_event(
            case=locked,
            action="cases.seizure_ended",
            actor=actor,
            data={"seizure": row.pk, "status": row.status, "ended_on": ended_on},
        )
    return row
