"""Fixtures for the mail tests (issue 14): a real SMTP server (aiosmtpd) on a free loopback port and
the built Kansrijk server (``.build/debug/kansrijk``) started against it, plus a browser.

* ``smtp_server``: plain SMTP, shared by the session. ``.messages`` holds every mail it received as
  an ``email.message.EmailMessage`` (``.deliveries`` the same with envelope, TLS and AUTH facts);
  ``.wait_for(predicate, timeout)`` returns the first message that matches.
* ``mail_app``: the base URL of a Kansrijk server that sends through ``smtp_server``.
* ``start_smtp(tls=..., auth=...)`` / ``start_mail_app(smtp | None)``: more of either for one test
  (STARTTLS with a certificate made by ``trustme``, a server without SMTP, one that is stopped).
* ``browser``, ``page`` (relative URLs against ``mail_app``), ``new_page(base_url)``, ``login`` and
  ``assert_accessible``: Debian's Chromium through Playwright, axe-core as in tests/browser.

Every server listens on 127.0.0.1 only. Each Kansrijk server has its own temporary SQLite file and
``KANSRIJK_MAIL_RETRY_BASE_SECONDS=2``, so a failed try is repeated within seconds.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Playwright, Response, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT_BINARY = REPO_ROOT / ".build" / "debug" / "kansrijk"
SCREENSHOT_DIR = REPO_ROOT / ".build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 20_000
START_TIMEOUT = 180  # s: a fresh SQLite file is migrated and the demo loaded
DEMO_PASSWORD = os.environ.get("KANSRIJK_DEMO_PASSWORD") or "demo-wachtwoord-123"
MAIL_FROM = "Kansrijk <noreply@kansrijk.test>"
SMTP_USER = "kansrijk"
SMTP_PASSWORD = "geheim wachtwoord/:@"  # characters that must be percent-encoded in the URL
BLOCKING_IMPACTS = {"serious", "critical"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the SMTP server -----------------------------------------------------------------------------

@dataclass
class Delivery:
    message: email.message.EmailMessage
    raw: bytes
    mail_from: str
    rcpt_tos: list[str]
    tls: bool
    login: str | None


class SMTPServer:
    """aiosmtpd on 127.0.0.1:port; ``stop()`` and ``start()`` again keep the port."""

    def __init__(self, tls: bool, auth: bool, certificates: trustme.CA | None, implicit_tls: bool = False,
                 mechanisms: tuple[str, ...] = ("PLAIN", "LOGIN")) -> None:
        self.port = free_port()
        self.tls = tls or implicit_tls
        self.implicit_tls = implicit_tls
        self.auth = auth
        self.mechanisms = mechanisms
        self.deliveries: list[Delivery] = []
        self.logins: list[str] = []
        # recipients refused with "550 5.1.1 mailbox unavailable" (a permanent error)
        self.reject: set[str] = set()
        self._lock = threading.Condition()
        self._controller: Controller | None = None
        self.ca_file: str | None = None
        self._context = None
        if self.tls:
            assert certificates is not None
            certificate = certificates.issue_cert("127.0.0.1", "localhost")
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            certificate.configure_cert(context)
            self._context = context
            handle, path = tempfile.mkstemp(prefix="kansrijk-smtp-ca-", suffix=".pem")
            os.close(handle)
            certificates.cert_pem.write_to_path(path)
            self.ca_file = path

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        with self._lock:
            return [d.message for d in self.deliveries]

    @property
    def url(self) -> str:
        """KANSRIJK_SMTP_URL for this server (credentials percent-encoded)."""
        scheme = "smtps" if self.implicit_tls else "smtp"
        if self.auth:
            return f"{scheme}://{quote(SMTP_USER, safe='')}:{quote(SMTP_PASSWORD, safe='')}@127.0.0.1:{self.port}"
        return f"{scheme}://127.0.0.1:{self.port}"

    # aiosmtpd handler hooks
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with self._lock:
            self.deliveries.append(Delivery(message, raw, envelope.mail_from, list(envelope.rcpt_tos),
                                            session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                                            login))
            self._lock.notify_all()
        return "250 OK: queued"

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER \
            and auth_data.password.decode() == SMTP_PASSWORD
        if ok:
            self.logins.append(mechanism)
        return AuthResult(success=ok, auth_data=auth_data if ok else None)

    def start(self) -> None:
        options: dict = {"hostname": "127.0.0.1", "port": self.port}
        if self.implicit_tls:
            options.update(ssl_context=self._context)
        elif self.tls:
            options.update(tls_context=self._context, require_starttls=True)
        if self.auth:
            excluded = [m for m in ("PLAIN", "LOGIN") if m not in self.mechanisms]
            # aiosmtpd counts only STARTTLS as encryption: with TLS from the first byte it must be told
            options.update(authenticator=self._authenticate, auth_require_tls=not self.implicit_tls, auth_required=True,
                           auth_exclude_mechanism=excluded)
        self._controller = Controller(self, ready_timeout=10, **options)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, predicate: Callable[[email.message.EmailMessage], bool], timeout: float = 30) -> email.message.EmailMessage:
        """The first received message for which ``predicate`` is true; fails after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for delivery in self.deliveries:
                    if predicate(delivery.message):
                        return delivery.message
                left = deadline - time.monotonic()
                if left <= 0:
                    subjects = [d.message["Subject"] for d in self.deliveries]
                    raise AssertionError(f"no matching mail within {timeout} s; received: {subjects}")
                self._lock.wait(left)

    def delivery_of(self, message: email.message.EmailMessage) -> Delivery:
        with self._lock:
            return next(d for d in self.deliveries if d.message is message)

    def close(self) -> None:
        self.stop()
        if self.ca_file:
            Path(self.ca_file).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def _smtp_servers() -> Iterator[list[SMTPServer]]:
    servers: list[SMTPServer] = []
    yield servers
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def start_smtp(_smtp_servers, certificate_authority) -> Callable[..., SMTPServer]:
    """``start_smtp(tls=False, auth=False, implicit_tls=False, mechanisms=("PLAIN", "LOGIN"))``: a running
    SMTP server (STARTTLS with ``tls``, TLS from the first byte with ``implicit_tls``), stopped at the
    end of the session."""

    def _start(tls: bool = False, auth: bool = False, implicit_tls: bool = False,
               mechanisms: tuple[str, ...] = ("PLAIN", "LOGIN")) -> SMTPServer:
        server = SMTPServer(tls, auth, certificate_authority, implicit_tls, mechanisms)
        server.start()
        _smtp_servers.append(server)
        return server

    return _start


