"""Pages on a phone (390 x 844 CSS pixels): no sideways scrolling (WCAG 1.4.10 Reflow).

Without Playwright's is_mobile: with it, Chromium widens the layout viewport to fit wide content,
and window.innerWidth would grow along with the overflow it should reveal.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}
COORDINATOR = "coordinator@zeist.demo"
SERVICE = "Weggeefwinkel"  # a Zeist service the coordinator may edit; {service} in a path


def service_path(page: Page) -> str:
    page.goto(f"/aanbod?q={SERVICE}&gemeente=GM0355")
    return page.locator("article.result h2 a", has_text=SERVICE).first.get_attribute("href") or ""


PAGES = [
    pytest.param("/aanbod?q=schulden&gemeente=GM0355", None, id="search"),
    pytest.param("/", None, id="home"),
    pytest.param("{service}", None, id="service"),
    pytest.param("/ouders?gemeente=GM0355&situatie=zwanger", None, id="parents"),
    pytest.param("/inloggen", None, id="login"),
    pytest.param("/dekking?coalitie=zeist", COORDINATOR, id="coverage"),
    pytest.param("{service}/bewerken", COORDINATOR, id="service-form"),
    pytest.param("/zorgpaden", COORDINATOR, id="pathways"),
]


@pytest.mark.parametrize(("path", "account"), PAGES)
def test_page_fits_a_phone_screen(new_page, login, assert_accessible, path: str, account: str | None):
    page = new_page(viewport=PHONE)
    if account:
        login(page, account)
    if "{service}" in path:
        path = path.format(service=service_path(page))
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    expect(page.locator("h1")).to_be_visible()
    widths = page.evaluate("({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    assert widths["inner"] == PHONE["width"], widths
    assert widths["scroll"] <= widths["inner"], f"{path} scrolls sideways on a phone: {widths}"
    assert_accessible(page)
