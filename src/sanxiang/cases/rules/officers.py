"""At least two certified officers on every enforcement act — LAW-APL-42.

"行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。"
The same minimum appears in LAW-ACL-18, SAMR-PROC-19 and SAMR-PROC-21/22. Whether a certificate
is valid on the act's date (status, expiry, TJ-SUP-10 training) is the registry's to decide;
this check receives the answer in `OfficerOnDuty.certificate_valid_on_date`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError

__all__ = ["OfficerOnDuty", "check_officers_certified"]


@dataclass(frozen=True, slots=True)
class OfficerOnDuty:
    """An officer taking part in an act, with the certificate shown and whether it was valid
    on the act's date."""

    officer_id: int
    name: str
    certificate_number: str
    certificate_valid_on_date: bool


def check_officers_certified(
    *, officers: Sequence[OfficerOnDuty], on: date, minimum: int = 2
) -> None:
    """Refuse an act with fewer than `minimum` distinct officers certified on `on` (LAW-APL-42).

    Officers are counted once each by `officer_id`. `minimum` is 2 unless a law provides
    otherwise ("法律另有规定的除外"). The refusal (`rules.officers.too_few_certified`) names the
    officers whose certificates were not valid on that date, in `extra["invalid"]` too.
    """
    if minimum < 1:
        raise ValueError("An enforcement act needs at least one officer")
    valid_ids = {o.officer_id for o in officers if o.certificate_valid_on_date}
    if len(valid_ids) >= minimum:
        return
    invalid: dict[int, OfficerOnDuty] = {}
    for officer in officers:
        if officer.officer_id not in valid_ids:
            invalid.setdefault(officer.officer_id, officer)
    params = {"count": len(valid_ids), "minimum": minimum, "date": on.isoformat()}
    if invalid:
        params["names"] = ", ".join(
            f"{o.name} ({o.certificate_number or '-'})" for o in invalid.values()
        )
        message = _(
            "Only %(count)s officer(s) with a certificate valid on %(date)s take part, at least "
            "%(minimum)s are required (officers, LAW-APL-42). Certificates not valid on that "
            "date: %(names)s."
        )
    else:
        message = _(
            "Only %(count)s officer(s) with a certificate valid on %(date)s take part, at least "
            "%(minimum)s are required (officers, LAW-APL-42)."
        )
    # LAW-APL-42: fewer than two certified officers.
    raise ApplicationError(
        message % params,
        code="rules.officers.too_few_certified",
        extra={
            "field": "officers",
            "rule": "LAW-APL-42",
            "valid_count": len(valid_ids),
            "minimum": minimum,
            "invalid": [
                {
                    "officer_id": o.officer_id,
                    "name": o.name,
                    "certificate_number": o.certificate_number,
                }
                for o in invalid.values()
            ],
        },
    )
