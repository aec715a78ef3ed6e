"""Template tags the evidence app adds to other apps' admin pages."""

from __future__ import annotations

from typing import Any

from django import template

from sanxiang.evidence.conf import officers_per_device
from sanxiang.evidence.devices import device_compliance_for
from sanxiang.registry.models import Agency

register = template.Library()


@register.inclusion_tag("evidence/_agency_device_ratio.html")
def agency_device_ratio(agency: Agency) -> dict[str, Any]:
    """The agency's devices, officers, devices required and whether it complies (津南 pilot
    rule: one device per four officers), for the registry's agency admin page. The admin has
    already checked that the user may change the agency."""
    return {"row": device_compliance_for(agency), "per": officers_per_device()}
