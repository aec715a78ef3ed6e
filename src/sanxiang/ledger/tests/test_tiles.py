"""C2SP tlog-tiles layout: path encoding and the tiles of a tree size (no database)."""

from __future__ import annotations

import pytest

from sanxiang.ledger.tiles import (
    Tile,
    bundle_encode,
    format_tile_index,
    parse_tile_index,
    tile_available,
    tiles_for_size,
)


@pytest.mark.parametrize(
    ("index", "path"),
    [(0, "000"), (5, "005"), (999, "999"), (1000, "x001/000"), (1234067, "x001/x234/067")],
)
def test_index_encoding_round_trips(index, path):
    assert format_tile_index(index) == path
    assert parse_tile_index(path) == index


@pytest.mark.parametrize("text", ["5", "0005", "x000/005", "x1/234", "001/234", "x001/x234", ""])
def test_non_canonical_index_spellings_are_refused(text):
    assert parse_tile_index(text) is None


def test_tile_paths():
    assert Tile(0, 1234067).path() == "tile/0/x001/x234/067"
    assert Tile(2, 0, 1).path() == "tile/2/000.p/1"
    assert Tile(0, 7, 5).bundle_path() == "tile/entries/007.p/5"


def test_size_70000_is_the_spec_example():
    """273 full L0 tiles, a partial L0 of width 112, 1 full L1, partial L1 17, partial L2 1."""
    tiles = tiles_for_size(70_000)
    level0 = [t for t in tiles if t.level == 0]
    assert sum(t.is_full for t in level0) == 273
    assert [t.width for t in level0 if not t.is_full] == [112]
    assert level0[-1] == Tile(0, 273, 112)
    assert [t for t in tiles if t.level == 1] == [Tile(1, 0), Tile(1, 1, 17)]
    assert [t for t in tiles if t.level == 2] == [Tile(2, 0, 1)]
    assert max(t.level for t in tiles) == 2
    assert all(tile_available(t, 70_000) for t in tiles)
    assert not tile_available(Tile(0, 273, 113), 70_000)
    assert not tile_available(Tile(0, 274, 1), 70_000)
    assert not tile_available(Tile(2, 0, 2), 70_000)


def test_size_256_has_a_full_tile_and_a_partial_level_1_tile():
    assert tiles_for_size(256) == [Tile(0, 0), Tile(1, 0, 1)]
    assert tiles_for_size(0) == []
    assert tiles_for_size(1) == [Tile(0, 0, 1)]


def test_narrower_partial_tiles_stay_available_for_older_checkpoints():
    assert tile_available(Tile(0, 0, 10), 300)
    assert tile_available(Tile(1, 0, 1), 300)
    assert not tile_available(Tile(1, 0, 2), 300)


def test_bundles_are_uint16_length_prefixed():
    assert bundle_encode([b"ab", b"", b"xyz"]) == b"\x00\x02ab\x00\x00\x00\x03xyz"
    assert len(bundle_encode([b"x" * 65535])) == 65537
    with pytest.raises(ValueError, match="65,535"):
        bundle_encode([b"x" * 65536])
