"""Every role its own start, and no link that answers 403 (issue 15).

Each demo role signs in through the real form, must land on its own start page, and then every
same-origin link on that page (the header menu included) and on the pages those links open is
fetched with the role's session: none may answer 403, 404 or a server error. Only GET, and GET
changes nothing in Kansrijk (log-out and every change are POST forms, which are not followed).
Parents have no account: their crawl starts at /ouders and must never meet the professionals' menu.

Screenshots of each start page at 1280 and 390 px go to .build/screenshots (and to $KANSRIJK_SHOTS
when set); the phone's menu is one button that opens without JavaScript.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

ROLES = [
    pytest.param("admin@kansrijk.demo", "admin", id="admin"),
    pytest.param("coordinator@zeist.demo", "coordinator", id="coordinator"),
    pytest.param("professional@zeist.demo", "professional", id="professional"),
    pytest.param("jgz@zeist.demo", "professional", id="jgz"),
    pytest.param("policy@zeist.demo", "policy", id="policy"),
    pytest.param("vrijwilligers@zeist.demo", "professional", id="volunteer"),
    # another coalition's people: their own coalition, not Zeist's
    pytest.param("coordinator@borsele.demo", "coordinator", id="coordinator-borsele"),
    pytest.param("professional@apeldoorn.demo", "professional", id="professional-apeldoorn"),
]
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
HREF = re.compile(r'href="([^"]*)"')
# At most this many pages per role, so the crawl stays within minutes on a debug build.
MAX_PAGES = 600


def same_origin_links(base: str, page_url: str, body: str) -> set[str]:
    """The same-origin links of an HTML page, without fragments or language switches."""
    origin = urlsplit(base)
    links = set()
    for raw in HREF.findall(body):
        href = html.unescape(raw)
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        absolute = urljoin(page_url, href).split("#", 1)[0]
        parts = urlsplit(absolute)
        if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
            continue
        # the language toggle sets a cookie: the English pages are the same pages
        if re.search(r"(^|&)lang=", parts.query):
            continue
        # static files are not pages of a role
        if parts.path.startswith(("/css/", "/js/", "/favicon")):
            continue
        links.add(absolute)
    return links


def crawl(page: Page, base: str, start: str) -> tuple[dict[str, int], list[str]]:
    """Fetches every link of `start` (depth 1) and of the HTML pages they open (depth 2)."""
    seen: dict[str, int] = {}
    first = page.content()
    frontier = sorted(same_origin_links(base, urljoin(base, start), first))
    for depth in (1, 2):
        following: set[str] = set()
        for url in frontier:
            if url in seen or len(seen) >= MAX_PAGES:
                continue
            response = page.request.get(url, max_redirects=5, fail_on_status_code=False)
            seen[url] = response.status
            if depth == 1 and "text/html" in response.headers.get("content-type", ""):
                following |= same_origin_links(base, response.url, response.text())
        frontier = sorted(following - set(seen))
    bad = [f"{status} {url}" for url, status in seen.items() if status in (403, 404) or status >= 500]
    return seen, bad


def save_shot(page: Page, name: str) -> None:
    target = os.environ.get("KANSRIJK_SHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("email", "role"), ROLES)
def test_role_lands_on_own_start_and_meets_no_refusal(new_page, login, assert_accessible, base_url, email, role):
    page = new_page(viewport=WIDE)
    response = login(page, email)
    assert response.status in (302, 303), f"{email}: log-in answered {response.status}"
    assert urlsplit(page.url).path == "/", f"{email} landed on {page.url}"
    expect(page.locator(f'[data-start="{role}"]')).to_have_count(1)
    expect(page.locator(".menu-wide")).to_be_visible()
    expect(page.locator("details.menu-phone")).to_be_hidden()
    assert_accessible(page)
    save_shot(page, f"start-{email.split('@')[0]}-1280")

    seen, bad = crawl(page, base_url, "/")
    assert len(seen) > 20, f"{email}: only {len(seen)} links crawled"
    assert not bad, f"{email} meets links that refuse or fail:\n" + "\n".join(sorted(bad))

    # On a phone the menu is one button; it opens without JavaScript and shows the same links.
    page.set_viewport_size(PHONE)
    page.goto("/")
    menu = page.locator("details.menu-phone")
    expect(menu).to_be_visible()
    expect(page.locator(".menu-wide")).to_be_hidden()
    expect(menu.locator("a").first).to_be_hidden()
    assert_accessible(page)
    save_shot(page, f"start-{email.split('@')[0]}-390")
    menu.locator("summary").click()
    expect(menu.locator("a").first).to_be_visible()
    wide = page.locator(".menu-wide a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    phone = menu.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert wide == phone
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{email}: the start page scrolls sideways by {overflow}px on a phone"


def test_parents_pages_show_no_professional_menu_and_no_refusal(new_page, assert_accessible, base_url):
    page = new_page(viewport=WIDE)
    page.goto("/ouders?gemeente=GM0355&situatie=zwanger")
    expect(page.locator("nav.main-nav")).to_have_count(0)
    assert_accessible(page)
    seen, bad = crawl(page, base_url, "/ouders?gemeente=GM0355&situatie=zwanger")
    assert not bad, "a parent meets links that refuse or fail:\n" + "\n".join(sorted(bad))
    parent_pages = [u for u in seen if urlsplit(u).path.startswith("/ouders/aanbod/")]
    assert parent_pages, "no service page for parents crawled"
    page.goto(parent_pages[0])
    expect(page.locator("nav.main-nav")).to_have_count(0)
    for link in page.locator('a[href^="tel:"]').all():
        assert re.fullmatch(r"tel:\+?\d{3,15}", link.get_attribute("href") or ""), link.get_attribute("href")
    save_shot(page, "parents-service-1280")
    page.set_viewport_size(PHONE)
    assert_accessible(page)
    save_shot(page, "parents-service-390")
