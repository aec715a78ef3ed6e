"""Load (or bring up to date) the demo data set of the Tianjin pilot, in one transaction.

Idempotent: every row is found by its natural key (region code, agency name, department
(agency, name), officer ID number, certificate number, law (lineage, effective_from), provision
(law, article, paragraph, item), power item (agency, code), standard code, tier (standard, order),
device serial, major-decision rule (agency, name), username) and only written when it differs
from the data set, so a second load changes nothing. Deterministic: no randomness and no use of
today's date. Demo accounts are reset to their definition, password included (accounts.py).
"""

from __future__ import annotations

from typing import Protocol

from django.db import transaction

from sanxiang.registry.demo.accounts import ACCOUNTS, DemoPasswords
from sanxiang.registry.demo.agencies import ALL_AGENCIES, SUPERVISOR
from sanxiang.registry.demo.catalogue import RULES
from sanxiang.registry.demo.devices import DEVICES
from sanxiang.registry.demo.discretion import DISTRICT_STANDARDS
from sanxiang.registry.demo.discretion_market import MARKET
from sanxiang.registry.demo.discretion_municipal import MUNICIPAL_STANDARDS
from sanxiang.registry.demo.laws import LAWS, provision_label
from sanxiang.registry.demo.officers import (
    CERTIFICATE_ISSUER,
    TRAINING_YEARS,
    certificate_rows,
    officer_rows,
    training_hours,
)
from sanxiang.registry.demo.powers import ProvisionKey
from sanxiang.registry.demo.powers_district import DISTRICT_POWERS
from sanxiang.registry.demo.powers_municipal import MUNICIPAL_POWERS
from sanxiang.registry.demo.provisions_general import GENERAL
from sanxiang.registry.demo.provisions_sectoral import SECTORAL
from sanxiang.registry.demo.regions import REGIONS
from sanxiang.registry.demo.upsert import DemoSummary, delete_others, upsert
from sanxiang.registry.models import (
    Agency,
    Certificate,
    Department,
    DeviceStatus,
    DiscretionStandard,
    DiscretionTier,
    Law,
    MajorDecisionRule,
    Officer,
    PowerItem,
    PowerItemBasis,
    Provision,
    RecordingDevice,
    Region,
    TrainingRecord,
    User,
)


class Writer(Protocol):
    """Where progress lines go: a text stream or a management command's `self.stdout`."""

    def write(self, text: str, /) -> object: ...


POWER_ITEMS = (*MUNICIPAL_POWERS, *DISTRICT_POWERS)
STANDARDS = (*MARKET, *MUNICIPAL_STANDARDS, *DISTRICT_STANDARDS)
PROVISIONS = (*GENERAL, *SECTORAL)


def load_demo(*, stdout: Writer | None = None) -> DemoSummary:
    """Create or update the whole demo data set and return what was done.

    Side effects: writes registry rows only (no events, no outbound pushes); resets the demo
    accounts listed in accounts.py, password included. Runs in one transaction: either all of
    the data set is there afterwards, or nothing changed.
    """
    summary = DemoSummary()
    with transaction.atomic():
        _load_regions(summary)
        agencies = _load_agencies(summary)
        departments = _load_departments(summary, agencies)
        users = _load_accounts(summary, agencies, departments)
        officers = _load_officers(summary, agencies, departments, users)
        _load_certificates(summary, officers)
        _load_training(summary, officers)
        _load_devices(summary, agencies, officers)
        provisions = _load_laws(summary)
        powers = _load_powers(summary, agencies, provisions)
        _load_standards(summary, powers)
        _load_catalogue(summary, agencies)
    if stdout is not None:
        for line in summary.describe_models():
            stdout.write(line + "\n")
    return summary


def _load_regions(summary: DemoSummary) -> None:
    for spec in REGIONS:  # parents come first
        upsert(
            summary,
            Region,
            {"code": spec.code},
            {
                "name": spec.name,
                "parent_id": spec.parent,
                "is_current": spec.is_current,
            },
        )


