"""Settings of the evidence app, with their defaults (override in the project settings).

* `SANXIANG_EVIDENCE_SM3` (bool, default False): also hash every file with SM3 (GB/T 32905,
  OpenSSL's `hashlib.new("sm3")`); about four times slower than SHA-256.
* `SANXIANG_EVIDENCE_MAX_BYTES` (dict media kind → bytes): size limits per detected type
  (`image`, `audio`, `video`, `document`).
* `SANXIANG_EVIDENCE_STAGING_DIR`: where resumable uploads collect their bytes; by default a
  `.uploads` folder inside a local private storage, else `<var>/evidence-staging`.
* `SANXIANG_EVIDENCE_UPLOAD_HOURS` (default 72): an unfinished upload is removed after this.
* `SANXIANG_EVIDENCE_VERIFY_DAYS` (default 30): the scheduled re-check re-hashes every file
  not checked for this many days.
* `SANXIANG_OFFICERS_PER_DEVICE` (default 4, the registry's setting): the 津南 pilot standard.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages

GIB = 1024**3
MIB = 1024**2
DEFAULT_MAX_BYTES: dict[str, int] = {
    "image": 50 * MIB,
    "audio": 1 * GIB,
    "video": 16 * GIB,
    "document": 200 * MIB,
}
CHUNK_SIZE = 1 * MIB  # perf-notes "Hashing evidence": 1 MiB readinto keeps memory flat


def private_storage() -> Storage:
    return storages["private"]


def sm3_enabled() -> bool:
    return bool(getattr(settings, "SANXIANG_EVIDENCE_SM3", False))


def max_bytes(media: str) -> int:
    limits = {**DEFAULT_MAX_BYTES, **getattr(settings, "SANXIANG_EVIDENCE_MAX_BYTES", {})}
    return int(limits[media])


def largest_allowed() -> int:
    limits = {**DEFAULT_MAX_BYTES, **getattr(settings, "SANXIANG_EVIDENCE_MAX_BYTES", {})}
    return max(int(v) for v in limits.values())


def staging_dir() -> Path:
    configured = getattr(settings, "SANXIANG_EVIDENCE_STAGING_DIR", None)
    if configured:
        path = Path(configured)
    else:
        storage = private_storage()
        if isinstance(storage, FileSystemStorage):
            # Same file system as the storage: a finished upload is moved, not copied.
            path = Path(storage.location) / ".uploads"
        else:
            path = Path(settings.VAR_DIR) / "evidence-staging"
    path.mkdir(parents=True, exist_ok=True)
    return path


def upload_hours() -> int:
    return int(getattr(settings, "SANXIANG_EVIDENCE_UPLOAD_HOURS", 72))


def verify_days() -> int:
    return int(getattr(settings, "SANXIANG_EVIDENCE_VERIFY_DAYS", 30))


def officers_per_device() -> int:
    """The registry's setting: one ratio for the dashboard and the evidence pages."""
    from sanxiang.registry.selectors.organisations import DEFAULT_OFFICERS_PER_DEVICE

    return int(getattr(settings, "SANXIANG_OFFICERS_PER_DEVICE", DEFAULT_OFFICERS_PER_DEVICE))
