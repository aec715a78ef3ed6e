"""Ledger proofs under /api/v1/ledger/ (django-ninja): public, no authentication.

Everything here can also be computed by a client from the tiles (c2sp.org/tlog-tiles has no
proof API); these endpoints save a citizen, a court or the portal that work. Tree sizes
default to the latest signed checkpoint; only sizes it covers are served.
"""

from __future__ import annotations

import base64

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router

from sanxiang.core.errors import ApplicationError
from sanxiang.ledger import selectors
from sanxiang.ledger.canonical import format_logged_at
from sanxiang.ledger.models import LedgerEntry
from sanxiang.ledger.schemas import ConsistencyProofOut, EntryOut, InclusionProofOut

router = Router(tags=["ledger"], auth=None)


def _b64(value: bytes) -> str:
    return base64.b64encode(bytes(value)).decode()


def _entry(entry: LedgerEntry) -> dict[str, object]:
    return {
        "index": entry.index,
        "kind": entry.kind,
        "ref": entry.ref,
        "logged_at": format_logged_at(entry.created_at),
        "entry": bytes(entry.entry).decode(),
        "leaf_hash": _b64(entry.leaf_hash),
    }


@router.get("/entries/{index}", response=EntryOut, summary="One ledger entry")
def entry(request: HttpRequest, index: int) -> dict[str, object]:
    return _entry(selectors.entry_get(index=index))


@router.get(
    "/entries/{index}/tlog-proof",
    summary="Offline receipt of an entry (c2sp.org/tlog-proof@v1, text/plain)",
    openapi_extra={"responses": {200: {"content": {"text/plain": {}}}}},
)
def tlog_proof(request: HttpRequest, index: int) -> HttpResponse:
    text = selectors.tlog_proof_get(entry=selectors.entry_get(index=index))
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="sanxiang-{index}.tlog-proof"'
    return response


@router.get(
    "/proofs/inclusion",
    response=InclusionProofOut,
    summary="Inclusion proof (RFC 9162 §2.1.3) of an entry, by index or by kind and ref",
)
def inclusion(
    request: HttpRequest,
    index: int | None = Query(None, ge=0),
    kind: str | None = None,
    ref: str | None = None,
    tree_size: int | None = Query(None, ge=1),
) -> dict[str, object]:
    if index is not None and kind is None and ref is None:
        found = selectors.entry_get(index=index)
    elif index is None and kind and ref:
        found = selectors.entry_for_ref(kind=kind, ref=ref)
    else:
        raise ApplicationError(
            _("Give either the entry index or both kind and ref."),
            code="ledger.proof_target",
            extra={"fields": {"index": [_("Give index, or kind and ref.")]}},
        )
    proof = selectors.inclusion_proof_get(entry=found, tree_size=tree_size)
    return {
        "index": found.index,
        "tree_size": proof.tree_size,
        "leaf_hash": _b64(proof.leaf_hash),
        "root_hash": _b64(proof.root),
        "inclusion_path": [_b64(node) for node in proof.path],
        "checkpoint": proof.checkpoint.note if proof.checkpoint else None,
        "entry": _entry(found),
    }


@router.get(
    "/proofs/consistency",
    response=ConsistencyProofOut,
    summary="Consistency proof (RFC 9162 §2.1.4) between two tree sizes",
)
def consistency(
    request: HttpRequest, first: int = Query(..., ge=1), second: int | None = Query(None, ge=1)
) -> dict[str, object]:
    proof = selectors.consistency_proof_get(first=first, second=second)
    return {
        "first": proof.first,
        "second": proof.second,
        "first_hash": _b64(proof.first_root),
        "second_hash": _b64(proof.second_root),
        "consistency_path": [_b64(node) for node in proof.path],
        "first_checkpoint": proof.first_checkpoint.note if proof.first_checkpoint else None,
        "second_checkpoint": proof.second_checkpoint.note if proof.second_checkpoint else None,
    }
