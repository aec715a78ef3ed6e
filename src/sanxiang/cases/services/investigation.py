"""Investigation (调查取证): records (笔录) and preservation of evidence (先行登记保存).

LAW-APL-42 (two certified officers on each act's date), LAW-APL-55 (records show the
officers' certificate numbers), LAW-APL-56 / SAMR-PROC-33/35 (preservation approved by the
agency head, disposal within 7 working days or it lapses).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_agency_head
from sanxiang.cases.certification import (
    active_case_officers,
    certificate_on,
    require_officers_certified,
)
from sanxiang.cases.choices import (
    CaseStatus,
    DeadlineKind,
    DeadlineStatus,
    PreservationStatus,
    RecordKind,
)
from sanxiang.cases.deadlines import preservation_disposal_due
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, InvestigationRecord, Preservation, RecordOfficer
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import lock_case, require_status, today, validated_save
from sanxiang.cases.tracking import deadline_close, deadline_open
from sanxiang.cases.workflow import case_transition
from sanxiang.registry.models import Officer, User

__all__ = [
    "RECORDING_STATES",
    "preservation_dispose",
    "preservation_start",
    "preservations_lapse_overdue",
    "record_add",
]

# Where records may be added: during a penalty investigation, or while another act type is
# handled (an inspection is mostly its records).
RECORDING_STATES = frozenset(
    {CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS}
)


def _officers_on_case(case: Case, officers: Sequence[Officer], rule: str) -> list[Officer]:
    active = {
        link.officer_id
        for link in case.case_officers.filter(removed_on__isnull=True).only("officer_id")
    }
    strangers = [officer.name for officer in officers if officer.pk not in active]
    if strangers:
        refuse(
            _("%(names)s do not handle this case (officers, %(rule)s).")
            % {"names": ", ".join(strangers), "rule": rule},
            code="cases.officers.not_on_case",
            rule=rule,
            field="officers",
        )
    return list(
        Officer.objects.filter(pk__in=[o.pk for o in officers]).prefetch_related("certificates")
    )


def _start_investigation(case: Case, actor: User, on: datetime.date) -> Case:
    if case.status == CaseStatus.FILED:
        return case_transition(case=case, transition="start_investigation", actor=actor, on=on)
    return case


def record_add(
    *,
    case: Case,
    kind: RecordKind | str,
    started_at: datetime.datetime,
    place: str,
    subject_name: str,
    content: str,
    officers: Sequence[Officer],
    ended_at: datetime.datetime | None = None,
    subject_role: str = "",
    actor: User,
) -> InvestigationRecord:
    """Add an inquiry or inspection record (询问笔录 / 现场笔录).

    Preconditions: the case is filed or under investigation (or another act type being
    handled); `officers` are assigned to the case and at least two hold a certificate valid on
    the record's day (LAW-APL-42). Side effects: the record with each officer's certificate
    number as shown that day (LAW-APL-55); a filed case starts its investigation. Event
    `cases.record_added` (and `cases.investigation_started`).
    """
    day = timezone.localdate(started_at)
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, RECORDING_STATES, action=_("add an investigation record"))
        on_duty = _officers_on_case(locked, officers, "LAW-APL-42")
        require_officers_certified(on_duty, day)
        locked = _start_investigation(locked, actor, day)
        record = InvestigationRecord(
            case=locked,
            kind=kind,
            started_at=started_at,
            ended_at=ended_at,
            place=place.strip(),
            subject_name=subject_name.strip(),
            subject_role=subject_role.strip(),
            content=content,
            recorded_by=actor,
        )
        validated_save(record)
        shown = []
        for officer in on_duty:
            certificate = certificate_on(officer, day)
            link = RecordOfficer(
                record=record,
                officer=officer,
                certificate_number=certificate.number if certificate else "",
            )
            validated_save(link)
            shown.append({"officer": officer.pk, "certificate": link.certificate_number})
        record_case_event(
            case=locked,
            action="cases.record_added",
            actor=actor,
            data={
                "record": record.pk,
                "kind": record.kind,
                "started_at": started_at,
                "officers": shown,
            },
        )
    return record


def preservation_start(
    *,
    case: Case,
    items: str,
    started_on: datetime.date,
    approved_by: User,
    actor: User,
) -> Preservation:
    """Register and preserve evidence (先行登记保存, LAW-APL-56).

    Preconditions: the case is filed or under investigation; `approved_by` is the agency head
    ("经行政机关负责人批准"); two officers on the case are certified that day (LAW-APL-42).
    Side effects: the preservation with its disposal deadline, 7 working days later
    (LAW-APL-56, SAMR-PROC-35); a filed case starts its investigation. Event
    `cases.preservation_started`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(
            locked,
            [CaseStatus.FILED, CaseStatus.INVESTIGATING],
            action=_("preserve evidence"),
        )
        require_agency_head(approved_by, locked, rule="LAW-APL-56")
        require_officers_certified(active_case_officers(locked), started_on)
        locked = _start_investigation(locked, actor, started_on)
        due = preservation_disposal_due(started_on)
        preservation = Preservation(
            case=locked,
            items=items.strip(),
            started_on=started_on,
            approved_by=approved_by,
            disposal_due=due,
            created_by=actor,
        )
        validated_save(preservation)
        deadline_open(
            case=locked,
            kind=DeadlineKind.PRESERVATION,
            rule="LAW-APL-56",
            started_on=started_on,
            due_on=due,
            subject=f"preservation:{preservation.pk}",
        )
        record_case_event(
            case=locked,
            action="cases.preservation_started",
            actor=actor,
            data={"preservation": preservation.pk, "items": preservation.items, "due_on": due},
        )
    return preservation


