"""Salted commitments: log that a value was recorded without publishing the value.

Entries are public (tiles and bundles need no sign-in), but case records carry personal data
(a party's name, ID number, address) that only redacted, published texts may show. So a
payload puts a *commitment* where such a value would be: `sha256:` and the hex SHA-256 of

    salt (16 random bytes) || 0x00 || JCS([path, value])

where `path` is the value's dotted place in the payload (`data.changes.fine_fen`) and `value`
its JSON form. The salt is stored with the record, never in the log, so nobody can confirm a
guess (an ID number has few enough candidates to try them all) from the public log alone;
whoever holds the record and its salt (the agency, a court, the party given a copy) recomputes
the commitment and checks it against the logged entry. Nested objects keep their shape, so
`sanxiang ledger verify` still names the exact field that changed.

This is the pattern of commitment-based privacy in transparency logs (e.g. the key
transparency designs), with a salt per record rather than per value: two values of one record
are told apart by their paths.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

import rfc8785

from sanxiang.ledger.canonical import normalise

__all__ = ["PREFIX", "SALT_BYTES", "commit_tree", "commitment", "new_salt"]

SALT_BYTES = 16
PREFIX = "sha256:"


def new_salt() -> str:
    """A fresh random salt, as the hex text a record stores."""
    return secrets.token_hex(SALT_BYTES)


def commitment(salt: str, path: str, value: Any) -> str:
    """The commitment to `value` at `path` (module docstring); `value` already JSON-normal."""
    digest = hashlib.sha256(bytes.fromhex(salt) + b"\x00" + rfc8785.dumps([path, value]))
    return PREFIX + digest.hexdigest()


def commit_tree(salt: str, data: Mapping[str, Any], path: str = "") -> dict[str, Any]:
    """`data` with every value that is not an object replaced by its commitment.

    Objects keep their keys (field names are not personal data) so that a verifier can name a
    changed field; lists and scalars are committed whole. `data` is first normalised as the
    ledger stores payloads (dates as ISO text, decimals as strings).
    """
    if not salt:
        raise ValueError("a commitment needs the record's salt")
    return _commit(salt, normalise(data), path)


def _commit(salt: str, data: Mapping[str, Any], path: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        place = f"{path}.{key}" if path else key
        result[key] = (
            _commit(salt, value, place)
            if isinstance(value, Mapping)
            else commitment(salt, place, value)
        )
    return result
