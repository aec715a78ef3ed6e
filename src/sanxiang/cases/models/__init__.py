"""Models of the case lifecycle (执法全过程记录): one `Case` from lead to archive."""

from sanxiang.cases.models.approvals import Approval, CaseExtension, ClockPause
from sanxiang.cases.models.cases import Case, CasePolicy
from sanxiang.cases.models.decisions import ActResult, Decision, Deliberation
from sanxiang.cases.models.enforcement import (
    Delivery,
    Execution,
    Payment,
    PaymentPlan,
    RemedyPause,
)
from sanxiang.cases.models.events import AppendOnlyError, CaseEvent, Deadline
from sanxiang.cases.models.investigation import (
    InvestigationRecord,
    Preservation,
    RecordOfficer,
    Seizure,
)
from sanxiang.cases.models.notices import Hearing, PenaltyNotice, Statement
from sanxiang.cases.models.parties import (
    CaseOfficer,
    ElectronicDeliveryConsent,
    Party,
    Recusal,
)

__all__ = [
    "ActResult",
    "AppendOnlyError",
    "Approval",
    "Case",
    "CaseEvent",
    "CaseExtension",
    "CaseOfficer",
    "CasePolicy",
    "ClockPause",
    "Deadline",
    "Decision",
    "Deliberation",
    "Delivery",
    "ElectronicDeliveryConsent",
    "Execution",
    "Hearing",
    "InvestigationRecord",
    "Party",
    "Payment",
    "PaymentPlan",
    "PenaltyNotice",
    "Preservation",
    "RecordOfficer",
    "Recusal",
    "RemedyPause",
    "Seizure",
    "Statement",
]
