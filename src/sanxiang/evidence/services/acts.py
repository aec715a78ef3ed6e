"""The acts of a case an audio-video record can document, and the GUO-118-08 tier of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from sanxiang.cases.choices import ActResultKind, DeliveryMethod, HearingStatus, RecordKind
from sanxiang.cases.models import (
    ActResult,
    Case,
    Delivery,
    Hearing,
    InvestigationRecord,
    Preservation,
    Seizure,
)
from sanxiang.cases.refusals import refuse
from sanxiang.evidence.choices import ActKind, AvTier
from sanxiang.evidence.models import ACT_FIELD
from sanxiang.registry.models import ActType

__all__ = ["CaseAct", "act_key", "act_link_fields", "case_acts"]

# Delivery methods that GUO-118-08 names as prone to dispute (留置送达, 公告送达).
AV_DELIVERY_METHODS = (DeliveryMethod.LEFT_AT_RESIDENCE, DeliveryMethod.PUBLIC_NOTICE)

TIERS: dict[str, str] = {
    ActKind.SEIZURE: AvTier.CONTINUOUS,
    ActKind.COERCION: AvTier.CONTINUOUS,
    ActKind.INSPECTION: AvTier.VIDEO_OR_REASON,
    ActKind.PRESERVATION: AvTier.VIDEO_OR_REASON,
    ActKind.HEARING: AvTier.VIDEO_OR_REASON,
    ActKind.DELIVERY: AvTier.VIDEO_OR_REASON,
}


@dataclass(frozen=True)
class CaseAct:
    """One act of a case in the GUO-118-08 matrix."""

    kind: str
    act_id: int
    label: str
    tier: str


def _models() -> dict[str, Any]:
    return {
        ActKind.SEIZURE: Seizure,
        ActKind.INSPECTION: InvestigationRecord,
        ActKind.PRESERVATION: Preservation,
        ActKind.HEARING: Hearing,
        ActKind.DELIVERY: Delivery,
    }


def act_key(act: object) -> tuple[str, int]:
    """(`act_kind`, `act_id`) of an act record: a seizure, on-site record, preservation,
    hearing or delivery, or a coercion case itself (its measure, 强制拆除 and the like)."""
    if isinstance(act, Case):
        return (ActKind.COERCION, act.pk)
    for kind, model in _models().items():
        if isinstance(act, model):
            return (kind, act.pk)
    raise TypeError(f"{type(act).__name__} is not an act of the GUO-118-08 matrix")


def case_acts(case: Case) -> list[CaseAct]:
    """The acts of `case` that GUO-118-08 asks to be recorded on video, in matrix order.

    Tier (b), continuous video: every sealing or seizure (查封扣押), and a coercion case whose
    measure was taken (强制拆除 and other coercive measures). Tier (c), video or a recorded
    reason: on-site inspection records (现场执法), preservations of evidence (调查取证 /
    证据保全), hearings held, and deliveries left at the residence or by public notice.
    """
    acts: list[CaseAct] = [
        CaseAct(ActKind.SEIZURE, s.pk, f"{s.get_kind_display()} {s.started_on}", AvTier.CONTINUOUS)
        for s in Seizure.objects.filter(case=case).order_by("started_on", "id")
    ]
    if case.act_type == ActType.COERCION:
        result = ActResult.objects.filter(case=case).first()
        if result is not None and result.result == ActResultKind.MEASURE_TAKEN:
            acts.append(
                CaseAct(ActKind.COERCION, case.pk, str(ActKind.COERCION.label), AvTier.CONTINUOUS)
            )
    acts += [
        CaseAct(
            ActKind.INSPECTION,
            r.pk,
            f"{r.get_kind_display()} {r.started_at:%Y-%m-%d}",
            AvTier.VIDEO_OR_REASON,
        )
        for r in InvestigationRecord.objects.filter(case=case, kind=RecordKind.INSPECTION)
    ]
    acts += [
        CaseAct(
            ActKind.PRESERVATION,
            p.pk,
            f"{_('Preservation of evidence')} {p.started_on}",
            AvTier.VIDEO_OR_REASON,
        )
        for p in Preservation.objects.filter(case=case)
    ]
    acts += [
        CaseAct(ActKind.HEARING, h.pk, f"{_('Hearing')} {h.held_on}", AvTier.VIDEO_OR_REASON)
        for h in Hearing.objects.filter(case=case, status=HearingStatus.HELD)
    ]
    acts += [
        CaseAct(
            ActKind.DELIVERY,
            d.pk,
            f"{d.get_method_display()} {d.delivered_on}",
            AvTier.VIDEO_OR_REASON,
        )
        for d in Delivery.objects.filter(case=case, method__in=AV_DELIVERY_METHODS)
    ]
    return acts


def act_link_fields(case: Case, act_kind: str, act_id: object) -> dict[str, Any]:
    """The model fields linking a record to the act (`act_kind`, `act_id`) of `case`.

    Refuses an unknown kind, or an act that is not of this case or not of the matrix kind
    (e.g. a direct delivery is not a 留置/公告 delivery), with `evidence.act_invalid`.
    """
    if not act_kind:
        return {"act_kind": ""}
    if act_kind not in ActKind.values:
        refuse(
            _("Unknown kind of act."),
            code="evidence.act_invalid",
            rule="GUO-118-08",
            field="act_kind",
        )
    if act_kind == ActKind.COERCION:
        if case.act_type != ActType.COERCION:
            refuse(
                _("This case is not a coercive measure."),
                code="evidence.act_invalid",
                rule="GUO-118-08",
                field="act_kind",
            )
        return {"act_kind": act_kind}
    wanted = {str(act.act_id) for act in case_acts(case) if act.kind == act_kind}
    try:
        act_pk = int(str(act_id))
    except ValueError:
        act_pk = -1
    if str(act_pk) not in wanted:
        refuse(
            _("No such act of this case needs an audio-video record."),
            code="evidence.act_invalid",
            rule="GUO-118-08",
            field="act_id",
        )
    return {"act_kind": act_kind, ACT_FIELD[act_kind] + "_id": act_pk}
