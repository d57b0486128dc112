"""Smoke tests in a real browser: the public home, searching the offering, logging in and out.

Written against the page contract:
  /            public home: an <h1> and a search form (GET /aanbod, field q)
  /inloggen    login form (email, password, hidden csrf) posting to /inloggen
  /uitloggen   POST, offered as a form once logged in
  /aanbod      search results, each an <article class="result"> with <h2><a href="/aanbod/<uuid>">
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

COORDINATOR = "coordinator@zeist.demo"

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# a result link carries the search it was found by, for the way back (issue 15)
RESULT_LINK = re.compile(rf"^/aanbod/{UUID}(\?terug=[^#\s]*)?$")

# Words a Dutch login error would use ("E-mailadres of wachtwoord onjuist", "ongeldig", ...).
DUTCH_LOGIN_ERROR = re.compile(r"onjuist|ongeldig|klopt niet|verkeerd|mislukt|niet herkend", re.IGNORECASE)

# Regions that screen readers announce: where a form error belongs (WCAG 3.3.1, 4.1.3).
ANNOUNCED = "[role=alert], [role=status], [aria-live=assertive], [aria-live=polite]"


def logout_form(page: Page):
    return page.locator('form[action="/uitloggen"][method="post" i]')


def test_home_page_is_dutch_titled_and_accessible(page: Page, assert_accessible):
    response = page.goto("/")
    assert response is not None and response.status == 200, f"/ answered {response and response.status}"
    lang = page.locator("html").get_attribute("lang") or ""
    assert lang.split("-")[0].lower() == "nl", f'<html lang="{lang}">, expected "nl"'
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator("h1").first).not_to_have_text(re.compile(r"^\s*$"))
    assert page.title().strip(), "the page has no <title>"
    assert_accessible(page)


def test_home_search_leads_to_results_and_a_service(page: Page, assert_accessible):
    page.goto("/")
    form = page.locator('form[action="/aanbod"]:has(input[name=q])')
    expect(form).to_have_count(1)
    assert (form.get_attribute("method") or "get").lower() == "get", "the search form should use GET"

    form.locator("input[name=q]").fill("schuld")
    form.locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/aanbod\?(.*&)?q=schuld"))

    links = page.locator("article.result h2 a")
    expect(links.first).to_be_visible()
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    bad = [h for h in hrefs if not RESULT_LINK.match(h or "")]
    assert not bad, f"result links should be /aanbod/<uuid>, got {bad}"
    assert_accessible(page)

    links.first.click()
    page.wait_for_url(re.compile(rf"/aanbod/{UUID}(\?terug=[^#]*)?$"))
    expect(page.locator("h1").first).to_be_visible()
    assert_accessible(page)


def test_results_filter_by_municipality(page: Page):
    response = page.goto("/aanbod?q=&gemeente=GM0355")
    assert response is not None and response.status == 200, f"/aanbod answered {response and response.status}"
    expect(page.locator("article.result").first).to_be_visible()


def test_login_page_has_a_csrf_token_and_is_accessible(page: Page, assert_accessible):
    page.goto("/inloggen")
    form = page.locator("form:has(input[name=email])")
    expect(form).to_have_count(1)
    assert (form.get_attribute("method") or "").lower() == "post", "the login form must POST"
    token = form.locator("input[type=hidden][name=csrf]")
    expect(token).to_have_count(1)
    assert (token.get_attribute("value") or "").strip(), "the csrf field is empty"
    assert form.locator("input[name=password]").get_attribute("type") == "password"
    assert_accessible(page)


def test_coordinator_logs_in_and_out(page: Page, login):
    response = login(page, COORDINATOR)
    assert response.status < 400, f"login answered {response.status}"
    expect(logout_form(page)).to_have_count(1)

    with (
        page.expect_navigation(),
        page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/uitloggen")),
    ):
        logout_form(page).locator("button, input[type=submit]").first.click()
    expect(logout_form(page)).to_have_count(0)


def test_wrong_password_is_refused_in_dutch(page: Page, login):
    response = login(page, COORDINATOR, password="dit-is-niet-het-wachtwoord")
    body = page.content().lower()
    assert response.status == 401 or "onjuist" in body, (
        f"a wrong password should answer 401 or say 'onjuist'; got {response.status}"
    )
    expect(logout_form(page)).to_have_count(0)
    error = page.locator(ANNOUNCED).filter(has_text=DUTCH_LOGIN_ERROR)
    expect(error.first).to_be_visible()
    # The password must never be sent back into the page.
    expect(page.locator("input[name=password]")).to_have_value("")
