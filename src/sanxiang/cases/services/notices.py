"""Notice of the proposed penalty (告知, LAW-APL-44), statement and defence (陈述申辩,
LAW-APL-45), and the party's waiver (明确放弃, LAW-APL-62)."""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanxiang.cases.choices import (
    ApprovalStep,
    CaseStatus,
    DeadlineKind,
    DeliveryMethod,
    ReexaminationResult,
)
from sanxiang.cases.deadlines import hearing_request_due, statement_window_end
from sanxiang.cases.events import record_case_event
from sanxiang.cases.models import Case, CasePolicy, PenaltyNotice, Statement
from sanxiang.cases.refusals import refuse
from sanxiang.cases.rules import ProposedPenalty, hearing_right_applies
from sanxiang.cases.services.approvals import approval_submit
from sanxiang.cases.services.delivery import require_electronic_consent
from sanxiang.cases.services.writing import (
    bump_revision,
    lock_case,
    require_status,
    today,
    validated_save,
)
from sanxiang.cases.tracking import deadline_close
from sanxiang.cases.workflow import case_transition
from sanxiang.registry.models import User

__all__ = [
    "HEARD_STATES",
    "notice_draft",
    "notice_serve",
    "statement_record",
    "statement_reexamine",
    "statement_waive",
]

# While the party is being heard: from the notice until the decision.
HEARD_STATES = frozenset(
    {CaseStatus.NOTIFIED, CaseStatus.HEARING, CaseStatus.LEGAL_REVIEW, CaseStatus.DELIBERATION}
)


def _current_notice(case: Case) -> PenaltyNotice:
    notice = PenaltyNotice.objects.select_for_update().filter(case=case, is_current=True).first()
    if notice is None:
        refuse(
            _("Draft the notice of the proposed penalty first (notice, LAW-APL-44)."),
            code="cases.notice.missing",
            rule="LAW-APL-44",
            field="notice",
        )
    return notice


def notice_draft(
    *,
    case: Case,
    penalty_types: Collection[str],
    content: str,
    fine_fen: int = 0,
    confiscation_fen: int = 0,
    detention_days: int = 0,
    other_penalty: str = "",
    opinion: str = "",
    on: datetime.date | None = None,
    actor: User,
) -> PenaltyNotice:
    """Draft the notice of the proposed penalty and submit it for the notice approval.

    Preconditions: the investigation is concluded (`case_review`) and the case has a party;
    `content` states the facts, reasons and basis (LAW-APL-44). Side effects: the hearing right
    is computed for every party against the agency's thresholds (LAW-APL-63, SAMR-HEAR-5); an
    earlier notice is superseded; revision + 1 (the proposed penalty changed); the notice
    approval starts (as of `on`, default today). Events: `cases.notice_drafted` and the
    approval's.
    """
    proposed = ProposedPenalty(
        penalty_types=frozenset(penalty_types),
        fine_fen=fine_fen,
        confiscation_fen=confiscation_fen,
        detention_days=detention_days,
        other=other_penalty.strip(),
    )
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.CASE_REVIEW], action=_("draft the notice"))
        parties = list(locked.parties.all())
        if not parties:
            refuse(
                _("Name the party of the case first (parties, LAW-APL-44)."),
                code="cases.party_required",
                rule="LAW-APL-44",
                field="parties",
            )
        thresholds = CasePolicy.for_agency(locked.agency).hearing_thresholds()
        rights = [
            hearing_right_applies(
                penalty_types=proposed.penalty_types,
                fine_fen=fine_fen,
                confiscation_fen=confiscation_fen,
                party_kind=party.kind,
                thresholds=thresholds,
            )
            for party in parties
        ]
        reasons = sorted({reason for right in rights for reason in right.reasons})
        PenaltyNotice.objects.filter(case=locked, is_current=True).update(is_current=False)
        revision = bump_revision(locked)
        notice = PenaltyNotice(
            case=locked,
            penalty_types=sorted(proposed.penalty_types),
            fine_fen=fine_fen,
            confiscation_fen=confiscation_fen,
            detention_days=detention_days,
            other_penalty=proposed.other,
            content=content,
            hearing_right=any(right.applies for right in rights),
            hearing_reasons=reasons,
            hearing_threshold_fen=min(right.threshold_fen for right in rights),
            revision=revision,
            drafted_by=actor,
            drafted_at=timezone.now(),
        )
        validated_save(notice)
        record_case_event(
            case=locked,
            action="cases.notice_drafted",
            actor=actor,
            data={
                "notice": notice.pk,
                "penalty_types": notice.penalty_types,
                "fine_fen": fine_fen,
                "confiscation_fen": confiscation_fen,
                "hearing_right": notice.hearing_right,
                "hearing_reasons": reasons,
            },
        )
        approval_submit(case=locked, step=ApprovalStep.NOTICE, opinion=opinion, actor=actor, on=on)
    return notice


