"""Reading rendered pages in tests: nav entries, asset URLs, marked values."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

_NAV = re.compile(r'data-nav="([^"]+)"')


def html(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def nav_keys(response: Any) -> set[str]:
    """Keys of the navigation entries the page shows."""
    return set(_NAV.findall(html(response)))


def marked(response: Any, attribute: str) -> dict[str, str]:
    """`{value of data-<attribute>: text of that element}` for every marked element."""
    pattern = re.compile(rf'data-{attribute}="([^"]+)"[^>]*>(.*?)<', re.S)
    return {key: text.strip() for key, text in pattern.findall(html(response))}


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None:
                self.urls.append(value)


def asset_urls(content: str) -> list[str]:
    """Every `<script src>`, `<link href>` and `<img src>` of a page."""
    parser = _AssetParser()
    parser.feed(content)
    return parser.urls
