"""Output schemas of the registry API (explicit, one per shape; amounts in integer fen).

Officer schemas mirror `selectors.officers`: `private` is null whenever the caller may not see
the ID number and phone (DESIGN.md §1), so those keys are absent from the JSON altogether.
"""

from __future__ import annotations

import datetime

from ninja import Schema

from sanxiang.registry.access import is_administrator
from sanxiang.registry.models import (
    Agency,
    DiscretionStandard,
    DiscretionTier,
    PowerItem,
    PowerItemBasis,
    User,
)
from sanxiang.registry.models.discretion import multiple_text


class AgencyRefOut(Schema):
    id: int
    name: str


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    credit_code: str
    kind: str
    region_code: str
    region_name: str
    supervising_body_id: int | None
    is_active: bool

    @staticmethod
    def resolve_region_code(obj: Agency) -> str:
        return obj.region_id

    @staticmethod
    def resolve_region_name(obj: Agency) -> str:
        return obj.region.name


class CertificateOut(Schema):
    number: str
    field: str
    issuing_authority: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: str


class OfficerPrivateOut(Schema):
    id_number: str
    phone: str
    department_id: int | None
    department_name: str
    position: str
    has_legal_qualification: bool
    legal_qualification_number: str
    is_active: bool


class OfficerOut(Schema):
    id: int
    name: str
    agency_id: int
    agency_name: str
    certificates: list[CertificateOut]
    private: OfficerPrivateOut | None


class OfficerPageOut(Schema):
    count: int
    items: list[OfficerOut]


class PowerItemOut(Schema):
    id: int
    code: str
    name: str
    act_type: str
    agency: AgencyRefOut
    is_active: bool


class BasisOut(Schema):
    kind: str
    reference: str
    law_title: str
    law_effective_from: datetime.date
    label: str
    text: str

    @staticmethod
    def resolve_reference(obj: PowerItemBasis) -> str:
        return f"《{obj.provision.law.title}》{obj.provision.label}"

    @staticmethod
    def resolve_law_title(obj: PowerItemBasis) -> str:
        return obj.provision.law.title

    @staticmethod
    def resolve_law_effective_from(obj: PowerItemBasis) -> datetime.date:
        return obj.provision.law.effective_from

    @staticmethod
    def resolve_label(obj: PowerItemBasis) -> str:
        return obj.provision.label

    @staticmethod
    def resolve_text(obj: PowerItemBasis) -> str:
        return obj.provision.text


class TierOut(Schema):
    """One circumstance tier. The fine is `fine_min_fen`–`fine_max_fen` when `fine_basis` is
    `fixed`, else `fine_min_multiple`–`fine_max_multiple` times that basis (decimal strings
    such as "10" or "0.035", exact); an open bound is null. `fine_range_text` is the same
    range as a standard writes it, in the request's language.
    """

    order: int
    level: str
    circumstance: str
    party_scope: str
    fine_basis: str
    fine_min_fen: int | None
    fine_max_fen: int | None
    fine_min_multiple: str | None
    fine_max_multiple: str | None
    fine_range_text: str
    detention_days_min: int | None
    detention_days_max: int | None
    penalty_types: list[str]
    other_penalties: str

    @staticmethod
    def resolve_fine_min_multiple(obj: DiscretionTier) -> str | None:
        return None if obj.fine_min_multiple is None else multiple_text(obj.fine_min_multiple)

    @staticmethod
    def resolve_fine_max_multiple(obj: DiscretionTier) -> str | None:
        return None if obj.fine_max_multiple is None else multiple_text(obj.fine_max_multiple)

    @staticmethod
    def resolve_fine_range_text(obj: DiscretionTier) -> str:
        return obj.fine_range_text()


class DiscretionStandardSummaryOut(Schema):
    id: int
    code: str
    title: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    tiers: list[TierOut]

    @staticmethod
    def resolve_tiers(obj: DiscretionStandard) -> list[DiscretionTier]:
        return list(obj.tiers.all())


class PowerItemRefOut(Schema):
    id: int
    code: str
    name: str


class DiscretionStandardOut(DiscretionStandardSummaryOut):
    power_item: PowerItemRefOut
    agency: AgencyRefOut
    mitigating_factors: list[str]
    aggravating_factors: list[str]

    @staticmethod
    def resolve_agency(obj: DiscretionStandard) -> Agency:
        return obj.power_item.agency

    @staticmethod
    def resolve_mitigating_factors(obj: DiscretionStandard) -> list[str]:
        return [line.strip() for line in obj.mitigating_factors.splitlines() if line.strip()]

    @staticmethod
    def resolve_aggravating_factors(obj: DiscretionStandard) -> list[str]:
        return [line.strip() for line in obj.aggravating_factors.splitlines() if line.strip()]


class PowerItemDetailOut(PowerItemOut):
    violation: str
    responsibility: str
    accountability: str
    basis: list[BasisOut]
    discretion_standards: list[DiscretionStandardSummaryOut]

    @staticmethod
    def resolve_basis(obj: PowerItem) -> list[PowerItemBasis]:
        return list(obj.basis_links.all())

    @staticmethod
    def resolve_discretion_standards(obj: PowerItem) -> list[DiscretionStandard]:
        return list(obj.discretion_standards.all())


class DepartmentRefOut(Schema):
    id: int
    name: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    role: str
    role_label: str
    agency: AgencyRefOut | None
    department: DepartmentRefOut | None
    is_administrator: bool

    @staticmethod
    def resolve_role_label(obj: User) -> str:
        return str(obj.get_role_display())

    @staticmethod
    def resolve_is_administrator(obj: User) -> bool:
        return is_administrator(obj)
