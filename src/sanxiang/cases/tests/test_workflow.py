"""The workflow table and its one mutator (DESIGN decision 5, STYLE 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanxiang.cases import workflow
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.guards import TransitionContext
from sanxiang.cases.models import Case, CaseEvent
from sanxiang.cases.tests.factories import filed_case, lead
from sanxiang.cases.workflow import engine
from sanxiang.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from sanxiang.registry import models as m
from sanxiang.registry.tests import factories as rf

DOCS = Path(__file__).resolve().parents[4] / "docs" / "workflow.md"


def test_every_state_is_reachable_from_an_initial_state():
    reachable = set(workflow.INITIAL_STATES.values())
    changed = True
    while changed:
        changed = False
        for spec in workflow.TRANSITIONS:
            if set(spec.sources) & reachable and spec.target not in reachable:
                reachable.add(spec.target)
                changed = True
    assert reachable == set(CaseStatus)


def test_every_guard_cites_a_rule_id():
    for spec in workflow.TRANSITIONS:
        for guard in workflow.guards_for(spec):
            assert workflow.RULE_ID_RE.search(guard.__doc__ or ""), (spec.name, guard.__name__)


def test_table_is_consistent():
    names = [spec.name for spec in workflow.TRANSITIONS]
    assert len(names) == len(set(names))
    for spec in workflow.TRANSITIONS:
        assert spec.sources and spec.tracks
        assert spec.event.startswith("cases.")
        assert spec.target not in spec.sources
        if spec.on_final_approval:
            assert spec.approval_step is not None
    assert set(workflow.INITIAL_STATES) == set(Track)


def test_docs_workflow_md_is_the_rendered_table():
    # Regenerate with: .venv/bin/python -m sanxiang shell -c "from sanxiang.cases.workflow
    # import render_workflow_markdown as r; open('docs/workflow.md', 'w').write(r())"
    assert DOCS.read_text(encoding="utf-8") == workflow.render_workflow_markdown()


@pytest.mark.django_db
def test_refused_transition_writes_nothing(world):
    # LAW-APL-55: concluding an investigation without any record is refused.
    case = filed_case(world)
    case = workflow.case_transition(
        case=case, transition="start_investigation", actor=world.handler
    )
    before = Case.objects.values().get(pk=case.pk)
    events = CaseEvent.objects.filter(case=case).count()
    with pytest.raises(ApplicationError) as refusal:
        workflow.case_transition(case=case, transition="end_investigation", actor=world.handler)
    assert refusal.value.code == "cases.investigation.record_required"
    assert refusal.value.extra["rule"] == "LAW-APL-55"
    assert refusal.value.extra["field"] == "records"
    assert Case.objects.values().get(pk=case.pk) == before
    assert CaseEvent.objects.filter(case=case).count() == events


@pytest.mark.django_db
def test_transition_from_wrong_state_or_track_is_refused(world):
    case = lead(world)
    with pytest.raises(ApplicationError) as refusal:
        workflow.case_transition(case=case, transition="archive", actor=world.handler)
    assert refusal.value.code == "workflow.not_allowed_in_state"
    with pytest.raises(ApplicationError) as unknown:
        workflow.case_transition(case=case, transition="teleport", actor=world.handler)
    assert unknown.value.code == "workflow.unknown_transition"


@pytest.mark.django_db
def test_transition_locks_saves_and_records_an_event(world, django_assert_num_queries):
    case = filed_case(world)
    result = workflow.case_transition(
        case=case,
        transition="start_investigation",
        actor=world.handler,
        data={"note": "开始调查"},
    )
    assert result.status == CaseStatus.INVESTIGATING
    assert Case.objects.get(pk=case.pk).status == CaseStatus.INVESTIGATING
    event = CaseEvent.objects.filter(case=case).latest("id")
    assert event.action == "cases.investigation_started"
    assert event.actor == world.handler
    assert event.actor_name == world.handler.display_name
    assert event.data["changes"] == {"status": ["filed", "investigating"]}
    assert event.data["note"] == "开始调查"


@pytest.mark.django_db
def test_transition_takes_a_row_lock(world, monkeypatch):
    case = filed_case(world)
    calls = []
    original = Case.objects.select_for_update

    def spy(*args, **kwargs):
        calls.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(Case.objects, "select_for_update", spy)
    workflow.case_transition(case=case, transition="start_investigation", actor=world.handler)
    assert calls


@pytest.mark.django_db
def test_decline_needs_a_head_and_outsiders_get_not_found(world):
    case = lead(world)
    with pytest.raises(PermissionDeniedError):
        workflow.case_transition(case=case, transition="decline", actor=world.handler)
    stranger = rf.UserFactory.create(role=m.Role.OFFICER)
    with pytest.raises(NotFoundError):
        workflow.case_transition(case=case, transition="decline", actor=stranger)
    supervisor = rf.UserFactory.create(role=m.Role.SUPERVISOR, agency=world.agency)
    with pytest.raises(PermissionDeniedError):
        workflow.case_transition(case=case, transition="decline", actor=supervisor)


@pytest.mark.django_db
def test_registered_guard_runs_and_can_replace_the_placeholder(world, monkeypatch):
    monkeypatch.setattr(engine, "_ADDED", {})
    monkeypatch.setattr(engine, "_REPLACED", {})

    def no_friday(ctx: TransitionContext) -> None:
        """GUO-118-08: a test guard that always refuses."""
        raise ApplicationError("refused by plug-in", code="plugin.refused")

    workflow.register_guard("end_investigation", no_friday)
    case = filed_case(world)
    case = workflow.case_transition(
        case=case, transition="start_investigation", actor=world.handler
    )
    spec = workflow.TRANSITIONS_BY_NAME["end_investigation"]
    assert workflow.guards_for(spec)[-1] is no_friday

    def review_gate(ctx: TransitionContext) -> None:
        """LAW-APL-58: stand-in for the review app's gate."""

    workflow.register_guard("decide", review_gate, replaces="legal_review_gate")
    decide = workflow.TRANSITIONS_BY_NAME["decide"]
    names = [guard.__name__ for guard in workflow.guards_for(decide)]
    assert "review_gate" in names and "legal_review_gate" not in names

    def undocumented(ctx: TransitionContext) -> None:
        pass

    with pytest.raises(ValueError, match="rule id"):
        workflow.register_guard("decide", undocumented)
    with pytest.raises(ValueError, match="no guard"):
        workflow.register_guard("decide", review_gate, replaces="missing_guard")


