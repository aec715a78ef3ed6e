"""`sanxiang ledger keygen | key | checkpoint | verify` through `call_command`."""

from __future__ import annotations

import io
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from sanxiang.ledger import keys
from sanxiang.ledger.models import Checkpoint
from sanxiang.ledger.notes import parse_verifier_key
from sanxiang.ledger.tests.records import log_plain


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("ledger", *args, stdout=out)
    return out.getvalue()


def test_keygen_creates_a_private_key_file_once(settings):
    out = run("keygen")
    assert f"Signing key created in {settings.SANXIANG_LEDGER_KEY_FILE}" in out
    vkey = out.splitlines()[-1]
    assert parse_verifier_key(vkey).name == "sanxiang.test/ledger"
    assert stat.S_IMODE(settings.SANXIANG_LEDGER_KEY_FILE.stat().st_mode) == 0o600
    assert settings.SANXIANG_LEDGER_KEY_FILE.read_text().startswith(
        "PRIVATE+KEY+sanxiang.test/ledger+"
    )
    again = run("keygen")
    assert "already present" in again
    assert again.splitlines()[-1] == vkey
    assert run("key").strip() == vkey


@pytest.mark.django_db
def test_checkpoint_signs_and_creates_the_key_if_missing():
    log_plain(2)
    out = run("checkpoint")
    assert keys.key_file().exists()
    assert out == Checkpoint.objects.get().note
    assert out.startswith("sanxiang.test/ledger\n2\n")


@pytest.mark.django_db
def test_checkpoint_refusal_is_a_command_error():
    log_plain(2)
    run("checkpoint")
    keys.key_file().write_text("garbage\n")
    log_plain(1, start=2)
    with translation.override("en"), pytest.raises(CommandError, match="cannot be read"):
        run("checkpoint")


@pytest.mark.django_db
def test_verify_of_an_empty_ledger():
    assert "Ledger verified: 0 entries" in run("verify")
