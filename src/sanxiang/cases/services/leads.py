"""From lead to filed case (线索 → 立案 / 不予立案), SAMR-PROC-18/19/20, LAW-APL-36/54."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.choices import (
    ApprovalResult,
    ApprovalStep,
    CaseStatus,
    DeadlineKind,
    DeclineReason,
    ExtensionKind,
    LeadSource,
    Procedure,
    Track,
)
from sanxiang.cases.deadlines import lead_filing_due
from sanxiang.cases.events import field_changes, record_case_event
from sanxiang.cases.models import Case, CaseExtension, CasePolicy
from sanxiang.cases.refusals import refuse
from sanxiang.cases.rules import check_limitation
from sanxiang.cases.services.approvals import approval_submit, next_round
from sanxiang.cases.services.writing import (
    DECIDED_STATES,
    bump_revision,
    lock_case,
    require_enforcement_staff,
    require_status,
    today,
    validated_save,
)
from sanxiang.cases.tracking import deadline_open
from sanxiang.cases.workflow import INITIAL_STATES, case_transition
from sanxiang.registry.models import (
    ActType,
    Department,
    DiscretionStandard,
    PowerItem,
    User,
)

__all__ = [
    "case_decline",
    "case_submit_for_filing",
    "case_update_facts",
    "lead_extend",
    "lead_register",
]

# SAMR-PROC-18: "可以延长十五个工作日" — one extension of 15 working days.
LEAD_EXTENSION_DAYS = 15


def lead_register(
    *,
    title: str,
    lead_source: LeadSource | str,
    received_on: datetime.date,
    lead_summary: str,
    reporter_name: str = "",
    reporter_contact: str = "",
    place: str = "",
    department: Department | None = None,
    external_ref: str | None = None,
    actor: User,
) -> Case:
    """Register a lead (线索登记) of the actor's agency; it starts in the state `lead`.

    Preconditions: the actor is an officer or head of an agency; `department` (default: the
    actor's) belongs to it; `external_ref`, if given, names no other case (the reference of the
    system the case comes from, e.g. the demo data set's key). Side effects: the case, and the
    SAMR-PROC-18 deadline to decide whether to file (the agency's `lead_filing_days` working
    days, default 15, LAW-APL-54 "及时立案"). Event `cases.lead_registered`. The reporter's name and
    contact are private.
    """
    agency_id = require_enforcement_staff(actor)
    with transaction.atomic():
        case = Case(
            agency_id=agency_id,
            department=department or actor.department,
            act_type=ActType.PENALTY,
            procedure=Procedure.GENERAL,
            status=INITIAL_STATES[Track.GENERAL],
            title=title.strip(),
            place=place,
            lead_source=lead_source,
            received_on=received_on,
            lead_summary=lead_summary,
            reporter_name=reporter_name,
            reporter_contact=reporter_contact,
            external_ref=external_ref or None,
            created_by=actor,
        )
        validated_save(case)
        policy = CasePolicy.for_agency(case.agency)
        due = lead_filing_due(received_on, working_days=policy.lead_filing_days)
        deadline_open(
            case=case,
            kind=DeadlineKind.LEAD_FILING,
            rule="SAMR-PROC-18",
            started_on=received_on,
            due_on=due,
        )
        record_case_event(
            case=case,
            action="cases.lead_registered",
            actor=actor,
            data={"source": case.lead_source, "received_on": received_on, "due_on": due},
        )
    return case


def lead_extend(
    *,
    case: Case,
    reason: str,
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> CaseExtension:
    """Ask for the one extension of 15 working days to decide on the lead (SAMR-PROC-18).

    Preconditions: the case is a lead, not extended before and with no extension waiting; a
    reason is given; the actor handles the case. `on` is the day of the request (default:
    today). Side effects: a `CaseExtension` submitted for
    the extension approval; when approved, the lead deadline moves by 15 working days.
    Events: `cases.extension_requested`, then the approval's.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.LEAD], action=_("extend the time to decide on a lead"))
        if (
            locked.lead_extended
            or locked.extensions.filter(
                kind=ExtensionKind.LEAD_FILING, status=ApprovalResult.PENDING
            ).exists()
        ):
            refuse(
                _("The time to decide on a lead can be extended only once (SAMR-PROC-18)."),
                code="cases.lead.already_extended",
                rule="SAMR-PROC-18",
                field="extension",
            )
        extension = CaseExtension(
            case=locked,
            kind=ExtensionKind.LEAD_FILING,
            days=LEAD_EXTENSION_DAYS,
            reason=reason.strip(),
            basis="SAMR-PROC-18",
            approval_round=next_round(locked, ApprovalStep.EXTENSION),
            requested_by=actor,
            requested_on=today(on),
        )
        validated_save(extension)
        record_case_event(
            case=locked,
            action="cases.extension_requested",
            actor=actor,
            data={"kind": extension.kind, "days": extension.days, "reason": extension.reason},
        )
        approval_submit(
            case=locked, step=ApprovalStep.EXTENSION, opinion=opinion, actor=actor, on=on
        )
    extension.refresh_from_db()
    return extension


def _apply_facts(case: Case, values: Mapping[str, object], actor: User) -> dict[str, list[object]]:
    before = {name: getattr(case, name) for name in values}
    for name, value in values.items():
        setattr(case, name, value)
    changes = field_changes(before, values)
    if changes:
        validated_save(case, update_fields=[*changes, "updated_at"])
        bump_revision(case)
        record_case_event(case=case, action="cases.updated", actor=actor, data={"changes": changes})
    return changes


def case_update_facts(
    *,
    case: Case,
    actor: User,
    title: str | None = None,
    facts: str | None = None,
    place: str | None = None,
    violation_started_on: datetime.date | None = None,
    violation_ended_on: datetime.date | None = None,
    discovered_on: datetime.date | None = None,
    is_complex: bool | None = None,
    is_major: bool | None = None,
    suspected_crime: bool | None = None,
) -> Case:
    """Change the facts of a case before the decision (None leaves a field as it is).

    Side effects: the case's `revision` grows (older approvals of the notice or decision go
    stale) and `cases.updated` records old → new. Refused once decided.
    """
    values = {
        name: value
        for name, value in {
            "title": title,
            "facts": facts,
            "place": place,
            "violation_started_on": violation_started_on,
            "violation_ended_on": violation_ended_on,
            "discovered_on": discovered_on,
            "is_complex": is_complex,
            "is_major": is_major,
            "suspected_crime": suspected_crime,
        }.items()
        if value is not None
    }
    with transaction.atomic():
        locked = lock_case(case, actor)
        if locked.status in DECIDED_STATES:
            require_status(locked, [], action=_("change the facts of a decided case"))
        _apply_facts(locked, values, actor)
    return locked


def _standard_for(item: PowerItem, act_date: datetime.date) -> DiscretionStandard | None:
    """The discretion standard of the item in force on the act's date (else the latest)."""
    standards = list(item.discretion_standards.order_by("-effective_from"))
    for standard in standards:
        ends = standard.effective_to
        if standard.effective_from <= act_date and (ends is None or act_date <= ends):
            return standard
    return standards[0] if standards else None


def case_submit_for_filing(
    *,
    case: Case,
    power_item: PowerItem,
    facts: str,
    violation_started_on: datetime.date,
    discovered_on: datetime.date,
    violation_ended_on: datetime.date | None = None,
    five_year_limitation: bool = False,
    limitation_override_basis: str = "",
    is_complex: bool = False,
    is_major: bool = False,
    suspected_crime: bool = False,
    title: str | None = None,
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> Case:
    """Fill in the filing form (立案审批表) and submit it for the filing approval.

    Preconditions: the case is a lead; `power_item` is an active penalty item of the agency
    (SAMR-PROC-19: the legal basis and the discretion standard in force on the act's date
    follow from it); the act was discovered within the limitation period or a cited law
    provides otherwise (LAW-APL-36, checked now and stored as `limitation_until`); two officers
    with valid certificates are assigned (LAW-APL-42). Side effects: the filing data is saved
    (revision grows), then the filing approval starts; the final approval files the case,
    numbers it and starts the 90-day clock (LAW-APL-60). The guards of the filing are checked
    as of `on`, the day of the submission (default: today). Events: `cases.filing_submitted`,
    `cases.updated`, and the approval's.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.LEAD], action=_("submit a lead for filing"))
        if (
            power_item.agency_id != locked.agency_id
            or power_item.act_type != ActType.PENALTY
            or not power_item.is_active
        ):
            refuse(
                _(
                    "Choose an active penalty item of the agency's own power list "
                    "(power item, SAMR-PROC-19)."
                ),
                code="cases.filing.power_item_invalid",
                rule="SAMR-PROC-19",
                field="power_item",
            )
        limitation_until = check_limitation(
            act_on=violation_started_on,
            act_ended_on=violation_ended_on,
            discovered_on=discovered_on,
            five_year=five_year_limitation,
            override_basis=limitation_override_basis,
        )
        values: dict[str, object] = {
            "facts": facts,
            "violation_started_on": violation_started_on,
            "violation_ended_on": violation_ended_on,
            "discovered_on": discovered_on,
            "five_year_limitation": five_year_limitation,
            "limitation_override_basis": limitation_override_basis.strip(),
            "is_complex": is_complex,
            "is_major": is_major,
            "suspected_crime": suspected_crime,
        }
        if title is not None:
            values["title"] = title.strip()
        _apply_facts(locked, values, actor)
        locked.power_item = power_item
        locked.discretion_standard = _standard_for(power_item, violation_started_on)
        locked.limitation_until = limitation_until
        validated_save(
            locked,
            update_fields=["power_item", "discretion_standard", "limitation_until", "updated_at"],
        )
        record_case_event(
            case=locked,
            action="cases.filing_submitted",
            actor=actor,
            data={
                "power_item": power_item.pk,
                "discretion_standard": locked.discretion_standard_id,
                "limitation_until": limitation_until,
            },
        )
        approval_submit(case=locked, step=ApprovalStep.FILING, opinion=opinion, actor=actor, on=on)
    locked.refresh_from_db()
    return locked


def case_decline(
    *,
    case: Case,
    reason: DeclineReason | str,
    note: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> Case:
    """Decide not to file the lead (不予立案, SAMR-PROC-18/20).

    Preconditions: the case is a lead; the actor is a department head or the agency head
    ("由……负责人决定是否立案"); `reason` is a `DeclineReason`. Side effects: the reason is
    saved, the case moves to `declined` and the lead deadline is met. Events:
    `cases.updated`, `cases.declined`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.LEAD], action=_("decline a lead"))
        locked.decline_reason = reason
        locked.decline_note = note.strip()
        validated_save(locked, update_fields=["decline_reason", "decline_note", "updated_at"])
        return case_transition(
            case=locked,
            transition="decline",
            actor=actor,
            data={"reason": str(reason), "note": locked.decline_note},
            on=on,
        )
