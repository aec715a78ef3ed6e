"""Recording devices per agency against the one-device-per-four-officers standard.

The 津南 pilot rule (Tianjin Jinnan district, full-process recording pilot): at least one
recording device (执法记录仪) for every four enforcement officers (GUO-118-08 asks agencies to
equip themselves for audio-video recording). The figure itself is the registry's
`device_ratio` (portable devices in service against certified officers, ratio
`SANXIANG_OFFICERS_PER_DEVICE`), the same one the agency dashboard shows; this module lists
it for the agencies a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanxiang.registry.access import AnyUser, is_administrator, private_scope
from sanxiang.registry.models import Agency, Role, User
from sanxiang.registry.selectors.organisations import device_ratio

__all__ = ["DeviceCompliance", "device_compliance", "device_compliance_for"]


@dataclass(frozen=True)
class DeviceCompliance:
    agency_id: int
    agency_name: str
    devices: int
    officers: int
    required: int
    complies: bool


def _rows(agencies: list[Agency]) -> list[DeviceCompliance]:
    rows = []
    for agency in agencies:
        ratio = device_ratio(agency=agency)
        rows.append(
            DeviceCompliance(
                agency_id=agency.pk,
                agency_name=agency.name,
                devices=ratio.devices_in_service,
                officers=ratio.officers,
                required=ratio.devices_required,
                complies=ratio.devices_in_service >= ratio.devices_required,
            )
        )
    return rows


def device_compliance(*, user: AnyUser) -> list[DeviceCompliance]:
    """(devices, officers, required, complies) for each agency `user` may see: their own
    agency; a supervisor the agencies they supervise; an administrator all."""
    queryset = Agency.objects.order_by("name", "pk")
    if not isinstance(user, User) or not user.is_authenticated:
        return []
    if is_administrator(user):
        agencies = list(queryset)
    elif user.role == Role.SUPERVISOR:
        scope = private_scope(user)
        if scope.is_empty:
            return []
        agencies = list(queryset.filter(scope.q("pk")))
    elif user.agency_id is not None:
        agencies = list(queryset.filter(pk=user.agency_id))
    else:
        return []
    return _rows(agencies)


def device_compliance_for(agency: Agency) -> DeviceCompliance:
    """The figures of one agency (for the registry's agency page; the caller checked access)."""
    return _rows([agency])[0]
