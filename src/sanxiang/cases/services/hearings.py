"""Hearings (听证), LAW-APL-63/64/65, SAMR-HEAR-7/11/18-22."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.choices import CaseStatus, HearingStatus
from sanxiang.cases.deadlines import earliest_hearing_date
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, Hearing, PenaltyNotice, RecordOfficer
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import lock_case, require_status, today, validated_save
from sanxiang.cases.workflow import case_transition
from sanxiang.core.errors import PermissionDeniedError
from sanxiang.registry.models import Officer, Role, User

__all__ = ["hearing_hold", "hearing_request", "hearing_schedule", "hearing_withdraw"]


def hearing_request(
    *,
    case: Case,
    requested_on: datetime.date,
    oral: bool = False,
    actor: User,
) -> Hearing:
    """Record the party's request for a hearing and move the case to `hearing`.

    Preconditions: the notice gives a hearing right (LAW-APL-63) and the request came within
    5 working days of its service (LAW-APL-64(一), SAMR-HEAR-7); an oral request is recorded
    too. Events: `cases.hearing_requested` (the transition).
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.NOTIFIED], action=_("request a hearing"))
        notice = PenaltyNotice.objects.filter(case=locked, is_current=True).first()
        if notice is None:
            refuse(
                _("There is no served notice to request a hearing on (notice, LAW-APL-64)."),
                code="cases.notice.missing",
                rule="LAW-APL-64",
                field="notice",
            )
        hearing = Hearing(
            case=locked,
            notice=notice,
            requested_on=requested_on,
            oral_request=oral,
            created_by=actor,
        )
        validated_save(hearing)
        case_transition(
            case=locked,
            transition="request_hearing",
            actor=actor,
            on=requested_on,
            data={"hearing": hearing.pk, "requested_on": requested_on.isoformat(), "oral": oral},
        )
    return hearing


def _investigators(case: Case) -> set[int]:
    """Officers who investigated the case: assigned to it (even if removed) or on a record."""
    assigned = set(case.case_officers.values_list("officer_id", flat=True))
    on_records = set(
        RecordOfficer.objects.filter(record__case=case).values_list("officer_id", flat=True)
    )
    return assigned | on_records


def hearing_schedule(
    *,
    hearing: Hearing,
    presiding_officer: Officer,
    hearing_notice_served_on: datetime.date,
    scheduled_on: datetime.date,
    place: str,
    is_public: bool = True,
    actor: User,
) -> Hearing:
    """Designate the presiding officer and fix the hearing's date and place.

    Preconditions: the actor is the agency head or a department head (the presiding officer is
    designated by the agency, SAMR-HEAR-11); the presiding officer is an officer of the agency
    who did not investigate the case (LAW-APL-64(四), SAMR-HEAR-11); the hearing notice was
    served at least 7 working days before the hearing (LAW-APL-64(二), SAMR-HEAR-22). A
    non-public hearing is for secrets or privacy (LAW-APL-64(三)). Event
    `cases.hearing_scheduled`.
    """
    with transaction.atomic():
        locked = lock_case(hearing.case, actor)
        require_status(locked, [CaseStatus.HEARING], action=_("schedule a hearing"))
        if actor.role not in (Role.AGENCY_HEAD, Role.DEPARTMENT_HEAD):
            raise PermissionDeniedError(
                _("The presiding officer is designated by the agency's heads (SAMR-HEAR-11)."),
                code="cases.hearing.designation_by_head",
            )
        row = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if row.status not in (HearingStatus.REQUESTED, HearingStatus.SCHEDULED):
            refuse(
                _("This hearing can no longer be scheduled (hearing, LAW-APL-64)."),
                code="cases.hearing.closed",
                rule="LAW-APL-64",
                field="hearing",
            )
        if presiding_officer.agency_id != locked.agency_id or (
            presiding_officer.pk in _investigators(locked)
        ):
            refuse(
                _(
                    "%(name)s investigated this case or is not an officer of the agency, and "
                    "cannot preside (presiding officer, LAW-APL-64)."
                )
                % {"name": presiding_officer.name},
                code="cases.hearing.presiding_investigator",
                rule="LAW-APL-64",
                field="presiding_officer",
            )
        earliest = earliest_hearing_date(hearing_notice_served_on)
        if scheduled_on < earliest:
            refuse(
                _(
                    "The hearing notice served on %(served)s allows a hearing from %(earliest)s "
                    "at the earliest (scheduled on, LAW-APL-64)."
                )
                % {"served": hearing_notice_served_on.isoformat(), "earliest": earliest},
                code="cases.hearing.too_early",
                rule="LAW-APL-64",
                field="scheduled_on",
                earliest=earliest.isoformat(),
            )
        row.presiding_officer = presiding_officer
        row.hearing_notice_served_on = hearing_notice_served_on
        row.scheduled_on, row.place, row.is_public = scheduled_on, place.strip(), is_public
        row.status = HearingStatus.SCHEDULED
        validated_save(
            row,
            update_fields=[
                "presiding_officer",
                "hearing_notice_served_on",
                "scheduled_on",
                "place",
                "is_public",
                "status",
            ],
        )
        record_case_event(
            case=locked,
            action="cases.hearing_scheduled",
            actor=actor,
            data={
                "hearing": row.pk,
                "presiding_officer": presiding_officer.pk,
                "scheduled_on": scheduled_on,
                "notice_served_on": hearing_notice_served_on,
                "public": is_public,
            },
        )
    return row


