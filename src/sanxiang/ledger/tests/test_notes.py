"""C2SP signed-note (Ed25519) and tlog-checkpoint text (no database)."""

from __future__ import annotations

import base64

import pytest

from sanxiang.ledger.notes import (
    NoteError,
    Signer,
    checkpoint_body,
    key_id,
    open_note,
    parse_checkpoint_body,
    parse_signer_key,
    parse_verifier_key,
)

# The example of c2sp.org/signed-note (perf-notes item 13), key and signed message.
SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
SPEC_NOTE = (
    "This is an example message.\n"
    "\n"
    "— example.com/foo "
    "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
)


def test_the_spec_example_verifies():
    verifier = parse_verifier_key(SPEC_VKEY)
    assert verifier.name == "example.com/foo"
    assert verifier.key_id.hex() == "530d903a"
    assert key_id(verifier.name, verifier.public_key).hex() == "530d903a"
    assert verifier.text() == SPEC_VKEY
    assert open_note(SPEC_NOTE, [verifier]) == "This is an example message.\n"


def test_the_spec_example_fails_when_the_text_changes():
    verifier = parse_verifier_key(SPEC_VKEY)
    with pytest.raises(NoteError, match="does not verify"):
        open_note(SPEC_NOTE.replace("example message", "example massage"), [verifier])


def test_sign_and_open_round_trip_and_key_file_format():
    signer = Signer.generate("sanxiang.test/ledger")
    again = parse_signer_key(signer.text())
    assert again.verifier == signer.verifier
    assert signer.text().startswith(
        f"PRIVATE+KEY+sanxiang.test/ledger+{signer.verifier.key_id.hex()}+"
    )
    note = signer.sign("hello\n")
    assert note.startswith("hello\n\n— sanxiang.test/ledger ")
    assert base64.b64decode(note.split()[-1])[:4] == signer.verifier.key_id
    assert open_note(note, [parse_verifier_key(signer.verifier.text())]) == "hello\n"


def test_unknown_keys_are_ignored_but_one_known_signature_is_required():
    mine, other = Signer.generate("a.example/log"), Signer.generate("b.example/log")
    note = mine.sign("text\n")
    cosigned = note + other.sign("text\n").splitlines(keepends=True)[-1]
    assert open_note(cosigned, [mine.verifier]) == "text\n"
    with pytest.raises(NoteError, match="no known key"):
        open_note(note, [other.verifier])
    impostor = Signer.generate("a.example/log")  # same name, different key ID: ignored
    with pytest.raises(NoteError, match="no known key"):
        open_note(impostor.sign("text\n"), [mine.verifier])


@pytest.mark.parametrize(
    "note",
    [
        "no signature\n",
        "text\n\n- a.example/log abc\n",
        "text\n\n— a.example/log !!!\n",
        "a\x07\n\n",
    ],
)
def test_malformed_notes_are_refused(note):
    with pytest.raises(NoteError):
        open_note(note, [Signer.generate("a.example/log").verifier])


def test_checkpoint_body():
    root = bytes(range(32))
    body = checkpoint_body("sanxiang.test/ledger", 70000, root)
    assert body == f"sanxiang.test/ledger\n70000\n{base64.b64encode(root).decode()}\n"
    assert parse_checkpoint_body(body) == ("sanxiang.test/ledger", 70000, root)
    assert parse_checkpoint_body(body + "extension\n")[1] == 70000
    for bad in ("o\n01\nAAAA\n", "o\n1\n", "o\n1\nAAAA\n", "o\n-1\n" + body.split("\n")[2] + "\n"):
        with pytest.raises(NoteError):
            parse_checkpoint_body(bad)
    with pytest.raises(NoteError, match="origin"):
        checkpoint_body("has space", 1, root)


def test_verifier_keys_with_a_wrong_id_are_refused():
    with pytest.raises(NoteError, match="does not match"):
        parse_verifier_key(SPEC_VKEY.replace("530d903a", "530d903b"))
    with pytest.raises(NoteError):
        parse_verifier_key("example.com/foo")