def notice_serve(
    *,
    case: Case,
    served_on: datetime.date,
    method: DeliveryMethod | str = DeliveryMethod.DIRECT,
    actor: User,
) -> PenaltyNotice:
    """Record that the approved notice was served and move the case to `notified`.

    Preconditions: the notice approval is complete for the current revision; an electronic
    service needs the party's signed consent (SAMR-PROC-82). Side effects: the statement window
    (5 working days, SAMR-PROC-57) and, with a hearing right, the hearing-request window
    (5 working days, LAW-APL-64(一)) start and are tracked. Event `cases.notice_served`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.CASE_REVIEW], action=_("serve the notice"))
        notice = _current_notice(locked)
        if method == DeliveryMethod.ELECTRONIC:
            require_electronic_consent(locked, served_on)
        notice.served_on = served_on
        notice.service_method = method
        notice.statement_window_end = statement_window_end(served_on)
        notice.hearing_request_due = (
            hearing_request_due(served_on) if notice.hearing_right else None
        )
        validated_save(
            notice,
            update_fields=[
                "served_on",
                "service_method",
                "statement_window_end",
                "hearing_request_due",
            ],
        )
        case_transition(
            case=locked,
            transition="notify",
            actor=actor,
            on=served_on,
            data={
                "notice": notice.pk,
                "served_on": served_on.isoformat(),
                "statement_window_end": notice.statement_window_end.isoformat(),
                "hearing_right": notice.hearing_right,
            },
        )
    return notice


def statement_record(
    *,
    case: Case,
    received_on: datetime.date,
    content: str,
    oral: bool = False,
    actor: User,
) -> Statement:
    """Record the party's statement and defence (陈述申辩, LAW-APL-45) on the current notice.

    Preconditions: the notice was served and no decision made yet. It must be re-examined
    (`statement_reexamine`) before the decision. Event `cases.statement_recorded`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, HEARD_STATES, action=_("record a statement"))
        notice = _current_notice(locked)
        statement = Statement(
            case=locked,
            notice=notice,
            received_on=received_on,
            oral=oral,
            content=content,
            recorded_by=actor,
        )
        validated_save(statement)
        record_case_event(
            case=locked,
            action="cases.statement_recorded",
            actor=actor,
            data={"statement": statement.pk, "received_on": received_on, "oral": oral},
        )
    return statement


def statement_waive(
    *,
    case: Case,
    waived_on: datetime.date,
    note: str,
    includes_hearing: bool = True,
    actor: User,
) -> PenaltyNotice:
    """Record that the party expressly waived the statement (and hearing) rights (LAW-APL-62
    "当事人明确放弃陈述或者申辩权利的除外"); the decision may then come before the window ends.

    Preconditions: the notice was served; `note` says how the waiver was given (e.g. signed on
    the service receipt). Event `cases.statement_waived`.
    """
    with transaction.atomic():
        locked = lock_case(case, actor)
        require_status(locked, [CaseStatus.NOTIFIED], action=_("record a waiver"))
        notice = _current_notice(locked)
        if not note.strip():
            refuse(
                _("Say how the party waived the rights (waiver record, LAW-APL-62)."),
                code="cases.waiver.note_required",
                rule="LAW-APL-62",
                field="note",
            )
        notice.waived_on, notice.waiver_note = waived_on, note.strip()
        notice.waiver_includes_hearing = includes_hearing
        validated_save(
            notice, update_fields=["waived_on", "waiver_note", "waiver_includes_hearing"]
        )
        deadline_close(case=locked, kind=DeadlineKind.STATEMENT_WINDOW, on=waived_on)
        if includes_hearing:
            deadline_close(case=locked, kind=DeadlineKind.HEARING_REQUEST, on=waived_on)
        record_case_event(
            case=locked,
            action="cases.statement_waived",
            actor=actor,
            data={
                "notice": notice.pk,
                "waived_on": waived_on,
                "includes_hearing": includes_hearing,
            },
        )
    return notice


def statement_reexamine(
    *,
    statement: Statement,
    result: ReexaminationResult | str,
    note: str,
    on: datetime.date | None = None,
    actor: User,
) -> Statement:
    """Record the re-examination (复核) of a statement (LAW-APL-45; SAMR-PROC-62: whether it
    was adopted and why). Event `cases.statement_reexamined`."""
    with transaction.atomic():
        locked = lock_case(statement.case, actor)
        require_status(locked, HEARD_STATES, action=_("re-examine a statement"))
        row = Statement.objects.select_for_update().get(pk=statement.pk)
        if not note.strip():
            refuse(
                _("Give the reasons of the re-examination (note, LAW-APL-45)."),
                code="cases.statement.reasons_required",
                rule="LAW-APL-45",
                field="note",
            )
        row.reexamination_result = result
        row.reexamination_note = note.strip()
        row.reexamined_on, row.reexamined_by = today(on), actor
        validated_save(
            row,
            update_fields=[
                "reexamination_result",
                "reexamination_note",
                "reexamined_on",
                "reexamined_by",
            ],
        )
        record_case_event(
            case=locked,
            action="cases.statement_reexamined",
            actor=actor,
            data={"statement": row.pk, "result": row.reexamination_result},
        )
    return row
