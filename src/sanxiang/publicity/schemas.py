"""API schemas of the public portal (DESIGN.md §5: the shape of the decision search)."""

from __future__ import annotations

import datetime

from ninja import Schema


class DecisionItemOut(Schema):
    id: int
    title: str
    agency: str
    decided_on: datetime.date
    text: str  # the published, redacted version
    ledger_index: int | None


class DecisionPageOut(Schema):
    total: int
    items: list[DecisionItemOut]


class CertificateCheckOut(Schema):
    number: str
    officer_name: str
    agency_name: str
    field: str
    issuing_authority: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: str
    checked_on: datetime.date
