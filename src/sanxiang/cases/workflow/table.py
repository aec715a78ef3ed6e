"""The transition table of the case lifecycle (DESIGN decision 5, STYLE 4).

Every allowed move: its states, the tracks it applies to, the approval step that gates it, the
service that performs it, its guards (each citing a rule id) and its effects. Read this module
to see the whole lifecycle; `workflow.engine` applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

from sanxiang.cases import effects as fx
from sanxiang.cases import guards as g
from sanxiang.cases.choices import ApprovalStep, CaseStatus, Track
from sanxiang.registry.models import Role

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

__all__ = [
    "INITIAL_STATES",
    "RULE_ID_RE",
    "TRANSITIONS",
    "TRANSITIONS_BY_NAME",
    "Transition",
]

S = CaseStatus
GENERAL = frozenset({Track.GENERAL})
PENALTY = frozenset({Track.GENERAL, Track.SIMPLE})
OTHER = frozenset({Track.OTHER})
HEADS = frozenset({Role.DEPARTMENT_HEAD, Role.AGENCY_HEAD})
RULE_ID_RE = re.compile(r"\b[A-Z]{2,5}-[A-Z0-9]+-\d+[a-z]?")

# The state a new case starts in, by track; set by the creating service, never changed there.
INITIAL_STATES: dict[Track, CaseStatus] = {
    Track.GENERAL: S.LEAD,
    Track.SIMPLE: S.ON_SPOT_DECIDED,
    Track.OTHER: S.REGISTERED,
}


@dataclass(frozen=True)
class Transition:
    """One allowed move of the lifecycle."""

    name: str
    label: StrOrPromise
    sources: tuple[CaseStatus, ...]
    target: CaseStatus
    tracks: frozenset[Track]
    event: str
    service: str
    guards: tuple[g.Guard, ...] = ()
    effects: tuple[fx.Effect, ...] = ()
    approval_step: ApprovalStep | None = None
    # The final approval of `approval_step` performs the move itself (same transaction).
    on_final_approval: bool = False
    roles: frozenset[Role] | None = None


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        name="file",
        label=gettext_lazy("File the case"),
        sources=(S.LEAD,),
        target=S.FILED,
        tracks=GENERAL,
        event="cases.filed",
        service="case_submit_for_filing",
        guards=(g.power_item_chosen, g.officers_certified, g.within_limitation),
        effects=(fx.assign_case_number, fx.start_decision_clock),
        approval_step=ApprovalStep.FILING,
        on_final_approval=True,
    ),
    Transition(
        name="decline",
        label=gettext_lazy("Do not file"),
        sources=(S.LEAD,),
        target=S.DECLINED,
        tracks=GENERAL,
        event="cases.declined",
        service="case_decline",
        guards=(g.decline_reason_given,),
        effects=(fx.close_lead_deadline,),
        roles=HEADS,
    ),
    Transition(
        name="start_investigation",
        label=gettext_lazy("Start the investigation"),
        sources=(S.FILED,),
        target=S.INVESTIGATING,
        tracks=GENERAL,
        event="cases.investigation_started",
        service="record_add",
        guards=(g.officers_certified,),
    ),
    Transition(
        name="end_investigation",
        label=gettext_lazy("Conclude the investigation"),
        sources=(S.INVESTIGATING,),
        target=S.CASE_REVIEW,
        tracks=GENERAL,
        event="cases.investigation_ended",
        service="case_transition",
        guards=(g.investigation_recorded, g.party_named),
    ),
    Transition(
        name="return_to_investigation",
        label=gettext_lazy("Return for further investigation"),
        sources=(S.CASE_REVIEW, S.LEGAL_REVIEW, S.DELIBERATION),
        target=S.INVESTIGATING,
        tracks=GENERAL,
        event="cases.returned_to_investigation",
        service="case_transition",
        guards=(g.return_reason_given,),
    ),
    Transition(
        name="notify",
        label=gettext_lazy("Serve the notice of the proposed penalty"),
        sources=(S.CASE_REVIEW,),
        target=S.NOTIFIED,
        tracks=GENERAL,
        event="cases.notice_served",
        service="notice_serve",
        guards=(g.notice_served, g.party_named),
        effects=(fx.open_statement_windows,),
        approval_step=ApprovalStep.NOTICE,
    ),
    Transition(
        name="request_hearing",
        label=gettext_lazy("Hearing requested"),
        sources=(S.NOTIFIED,),
        target=S.HEARING,
        tracks=GENERAL,
        event="cases.hearing_requested",
        service="hearing_request",
        guards=(g.hearing_right_offered, g.hearing_requested_in_time),
        effects=(fx.close_hearing_request_window,),
    ),
    Transition(
        name="request_legal_review",
        label=gettext_lazy("Send for legal review"),
        sources=(S.NOTIFIED, S.HEARING),
        target=S.LEGAL_REVIEW,
        tracks=GENERAL,
        event="cases.legal_review_requested",
        service="case_transition",
        guards=(g.statement_phase_complete, g.hearing_concluded, g.statements_reexamined),
    ),
    Transition(
        name="start_deliberation",
        label=gettext_lazy("Send for collective deliberation"),
        sources=(S.NOTIFIED, S.HEARING, S.LEGAL_REVIEW),
        target=S.DELIBERATION,
        tracks=GENERAL,
        event="cases.deliberation_started",
        service="case_transition",
        guards=(g.statement_phase_complete, g.hearing_concluded, g.statements_reexamined),
    ),
    Transition(
        name="decide",
        label=gettext_lazy("Decide"),
        sources=(
            S.INVESTIGATING,
            S.CASE_REVIEW,
            S.NOTIFIED,
            S.HEARING,
            S.LEGAL_REVIEW,
            S.DELIBERATION,
        ),
        target=S.DECIDED,
        tracks=GENERAL,
        event="cases.decided",
        service="decision_make",
        guards=(
            g.decision_drafted,
            g.party_named,
            g.notice_served,
            g.statement_phase_complete,
            g.hearing_concluded,
            g.statements_reexamined,
            g.not_heavier_than_notified,
            g.minors_protected,
            g.no_penalty_reason_valid,
            g.transfer_organ_named,
            g.discretion_applied,
            g.deliberation_recorded,
            g.within_decision_time_limit,
            g.officers_certified,
            g.legal_review_gate,
        ),
        effects=(fx.make_decision,),
        approval_step=ApprovalStep.DECISION,
        on_final_approval=True,
    ),
    Transition(
        name="deliver",
        label=gettext_lazy("Deliver the decision"),
        sources=(S.DECIDED, S.ON_SPOT_DECIDED),
        target=S.DELIVERED,
        tracks=PENALTY,
        event="cases.delivered",
        service="delivery_record",
        guards=(g.decision_delivered,),
        effects=(fx.record_delivery_deadlines,),
    ),
    Transition(
        name="start_enforcement",
        label=gettext_lazy("Start enforcement"),
        sources=(S.DELIVERED,),
        target=S.ENFORCING,
        tracks=PENALTY,
        event="cases.enforcement_started",
        service="delivery_record",
        guards=(g.penalty_to_enforce,),
    ),
    Transition(
        name="close",
        label=gettext_lazy("Close the case"),
        sources=(S.DECIDED, S.DELIVERED, S.ENFORCING),
        target=S.CLOSED,
        tracks=PENALTY,
        event="cases.closed",
        service="case_close",
        guards=(g.execution_completed, g.no_measure_in_force, g.simple_procedure_filed),
        effects=(fx.close_case,),
        approval_step=ApprovalStep.CLOSING,
        on_final_approval=True,
    ),
    Transition(
        name="act_start",
        label=gettext_lazy("Start handling"),
        sources=(S.REGISTERED,),
        target=S.IN_PROGRESS,
        tracks=OTHER,
        event="cases.act_started",
        service="act_progress",
        guards=(g.coercion_officers_certified,),
    ),
    Transition(
        name="act_decide",
        label=gettext_lazy("Record the result"),
        sources=(S.IN_PROGRESS,),
        target=S.DECIDED,
        tracks=OTHER,
        event="cases.act_decided",
        service="act_decide",
        guards=(g.act_result_recorded,),
    ),
    Transition(
        name="act_close",
        label=gettext_lazy("Close"),
        sources=(S.DECIDED,),
        target=S.CLOSED,
        tracks=OTHER,
        event="cases.act_closed",
        service="act_close",
        guards=(g.act_result_recorded, g.no_measure_in_force),
        effects=(fx.close_case,),
    ),
    Transition(
        name="archive",
        label=gettext_lazy("Archive"),
        sources=(S.CLOSED,),
        target=S.ARCHIVED,
        tracks=frozenset(Track),
        event="cases.archived",
        service="case_archive",
        guards=(g.stages_recorded, g.act_result_recorded),
        effects=(fx.archive_case,),
    ),
)

TRANSITIONS_BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}
