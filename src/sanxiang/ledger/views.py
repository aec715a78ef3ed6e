"""The public log under /ledger/ as static-style resources (c2sp.org/tlog-tiles, "APIs").

* `checkpoint`: the latest signed checkpoint, `text/plain; charset=utf-8`, cached a few
  seconds (the resource is mutable).
* `key`: the checkpoint signer's verifier key, `<name>+<hex key ID>+<base64 key>`.
* `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`: `application/octet-stream`; a full
  tile never changes and is cached for a year, a partial one for a minute; a tile the latest
  checkpoint does not cover is 404.

Thin: each view asks a selector and shapes the HTTP response.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from sanxiang.ledger import keys, selectors
from sanxiang.ledger.tiles import TILE_WIDTH, Tile

IMMUTABLE = "public, max-age=31536000, immutable"
PARTIAL = "public, max-age=60"
MUTABLE = "public, max-age=5"
TEXT = "text/plain; charset=utf-8"
BINARY = "application/octet-stream"


def _response(body: bytes | str, content_type: str, cache: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Cache-Control"] = cache
    response["Access-Control-Allow-Origin"] = "*"  # public data, readable by browser verifiers
    return response


@require_safe
def checkpoint(request: HttpRequest) -> HttpResponse:
    latest = selectors.checkpoint_latest()
    if latest is None:
        raise Http404("no checkpoint has been signed yet")
    return _response(latest.note, TEXT, MUTABLE)


@require_safe
def verifier_key(request: HttpRequest) -> HttpResponse:
    return _response(keys.verifier_get().text() + "\n", TEXT, MUTABLE)


@require_safe
def tile(request: HttpRequest, level: int, index: int, width: int = TILE_WIDTH) -> HttpResponse:
    data = selectors.tile_data(Tile(level, index, width))
    if data is None:
        raise Http404("tile not in the tree of the latest checkpoint")
    return _response(data, BINARY, IMMUTABLE if width == TILE_WIDTH else PARTIAL)


@require_safe
def entry_bundle(request: HttpRequest, index: int, width: int = TILE_WIDTH) -> HttpResponse:
    data = selectors.bundle_data(Tile(0, index, width))
    if data is None:
        raise Http404("entry bundle not in the tree of the latest checkpoint")
    return _response(data, BINARY, IMMUTABLE if width == TILE_WIDTH else PARTIAL)
