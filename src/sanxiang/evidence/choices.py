"""Enumerations of the evidence app, each with its legal source."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceKind(models.TextChoices):
    """The evidence types of the Administrative Penalty Law (LAW-APL-46)."""

    DOCUMENTARY = "documentary", _("Documentary evidence")  # 书证
    PHYSICAL = "physical", _("Physical evidence")  # 物证
    AUDIO_VISUAL = "audio_visual", _("Audio-visual material")  # 视听资料
    ELECTRONIC = "electronic", _("Electronic data")  # 电子数据
    WITNESS = "witness", _("Witness testimony")  # 证人证言
    PARTY_STATEMENT = "party_statement", _("Statement of the party")  # 当事人的陈述
    EXPERT_OPINION = "expert_opinion", _("Expert opinion")  # 鉴定意见
    INSPECTION_RECORD = "inspection_record", _("Inspection or on-site record")  # 勘验笔录、现场笔录


class IntegrityState(models.TextChoices):
    """The result of the last re-hash of the stored file against the hash taken at upload."""

    UNCHECKED = "unchecked", _("Not checked yet")
    VERIFIED = "verified", _("Intact")
    MISMATCH = "mismatch", _("Altered")
    MISSING = "missing", _("File missing")


class CustodyAction(models.TextChoices):
    """What someone did with an evidence file (证据保管链)."""

    UPLOAD = "upload", _("Uploaded")
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded")
    TRANSFER = "transfer", _("Transferred")
    VERIFY = "verify", _("Integrity checked")


class ActKind(models.TextChoices):
    """Enforcement acts an audio-video record can document (GUO-118-08 matrix)."""

    SEIZURE = "seizure", _("Sealing or seizure")  # 查封扣押 (tier b)
    COERCION = "coercion", _("Coercive measure or forced execution")  # 强制拆除 等 (tier b)
    INSPECTION = "inspection", _("On-site enforcement")  # 现场执法 / 现场检查 (tier c)
    PRESERVATION = "preservation", _("Evidence taking")  # 调查取证 / 证据保全 (tier c)
    HEARING = "hearing", _("Hearing")  # 举行听证 (tier c)
    DELIVERY = "delivery", _("Delivery left at the residence or by public notice")  # tier c


class AvTier(models.TextChoices):
    """GUO-118-08: how much audio-video recording an act needs."""

    CONTINUOUS = "continuous", _("Continuous video required")  # 全程音像记录
    VIDEO_OR_REASON = "video_or_reason", _("Video or a recorded reason")  # 根据实际情况


ACT_KIND_LABELS = dict(ActKind.choices)
