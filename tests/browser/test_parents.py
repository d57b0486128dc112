"""Journeys of a parent on /ouders: plain Dutch, no login; and the English toggle."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

ZEIST = "GM0355"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# The parents' pages say "jij" unless the coalition chose "u" (issue 15); the professionals'
# pages say "u".
INFORMAL = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)


def choose(page: Page, gemeente: str, situatie: str | None = None) -> None:
    form = page.locator("form.parent-form")
    form.locator("select[name=gemeente]").select_option(gemeente)
    if situatie:
        form.locator("select[name=situatie]").select_option(label=situatie)
    with page.expect_navigation():
        form.get_by_role("button").click()


def html_lang(page: Page) -> str:
    return page.locator("html").get_attribute("lang") or ""


def toggle_language(page: Page, label: str) -> None:
    with page.expect_navigation():
        page.locator("a.lang-toggle", has_text=label).click()


def test_pregnant_parent_in_zeist_finds_help(page: Page, assert_accessible):
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voor ouders").click()
    expect(page.locator("h1")).to_have_text("Wat is er voor jou?")
    expect(page.locator("article.parent-result")).to_have_count(0)
    assert_accessible(page)

    choose(page, ZEIST, "Ik ben zwanger")
    assert "gemeente=GM0355" in page.url and "situatie=zwanger" in page.url, page.url
    results = page.locator("article.parent-result")
    count = results.count()
    assert count >= 3, f"only {count} results for a pregnant parent in Zeist"
    expect(page.locator("#res-h")).to_have_text(f"{count} keer hulp gevonden in of rond Zeist")
    # Plain language: most results talk to the parent as "je".
    texts = [results.nth(i).locator("p").first.inner_text() for i in range(count)]
    informal = [t for t in texts if INFORMAL.search(t)]
    assert len(informal) * 2 >= count, f"most results should address the parent with 'je': {texts}"
    # The parent-friendly results link to the parents' service page, not the professionals' one.
    hrefs = [results.nth(i).locator("h3 a").get_attribute("href") or "" for i in range(count)]
    assert all(re.fullmatch(rf"/ouders/aanbod/{UUID}", h) for h in hrefs), hrefs
    expect(page.get_by_role("heading", name="Hulp nodig, nu meteen?")).to_be_visible()
    assert_accessible(page)

    first = results.first.locator("h3 a")
    name = first.inner_text().strip()
    with page.expect_navigation():
        first.click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.get_by_role("heading", name="Wat is het?")).to_be_visible()
    expect(page.get_by_role("heading", name="Hoe kom je erbij?")).to_be_visible()
    # Nothing meant for professionals only.
    expect(page.get_by_text("Zo verwijst u")).to_have_count(0)
    expect(page.get_by_text("Contactpersonen voor verwijzers")).to_have_count(0)
    assert_accessible(page)


def test_english_toggle_switches_and_is_remembered(page: Page, assert_accessible):
    page.goto(f"/ouders?gemeente={ZEIST}&situatie=zwanger")
    assert html_lang(page) == "nl"
    dutch_count = page.locator("article.parent-result").count()

    toggle_language(page, "English")
    assert "lang=en" in page.url, page.url
    assert html_lang(page) == "en", f'<html lang="{html_lang(page)}"> after choosing English'
    expect(page.locator("h1")).to_have_text("What is there for you?")
    expect(page.locator("#res-h")).to_contain_text("found in or near Zeist")
    # Same search, same results: the choices survive the switch.
    expect(page.locator("select[name=gemeente]")).to_have_value(ZEIST)
    expect(page.locator("select[name=situatie]")).to_have_value("zwanger")
    expect(page.locator("article.parent-result")).to_have_count(dutch_count)
    # A parents' page has no professionals' menu (issue 15), in either language.
    expect(page.get_by_role("navigation", name="Main menu")).to_have_count(0)
    toggle = page.locator("a.lang-toggle")
    expect(toggle).to_have_text("Nederlands")
    expect(toggle).to_have_attribute("lang", "nl")
    assert_accessible(page)

    # Remembered: other pages, without ?lang=, stay English.
    page.goto("/aanbod")
    assert html_lang(page) == "en"
    expect(page.locator("h1")).to_have_text("Who can help?")
    assert_accessible(page)

    toggle_language(page, "Nederlands")
    assert html_lang(page) == "nl"
    expect(page.locator("h1")).to_have_text("Wie kan helpen?")
    page.goto("/ouders")
    assert html_lang(page) == "nl", "back to Dutch should be remembered too"
    expect(page.locator("h1")).to_have_text("Wat is er voor jou?")
    assert_accessible(page)
