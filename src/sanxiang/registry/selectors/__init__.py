"""Every read of the registry (STYLE.md convention 3): `<entity>_<verb>`, scoped by the user.

Visibility rules live in `registry.access`; these functions add filtering, ordering and the
joins that keep list pages at a constant number of queries.
"""

from sanxiang.registry.selectors.officers import (
    CertificateCard,
    CertificateStatusView,
    OfficerCard,
    OfficerPage,
    OfficerPrivate,
    certificate_status_lookup,
    officer_get,
    officer_list,
    officer_roster,
)
from sanxiang.registry.selectors.organisations import (
    DeviceRatio,
    ReviewerStaffing,
    TrainingShortfall,
    agency_get,
    agency_list,
    agency_list_with_departments,
    certified_officers,
    device_ratio,
    officers_short_of_training,
    reviewer_staffing,
    user_profile_get,
)
from sanxiang.registry.selectors.powers import (
    PowerItemFilters,
    discretion_standard_get,
    discretion_standard_list,
    power_item_get,
    power_item_list,
    power_item_list_with_basis,
)

__all__ = [
    "CertificateCard",
    "CertificateStatusView",
    "DeviceRatio",
    "OfficerCard",
    "OfficerPage",
    "OfficerPrivate",
    "PowerItemFilters",
    "ReviewerStaffing",
    "TrainingShortfall",
    "agency_get",
    "agency_list",
    "agency_list_with_departments",
    "certificate_status_lookup",
    "certified_officers",
    "device_ratio",
    "discretion_standard_get",
    "discretion_standard_list",
    "officer_get",
    "officer_list",
    "officer_roster",
    "officers_short_of_training",
    "power_item_get",
    "power_item_list",
    "power_item_list_with_basis",
    "reviewer_staffing",
    "user_profile_get",
]