def _load_agencies(summary: DemoSummary) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for spec in ALL_AGENCIES:  # the supervisor first: it supervises the others
        supervisor = None if spec is SUPERVISOR else agencies[SUPERVISOR.key]
        agencies[spec.key] = upsert(
            summary,
            Agency,
            {"name": spec.name},
            {
                "short_name": spec.short_name,
                "credit_code": spec.credit_code,
                "kind": spec.kind,
                "region_id": spec.region,
                "parent": None,
                "supervising_body": supervisor,
                "is_vertical": False,
                "address": spec.address,
                "is_active": True,
            },
        )
    return agencies


def _load_departments(
    summary: DemoSummary, agencies: dict[str, Agency]
) -> dict[tuple[str, str], Department]:
    departments = {}
    for spec in ALL_AGENCIES:
        for department in spec.departments:
            departments[spec.key, department.name] = upsert(
                summary,
                Department,
                {"agency": agencies[spec.key], "name": department.name},
                {"is_legal_office": department.is_legal_office},
            )
    return departments


def _load_accounts(
    summary: DemoSummary,
    agencies: dict[str, Agency],
    departments: dict[tuple[str, str], Department],
) -> dict[str, User]:
    """Create or reset the demo accounts; return those that belong to an officer, by staff key."""
    passwords = DemoPasswords()
    users: dict[str, User] = {}
    for spec in ACCOUNTS:
        existing = User.objects.filter(username=spec.username).first()
        user = upsert(
            summary,
            User,
            {"username": spec.username},
            {
                "password": passwords.encoded(existing.password if existing else None),
                "full_name": spec.full_name,
                "role": spec.role,
                "agency": agencies[spec.agency] if spec.agency else None,
                "department": (
                    departments[spec.agency, spec.department]
                    if spec.agency and spec.department
                    else None
                ),
                "is_staff": spec.is_superuser,
                "is_superuser": spec.is_superuser,
                "is_active": True,
            },
        )
        if spec.officer:
            users[spec.officer] = user
    return users


def _load_officers(
    summary: DemoSummary,
    agencies: dict[str, Agency],
    departments: dict[tuple[str, str], Department],
    users: dict[str, User],
) -> dict[str, Officer]:
    officers = {}
    for row in officer_rows():
        spec = row.spec
        officers[spec.key] = upsert(
            summary,
            Officer,
            {"id_number": row.id_number},
            {
                "agency": agencies[spec.agency],
                "department": departments[spec.agency, spec.department]
                if spec.department
                else None,
                "user": users.get(spec.key),
                "name": spec.name,
                "phone": row.phone,
                "position": spec.position,
                "has_legal_qualification": spec.qualified,
                "legal_qualification_number": row.legal_qualification_number,
                "is_active": row.is_active,
            },
        )
    return officers


def _load_certificates(summary: DemoSummary, officers: dict[str, Officer]) -> None:
    for row in certificate_rows():
        upsert(
            summary,
            Certificate,
            {"number": row.number},
            {
                "officer": officers[row.officer_key],
                "field": row.field,
                "issuing_authority": CERTIFICATE_ISSUER,
                "issued_on": row.issued_on,
                "expires_on": row.expires_on,
                "status": row.status,
                "status_reason": row.status_reason,
                "status_changed_at": row.status_changed_at,
            },
        )


def _load_training(summary: DemoSummary, officers: dict[str, Officer]) -> None:
    for index, (key, officer) in enumerate(officers.items()):
        for year in TRAINING_YEARS:
            upsert(
                summary,
                TrainingRecord,
                {"officer": officer, "year": year},
                {"hours": training_hours(index, key, year)},
            )


def _load_devices(
    summary: DemoSummary, agencies: dict[str, Agency], officers: dict[str, Officer]
) -> None:
    for spec in DEVICES:
        upsert(
            summary,
            RecordingDevice,
            {"serial_number": spec.serial_number},
            {
                "agency": agencies[spec.agency],
                "device_type": spec.device_type,
                "model_name": spec.model_name,
                "status": DeviceStatus.IN_SERVICE,
                "holder": officers[spec.holder] if spec.holder else None,
                "location": spec.location,
                "legal_review_passed_on": spec.legal_review_passed_on,
                "technical_review_passed_on": spec.technical_review_passed_on,
                "location_published": spec.location_published,
            },
        )


