"""Chinese is the default interface language, English is selectable, and the catalogue is whole."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client

from sanxiang.registry.models import Role
from sanxiang.web.tests.pages import html

SOURCE_ROOT = Path(settings.LOCALE_PATHS[0]).parent
# The project's catalogue, and the one each app with its own locale folder keeps.
PO_FILES = [
    Path(settings.LOCALE_PATHS[0]) / "zh_Hans" / "LC_MESSAGES" / "django.po",
    *sorted(SOURCE_ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po")),
]
# printf-style placeholders as Python's % operator reads them: named or positional.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def _catalogs():
    for path in PO_FILES:
        with path.open("rb") as po:
            yield read_po(po, locale="zh_Hans")


def _messages():
    for catalog in _catalogs():
        yield from catalog


def _placeholders(text: str) -> Counter[str]:
    return Counter(p for p in PLACEHOLDER.findall(text) if p != "%%")


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    problems = []
    for path, catalog in zip(PO_FILES, _catalogs(), strict=True):
        if catalog.fuzzy:
            problems.append(("fuzzy header", str(path)))
    for message in _messages():
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(("fuzzy", message.id))
        if not all(s and s.strip() for s in strings):
            problems.append(("untranslated", message.id))
    assert not problems, problems


def test_placeholders_match_between_source_and_translation() -> None:
    mismatched = []
    for message in _messages():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # Chinese has one plural form: it must carry the placeholders of the plural source.
        expected = _placeholders(ids[-1])
        for text in strings:
            if _placeholders(text) != expected:
                mismatched.append((message.id, text))
    assert not mismatched, mismatched


@pytest.mark.django_db
def test_chinese_is_the_default_language(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    page = html(client.get("/office/"))
    assert '<html lang="zh-hans">' in page
    assert "执法人员工作台" in page
    assert "退出登录" in page
    assert "跳到主要内容" in page


@pytest.mark.django_db
def test_switching_to_english_renders_english(client: Client, login_as) -> None:
    login_as(Role.OFFICER)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/office/"})
    assert response.status_code == 302
    assert response["Location"] == "/office/"
    page = html(client.get("/office/"))
    assert '<html lang="en">' in page
    assert "Officer workspace" in page
    assert "Log out" in page
    assert "执法人员工作台" not in page

    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/office/"})
    assert '<html lang="zh-hans">' in html(client.get("/office/"))


def test_an_english_browser_still_gets_chinese_until_the_user_switches(
    client: Client, db: None
) -> None:
    page = html(client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"))
    assert '<html lang="zh-hans">' in page

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in html(client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN"))


def test_the_public_can_switch_language_too(client: Client, db: None) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = html(client.get("/"))
    assert '<html lang="en">' in page
    assert "Administrative Enforcement Three Systems Platform" in page


@pytest.mark.django_db
def test_admin_site_carries_the_platform_name(client: Client, login_as) -> None:
    login_as(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    page = html(client.get("/admin/"))
    assert "行政执法三项制度平台管理" in page
    assert "基础数据维护" in page


# The translation functions the code uses, with Babel's argument specs (msgid positions; "c"
# marks the context argument of the p*gettext functions).
_KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _source_msgids() -> dict[tuple[str | None, str], str]:
    """Every translatable string of the code and templates, as makemessages would extract it.

    Keyed by (context, msgid): a string with a context is a different entry of the catalogue.
    """
    from io import BytesIO

    from babel.messages.extract import extract
    from django.utils.translation.template import templatize

    found: dict[tuple[str | None, str], str] = {}

    def collect(source: bytes, origin: str) -> None:
        for _line, message, _comments, context in extract("python", BytesIO(source), _KEYWORDS):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault((context, msgid), origin)

    for path in sorted(SOURCE_ROOT.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        collect(path.read_bytes(), str(path.relative_to(SOURCE_ROOT)))
    for path in sorted(SOURCE_ROOT.rglob("templates/**/*.html")):
        source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        # templatize keeps the markup as placeholder text; flush it left so that Python's
        # tokenizer, which Babel uses, does not trip over its indentation.
        flat = "\n".join(line.strip() for line in source.splitlines())
        collect(flat.encode("utf-8"), str(path.relative_to(SOURCE_ROOT)))
    return found


def test_catalogue_has_every_string_of_the_code_and_templates() -> None:
    """A string missing from the catalogue would show in English in the Chinese interface."""
    catalogue_ids = {
        (message.context, message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in _messages()
        if message.id
    }
    missing = {
        msgid: origin for msgid, origin in _source_msgids().items() if msgid not in catalogue_ids
    }
    assert not missing, f"run `make makemessages` and translate: {missing}"
