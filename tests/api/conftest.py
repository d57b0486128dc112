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

The security tests (``test_security.py``) talk to the server over real HTTP as an outsider would:
``requests`` where a client library changes nothing, and ``raw_http`` (a plain socket) where one
would normalise or refuse the request (odd content types, control characters, huge URLs and
headers), so that the server sees exactly the bytes under test. ``sign_in`` logs in through the
real form (GET /inloggen for the form token and its cookie, then POST /inloggen).
"""

from __future__ import annotations

import functools
import json
import os
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


# --- plain HTTP for the security tests -----------------------------------------------------------

LOGIN_PATH = "/inloggen"
SESSION_COOKIE = "kansrijk_sessie"
LOGIN_FORM_COOKIE = "kansrijk_inlog"

_CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]+)"|<input[^>]*\bvalue="([^"]+)"[^>]*\bname="csrf"')


def csrf_from_html(html: str, where: str) -> str:
    """The value of the page's hidden ``csrf`` input; fails the test when there is none."""
    match = _CSRF_INPUT.search(html)
    assert match, f"{where}: no hidden input name=\"csrf\" in the page"
    return match.group(1) or match.group(2)


@dataclass
class RawResponse:
    """One HTTP/1.1 response as the server sent it: status, headers in order, body."""

    status: int
    headers: list[tuple[str, str]]
    head: bytes  # status line and header block, undecoded
    body: bytes

    def header(self, name: str) -> str | None:
        values = self.all(name)
        return values[0] if values else None

    def all(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def describe(self) -> str:
        return self.head.decode("latin-1").rstrip() + "\n\n" + self.body[:400].decode("utf-8", "replace")


class ConnectionDropped(AssertionError):
    """The server closed the connection (or stopped answering) without a complete response."""


@dataclass
class RawHttp:
    """Sends hand-made HTTP/1.1 requests over a fresh socket, byte for byte as given.
    ``raw_http.Dropped`` is the exception for a connection closed without a complete response
    (tests cannot import from conftest under ``--import-mode=importlib``)."""

    base_url: str
    Dropped = ConnectionDropped

    @property
    def address(self) -> tuple[str, int]:
        parts = urlsplit(self.base_url)
        return parts.hostname or "127.0.0.1", parts.port or 80

    def build(self, method: str, target: str, headers: list[tuple[str, str]] = (), body: bytes | None = None) -> bytes:
        """A request with Host, Connection: close and (with a body) Content-Length added.
        Header values may hold any byte below 0x100 (latin-1), control characters included."""
        host, port = self.address
        lines = [f"{method} {target} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in headers]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")

    def send(self, raw: bytes, timeout: float = REQUEST_TIMEOUT) -> RawResponse:
        """Send ``raw`` and read the whole response (the request asks to close the connection).
        Raises ``ConnectionDropped`` when no complete response comes back."""
        with socket.create_connection(self.address, timeout=timeout) as sock:
            try:
                sock.sendall(raw)
            except OSError:
                # The server may answer and close before it has read everything (a huge header):
                # what it answered is still readable below.
                pass
            data = b""
            try:
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                    if _complete(data):
                        break
            except (TimeoutError, socket.timeout) as error:
                raise ConnectionDropped(f"no complete response within {timeout}s (got {len(data)} bytes)") from error
            except OSError as error:
                if not _complete(data, eof=True):
                    raise ConnectionDropped(f"connection failed before a complete response: {error!r}") from error
        if not _complete(data, eof=True):
            raise ConnectionDropped(f"the server closed the connection after {len(data)} bytes: {data[:200]!r}")
        return _parse(data)

    def request(self, method: str, target: str, headers: list[tuple[str, str]] = (), body: bytes | None = None,
                timeout: float = REQUEST_TIMEOUT) -> RawResponse:
        return self.send(self.build(method, target, headers, body), timeout=timeout)


def _split_head(data: bytes) -> tuple[bytes, bytes] | None:
    end = data.find(b"\r\n\r\n")
    return None if end < 0 else (data[:end + 4], data[end + 4:])


def _complete(data: bytes, eof: bool = False) -> bool:
    """Whether ``data`` holds a whole response: headers, then Content-Length bytes, a last chunk,
    or (with neither) everything up to the end of the connection."""
    split = _split_head(data)
    if split is None:
        return False
    head, body = split
    length = re.search(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*$", head)
    if length:
        return len(body) >= int(length.group(1))
    if re.search(rb"(?im)^transfer-encoding:[ \t]*chunked[ \t]*$", head):
        return body.endswith(b"0\r\n\r\n")
    return eof


def _parse(data: bytes) -> RawResponse:
    split = _split_head(data)
    assert split is not None, f"not an HTTP response: {data[:200]!r}"
    head, body = split
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    assert status_line[0].startswith("HTTP/") and len(status_line) >= 2, f"bad status line {lines[0]!r}"
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    if re.search(r"(?im)^transfer-encoding:\s*chunked\s*$", head.decode("latin-1")):
        body = _dechunk(body)
    return RawResponse(status=int(status_line[1]), headers=headers, head=head, body=body)


def _dechunk(body: bytes) -> bytes:
    out, rest = b"", body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


@pytest.fixture(scope="session")
def csrf_in() -> Callable[[str, str], str]:
    """``csrf_in(html, where)``: the value of the page's hidden ``csrf`` input (fails without one)."""
    return csrf_from_html


@pytest.fixture(scope="session")
def raw_http(base_url: str) -> RawHttp:
    return RawHttp(base_url)


@pytest.fixture(scope="session")
def demo_password() -> str:
    password = os.environ.get("KANSRIJK_DEMO_PASSWORD", "")
    if not password:
        pytest.fail("KANSRIJK_DEMO_PASSWORD is not set: the server's demo accounts need it", pytrace=False)
    return password


@dataclass
class LoginForm:
    """A fresh log-in form: the session that holds its cookie, and the token of its hidden field."""

    session: requests.Session
    token: str

    @property
    def cookie(self) -> str:
        value = self.session.cookies.get(LOGIN_FORM_COOKIE)
        assert value, f"GET {LOGIN_PATH} set no {LOGIN_FORM_COOKIE} cookie"
        return value


@pytest.fixture(scope="session")
def login_form(base_url: str) -> Callable[[], LoginForm]:
    """``login_form()``: GET /inloggen in a new session; its cookie and hidden ``csrf`` value."""

    def _login_form() -> LoginForm:
        session = requests.Session()
        response = session.get(base_url + LOGIN_PATH, timeout=REQUEST_TIMEOUT)
        assert response.status_code == 200, f"GET {LOGIN_PATH} answered {response.status_code}"
        return LoginForm(session, csrf_from_html(response.text, f"GET {LOGIN_PATH}"))

    return _login_form


# A log-in refused with 429 is tried again after Retry-After, at most this often: another test may
# just have slowed the address down (the log-in race), and the wait is part of the design.
SIGN_IN_TRIES = 4
MAX_RETRY_AFTER = 60  # seconds; a longer wait means the throttle is not what these tests expect


@pytest.fixture(scope="session")
def sign_in(base_url: str, demo_password: str, login_form: Callable[[], LoginForm]) -> Callable[..., requests.Session]:
    """``sign_in(email)``: a ``requests.Session`` logged in through the real form as that demo user."""

    def _sign_in(email: str) -> requests.Session:
        for attempt in range(1, SIGN_IN_TRIES + 1):
            form = login_form()
            response = form.session.post(
                base_url + LOGIN_PATH,
                data={"email": email, "password": demo_password, "csrf": form.token, "terug": "/"},
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
            )
            if response.status_code == 429 and attempt < SIGN_IN_TRIES:
                wait = int(response.headers.get("Retry-After", "1"))
                assert wait <= MAX_RETRY_AFTER, f"log-in as {email}: Retry-After {wait}s"
                time.sleep(wait + 0.2)
                continue
            assert response.status_code == 303, (
                f"log-in as {email} answered {response.status_code}, expected 303:\n{response.text[:500]}"
            )
            assert not response.headers.get("Location", "").startswith(LOGIN_PATH), (
                f"log-in as {email} goes on to {response.headers['Location']}: these tests expect the demo "
                "accounts to sign in with a password alone (no second factor)"
            )
            assert form.session.cookies.get(SESSION_COOKIE), f"log-in as {email} set no {SESSION_COOKIE} cookie"
            return form.session
        raise AssertionError("unreachable")

    return _sign_in