def preservation_dispose(
    *, preservation: Preservation, disposed_on: datetime.date, disposal: str, actor: User
) -> Preservation:
    """Record the disposal decision on preserved evidence (LAW-APL-56 "作出处理决定").

    Preconditions: the preservation is in force and `disposed_on` is not after its disposal
    deadline (after it the preservation has lapsed, SAMR-PROC-35). Event
    `cases.preservation_disposed`.
    """
    with transaction.atomic():
        locked = lock_case(preservation.case, actor)
        row = Preservation.objects.select_for_update().get(pk=preservation.pk)
        if row.status != PreservationStatus.ACTIVE:
            refuse(
                _("This preservation is no longer in force (disposal, LAW-APL-56)."),
                code="cases.preservation.not_active",
                rule="LAW-APL-56",
                field="disposal",
            )
        if disposed_on > row.disposal_due:
            refuse(
                _(
                    "The disposal was due by %(due)s; the preservation has lapsed "
                    "(disposed on, LAW-APL-56)."
                )
                % {"due": row.disposal_due.isoformat()},
                code="cases.preservation.overdue",
                rule="LAW-APL-56",
                field="disposed_on",
            )
        row.status = PreservationStatus.DISPOSED
        row.disposed_on, row.disposal = disposed_on, disposal.strip()
        validated_save(row, update_fields=["status", "disposed_on", "disposal"])
        deadline_close(
            case=locked,
            kind=DeadlineKind.PRESERVATION,
            on=disposed_on,
            subject=f"preservation:{row.pk}",
        )
        record_case_event(
            case=locked,
            action="cases.preservation_disposed",
            actor=actor,
            data={"preservation": row.pk, "disposal": row.disposal, "disposed_on": disposed_on},
        )
    return row


def preservations_lapse_overdue(*, on: datetime.date | None = None) -> int:
    """Let every preservation whose disposal deadline passed lapse (SAMR-PROC-35 "自动解除").

    For a daily task. Each lapse is recorded (`cases.preservation_lapsed`, no actor) and its
    deadline marked missed. Returns the number of preservations that lapsed.
    """
    day = today(on)
    lapsed = 0
    overdue = Preservation.objects.filter(
        status=PreservationStatus.ACTIVE, disposal_due__lt=day
    ).select_related("case")
    for preservation in overdue:
        with transaction.atomic():
            row = Preservation.objects.select_for_update().get(pk=preservation.pk)
            if row.status != PreservationStatus.ACTIVE:
                continue
            row.status = PreservationStatus.LAPSED
            row.lapsed_on = row.disposal_due + datetime.timedelta(days=1)
            row.save(update_fields=["status", "lapsed_on"])
            deadline_close(
                case=preservation.case,
                kind=DeadlineKind.PRESERVATION,
                on=row.disposal_due,
                status=DeadlineStatus.MISSED,
                subject=f"preservation:{row.pk}",
            )
            record_case_event(
                case=preservation.case,
                action="cases.preservation_lapsed",
                actor=None,
                data={"preservation": row.pk, "due_on": row.disposal_due},
            )
            lapsed += 1
    return lapsed
