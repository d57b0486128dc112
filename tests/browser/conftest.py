"""Fixtures for the real-browser tests: Playwright driving Debian's Chromium, plus axe-core.

Helpers are fixtures (``login``, ``assert_accessible``) rather than importable functions, so the
tests work under pytest's importlib import mode and never depend on sys.path tricks.

Pages without JavaScript (``new_page(java_script_enabled=False)``) are checked too: axe-core needs
scripts and timers, so ``assert_accessible`` runs it on a copy of the page's HTML, served at the same
address in a scratch page that has JavaScript.

Environment:
  KANSRIJK_BASE_URL       the running server, e.g. http://127.0.0.1:8080 (required)
  KANSRIJK_DEMO_PASSWORD  password of the demo accounts (required by ``login``)
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Response, Route, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / ".build" / "screenshots"

# Debian's Chromium (apt package `chromium`): Playwright's own browser builds cannot be downloaded here.
CHROMIUM = "/usr/bin/chromium"

# Generous, because the server under test is a debug build on a 2-core machine.
TIMEOUT_MS = 20_000

# axe impacts that fail a test; "moderate" and "minor" are reported by axe but do not fail.
BLOCKING_IMPACTS = {"serious", "critical"}


def _safe_name(name: str) -> str:
    """A test id such as ``test_x[/aanbod]`` as a file-name-safe string."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the item, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


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
def demo_password() -> str:
    password = os.environ.get("KANSRIJK_DEMO_PASSWORD", "")
    if not password:
        pytest.fail("KANSRIJK_DEMO_PASSWORD is not set: the server's demo accounts need it", pytrace=False)
    return password


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (scripts/test does)", pytrace=False)
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
    yield browser
    browser.close()


# Pages whose context has JavaScript switched off: axe cannot run in them (see the module doc).
_PAGES_WITHOUT_SCRIPT: weakref.WeakSet[Page] = weakref.WeakSet()


def _open_context(browser: Browser, base_url: str, **options) -> BrowserContext:
    settings = {"base_url": base_url, "locale": "nl-NL", "viewport": {"width": 1280, "height": 900}}
    settings.update(options)
    context = browser.new_context(**settings)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _close_pages(pages: list[Page], request: pytest.FixtureRequest) -> None:
    """Close the pages' contexts; on failure, first keep what each browser last showed."""
    report = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    for n, page in enumerate(pages):
        if failed and not page.is_closed():
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            suffix = "" if n == 0 else f"-{n + 1}"
            page.screenshot(path=SCREENSHOT_DIR / f"{_safe_name(request.node.name)}-failed{suffix}.png", full_page=True)
        page.context.close()


