"""Tamper-evident ledger: an RFC 9162 Merkle log served as C2SP tlog-tiles (DESIGN.md §3.6).

Domain apps write through `sanxiang.ledger.services.ledger_append` and register how to rebuild
their leaves with `sanxiang.ledger.sources.register_leaf_source`; the ledger imports no
domain app. See docs/ledger.md.
"""
