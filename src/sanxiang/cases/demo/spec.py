"""What one demo case is to become: its scenario, how far it goes and the variants on the way.

A `GeneralSpec` describes a general-procedure penalty case (普通程序): the stage it stops at
(`Stop`), the day of its last act (`anchor`) and the variants of its path (hearing, statement,
waiver, preservation, seizure, pause, extension, recusal, delivery method, payment). An
`OnSpotSpec` describes a simple-procedure case and an `ActSpec` a case of another act type.
Every spec carries the stable key that becomes the case's `external_ref`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import IntEnum

__all__ = ["ActSpec", "GeneralSpec", "OnSpotSpec", "Stop"]


class Stop(IntEnum):
    """How far a general-procedure case goes, in the order of the lifecycle (DESIGN §4)."""

    LEAD = 1
    DECLINED = 2
    FILED = 3
    INVESTIGATING = 4
    CASE_REVIEW = 5
    NOTIFIED = 6
    HEARING = 7
    LEGAL_REVIEW = 8
    DELIBERATION = 9
    DECIDED = 10
    DELIVERED = 11
    ENFORCING = 12
    CLOSED = 13
    ARCHIVED = 14


@dataclass(frozen=True)
class GeneralSpec:
    key: str
    scenario: str
    stop: Stop
    anchor: datetime.date  # the day of the case's last act
    outcome: str = "penalty"  # DecisionOutcome
    no_penalty_reason: str = ""  # NoPenaltyReason
    decline: str = ""  # DeclineReason, for Stop.DECLINED
    lead: str = ""  # Stop.LEAD: "", "near", "over", "submitted", "extended"
    age: int | None = None  # the party is a minor of this age (LAW-APL-30)
    heavy: bool = False
    outside: bool = False  # a fine outside the tier's range (LAW-APL-34)
    hearing: str = ""  # "requested", "scheduled", "held", "absent", "withdrawn"
    statement: bool = False
    waiver: bool = False
    legal_review: bool = False
    deliberation: bool = False
    preservation: str = ""  # "disposed", "running", "lapsed"
    seizure: str = ""  # "disposed", "running", "released"
    testing: bool = False  # the clock stops for testing (SAMR-PROC-64)
    extension: bool = False  # the decision period is extended (SAMR-PROC-64)
    recusal: bool = False
    delivery: str = "direct"  # DeliveryMethod
    payment: str = "on_time"  # "on_time", "late", "plan", "remedy", "unpaid", "overdue", "court"
    pending: str = ""  # the approval left waiting at the stop: ApprovalStep
    pending_level: int = 2  # the level it waits at
    filed_by: datetime.date | None = None  # file no later (a long investigation)


@dataclass(frozen=True)
class OnSpotSpec:
    key: str
    scenario: str
    acted_on: datetime.date
    stop: str  # "delivered", "enforcing", "closed", "archived"
    filed: bool = True  # filed with the agency (SAMR-PROC-70)
    paid: str = "on_time"  # for fines not collected on the spot: "on_time", "unpaid", "overdue"
    collect: bool = False  # collected on the spot (LAW-APL-68)
    age: int | None = None


@dataclass(frozen=True)
class ActSpec:
    key: str
    scenario: str
    received_on: datetime.date
    stop: str  # "registered", "in_progress", "decided", "closed", "archived"
    seizure: str = ""  # coercion: "running", "extended", "released"