@pytest.fixture
def page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page in its own context (own cookies), with relative URLs resolved against the server."""
    page = _open_context(browser, base_url).new_page()
    yield page
    # On failure, keep what the browser last showed: it usually explains the failure at once.
    _close_pages([page], request)


@pytest.fixture
def new_page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """``new_page(**context_options)``: another fresh page in its own context, for example
    ``new_page(java_script_enabled=False)`` or ``new_page(viewport={"width": 390, "height": 844})``.
    Options override the defaults of ``page``; all such pages are closed after the test."""
    pages: list[Page] = []

    def _new_page(**options) -> Page:
        page = _open_context(browser, base_url, **options).new_page()
        if options.get("java_script_enabled") is False:
            _PAGES_WITHOUT_SCRIPT.add(page)
        pages.append(page)
        return page

    yield _new_page
    _close_pages(pages, request)


@pytest.fixture
def login(demo_password: str) -> Callable[..., Response]:
    """``login(page, email, password=None)``: log in through the real form.

    Returns the response to the POST /inloggen (before any redirect is followed), so a test can
    check its status. Returns once the page the server answered with has loaded.
    """

    def _login(page: Page, email: str, password: str | None = None) -> Response:
        page.goto("/inloggen")
        form = page.locator("form:has(input[name=email])")
        form.locator("input[name=email]").fill(email)
        form.locator("input[name=password]").fill(demo_password if password is None else password)
        # Wait for the navigation too: the URL may not change (an error re-renders /inloggen),
        # and reading the page before the new document loads would read the old one.
        with (
            page.expect_navigation(),
            page.expect_response(
                lambda r: r.request.method == "POST" and r.url.split("?")[0].endswith("/inloggen")
            ) as posted,
        ):
            form.locator("button[type=submit]").click()
        return posted.value

    return _login


@pytest.fixture
def assert_accessible(request: pytest.FixtureRequest) -> Callable[[Page], None]:
    """``assert_accessible(page)``: run axe-core on the page; fail on serious or critical violations.

    Each call also saves a full-page screenshot to .build/screenshots/<test>-<n>.png.
    """
    axe = Axe()
    counter = 0

    def _assert_accessible(page: Page) -> None:
        nonlocal counter
        counter += 1
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOT_DIR / f"{_safe_name(request.node.name)}-{counter}.png", full_page=True)

        violations = _axe_violations(axe, page)
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        if not blocking:
            return
        lines = [f"{len(blocking)} serious/critical accessibility violation(s) on {page.url}:"]
        for violation in blocking:
            # A target is a list of selectors (one per frame or shadow root) for one node.
            targets = ", ".join(" >> ".join(map(str, node["target"])) for node in violation["nodes"][:3])
            more = f" (+{len(violation['nodes']) - 3} more)" if len(violation["nodes"]) > 3 else ""
            lines.append(f"  - {violation['id']} [{violation['impact']}]: {violation['help']} -> {targets}{more}")
        pytest.fail("\n".join(lines), pytrace=False)

    return _assert_accessible


def _axe_violations(axe: Axe, page: Page) -> list[dict]:
    if page not in _PAGES_WITHOUT_SCRIPT:
        return axe.run(page).response["violations"]
    # No scripts, no axe: serve the same HTML at the same address to a scratch page with JavaScript.
    url, html = page.url, page.content()
    browser = page.context.browser
    assert browser is not None
    scratch_context = browser.new_context(locale="nl-NL", viewport=page.viewport_size)
    scratch_context.set_default_timeout(TIMEOUT_MS)
    try:
        scratch = scratch_context.new_page()

        def serve_copy(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        document_url = url.split("#")[0]  # requests never carry the fragment
        scratch.route(lambda address: address == document_url, serve_copy)
        scratch.goto(url)
        return axe.run(scratch).response["violations"]
    finally:
        scratch_context.close()


@pytest.fixture
def error_summary_problems() -> Callable[[Page], list[str]]:
    """``error_summary_problems(page)``: what is wrong with the form errors on the page, as sentences
    (an empty list when all is well). For each link in ``.error-summary``:

    - the link text is not the same as another link's (a list of "Vul dit veld in." says nothing);
    - following it puts the keyboard focus on a form control (in the linked fieldset, if it is one);
    - that control has ``aria-invalid="true"`` (not required of checkboxes in a linked fieldset);
    - the control, or its fieldset, is described (``aria-describedby``) by a ``.field-error``
      with the link's message.
    """

    def _problems(page: Page) -> list[str]:
        problems: list[str] = []
        links = page.locator(".error-summary a[href^='#']")
        texts = [text.strip() for text in links.all_inner_texts()]
        if not texts:
            return ["no links in the error summary"]
        for text in sorted({t for t in texts if texts.count(t) > 1}):
            problems.append(f"{texts.count(text)} summary links read the same: {text!r}")
        for index, text in enumerate(texts):
            href = links.nth(index).get_attribute("href") or ""
            target = page.locator(f"[id='{href[1:]}']")
            if target.count() != 1:
                problems.append(f"{href}: links to {target.count()} elements")
                continue
            links.nth(index).click()
            focused = page.evaluate(
                """target => {
                    const el = document.activeElement;
                    const ok = el && el.matches('input, select, textarea') && (el === target || target.contains(el));
                    return ok ? null : (el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : 'nothing');
                }""",
                target.element_handle(),
            )
            if focused is not None:
                problems.append(f"{href}: following the link focuses {focused}, not a form control")
            is_group = target.evaluate("el => el.tagName === 'FIELDSET'")
            control = target.locator("input, select, textarea").first if is_group else target
            # (A group of checkboxes needs no aria-invalid: its fieldset's description carries the error.)
            if not is_group and control.get_attribute("aria-invalid") != "true":
                problems.append(f'{href}: the control is not marked aria-invalid="true"')
            described = " ".join(
                (el.get_attribute("aria-describedby") or "") for el in ([target, control] if is_group else [control])
            ).split()
            messages = [
                page.locator(f"[id='{i}']").inner_text().strip()
                for i in described
                if page.locator(f"[id='{i}'].field-error").count() == 1
            ]
            if text not in messages:
                problems.append(f"{href}: not described (aria-describedby) by a .field-error saying {text!r}")
        return problems

    return _problems
