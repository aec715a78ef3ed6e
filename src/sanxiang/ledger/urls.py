"""Ledger resources under /ledger/, with the exact C2SP tlog-tiles path grammar.

`<L>` is 0–63 without leading zeros, `<N>` the `x001/x234/067` encoding, `<W>` 1–255 without
leading zeros; anything else does not match and is 404.
"""

from django.urls import path, register_converter

from sanxiang.ledger import views
from sanxiang.ledger.tiles import MAX_LEVEL, TILE_WIDTH, format_tile_index, parse_tile_index


class TileLevelConverter:
    regex = "0|[1-9][0-9]?"

    def to_python(self, value: str) -> int:
        level = int(value)
        if level > MAX_LEVEL:
            raise ValueError(value)
        return level

    def to_url(self, value: int) -> str:
        return str(value)


class TileIndexConverter:
    regex = "(?:x[0-9]{3}/)*[0-9]{3}"

    def to_python(self, value: str) -> int:
        index = parse_tile_index(value)
        if index is None:
            raise ValueError(value)
        return index

    def to_url(self, value: int) -> str:
        return format_tile_index(value)


class TileWidthConverter:
    regex = "[1-9][0-9]{0,2}"

    def to_python(self, value: str) -> int:
        width = int(value)
        if width >= TILE_WIDTH:
            raise ValueError(value)
        return width

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(TileLevelConverter, "ledger_level")
register_converter(TileIndexConverter, "ledger_index")
register_converter(TileWidthConverter, "ledger_width")

app_name = "ledger"

urlpatterns = [
    path("checkpoint", views.checkpoint, name="checkpoint"),
    path("key", views.verifier_key, name="key"),
    path("tile/entries/<ledger_index:index>", views.entry_bundle, name="entries"),
    path(
        "tile/entries/<ledger_index:index>.p/<ledger_width:width>",
        views.entry_bundle,
        name="entries_partial",
    ),
    path("tile/<ledger_level:level>/<ledger_index:index>", views.tile, name="tile"),
    path(
        "tile/<ledger_level:level>/<ledger_index:index>.p/<ledger_width:width>",
        views.tile,
        name="tile_partial",
    ),
]
