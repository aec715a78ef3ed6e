"""Which officers of a case hold a valid certificate on an act's date (LAW-APL-42, LAW-APL-55).

Turns registry officers into the `rules.OfficerOnDuty` values that
`rules.check_officers_certified` judges, and picks the certificate whose number a record
shows. Prefetch `certificates` on the officers to keep this to one query.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from sanxiang.cases.models import Case, CaseOfficer
from sanxiang.cases.rules import OfficerOnDuty, check_officers_certified
from sanxiang.registry.models import Certificate, Officer

__all__ = [
    "active_case_officers",
    "certificate_on",
    "officers_on_duty",
    "require_case_officers_certified",
    "require_officers_certified",
]


def certificate_on(officer: Officer, day: datetime.date) -> Certificate | None:
    """The officer's certificate valid on `day`; failing that the latest one (to name it)."""
    certificates = sorted(officer.certificates.all(), key=lambda c: (c.expires_on, c.pk))
    valid = [c for c in certificates if c.is_valid_on(day)]
    if valid:
        return valid[-1]
    return certificates[-1] if certificates else None


def officers_on_duty(officers: Iterable[Officer], day: datetime.date) -> list[OfficerOnDuty]:
    """Each officer with the certificate shown and whether it was valid on `day`."""
    result = []
    for officer in officers:
        certificate = certificate_on(officer, day)
        result.append(
            OfficerOnDuty(
                officer_id=officer.pk,
                name=officer.name,
                certificate_number=certificate.number if certificate else "",
                certificate_valid_on_date=bool(certificate and certificate.is_valid_on(day)),
            )
        )
    return result


def require_officers_certified(officers: Iterable[Officer], day: datetime.date) -> None:
    """LAW-APL-42: refuse unless at least two of `officers` are certified on `day`."""
    check_officers_certified(officers=officers_on_duty(officers, day), on=day, minimum=2)


def active_case_officers(case: Case) -> list[Officer]:
    """The officers currently assigned to `case` (recused ones removed), certificates loaded."""
    links = (
        CaseOfficer.objects.filter(case=case, removed_on__isnull=True)
        .select_related("officer")
        .prefetch_related("officer__certificates")
    )
    return [link.officer for link in links]


def require_case_officers_certified(case: Case, day: datetime.date) -> None:
    """LAW-APL-42: the case's active officers include two certified on `day`."""
    require_officers_certified(active_case_officers(case), day)
