"""Fixtures for the HSDS API tests.

The HSDS API is checked against the official Open Referral HSDS 3.0 schemas kept in
``$KANSRIJK_SHARED/standards/hsds-3.0/schema`` (copied unchanged from the specification repo).

How the official schemas fit together:

* ``openapi.json`` (OpenAPI 3.1, JSON Schema dialect 2020-12) describes every endpoint. A paged
  list response is ``allOf: [#/components/schemas/Page]`` plus ``contents: [items]``, where the
  items point at ``compiled/service_list.json``, ``compiled/organization_list.json``,
  ``compiled/service_at_location_list.json``, ``taxonomy.json`` or ``taxonomy_term.json``.
* Those pointers are absolute URLs under
  ``https://raw.githubusercontent.com/openreferral/specification/3.0/schema/``; the files carry
  no ``$id``. ``taxonomy.json`` and ``taxonomy_term.json`` in turn use relative ``$ref``s
  (``metadata.json``, ``taxonomy.json``), which resolve against that same base URL.
* The ``compiled/*.json`` files are self-contained (every related object is inlined).

So one ``referencing.Registry`` that maps the upstream base URL onto the local folder resolves
every reference, without any network access, and lets us validate a response against exactly
the schema the official ``openapi.json`` names for it.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

REPO_ROOT = Path(__file__).resolve().parents[2]

# Where the official schemas live upstream; every $ref in them is relative to this.
SPEC_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URI = SPEC_BASE + "openapi.json"

# Our HSDS API is mounted here; the paths in openapi.json are relative to it.
HSDS_PREFIX = "/api/hsds"

REQUEST_TIMEOUT = 30  # seconds; a debug build on 2 cores can be slow on its first request


def _escape_pointer_token(token: str) -> str:
    """Escape one JSON Pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class HsdsSchemas:
    """Validators built from the official HSDS 3.0 schemas in one local folder."""

    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir.resolve()
        self.openapi = json.loads((self.schema_dir / "openapi.json").read_text(encoding="utf-8"))
        # Resources are loaded lazily (the compiled schemas are several MB each) and cached.
        self.registry: Registry = Registry(retrieve=functools.lru_cache(maxsize=None)(self._retrieve))

    def _retrieve(self, uri: str) -> Resource:
        """Map an upstream schema URL onto the local copy; refuse anything else (no network)."""
        if not uri.startswith(SPEC_BASE):
            raise NoSuchResource(ref=uri)
        path = (self.schema_dir / uri[len(SPEC_BASE) :]).resolve()
        if self.schema_dir not in path.parents or not path.is_file():
            raise NoSuchResource(ref=uri)
        contents = json.loads(path.read_text(encoding="utf-8"))
        # The files declare no $schema; openapi.json's jsonSchemaDialect says 2020-12.
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    def _validator(self, ref: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"$ref": ref},
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    def for_response(self, api_path: str, status: str = "200") -> Draft202012Validator:
        """Validator for the JSON body openapi.json documents for ``GET api_path``.

        ``api_path`` is the path as written in openapi.json, e.g. ``/services/{id}``.
        """
        response = self.openapi["paths"].get(api_path, {}).get("get", {}).get("responses", {}).get(status, {})
        if "schema" not in response.get("content", {}).get("application/json", {}):
            raise AssertionError(f"openapi.json documents no JSON body for GET {api_path} -> {status}")
        pointer = "/".join(
            _escape_pointer_token(token)
            for token in ("paths", api_path, "get", "responses", status, "content", "application/json", "schema")
        )
        return self._validator(f"{OPENAPI_URI}#/{pointer}")

    def for_file(self, relative: str) -> Draft202012Validator:
        """Validator for one schema file, e.g. ``compiled/service.json`` or ``taxonomy.json``."""
        if not (self.schema_dir / relative).is_file():
            raise AssertionError(f"no schema file {self.schema_dir / relative}")
        return self._validator(SPEC_BASE + relative)

    def assert_response(self, api_path: str, body: Any, what: str | None = None) -> None:
        """Fail unless ``body`` matches what openapi.json documents for ``GET api_path``."""
        _assert_valid(self.for_response(api_path), body, what or f"GET {api_path}")

    def assert_file(self, relative: str, instance: Any, what: str) -> None:
        """Fail unless ``instance`` matches the schema file ``relative``."""
        _assert_valid(self.for_file(relative), instance, f"{what} (against {relative})")


def _assert_valid(validator: Draft202012Validator, instance: Any, what: str) -> None:
    """Fail with every schema error (where in the document, and why), not only the first."""
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return
    lines = [f"{what}: {len(errors)} schema error(s) against the official HSDS 3.0 schema:"]
    for error in errors[:25]:
        message = error.message if len(error.message) <= 300 else error.message[:300] + "..."
        lines.append(f"  - {error.json_path}: {message}")
    if len(errors) > 25:
        lines.append(f"  ... and {len(errors) - 25} more")
    raise AssertionError("\n".join(lines))


class ApiClient:
    """A requests session bound to one URL prefix of the server under test."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json, application/problem+json"

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(self.base_url + path, params=params or None, timeout=REQUEST_TIMEOUT)

    def get_json(self, path: str, **params: Any) -> Any:
        """GET that must answer 200 with a JSON body; returns the decoded body."""
        response = self.get(path, **params)
        assert response.status_code == 200, (
            f"GET {response.url} answered {response.status_code}, expected 200:\n{response.text[:1000]}"
        )
        content_type = response.headers.get("Content-Type", "")
        assert content_type.startswith("application/json"), (
            f"GET {response.url}: Content-Type is {content_type!r}, expected application/json"
        )
        return response.json()


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get("KANSRIJK_BASE_URL", "").strip()
    if not url:
        pytest.fail(
            "KANSRIJK_BASE_URL is not set: run these tests through scripts/test, "
            "or start the server and point KANSRIJK_BASE_URL at it",
            pytrace=False,
        )
    return url.rstrip("/")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared/ folder (standards, domain data), next to the repo by default."""
    path = Path(os.environ.get("KANSRIJK_SHARED") or REPO_ROOT.parent / "shared")
    if not (path / "standards" / "hsds-3.0" / "schema" / "openapi.json").is_file():
        pytest.fail(
            f"HSDS 3.0 schemas not found under {path}/standards/hsds-3.0/schema "
            "(set KANSRIJK_SHARED to the shared/ folder)",
            pytrace=False,
        )
    return path.resolve()


@pytest.fixture(scope="session")
def hsds_dir(shared_dir: Path) -> Path:
    return shared_dir / "standards" / "hsds-3.0"


@pytest.fixture(scope="session")
def hsds(hsds_dir: Path) -> HsdsSchemas:
    return HsdsSchemas(hsds_dir / "schema")


@pytest.fixture(scope="session")
def api(base_url: str) -> ApiClient:
    """Client for the HSDS API: paths are relative to /api/hsds, as in openapi.json."""
    return ApiClient(base_url + HSDS_PREFIX)
