"""The API description at /api/v1/openapi.json (DESIGN §5) and its docs page at /api/v1/docs.

There is no OpenAPI validator among the dependencies, so the structure that OpenAPI 3.1 and
our conventions require is checked here: every operation documented (summary, tags, its
responses), every `$ref` resolvable, money in integer fen, local Swagger assets only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
# The operations of the case workflow API (issue 3), which document their error responses.
CASE_PATHS = re.compile(r"^/api/v1/(cases/|inbox$|approvals/)")


@pytest.fixture(scope="module")
def spec(django_db_blocker: Any) -> dict[str, Any]:
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def test_document_is_openapi_3_1(spec) -> None:
    assert re.fullmatch(r"3\.1\.\d+", spec["openapi"])
    assert spec["info"]["title"] and spec["info"]["version"]
    assert set(spec) <= {
        "openapi",
        "info",
        "jsonSchemaDialect",
        "servers",
        "paths",
        "webhooks",
        "components",
        "security",
        "tags",
        "externalDocs",
    }
    assert spec["components"]["securitySchemes"]["SessionAuth"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "sessionid",
    }
    # How to authenticate, CSRF included, and the one error shape are documented.
    description = spec["info"]["description"]
    for needle in ("CSRF", "X-CSRFToken", '{"code", "message", "extra"}', "_fen", "404"):
        assert needle in description, needle


def test_every_operation_is_documented(spec) -> None:
    seen_ids = set()
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        assert operation.get("summary"), where
        assert operation.get("tags"), where
        assert operation["operationId"] not in seen_ids, where
        seen_ids.add(operation["operationId"])
        responses = operation["responses"]
        assert any(code.startswith("2") for code in map(str, responses)), where
        for code, response in responses.items():
            assert response.get("description"), (where, code)
        declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
        assert declared == set(re.findall(r"{(\w+)}", path)), where


def test_case_operations_document_their_errors_and_cite_rules(spec) -> None:
    case_operations = [op for op in operations(spec) if CASE_PATHS.match(op[0])]
    assert len(case_operations) >= 50
    error_ref = "#/components/schemas/ErrorOut"
    cited = 0
    for path, method, operation in case_operations:
        where = f"{method.upper()} {path}"
        responses = {int(code): response for code, response in operation["responses"].items()}
        expected = {401, 422} if method == "get" else {400, 401, 403, 404, 422}
        if method == "get" and "{" in path:
            expected.add(404)
        assert expected <= set(responses), where
        for code in expected:
            schema = responses[code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": error_ref}, (where, code)
        assert operation.get("description"), where
        cited += bool(re.search(r"\b[A-Z]{2,5}-[A-Z0-9]+-\d+", operation["description"]))
    # Nearly every operation cites the rule ids it enforces (the reads of a record need not).
    assert cited >= len(case_operations) - 3
    error = spec["components"]["schemas"]["ErrorOut"]
    assert set(error["required"]) == {"code", "message", "extra"}


def test_every_reference_resolves(spec) -> None:
    schemas = spec["components"]["schemas"]
    for ref in set(refs(spec)):
        prefix, _, name = ref.rpartition("/")
        assert prefix == "#/components/schemas" and name in schemas, ref


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from schema.get("properties", {}).items()


def _types(prop: dict[str, Any]) -> set[str]:
    options = prop.get("anyOf", [prop])
    return {option.get("type", "ref") for option in options}


def test_money_is_integer_fen(spec) -> None:
    money = 0
    for name, schema in spec["components"]["schemas"].items():
        for prop_name, prop in _properties(schema):
            if prop_name.endswith("_fen"):
                money += 1
                assert _types(prop) <= {"integer", "null"}, (name, prop_name, prop)
            if prop_name.endswith(("_on", "_due", "_end")) and "type" in prop:
                assert prop.get("format") == "date", (name, prop_name, prop)
    assert money >= 20


def test_docs_render_with_local_assets(client) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(src.endswith("swagger-ui-bundle.js") for src in sources)
    for src in sources:
        assert src.startswith("/static/"), src  # no CDN
        assert finders.find(src.removeprefix("/static/")), src
    assert "/api/v1/openapi.json" in html
