"""C2SP signed-note (Ed25519) and tlog-checkpoint bodies, with no Django import.

* signed-note (c2sp.org/signed-note): the text ends in a newline, then an empty line, then
  lines `— <key name> <base64(4-byte key ID || signature)>` (U+2014, space). Key ID =
  `SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]` for Ed25519 (type 0x01).
  Verifier keys are written `<name>+<8 hex digits of key ID>+<base64(0x01 || public key)>`.
* Signer keys are stored in the form of golang.org/x/mod/sumdb/note,
  `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>`, so other tools can use them.
* tlog-checkpoint (c2sp.org/tlog-checkpoint): origin, tree size in decimal, base64 root hash,
  one line each, each ending in a newline.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "NoteError",
    "Signer",
    "Verifier",
    "checkpoint_body",
    "key_id",
    "open_note",
    "parse_checkpoint_body",
    "parse_signer_key",
    "parse_verifier_key",
]

ED25519 = 0x01
EM_DASH = "\u2014"
MAX_SIGNATURES = 100  # the spec asks verifiers to accept at least 16
_SIZE_RE = re.compile(r"0|[1-9][0-9]*")


class NoteError(ValueError):
    """A note, key or checkpoint that is malformed or does not verify."""


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(ch.isspace() for ch in name)


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte key ID of an Ed25519 key (c2sp.org/signed-note, "Ed25519 signatures")."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()[:4]


@dataclass(frozen=True)
class Verifier:
    """A signed-note verifier key: name, key ID and the 32-byte Ed25519 public key."""

    name: str
    key_id: bytes
    public_key: bytes

    def text(self) -> str:
        """`<name>+<hex key ID>+<base64(0x01 || public key)>`."""
        encoded = base64.b64encode(bytes([ED25519]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    def verify(self, text: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, text)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Signer:
    """A signed-note signer: an Ed25519 private key under a key name."""

    name: str
    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, name: str) -> Signer:
        if not _valid_name(name):
            raise NoteError(f"invalid key name {name!r}: no spaces, no '+'")
        return cls(name, Ed25519PrivateKey.generate())

    @property
    def verifier(self) -> Verifier:
        public = self.private_key.public_key().public_bytes_raw()
        return Verifier(self.name, key_id(self.name, public), public)

    def text(self) -> str:
        """The private key as `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`."""
        seed = self.private_key.private_bytes_raw()
        encoded = base64.b64encode(bytes([ED25519]) + seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id.hex()}+{encoded}"

    def sign(self, text: str) -> str:
        """The signed note: `text`, an empty line and this key's signature line."""
        if not text.endswith("\n"):
            raise NoteError("note text must end in a newline")
        _check_characters(text)
        signature = self.private_key.sign(text.encode())
        encoded = base64.b64encode(self.verifier.key_id + signature).decode()
        return f"{text}\n{EM_DASH} {self.name} {encoded}\n"


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NoteError(f"invalid base64 {text!r}") from exc


def parse_verifier_key(text: str) -> Verifier:
    """Parse `<name>+<hex key ID>+<base64 key>`; the stated ID must match the key."""
    name, sep, rest = text.strip().partition("+")
    hex_id, sep2, encoded = rest.partition("+")
    if not (sep and sep2 and _valid_name(name) and len(hex_id) == 8):
        raise NoteError("a verifier key is <name>+<hex key ID>+<base64 key>")
    raw = _b64(encoded)
    if len(raw) != 33 or raw[0] != ED25519:
        raise NoteError("only Ed25519 verifier keys (type 0x01) are supported")
    verifier = Verifier(name, key_id(name, raw[1:]), raw[1:])
    if verifier.key_id.hex() != hex_id.lower():
        raise NoteError("the key ID does not match the key")
    return verifier


def parse_signer_key(text: str) -> Signer:
    """Parse `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`."""
    parts = text.strip().split("+", 4)  # base64 may contain "+"
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"] or not _valid_name(parts[2]):
        raise NoteError("a signer key is PRIVATE+KEY+<name>+<hex key ID>+<base64 key>")
    raw = _b64(parts[4])
    if len(raw) != 33 or raw[0] != ED25519:
        raise NoteError("only Ed25519 signer keys (type 0x01) are supported")
    signer = Signer(parts[2], Ed25519PrivateKey.from_private_bytes(raw[1:]))
    if signer.verifier.key_id.hex() != parts[3].lower():
        raise NoteError("the key ID does not match the key")
    return signer


def _check_characters(note: str) -> None:
    if any(ord(ch) < 0x20 and ch != "\n" for ch in note):
        raise NoteError("a note contains no control characters other than newline")


def open_note(note: str, verifiers: Sequence[Verifier]) -> str:
    """The text of `note` if a known key signed it (c2sp.org/signed-note, "Signatures").

    Signatures from unknown keys (name and ID not both known) are ignored; a known key's
    signature that fails rejects the whole note; so does a note no known key verified.
    """
    _check_characters(note)
    if not note.endswith("\n"):
        raise NoteError("a note ends in a newline")
    split = note.rfind("\n\n")
    if split < 0:
        raise NoteError("a note has an empty line before its signatures")
    text, lines = note[: split + 1], note[split + 2 :].splitlines()
    if not lines or len(lines) > MAX_SIGNATURES:
        raise NoteError("a note carries 1 to 100 signature lines")
    known = {(v.name, v.key_id): v for v in verifiers}
    verified = False
    for line in lines:
        prefix, _, rest = line.partition(" ")
        name, _, encoded = rest.partition(" ")
        if prefix != EM_DASH or not _valid_name(name) or not encoded:
            raise NoteError(f"malformed signature line {line!r}")
        raw = _b64(encoded)
        if len(raw) < 5:
            raise NoteError("a signature has a key ID and a signature")
        verifier = known.get((name, raw[:4]))
        if verifier is None:
            continue
        if not verifier.verify(text.encode(), raw[4:]):
            raise NoteError(f"the signature of {name} does not verify")
        verified = True
    if not verified:
        raise NoteError("no known key signed this note")
    return text


def checkpoint_body(origin: str, size: int, root: bytes) -> str:
    """The three lines of a checkpoint (c2sp.org/tlog-checkpoint, "Note text")."""
    if not _valid_name(origin):
        raise NoteError(f"invalid origin {origin!r}: no spaces, no '+'")
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def parse_checkpoint_body(text: str) -> tuple[str, int, bytes]:
    """`(origin, size, root)` of a checkpoint text; extension lines are ignored."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or not all(lines[:-1]):
        raise NoteError("a checkpoint has at least three non-empty lines")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not _SIZE_RE.fullmatch(size_text):
        raise NoteError("the tree size is a decimal with no leading zeros")
    root = _b64(root_text)
    if len(root) != 32:
        raise NoteError("the root hash is 32 bytes")
    return origin, int(size_text), root
