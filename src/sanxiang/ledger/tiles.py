"""C2SP tlog-tiles layout: tile coordinates, path encoding, widths, entry bundles (no Django).

A tile `(L, N)` of width W holds the hashes of the tree-level-`8·L` blocks `N·256 … N·256+W-1`
(c2sp.org/tlog-tiles, "Merkle Tree"); level-0 tiles are leaf hashes. A tile is full at
W = 256; the partial tile of level L for tree size s has width `floor(s / 256^L) mod 256`
("Partial Tiles"). Entry bundles use the level-0 coordinates and hold the entries themselves,
each prefixed by its length as a big-endian uint16 ("Log entries").
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "MAX_ENTRY_SIZE",
    "MAX_LEVEL",
    "TILE_HEIGHT",
    "TILE_WIDTH",
    "Tile",
    "bundle_encode",
    "format_tile_index",
    "parse_tile_index",
    "tile_available",
    "tiles_for_size",
]

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT  # 256 hashes, 8,192 bytes when full
MAX_LEVEL = 63
# Entries travel in bundles behind a uint16 length: none may be longer.
MAX_ENTRY_SIZE = 0xFFFF

_INDEX_RE = re.compile(r"(?:x[0-9]{3}/)*[0-9]{3}")


def format_tile_index(index: int) -> str:
    """`<N>` in zero-padded 3-digit path elements, all but the last prefixed with `x`.

    1234067 → `x001/x234/067`; 5 → `005` (c2sp.org/tlog-tiles, "Merkle Tree").
    """
    if index < 0:
        raise ValueError("a tile index is not negative")
    parts = [f"{index % 1000:03d}"]
    index //= 1000
    while index:
        parts.append(f"x{index % 1000:03d}")
        index //= 1000
    return "/".join(reversed(parts))


def parse_tile_index(text: str) -> int | None:
    """The index encoded by `text`, or None if it is not in the canonical encoding."""
    if not _INDEX_RE.fullmatch(text):
        return None
    value = int("".join(part.lstrip("x") for part in text.split("/")))
    # Only the canonical spelling names a tile: no leading `x000/` elements.
    return value if format_tile_index(value) == text else None


@dataclass(frozen=True)
class Tile:
    """One tile: `level` L, `index` N, `width` W (256 for a full tile)."""

    level: int
    index: int
    width: int = TILE_WIDTH

    @property
    def is_full(self) -> bool:
        return self.width == TILE_WIDTH

    @property
    def tree_level(self) -> int:
        """The level of the Merkle tree whose blocks the tile lists (8·L)."""
        return self.level * TILE_HEIGHT

    @property
    def first_block(self) -> int:
        """The index, at `tree_level`, of the tile's first hash."""
        return self.index * TILE_WIDTH

    def path(self) -> str:
        """The resource path below the log prefix: `tile/<L>/<N>[.p/<W>]`."""
        suffix = "" if self.is_full else f".p/{self.width}"
        return f"tile/{self.level}/{format_tile_index(self.index)}{suffix}"

    def bundle_path(self) -> str:
        """The entry bundle of the same leaves (level 0 only): `tile/entries/<N>[.p/<W>]`."""
        suffix = "" if self.is_full else f".p/{self.width}"
        return f"tile/entries/{format_tile_index(self.index)}{suffix}"


def tile_available(tile: Tile, size: int) -> bool:
    """Whether a tree of `size` leaves holds every hash of `tile` (blocks complete by then).

    True for the full tiles, the partial tiles of this size and every narrower prefix of
    them: a partial tile once served never changes, so a client that verified an older
    checkpoint may still fetch the width it needs.
    """
    if not (0 <= tile.level <= MAX_LEVEL and 1 <= tile.width <= TILE_WIDTH and tile.index >= 0):
        return False
    return (tile.first_block + tile.width) << tile.tree_level <= size


def tiles_for_size(size: int) -> list[Tile]:
    """Every tile of a tree of `size` leaves, level by level: full ones, then the partial one.

    Size 70,000 gives 273 full level-0 tiles and one of width 112, one full level-1 tile and
    one of width 17, and one level-2 tile of width 1 (the spec's example).
    """
    tiles: list[Tile] = []
    level = 0
    while size >> (level * TILE_HEIGHT):
        blocks = size >> (level * TILE_HEIGHT)  # complete blocks at tree level 8·L
        full, rest = divmod(blocks, TILE_WIDTH)
        tiles.extend(Tile(level, n) for n in range(full))
        if rest:
            tiles.append(Tile(level, full, rest))
        level += 1
    return tiles


def bundle_encode(entries: Iterable[bytes]) -> bytes:
    """An entry bundle: each entry prefixed by its big-endian uint16 length."""
    parts: list[bytes] = []
    for entry in entries:
        if len(entry) > MAX_ENTRY_SIZE:
            raise ValueError("a bundled entry is at most 65,535 bytes")
        parts.append(struct.pack(">H", len(entry)))
        parts.append(entry)
    return b"".join(parts)
