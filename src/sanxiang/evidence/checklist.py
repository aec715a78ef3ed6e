"""The GUO-118-08 audio-video checklist of a case, and the guards built on it.

GUO-118-08 (国办发〔2018〕118号): acts that touch personal liberty, life and health or major
property — 查封扣押, 强制拆除 — need continuous (全程) audio-video recording; acts prone to
dispute — 现场执法, 调查取证, 听证, 留置送达, 公告送达 — need a recording "根据实际情况", which
the platform reads as: a video, or a recorded reason why there is none. The case page shows
the checklist; closing a case (`close`, `act_close`) is refused while an item is open.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from sanxiang.cases.guards.context import TransitionContext
from sanxiang.cases.models import Case
from sanxiang.cases.refusals import refuse
from sanxiang.evidence.choices import ACT_KIND_LABELS, AvTier, IntegrityState
from sanxiang.evidence.models import AvReason, EvidenceItem
from sanxiang.evidence.services.acts import case_acts

__all__ = ["ChecklistRow", "av_checklist", "guard_av_records"]

_BROKEN = (IntegrityState.MISMATCH, IntegrityState.MISSING)


@dataclass(frozen=True)
class ChecklistRow:
    act_kind: str
    act_kind_label: str
    act_id: int
    label: str
    tier: str
    tier_label: str
    videos: int
    continuous_videos: int
    reason: str
    met: bool


def _key(kind: str, act_id: int | None) -> tuple[str, int | None]:
    return (kind, act_id)


def av_checklist(case: Case) -> list[ChecklistRow]:
    """Each act of the case that GUO-118-08 asks to be recorded, and whether it is."""
    acts = case_acts(case)
    if not acts:
        return []
    videos: dict[tuple[str, int | None], list[EvidenceItem]] = {}
    for item in (
        EvidenceItem.objects.filter(case=case, content_type__startswith="video/")
        .exclude(act_kind="")
        .exclude(integrity__in=_BROKEN)
    ):
        videos.setdefault(_key(item.act_kind, item.act_id), []).append(item)
    reasons = {
        _key(row.act_kind, row.act_id): row.reason
        for row in AvReason.objects.filter(case=case).order_by("recorded_at", "id")
    }
    rows = []
    for act in acts:
        found = videos.get(_key(act.kind, act.act_id), [])
        continuous = sum(1 for item in found if item.is_continuous)
        reason = reasons.get(_key(act.kind, act.act_id), "")
        # Tier (b) needs a continuous video; tier (c) any video or a recorded reason.
        met = continuous > 0 if act.tier == AvTier.CONTINUOUS else bool(found or reason)
        rows.append(
            ChecklistRow(
                act_kind=act.kind,
                act_kind_label=str(ACT_KIND_LABELS[act.kind]),
                act_id=act.act_id,
                label=act.label,
                tier=act.tier,
                tier_label=str(AvTier(act.tier).label),
                videos=len(found),
                continuous_videos=continuous,
                reason=reason,
                met=met,
            )
        )
    return rows


def guard_av_records(ctx: TransitionContext) -> None:
    """GUO-118-08: a case cannot be closed while an act of the audio-video matrix lacks its
    record — continuous video for 查封扣押 and 强制拆除 (tier b), video or a recorded reason for
    现场执法, 调查取证, 听证 and 留置/公告送达 (tier c)."""
    open_rows = [row for row in av_checklist(ctx.case) if not row.met]
    if not open_rows:
        return
    continuous = [row for row in open_rows if row.tier == AvTier.CONTINUOUS]
    if continuous:
        refuse(
            _(
                "Attach a continuous video of: %(acts)s. Acts that touch personal liberty or "
                "major property cannot be closed without one (GUO-118-08)."
            )
            % {"acts": "；".join(row.label for row in continuous)},
            code="evidence.continuous_video_required",
            rule="GUO-118-08",
            field="evidence",
            acts=[{"act_kind": r.act_kind, "act_id": r.act_id} for r in continuous],
        )
    refuse(
        _("Attach a video or record why there is none for: %(acts)s (GUO-118-08).")
        % {"acts": "；".join(row.label for row in open_rows)},
        code="evidence.av_record_required",
        rule="GUO-118-08",
        field="evidence",
        acts=[{"act_kind": r.act_kind, "act_id": r.act_id} for r in open_rows],
    )
