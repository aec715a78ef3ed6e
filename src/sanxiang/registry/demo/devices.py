"""Audio-video recording devices (音像记录设备) of the demo agencies (GUO-118-08).

Every agency has at least one portable device per four officers, except 天津市津南区人民政府,
which is deliberately below (one device for eight officers) so the equipment ratio has something
to report. The 公安局 traffic police also run fixed electronic monitoring devices: these need a
legal and a technical review and a published location (LAW-APL-41); one of them has not passed
the technical review, so its recordings cannot serve as penalty evidence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sanxiang.registry.models import DeviceType


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    serial_number: str
    agency: str
    device_type: str
    model_name: str
    holder: str | None = None  # officer key
    location: str = ""
    legal_review_passed_on: datetime.date | None = None
    technical_review_passed_on: datetime.date | None = None
    location_published: bool = False


_MODELS: dict[str, str] = {
    DeviceType.BODY_CAMERA: "4G执法记录仪",
    DeviceType.CAMERA: "数码照相机",
    DeviceType.AUDIO_RECORDER: "数字录音笔",
}
_CODES: dict[str, str] = {
    DeviceType.BODY_CAMERA: "DSJ",
    DeviceType.CAMERA: "XJ",
    DeviceType.AUDIO_RECORDER: "LY",
}

# agency key → (device type, number of devices, officer keys holding body cameras in order)
_PORTABLE: dict[str, tuple[tuple[str, int], ...]] = {
    "sj": ((DeviceType.BODY_CAMERA, 5), (DeviceType.CAMERA, 2), (DeviceType.AUDIO_RECORDER, 1)),
    "ga": ((DeviceType.BODY_CAMERA, 6),),
    "st": ((DeviceType.BODY_CAMERA, 3), (DeviceType.CAMERA, 1)),
    "cz": ((DeviceType.BODY_CAMERA, 1), (DeviceType.AUDIO_RECORDER, 1)),
    "bh": ((DeviceType.BODY_CAMERA, 3), (DeviceType.CAMERA, 1)),
    "hb": ((DeviceType.BODY_CAMERA, 2),),
    "jn": ((DeviceType.BODY_CAMERA, 1),),  # below 1:4 on purpose
}
# Body cameras are issued to front-line officers, in this order.
_HOLDERS: dict[str, tuple[str, ...]] = {
    "sj": ("sj-06", "sj-07", "sj-08", "sj-12", "sj-17"),
    "ga": ("ga-05", "ga-06", "ga-07", "ga-10", "ga-11", "ga-12"),
    "st": ("st-05", "st-06", "st-07"),
    "cz": ("cz-05",),
    "bh": ("bh-03", "bh-04", "bh-08"),
    "hb": ("hb-03", "hb-06"),
    "jn": ("jn-02",),
}


def _portable_devices() -> list[DeviceSpec]:
    devices = []
    for agency, kinds in _PORTABLE.items():
        holders = iter(_HOLDERS[agency])
        for device_type, count in kinds:
            for number in range(1, count + 1):
                holder = next(holders, None) if device_type == DeviceType.BODY_CAMERA else None
                devices.append(
                    DeviceSpec(
                        serial_number=f"TJ-{agency.upper()}-{_CODES[device_type]}-{number:03d}",
                        agency=agency,
                        device_type=device_type,
                        model_name=_MODELS[device_type],
                        holder=holder,
                    )
                )
    return devices


# Fixed monitoring devices of the traffic police (LAW-APL-41). Locations are real Tianjin road
# junctions; the devices themselves are invented.
_FIXED = (
    DeviceSpec(
        serial_number="TJ-GA-JK-001",
        agency="ga",
        device_type=DeviceType.FIXED_MONITORING,
        model_name="违法停车抓拍系统",
        location="和平区南京路与营口道交口（东向西）",
        legal_review_passed_on=datetime.date(2024, 4, 12),
        technical_review_passed_on=datetime.date(2024, 4, 26),
        location_published=True,
    ),
    DeviceSpec(
        serial_number="TJ-GA-JK-002",
        agency="ga",
        device_type=DeviceType.FIXED_MONITORING,
        model_name="违法停车抓拍系统",
        location="河西区友谊路与紫金山路交口（南向北）",
        legal_review_passed_on=datetime.date(2024, 4, 12),
        technical_review_passed_on=datetime.date(2024, 4, 26),
        location_published=True,
    ),
    DeviceSpec(
        # Installed and legally reviewed, technical review still missing: not usable as
        # penalty evidence (LAW-APL-41).
        serial_number="TJ-GA-JK-003",
        agency="ga",
        device_type=DeviceType.FIXED_MONITORING,
        model_name="违法停车抓拍系统",
        location="南开区卫津南路与复康路交口（北向南）",
        legal_review_passed_on=datetime.date(2026, 10, 9),
        technical_review_passed_on=None,
        location_published=False,
    ),
)

DEVICES: tuple[DeviceSpec, ...] = (*_portable_devices(), *_FIXED)
