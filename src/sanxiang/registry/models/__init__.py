"""Models of the enforcement registry: who may enforce what, with which means, on which basis."""

from sanxiang.registry.models.accounts import User
from sanxiang.registry.models.choices import (
    ActType,
    CertificateStatus,
    FineBasis,
    LawLevel,
    PartyScope,
    PenaltyType,
    Role,
)
from sanxiang.registry.models.devices import DeviceStatus, DeviceType, RecordingDevice
from sanxiang.registry.models.discretion import DiscretionStandard, DiscretionTier
from sanxiang.registry.models.laws import Law, Provision
from sanxiang.registry.models.major_decisions import MajorDecisionRule, MajorDecisionTrigger
from sanxiang.registry.models.officers import Certificate, Officer, TrainingRecord
from sanxiang.registry.models.organisations import Agency, AgencyKind, Department, Region
from sanxiang.registry.models.powers import BasisKind, PowerItem, PowerItemBasis

__all__ = [
    "ActType",
    "Agency",
    "AgencyKind",
    "BasisKind",
    "Certificate",
    "CertificateStatus",
    "Department",
    "DeviceStatus",
    "DeviceType",
    "DiscretionStandard",
    "DiscretionTier",
    "FineBasis",
    "Law",
    "LawLevel",
    "MajorDecisionRule",
    "MajorDecisionTrigger",
    "Officer",
    "PartyScope",
    "PenaltyType",
    "PowerItem",
    "PowerItemBasis",
    "Provision",
    "RecordingDevice",
    "Region",
    "Role",
    "TrainingRecord",
    "User",
]
