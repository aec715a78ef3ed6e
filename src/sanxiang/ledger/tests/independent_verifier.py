"""An independent tlog client written only from the specifications, for interoperability tests.

Sources: RFC 9162 §2.1 (Merkle Tree Hash, PATH and PROOF with their verification algorithms
§2.1.3.2 and §2.1.4.2), c2sp.org/tlog-tiles (tile and entry bundle paths, widths, contents),
c2sp.org/tlog-checkpoint (note text) and c2sp.org/signed-note (signature lines, key IDs,
verifier keys). It shares no code with `sanxiang.ledger` on purpose: it imports only the
standard library and `cryptography` for Ed25519, talks to the log over HTTP like any outside
client, and computes every proof itself from tiles. Keep it that way.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import urllib.request
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class VerificationError(Exception):
    """The log served something that does not verify."""


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def hash_leaf(entry: bytes) -> bytes:  # RFC 9162 §2.1.1
    return sha256(b"\x00" + entry)


def hash_children(left: bytes, right: bytes) -> bytes:  # RFC 9162 §2.1.1
    return sha256(b"\x01" + left + right)


def largest_power_of_two_below(n: int) -> int:
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


# ---- signed-note and checkpoint ---------------------------------------------------------------


@dataclass(frozen=True)
class VerifierKey:
    name: str
    key_hash: bytes  # the 4-byte key ID
    public_key: bytes


def parse_verifier_key(text: str) -> VerifierKey:
    """`<name>+<hex key ID>+<base64 key>`; the key starts with its signature type byte."""
    name, key_hash_hex, key_b64 = text.strip().split("+", 2)
    key = base64.b64decode(key_b64)
    if key[0] != 0x01 or len(key) != 33:
        raise VerificationError("expected an Ed25519 verifier key")
    # signed-note: key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]
    if sha256(name.encode() + b"\n" + key)[:4] != bytes.fromhex(key_hash_hex):
        raise VerificationError("verifier key ID does not match the key")
    return VerifierKey(name, bytes.fromhex(key_hash_hex), key[1:])


def open_signed_note(note: bytes, key: VerifierKey) -> bytes:
    """The note text, if `key` signed it; signature lines of other keys are ignored."""
    text_str = note.decode("utf-8")
    if any(ord(c) < 0x20 and c != "\n" for c in text_str):
        raise VerificationError("control character in note")
    separator = note.rindex(b"\n\n")
    text, signatures = note[: separator + 1], note[separator + 2 :]
    good = False
    for line in signatures.decode().splitlines():
        if not line.startswith("\u2014 "):
            raise VerificationError(f"bad signature line {line!r}")
        name, signature_b64 = line[2:].split(" ")
        signature = base64.b64decode(signature_b64)
        if name != key.name or signature[:4] != key.key_hash:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(signature[4:], text)
        except InvalidSignature as exc:
            raise VerificationError("bad signature from the log key") from exc
        good = True
    if not good:
        raise VerificationError("note not signed by the log key")
    return text


@dataclass(frozen=True)
class TreeHead:
    origin: str
    size: int
    root: bytes
    note: bytes


def parse_checkpoint(note: bytes, key: VerifierKey) -> TreeHead:
    lines = open_signed_note(note, key).decode().split("\n")
    origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2])
    if str(size) != lines[1] or len(root) != 32:
        raise VerificationError("malformed checkpoint")
    return TreeHead(origin, size, root, note)


# ---- tiles -----------------------------------------------------------------------------------


def encode_index(n: int) -> str:
    """tlog-tiles: zero-padded 3-digit elements, all but the last prefixed with x."""
    elements: list[str] = []
    while True:
        elements.insert(0, f"{n % 1000:03d}")
        n //= 1000
        if n == 0:
            break
    return "/".join(["x" + e for e in elements[:-1]] + elements[-1:])


class TiledLog:
    """Reads a tlog-tiles log of a given (verified) size over HTTP."""

    def __init__(self, prefix: str, key: VerifierKey) -> None:
        self.prefix = prefix.rstrip("/")
        self.key = key
        self.fetched: list[str] = []
        self._tiles: dict[tuple[int, int, int], list[bytes]] = {}

    def get(self, path: str) -> tuple[bytes, str]:
        self.fetched.append(path)
        with urllib.request.urlopen(f"{self.prefix}/{path}", timeout=10) as response:  # noqa: S310 - test server URL
            return response.read(), response.headers.get("Content-Type", "")

    def checkpoint(self) -> TreeHead:
        body, content_type = self.get("checkpoint")
        if content_type != "text/plain; charset=utf-8":
            raise VerificationError(f"checkpoint served as {content_type}")
        head = parse_checkpoint(body, self.key)
        if head.origin != self.key.name:
            raise VerificationError("checkpoint origin is not the key name")
        return head

    def _tile(self, level: int, n: int, size: int) -> list[bytes]:
        """Tile n of `level` as it exists for tree `size`: full, or partial of its width."""
        full_tiles = size >> (8 * (level + 1))
        width = 256 if n < full_tiles else (size >> (8 * level)) % 256
        if width == 0:
            raise VerificationError(f"tile {level}/{n} does not exist at size {size}")
        if (level, n, width) not in self._tiles:
            path = f"tile/{level}/{encode_index(n)}" + ("" if width == 256 else f".p/{width}")
            data, content_type = self.get(path)
            if content_type != "application/octet-stream" or len(data) != 32 * width:
                raise VerificationError(f"{path}: bad tile")
            self._tiles[(level, n, width)] = [data[i : i + 32] for i in range(0, len(data), 32)]
        return self._tiles[(level, n, width)]

    def subtree(self, height: int, k: int, size: int) -> bytes:
        """MTH(D[k·2^height : (k+1)·2^height]), from the tile holding tree level 8·⌊height/8⌋."""
        level, rest = divmod(height, 8)
        first = k << rest  # index of the first hash at tree level 8·level
        tile = self._tile(level, first // 256, size)
        hashes = tile[first % 256 : first % 256 + (1 << rest)]
        if len(hashes) != 1 << rest:
            raise VerificationError("incomplete subtree requested")
        while len(hashes) > 1:
            hashes = [hash_children(hashes[i], hashes[i + 1]) for i in range(0, len(hashes), 2)]
        return hashes[0]

    def mth(self, lo: int, hi: int, size: int) -> bytes:
        """RFC 9162 §2.1.1 MTH(D[lo:hi]) using tiles of tree `size` (hi ≤ size)."""
        n = hi - lo
        if n == 0:
            return sha256(b"")
        if n & (n - 1) == 0 and lo % n == 0:
            return self.subtree(n.bit_length() - 1, lo // n, size)
        k = largest_power_of_two_below(n)
        return hash_children(self.mth(lo, lo + k, size), self.mth(lo + k, hi, size))

    def inclusion_path(self, m: int, lo: int, hi: int, size: int) -> list[bytes]:
        """RFC 9162 §2.1.3.1 PATH(m, D[lo:hi])."""
        n = hi - lo
        if n == 1:
            return []
        k = largest_power_of_two_below(n)
        if m < k:
            return [*self.inclusion_path(m, lo, lo + k, size), self.mth(lo + k, hi, size)]
        return [*self.inclusion_path(m - k, lo + k, hi, size), self.mth(lo, lo + k, size)]

    def consistency_path(self, m: int, lo: int, hi: int, whole: bool, size: int) -> list[bytes]:
        """RFC 9162 §2.1.4.1 SUBPROOF(m, D[lo:hi], b)."""
        n = hi - lo
        if m == n:
            return [] if whole else [self.mth(lo, hi, size)]
        k = largest_power_of_two_below(n)
        if m <= k:
            return [*self.consistency_path(m, lo, lo + k, whole, size), self.mth(lo + k, hi, size)]
        return [
            *self.consistency_path(m - k, lo + k, hi, False, size),
            self.mth(lo, lo + k, size),
        ]

    def entries(self, n: int, size: int) -> list[bytes]:
        """Entry bundle n at tree `size`: uint16-length-prefixed entries."""
        width = 256 if n < size >> 8 else size % 256
        path = f"tile/entries/{encode_index(n)}" + ("" if width == 256 else f".p/{width}")
        data, _ = self.get(path)
        out, offset = [], 0
        while offset < len(data):
            (length,) = struct.unpack(">H", data[offset : offset + 2])
            out.append(data[offset + 2 : offset + 2 + length])
            offset += 2 + length
        if len(out) != width:
            raise VerificationError(f"{path}: {len(out)} entries, expected {width}")
        return out


# ---- RFC 9162 verification algorithms --------------------------------------------------------


def verify_inclusion(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = hash_children(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = hash_children(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(
    first: int, second: int, first_hash: bytes, second_hash: bytes, path: list[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2 (for 0 < first < second)."""
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_hash, *path]
    fn, sn = first - 1, second - 1
    while fn % 2 == 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr, sr = hash_children(c, fr), hash_children(c, sr)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = hash_children(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == first_hash and sr == second_hash


# ---- what a monitor does ---------------------------------------------------------------------


def check_log(log: TiledLog, head: TreeHead) -> list[bytes]:
    """Fetch every entry of `head`, check the tiles against it and return the entries."""
    entries: list[bytes] = []
    for n in range((head.size + 255) // 256):
        entries.extend(log.entries(n, head.size))
    for index, entry in enumerate(entries):
        if log.subtree(0, index, head.size) != hash_leaf(entry):
            raise VerificationError(f"entry {index} does not hash to its level-0 tile hash")
    if log.mth(0, head.size, head.size) != head.root:
        raise VerificationError("the tiles do not give the checkpoint's root")
    return entries


def prove_inclusion(log: TiledLog, head: TreeHead, index: int, entry: bytes) -> list[bytes]:
    path = log.inclusion_path(index, 0, head.size, head.size)
    if not verify_inclusion(index, head.size, hash_leaf(entry), path, head.root):
        raise VerificationError(f"inclusion of entry {index} does not verify")
    return path


def prove_consistency(log: TiledLog, old: TreeHead, new: TreeHead) -> list[bytes]:
    path = log.consistency_path(old.size, 0, new.size, True, new.size)
    if not verify_consistency(old.size, new.size, old.root, new.root, path):
        raise VerificationError(f"no consistency from {old.size} to {new.size}")
    return path