@pytest.fixture(scope="session")
def smtp_server(start_smtp) -> SMTPServer:
    return start_smtp()


# --- the Kansrijk server -------------------------------------------------------------------------

class KansrijkServer:
    def __init__(self, smtp: SMTPServer | None, extra_env: dict[str, str] | None = None) -> None:
        if not os.access(BUILT_BINARY, os.X_OK):
            pytest.fail(f"{BUILT_BINARY} is missing: run `swift build` first", pytrace=False)
        self.folder = Path(tempfile.mkdtemp(prefix="kansrijk-mail-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KANSRIJK_") and k != "DATABASE_URL"}
        env.update({
            "KANSRIJK_DATABASE_PATH": str(self.folder / "kansrijk.sqlite"),
            "KANSRIJK_DEMO_PASSWORD": DEMO_PASSWORD,
            "KANSRIJK_BCRYPT_COST": "4",
            "KANSRIJK_BASE_URL": self.url,
            "KANSRIJK_MAIL_RETRY_BASE_SECONDS": "2",
        })
        if smtp is not None:
            env["KANSRIJK_SMTP_URL"] = smtp.url
            env["KANSRIJK_MAIL_FROM"] = MAIL_FROM
            if smtp.ca_file:
                env["KANSRIJK_SMTP_CA_FILE"] = smtp.ca_file
        env.update(extra_env or {})
        self.log_path = self.folder / "server.log"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(BUILT_BINARY), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"kansrijk exited with {self.process.returncode} before it was ready:\n{self.log()}", pytrace=False)
            try:
                if requests.get(self.url + "/health/ready", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"kansrijk was not ready within {START_TIMEOUT} s:\n{self.log()}", pytrace=False)
            time.sleep(0.5)

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-6000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def _kansrijk_servers() -> Iterator[list[KansrijkServer]]:
    servers: list[KansrijkServer] = []
    yield servers
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def start_mail_app(_kansrijk_servers) -> Callable[..., KansrijkServer]:
    """``start_mail_app(smtp)``: a Kansrijk server sending through ``smtp`` (None: no SMTP at all)."""

    def _start(smtp: SMTPServer | None, extra_env: dict[str, str] | None = None) -> KansrijkServer:
        server = KansrijkServer(smtp, extra_env)
        _kansrijk_servers.append(server)
        return server

    return _start


@pytest.fixture(scope="session")
def mail_server_process(start_mail_app, smtp_server) -> KansrijkServer:
    return start_mail_app(smtp_server)


@pytest.fixture(scope="session")
def mail_app(mail_server_process) -> str:
    """The base URL of the Kansrijk server that sends through ``smtp_server``."""
    return mail_server_process.url


# --- the browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (scripts/test does)", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        yield browser
        browser.close()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Page]]:
    """``new_page(base_url)``: a page in its own context whose relative URLs go to ``base_url``."""
    pages: list[Page] = []

    def _new(base_url: str) -> Page:
        context = browser.new_context(base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        pages.append(page)
        return page

    yield _new
    for n, page in enumerate(pages):
        if not page.is_closed():
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOT_DIR / f"mail-{_safe_name(request.node.name)}-{n + 1}.png", full_page=True)
        page.context.close()


@pytest.fixture
def page(new_page, mail_app) -> Page:
    return new_page(mail_app)


@pytest.fixture
def login() -> Callable[..., Response]:
    """``login(page, email, password=None)``: log in through the real form (demo password by default)."""

    def _login(page: Page, email_address: str, password: str | None = None) -> Response:
        page.goto("/inloggen")
        form = page.locator("form:has(input[name=email])")
        form.locator("input[name=email]").fill(email_address)
        form.locator("input[name=password]").fill(DEMO_PASSWORD if password is None else password)
        with page.expect_navigation(), page.expect_response(
            lambda r: r.request.method == "POST" and r.url.split("?")[0].endswith("/inloggen")
        ) as posted:
            form.locator("button[type=submit]").click()
        return posted.value

    return _login


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    """``assert_accessible(page)``: axe-core on the page; fails on serious or critical violations."""
    axe = Axe()

    def _check(page: Page) -> None:
        violations = axe.run(page).response["violations"]
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        assert not blocking, f"accessibility violations on {page.url}: " + "; ".join(
            f"{v['id']} [{v['impact']}] {v['help']}" for v in blocking)

    return _check