def test_a_guard_registered_at_move_only_is_left_out_of_the_approval_precheck(monkeypatch):
    monkeypatch.setattr(engine, "_ADDED", {})
    monkeypatch.setattr(engine, "_REPLACED", {})
    monkeypatch.setattr(engine, "_AT_MOVE_ONLY", set())

    def reviewed(ctx: TransitionContext) -> None:
        """LAW-APL-58: stand-in for a condition met while the approval is under way."""

    workflow.register_guard("decide", reviewed, replaces="legal_review_gate", at_move_only=True)
    decide = workflow.TRANSITIONS_BY_NAME["decide"]
    assert reviewed in workflow.guards_for(decide)
    assert reviewed not in workflow.guards_for(decide, precheck=True)
    # Only on the move it was registered for.
    workflow.register_guard("close", reviewed)
    assert reviewed in workflow.guards_for(workflow.TRANSITIONS_BY_NAME["close"], precheck=True)


@pytest.mark.django_db
def test_available_transitions_explain_refusals(world):
    case = filed_case(world)
    case = workflow.case_transition(
        case=case, transition="start_investigation", actor=world.handler
    )
    offered = {item.name: item for item in workflow.available_transitions(case, world.handler)}
    assert set(offered) == {"end_investigation", "decide"}
    assert not offered["end_investigation"].allowed
    assert "LAW-APL-55" in offered["end_investigation"].refusal_message
    assert offered["decide"].approval_step == "decision"
