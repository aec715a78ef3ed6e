"""The documents demo: agencies get settings, a drawn seal and a key; a few cases get their
documents; a second load changes nothing."""

from __future__ import annotations

import pytest

from sanxiang.documents.demo import load_demo
from sanxiang.documents.models import Document, DocumentSettings
from sanxiang.documents.signing import key_dir
from sanxiang.documents.tests.helpers import decided_case

pytestmark = pytest.mark.django_db


def test_demo_sets_up_agencies_and_issues_documents_idempotently(world, clock) -> None:
    case = decided_case(world, clock)
    summary = load_demo()
    row = DocumentSettings.objects.get(agency=world.agency)
    assert row.lawsuit_court.endswith("人民法院") and row.seal_sha256 and row.payment_instructions
    assert (key_dir(world.agency) / "key.pem").exists()
    issued = set(Document.objects.filter(case=case, status="issued").values_list("kind", flat=True))
    assert {"decision", "penalty_notice", "filing_approval", "inquiry_record"} <= issued
    assert summary.documents == len(issued) and not summary.skipped
    again = load_demo()
    assert again.documents == 0
    assert Document.objects.filter(case=case, status="issued").count() == len(issued)


def test_keygen_command_creates_each_agency_key_once(world, capsys) -> None:
    from django.core.management import call_command

    call_command("documents", "keygen", "--agency", str(world.agency.pk))
    first = capsys.readouterr().out
    assert "created" in first and (key_dir(world.agency) / "key.pem").stat().st_mode & 0o077 == 0
    call_command("documents", "keygen", "--agency", str(world.agency.pk))
    second = capsys.readouterr().out
    assert "present" in second
    assert first.split("SHA-256 ")[1] == second.split("SHA-256 ")[1]  # the same certificate
