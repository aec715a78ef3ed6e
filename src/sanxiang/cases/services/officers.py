"""The officers of a case (办案人员) and recusal (回避), LAW-APL-42/43, SAMR-PROC-4/19."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.cases.access import require_agency_head
from sanxiang.cases.choices import RecusalApplicant, RecusalResult
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, CaseOfficer, Recusal
from sanxiang.cases.refusals import refuse
from sanxiang.cases.services.writing import (
    DECIDED_STATES,
    lock_case,
    require_status,
    today,
    validated_save,
)
from sanxiang.registry.models import Officer, User

__all__ = ["case_assign_officers", "recusal_apply", "recusal_decide"]


def case_assign_officers(
    *,
    case: Case,
    officers: Sequence[Officer],
    lead: Officer | None = None,
    on: datetime.date | None = None,
    actor: User,
) -> list[CaseOfficer]:
    """Assign officers of the agency to the case (SAMR-PROC-19: "指定两名以上具有行政执法资格的
    办案人员"); `lead` becomes the lead handler (主办).

    Preconditions: the case is not decided; every officer is an active officer of the case's
    agency and was not recused from it (LAW-APL-43). Officers already assigned stay. Whether
    two hold valid certificates is checked at each act (LAW-APL-42), not here. Event
    `cases.officers_assigned`.
    """
    day = today(on)
    with transaction.atomic():
        locked = lock_case(case, actor)
        if locked.status in DECIDED_STATES:
            require_status(locked, [], action=_("assign officers to a decided case"))
        existing = {link.officer_id: link for link in locked.case_officers.all()}
        added: list[CaseOfficer] = []
        chosen = list(officers) + ([lead] if lead is not None and lead not in officers else [])
        for officer in chosen:
            if officer.agency_id != locked.agency_id or not officer.is_active:
                refuse(
                    _("%(name)s is not an active officer of the agency (officers, LAW-APL-42).")
                    % {"name": officer.name},
                    code="cases.officers.foreign",
                    rule="LAW-APL-42",
                    field="officers",
                )
            link = existing.get(officer.pk)
            if link is not None and link.removed_on is not None:
                refuse(
                    _("%(name)s was recused from this case (officers, LAW-APL-43).")
                    % {"name": officer.name},
                    code="cases.officers.recused",
                    rule="LAW-APL-43",
                    field="officers",
                )
            if link is None:
                link = CaseOfficer(case=locked, officer=officer, assigned_on=day, assigned_by=actor)
                validated_save(link)
                existing[officer.pk] = link
                added.append(link)
        if lead is not None:
            locked.case_officers.exclude(officer=lead).update(is_lead=False)
            locked.case_officers.filter(officer=lead).update(is_lead=True)
        record_case_event(
            case=locked,
            action="cases.officers_assigned",
            actor=actor,
            data={
                "added": [
                    {"officer": link.officer_id, "name": link.officer.name} for link in added
                ],
                "lead": lead.pk if lead is not None else None,
            },
        )
    return list(locked.case_officers.select_related("officer"))


def recusal_apply(
    *,
    case: Case,
    officer: Officer,
    applicant: RecusalApplicant | str,
    reason: str,
    applicant_name: str = "",
    applied_on: datetime.date | None = None,
    actor: User,
) -> Recusal:
    """Record an application for an officer's recusal (LAW-APL-43, SAMR-PROC-4).

    Preconditions: the officer is assigned to the case; a reason is given. The investigation
    is not suspended ("决定作出之前，不停止调查"): nothing else waits for the decision.
    Event `cases.recusal_applied`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        if not locked.case_officers.filter(officer=officer, removed_on__isnull=True).exists():
            refuse(
                _("%(name)s does not handle this case (officer, LAW-APL-43).")
                % {"name": officer.name},
                code="cases.recusal.not_on_case",
                rule="LAW-APL-43",
                field="officer",
            )
        recusal = Recusal(
            case=locked,
            officer=officer,
            applicant=applicant,
            applicant_name=applicant_name.strip(),
            reason=reason.strip(),
            applied_on=today(applied_on),
        )
        validated_save(recusal)
        record_case_event(
            case=locked,
            action="cases.recusal_applied",
            actor=actor,
            data={
                "recusal": recusal.pk,
                "officer": officer.pk,
                "applicant": recusal.applicant,
                "reason": recusal.reason,
            },
        )
    return recusal


def recusal_decide(
    *,
    recusal: Recusal,
    granted: bool,
    reason: str,
    on: datetime.date | None = None,
    actor: User,
) -> Recusal:
    """Decide a recusal (LAW-APL-43: "由行政机关负责人决定").

    Preconditions: the recusal is pending; the actor is the agency head and not the officer
    concerned (SAMR-PROC-4: a head's own recusal is decided collectively, outside this
    service); reasons are given. Side effects: when granted, the officer is removed from the
    case (and no longer counts for LAW-APL-42). Event `cases.recusal_decided`.
    """
    day = today(on)
    with transaction.atomic():
        locked = lock_case(recusal.case, actor)
        require_agency_head(actor, locked, rule="LAW-APL-43")
        row = (
            Recusal.objects.select_for_update(of=("self",))
            .select_related("officer")
            .get(pk=recusal.pk)
        )
        if row.result != RecusalResult.PENDING:
            refuse(
                _("This recusal has already been decided (recusal, LAW-APL-43)."),
                code="cases.recusal.decided",
                rule="LAW-APL-43",
                field="recusal",
            )
        if row.officer.user_id == actor.pk:
            refuse(
                _(
                    "A head's own recusal is decided collectively by the heads "
                    "(recusal, SAMR-PROC-4)."
                ),
                code="cases.recusal.own",
                rule="SAMR-PROC-4",
                field="recusal",
            )
        if not reason.strip():
            refuse(
                _("Give the reasons for the decision (reason, LAW-APL-43)."),
                code="cases.recusal.reason_required",
                rule="LAW-APL-43",
                field="reason",
            )
        row.result = RecusalResult.GRANTED if granted else RecusalResult.REFUSED
        row.decided_by, row.decided_on, row.decision_reason = actor, day, reason.strip()
        validated_save(row, update_fields=["result", "decided_by", "decided_on", "decision_reason"])
        if granted:
            locked.case_officers.filter(officer=row.officer, removed_on__isnull=True).update(
                removed_on=day, removed_reason=f"LAW-APL-43 recusal {row.pk}", is_lead=False
            )
        record_case_event(
            case=locked,
            action="cases.recusal_decided",
            actor=actor,
            data={
                "recusal": row.pk,
                "officer": row.officer_id,
                "result": row.result,
                "reason": row.decision_reason,
                "officer_removed": granted,
            },
        )
    return row
