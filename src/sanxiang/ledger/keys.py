"""The checkpoint signing key: one Ed25519 key in a file under `var/ledger/`, never in the repo.

`SANXIANG_LEDGER_KEY_FILE` names the file (default `var/ledger/checkpoint.key`), created with
mode 0600 in a 0700 folder by `sanxiang ledger keygen` or, if missing, at the first signature.
Its key name is the checkpoint origin `SANXIANG_LEDGER_ORIGIN` (c2sp.org/tlog-checkpoint: the
log's key name SHOULD match the origin line). Creating is atomic (`O_EXCL`), so two processes
starting at once end up with the same key.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from sanxiang.core.errors import ApplicationError
from sanxiang.ledger.notes import NoteError, Signer, Verifier, parse_signer_key

__all__ = ["key_file", "signer_create", "signer_get", "verifier_get"]


def key_file() -> Path:
    return Path(settings.SANXIANG_LEDGER_KEY_FILE)


def _origin() -> str:
    return str(settings.SANXIANG_LEDGER_ORIGIN)


def _read(path: Path) -> Signer:
    try:
        signer = parse_signer_key(path.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError, NoteError) as exc:
        raise ApplicationError(
            _("The ledger signing key %(path)s cannot be read: %(error)s")
            % {"path": path, "error": exc},
            code="ledger.key_unreadable",
        ) from exc
    if signer.name != _origin():
        raise ApplicationError(
            _(
                "The ledger signing key is for “%(name)s” but the ledger origin is "
                "“%(origin)s”; a log keeps its name."
            )
            % {"name": signer.name, "origin": _origin()},
            code="ledger.key_name_mismatch",
        )
    return signer


def signer_create() -> tuple[Signer, bool]:
    """The signing key, generated now if the file does not exist; `(signer, created)`."""
    path = key_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    signer = Signer.generate(_origin())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path), False
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(signer.text() + "\n")
    return signer, True


def signer_get() -> Signer:
    """The signing key, created on first use if the file is missing."""
    path = key_file()
    if path.exists():
        return _read(path)
    return signer_create()[0]


def verifier_get() -> Verifier:
    """The verifier key served at `/ledger/key` and trusted by `sanxiang ledger verify`."""
    return signer_get().verifier