def _load_laws(summary: DemoSummary) -> dict[ProvisionKey, Provision]:
    laws: dict[str, Law] = {}
    for spec in LAWS:
        laws[spec.key] = upsert(
            summary,
            Law,
            {"lineage": spec.lineage, "effective_from": spec.effective_from},
            {
                "title": spec.title,
                "short_title": spec.short_title,
                "level": spec.level,
                "issuer": spec.issuer,
                "document_number": spec.document_number,
                "promulgated_on": spec.promulgated_on,
                "effective_to": spec.effective_to,
            },
        )
    provisions: dict[ProvisionKey, Provision] = {}
    for provision in PROVISIONS:
        provisions[provision.key] = upsert(
            summary,
            Provision,
            {
                "law": laws[provision.law],
                "article": provision.article,
                "paragraph": provision.paragraph,
                "item": provision.item,
            },
            {
                "label": provision_label(provision.article, provision.paragraph, provision.item),
                "text": provision.text,
            },
        )
    return provisions


def _load_powers(
    summary: DemoSummary,
    agencies: dict[str, Agency],
    provisions: dict[ProvisionKey, Provision],
) -> dict[tuple[str, str], PowerItem]:
    powers = {}
    for spec in POWER_ITEMS:
        item = upsert(
            summary,
            PowerItem,
            {"agency": agencies[spec.agency], "code": spec.code},
            {
                "name": spec.name,
                "act_type": spec.act_type,
                "violation": spec.violation,
                "responsibility": spec.responsibility,
                "accountability": spec.accountability,
                "is_active": True,
            },
        )
        links = [
            upsert(
                summary,
                PowerItemBasis,
                {"power_item": item, "provision": provisions[link.provision], "kind": link.kind},
            ).pk
            for link in spec.bases
        ]
        delete_others(summary, PowerItemBasis.objects.filter(power_item=item), links)
        powers[spec.agency, spec.code] = item
    return powers


def _load_standards(summary: DemoSummary, powers: dict[tuple[str, str], PowerItem]) -> None:
    for spec in STANDARDS:
        standard = upsert(
            summary,
            DiscretionStandard,
            {"code": spec.code},
            {
                "power_item": powers[spec.agency, spec.power_code],
                "title": spec.title,
                "mitigating_factors": "\n".join(spec.mitigating),
                "aggravating_factors": "\n".join(spec.aggravating),
                "effective_from": spec.effective_from,
                "effective_to": None,
            },
        )
        tiers = [
            upsert(
                summary,
                DiscretionTier,
                {"standard": standard, "order": order},
                {
                    "level": tier.level,
                    "circumstance": tier.circumstance,
                    "party_scope": tier.party_scope,
                    "fine_basis": tier.fine_basis,
                    "fine_min_fen": tier.fine_min_fen,
                    "fine_max_fen": tier.fine_max_fen,
                    "fine_min_multiple": tier.multiple.low if tier.multiple else None,
                    "fine_max_multiple": tier.multiple.high if tier.multiple else None,
                    "detention_days_min": tier.detention_days[0],
                    "detention_days_max": tier.detention_days[1],
                    "penalty_types": list(tier.penalty_types),
                    "other_penalties": tier.other_penalties,
                },
            ).pk
            for order, tier in enumerate(spec.tiers, start=1)
        ]
        delete_others(summary, DiscretionTier.objects.filter(standard=standard), tiers)


def _load_catalogue(summary: DemoSummary, agencies: dict[str, Agency]) -> None:
    for spec in RULES:
        agency = agencies[spec.agency] if spec.agency else None
        upsert(
            summary,
            MajorDecisionRule,
            {"agency": agency, "name": spec.name},
            {
                "trigger": spec.trigger,
                "act_type": "",
                "penalty_type": spec.penalty_type,
                "party_scope": spec.party_scope,
                "amount_fen": spec.amount_fen,
                "legal_basis": spec.legal_basis,
                "is_active": True,
            },
        )
