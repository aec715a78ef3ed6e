"""Recording devices per agency against the one-device-per-four-officers standard.

The 津南 pilot rule (Tianjin Jinnan district, full-process recording pilot): at least one
recording device (执法记录仪) for every four enforcement officers. GUO-118-08 asks agencies to
equip themselves for audio-video recording; the ratio is configurable
(`SANXIANG_EVIDENCE_OFFICERS_PER_DEVICE`). Counted: devices in service that officers carry
(body-worn cameras and mobile enforcement terminals); officers: the agency's active officers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count, Q

from sanxiang.evidence.conf import officers_per_device
from sanxiang.registry.access import AnyUser, is_administrator, private_scope
from sanxiang.registry.models import Agency, DeviceStatus, DeviceType, Role, User

__all__ = ["COUNTED_DEVICE_TYPES", "DeviceCompliance", "device_compliance", "device_compliance_for"]

COUNTED_DEVICE_TYPES = (DeviceType.BODY_CAMERA, DeviceType.MOBILE_TERMINAL)


@dataclass(frozen=True)
class DeviceCompliance:
    agency_id: int
    agency_name: str
    devices: int
    officers: int
    required: int
    complies: bool


def _rows(agencies: list[Agency]) -> list[DeviceCompliance]:
    per = officers_per_device()
    rows = []
    for agency in agencies:
        devices = int(agency.counted_devices)  # type: ignore[attr-defined]
        officers = int(agency.active_officers)  # type: ignore[attr-defined]
        required = math.ceil(officers / per) if officers else 0
        rows.append(
            DeviceCompliance(
                agency_id=agency.pk,
                agency_name=agency.name,
                devices=devices,
                officers=officers,
                required=required,
                complies=devices >= required,
            )
        )
    return rows


def _annotated() -> object:
    return Agency.objects.annotate(
        counted_devices=Count(
            "devices",
            filter=Q(
                devices__status=DeviceStatus.IN_SERVICE,
                devices__device_type__in=COUNTED_DEVICE_TYPES,
            ),
            distinct=True,
        ),
        active_officers=Count("officers", filter=Q(officers__is_active=True), distinct=True),
    ).order_by("name", "pk")


def device_compliance(*, user: AnyUser) -> list[DeviceCompliance]:
    """(devices, officers, required, complies) for each agency `user` may see: their own
    agency; a supervisor the agencies they supervise; an administrator all."""
    queryset = _annotated()
    if not isinstance(user, User) or not user.is_authenticated:
        return []
    if is_administrator(user):
        agencies = list(queryset)  # type: ignore[call-overload]
    elif user.role == Role.SUPERVISOR:
        scope = private_scope(user)
        if scope.is_empty:
            return []
        agencies = list(queryset.filter(scope.q("pk")))  # type: ignore[attr-defined]
    elif user.agency_id is not None:
        agencies = list(queryset.filter(pk=user.agency_id))  # type: ignore[attr-defined]
    else:
        return []
    return _rows(agencies)


def device_compliance_for(agency: Agency) -> DeviceCompliance:
    """The figures of one agency (for the registry's agency page; the caller checked access)."""
    return _rows([_annotated().get(pk=agency.pk)])[0]  # type: ignore[attr-defined]