def hearing_hold(
    *,
    hearing: Hearing,
    held_on: datetime.date,
    record: str,
    party_attended: bool = True,
    actor: User,
) -> Hearing:
    """Record the hearing (听证笔录); the decision rests on it (LAW-APL-65).

    Preconditions: the hearing was scheduled and `held_on` is not before the scheduled day.
    A party who did not attend without good reason is deemed to waive the hearing
    (LAW-APL-64(六)): the status becomes `deemed_waived`. Event `cases.hearing_held`.
    """
    with transaction.atomic():
        locked = lock_case(hearing.case, actor)
        require_status(locked, [CaseStatus.HEARING], action=_("record a hearing"))
        row = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if row.status != HearingStatus.SCHEDULED or row.scheduled_on is None:
            refuse(
                _("Schedule the hearing first (hearing, LAW-APL-64)."),
                code="cases.hearing.not_scheduled",
                rule="LAW-APL-64",
                field="hearing",
            )
        if held_on < row.scheduled_on:
            refuse(
                _("The hearing cannot be held before %(date)s (held on, LAW-APL-64).")
                % {"date": row.scheduled_on.isoformat()},
                code="cases.hearing.too_early",
                rule="LAW-APL-64",
                field="held_on",
            )
        if party_attended and not record.strip():
            refuse(
                _("Enter the hearing record (record, LAW-APL-64)."),
                code="cases.hearing.record_required",
                rule="LAW-APL-64",
                field="record",
            )
        row.held_on, row.record, row.party_attended = held_on, record, party_attended
        row.status = HearingStatus.HELD if party_attended else HearingStatus.DEEMED_WAIVED
        validated_save(row, update_fields=["held_on", "record", "party_attended", "status"])
        record_case_event(
            case=locked,
            action="cases.hearing_held",
            actor=actor,
            data={"hearing": row.pk, "held_on": held_on, "status": row.status},
        )
    return row


def hearing_withdraw(
    *, hearing: Hearing, note: str, on: datetime.date | None = None, actor: User
) -> Hearing:
    """Record that the party withdrew the hearing request; the case may then go on to the
    decision (LAW-APL-65 needs no hearing record). Event `cases.hearing_withdrawn`."""
    with transaction.atomic():
        locked = lock_case(hearing.case, actor)
        require_status(locked, [CaseStatus.HEARING], action=_("withdraw a hearing request"))
        row = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if row.status not in (HearingStatus.REQUESTED, HearingStatus.SCHEDULED):
            refuse(
                _("This hearing is already concluded (hearing, LAW-APL-64)."),
                code="cases.hearing.closed",
                rule="LAW-APL-64",
                field="hearing",
            )
        row.status = HearingStatus.WITHDRAWN
        row.record = note.strip()
        row.held_on = today(on)
        validated_save(row, update_fields=["status", "record", "held_on"])
        record_case_event(
            case=locked,
            action="cases.hearing_withdrawn",
            actor=actor,
            data={"hearing": row.pk, "note": row.record},
        )
    return row
