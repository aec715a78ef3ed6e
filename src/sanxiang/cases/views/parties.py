"""Actions on who is in the case and on the investigation: parties, consent, officers, recusal,
records, preservation of evidence and seizure. Each calls one service."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from sanxiang.cases import services
from sanxiang.cases.choices import CaseStatus, Track
from sanxiang.cases.forms.investigation import (
    PreservationDisposeForm,
    PreservationForm,
    RecordForm,
    SeizureExtendForm,
    SeizureReleaseForm,
    SeizureStartForm,
)
from sanxiang.cases.forms.parties import (
    ConfirmForm,
    ConsentForm,
    OfficersForm,
    PartyForm,
    RecusalApplyForm,
    RecusalDecideForm,
)
from sanxiang.cases.models import Case
from sanxiang.cases.services.investigation import RECORDING_STATES
from sanxiang.cases.views.actions import Action, ActionContext, register
from sanxiang.cases.views.leads import OPEN_STATES, party_data
from sanxiang.registry.models import ActType, Role

__all__: list[str] = []

_NOT_FINISHED = frozenset(CaseStatus) - {
    CaseStatus.CLOSED,
    CaseStatus.ARCHIVED,
    CaseStatus.DECLINED,
}


def _party_add(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.party_add(case=ctx.case, data=party_data(data), actor=ctx.user)


def _party_edit(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.party_update(party=ctx.target, data=party_data(data), actor=ctx.user)


def _party_remove(ctx: ActionContext, data: dict[str, Any]) -> object:
    services.party_remove(party=ctx.target, actor=ctx.user)
    return None


def _consent(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.electronic_consent_record(actor=ctx.user, **data)


def _officers(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.case_assign_officers(
        case=ctx.case, officers=list(data["officers"]), lead=data["lead"], actor=ctx.user
    )


def _recusal_apply(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.recusal_apply(case=ctx.case, actor=ctx.user, **data)


def _recusal_decide(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.recusal_decide(
        recusal=ctx.target,
        granted=data["granted"],
        reason=data["reason"],
        on=data["on"],
        actor=ctx.user,
    )


def _record(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.record_add(
        case=ctx.case,
        kind=data["kind"],
        started_at=data["started_at"],
        ended_at=data["ended_at"],
        place=data["place"],
        subject_name=data["subject_name"],
        subject_role=data["subject_role"],
        content=data["content"],
        officers=list(data["officers"]),
        actor=ctx.user,
    )


def _preservation(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.preservation_start(case=ctx.case, actor=ctx.user, **data)


def _preservation_dispose(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.preservation_dispose(preservation=ctx.target, actor=ctx.user, **data)


def _seizure(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.seizure_start(case=ctx.case, actor=ctx.user, **data)


def _seizure_extend(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.seizure_extend(seizure=ctx.target, actor=ctx.user, **data)


def _seizure_release(ctx: ActionContext, data: dict[str, Any]) -> object:
    return services.seizure_release(seizure=ctx.target, actor=ctx.user, **data)


def _may_seize(case: Case) -> bool:
    return case.act_type in (ActType.COERCION, ActType.PENALTY)


register(
    Action(
        "party-add",
        gettext_lazy("Add a party"),
        PartyForm,
        _party_add,
        states=OPEN_STATES - {CaseStatus.DECLINED},
        tracks={Track.GENERAL, Track.OTHER},
        section="parties",
        icon="person-plus",
    ),
    Action(
        "party-edit",
        gettext_lazy("Edit the party"),
        PartyForm,
        _party_edit,
        target="parties",
        section="parties",
    ),
    Action(
        "party-remove",
        gettext_lazy("Remove the party"),
        ConfirmForm,
        _party_remove,
        target="parties",
        section="parties",
        danger=True,
        icon="person-dash",
    ),
    Action(
        "consent",
        gettext_lazy("Record consent to electronic delivery"),
        ConsentForm,
        _consent,
        states=_NOT_FINISHED,
        applies=lambda case: case.track != Track.OTHER,
        rule="LAW-APL-61",
        section="parties",
        icon="envelope-check",
    ),
    Action(
        "officers",
        gettext_lazy("Assign officers"),
        OfficersForm,
        _officers,
        states=OPEN_STATES - {CaseStatus.DECLINED},
        tracks={Track.GENERAL, Track.OTHER},
        rule="SAMR-PROC-19, LAW-APL-42",
        section="officers",
        icon="people",
    ),
    Action(
        "recusal-apply",
        gettext_lazy("Apply for a recusal"),
        RecusalApplyForm,
        _recusal_apply,
        states=OPEN_STATES - {CaseStatus.DECLINED},
        tracks={Track.GENERAL, Track.OTHER},
        rule="LAW-APL-43",
        section="officers",
        icon="person-x",
    ),
    Action(
        "recusal-decide",
        gettext_lazy("Decide the recusal"),
        RecusalDecideForm,
        _recusal_decide,
        target="recusals",
        rule="LAW-APL-43",
        section="officers",
    ),
    Action(
        "record-add",
        gettext_lazy("Add an inquiry or inspection record"),
        RecordForm,
        _record,
        states=RECORDING_STATES,
        tracks={Track.GENERAL, Track.OTHER},
        rule="LAW-APL-42, LAW-APL-55",
        section="records",
        icon="journal-plus",
    ),
    Action(
        "preservation-start",
        gettext_lazy("Preserve evidence"),
        PreservationForm,
        _preservation,
        states={CaseStatus.FILED, CaseStatus.INVESTIGATING},
        tracks={Track.GENERAL},
        rule="LAW-APL-56",
        section="records",
        icon="box-seam",
    ),
    Action(
        "preservation-dispose",
        gettext_lazy("Dispose of preserved evidence"),
        PreservationDisposeForm,
        _preservation_dispose,
        target="preservations",
        rule="LAW-APL-56",
        section="records",
    ),
    Action(
        "seizure-start",
        gettext_lazy("Seal or seize property"),
        SeizureStartForm,
        _seizure,
        states={
            CaseStatus.REGISTERED,
            CaseStatus.IN_PROGRESS,
            CaseStatus.FILED,
            CaseStatus.INVESTIGATING,
        },
        tracks={Track.GENERAL, Track.OTHER},
        applies=_may_seize,
        rule="LAW-ACL-25",
        section="records",
        icon="lock",
    ),
    Action(
        "seizure-extend",
        gettext_lazy("Extend the seizure"),
        SeizureExtendForm,
        _seizure_extend,
        target="seizures",
        rule="LAW-ACL-25",
        section="records",
    ),
    Action(
        "seizure-release",
        gettext_lazy("End the seizure"),
        SeizureReleaseForm,
        _seizure_release,
        target="seizures",
        rule="LAW-ACL-25",
        section="records",
    ),
)

# Roles that decide (shown inline only to them; the services refuse anyone else).
DECIDES_RECUSAL = frozenset({Role.AGENCY_HEAD})
