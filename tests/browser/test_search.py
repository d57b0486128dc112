"""Journeys of a professional looking for help for a family: "Wie kan helpen?" (/aanbod).

The first journey also runs without JavaScript (the phone-sized screen: test_mobile.py).
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Page, expect

ZEIST = "GM0355"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# A result carries the search it was found by, for the breadcrumb back (issue 15).
SERVICE_URL = re.compile(rf"/aanbod/{UUID}(\?terug=[^#]*)?$")
# Labels of capacity and access route, as the Dutch UI shows them.
DUTCH_LABELS = re.compile(
    r"Plek beschikbaar|Nog enkele plaatsen|Wachtlijst|Vol, geen aanmeldingen|ongeveer \d+ weken|"
    r"Ouders melden zich zelf aan|Verwijzing door|Via de gemeente"
)


# --- helpers -------------------------------------------------------------------------------------


def search_from_home(page: Page, words: str) -> None:
    page.goto("/")
    box = page.get_by_role("search").get_by_label("Waar zoekt u hulp bij?")
    box.fill(words)
    with page.expect_navigation():
        box.press("Enter")


def refine(page: Page, **filters: str) -> None:
    """Change the filter form on the results page (text field q, or selects by value) and submit."""
    form = page.locator("form.filters")
    for name, value in filters.items():
        field = form.locator(f"[name={name}]")
        if name == "q":
            field.fill(value)
        else:
            field.select_option(value)
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()


def result_names(page: Page) -> list[str]:
    return [name.strip() for name in page.locator("article.result h2 a").all_inner_texts()]


def result(page: Page, name: str):
    return page.locator("article.result").filter(has=page.get_by_role("link", name=name, exact=True))


def open_result(page: Page, name: str) -> None:
    with page.expect_navigation():
        result(page, name).get_by_role("link", name=name, exact=True).click()
    assert SERVICE_URL.search(page.url), page.url


def expect_referral_box(page: Page) -> None:
    box = page.locator("section.refer-box")
    expect(box.get_by_role("heading", name="Zo verwijst u")).to_be_visible()
    text = box.inner_text().replace("Zo verwijst u", "").strip()
    assert len(text) > 20, f"the 'Zo verwijst u' box says too little: {text!r}"


# --- journeys ------------------------------------------------------------------------------------


def find_debt_help_in_zeist(page: Page, assert_accessible) -> None:
    """Home → "schulden" → results → choose Zeist → Schuldhulpverlening near the top, "In Zeist" → open it."""
    search_from_home(page, "schulden")
    assert re.search(r"/aanbod\?(.*&)?q=schulden", page.url), page.url
    expect(page.locator("form.filters [name=q]")).to_have_value("schulden")
    expect(page.locator("article.result").first).to_be_visible()
    assert_accessible(page)

    refine(page, gemeente=ZEIST)
    assert f"gemeente={ZEIST}" in page.url, page.url
    expect(page.locator("form.filters [name=gemeente]")).to_have_value(ZEIST)
    expect(page.locator("#results-h")).to_contain_text("eerst in Zeist")
    first = result_names(page)[:3]
    assert "Schuldhulpverlening" in first, f"Schuldhulpverlening should be among the first results, got {first}"
    expect(result(page, "Schuldhulpverlening").locator(".locality")).to_have_text("In Zeist")
    # Every result says where it is offered, relative to the chosen municipality.
    localities = page.locator("article.result .locality").all_inner_texts()
    assert len(localities) == page.locator("article.result").count(), "a result without a locality label"
    assert set(localities) <= {"In Zeist", "In de regio", "Landelijk of online"}, localities
    assert_accessible(page)

    open_result(page, "Schuldhulpverlening")
    expect(page.locator("h1")).to_have_text("Schuldhulpverlening")
    expect_referral_box(page)
    # Not logged in: contact persons are hidden, with a hint why.
    expect(page.get_by_text("Log in om de contactpersonen voor verwijzers te zien.")).to_be_visible()
    assert_accessible(page)


def test_find_debt_help_in_zeist(page: Page, assert_accessible):
    find_debt_help_in_zeist(page, assert_accessible)


def test_find_debt_help_without_javascript(new_page, assert_accessible):
    page = new_page(java_script_enabled=False)
    find_debt_help_in_zeist(page, assert_accessible)


def test_a_typo_still_finds_the_food_bank(page: Page, assert_accessible):
    page.goto("/aanbod")
    refine(page, q="voedselbnak")
    names = result_names(page)
    assert "Voedselbank" in names[:3], f"'voedselbnak' should find Voedselbank, got {names}"
    assert_accessible(page)

    open_result(page, "Voedselbank")
    expect(page.locator("h1")).to_have_text("Voedselbank")
    expect_referral_box(page)
    assert_accessible(page)


def test_unknown_filter_value_gets_a_dutch_explanation(page: Page, assert_accessible):
    response = page.goto("/aanbod?q=schulden&fase=bestaat-niet")
    assert response is not None and response.status == 400, f"answered {response and response.status}"
    summary = page.locator(".error-summary")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Deze fase bestaat niet")
    # The form is still there to correct the search, with the words kept.
    expect(page.locator("form.filters [name=q]")).to_have_value("schulden")
    expect(page.locator("article.result")).to_have_count(0)
    assert_accessible(page)


def test_pager_walks_through_all_services(page: Page, assert_accessible):
    page.goto("/aanbod")
    pager = page.get_by_role("navigation", name="Pagina's")
    expect(pager).to_contain_text(re.compile(r"Pagina 1 van \d+"))
    first_page = result_names(page)
    assert first_page, "no services listed"

    with page.expect_navigation():
        pager.get_by_role("link", name="Volgende").click()
    assert re.search(r"[?&]pagina=2\b", page.url), page.url
    expect(pager).to_contain_text(re.compile(r"Pagina 2 van \d+"))
    second_page = result_names(page)
    assert second_page and not set(first_page) & set(second_page), "page 2 repeats page 1"
    expect(pager.get_by_role("link", name="Vorige")).to_be_visible()
    assert_accessible(page)


def test_keyboard_user_skips_to_the_content(page: Page, assert_accessible):
    page.goto("/aanbod")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("form.filters [name=q]")).to_be_focused()
    assert_accessible(page)


def test_english_results_show_capacity_and_access_in_english(page: Page, assert_accessible):
    page.goto(f"/aanbod?q=schulden&gemeente={ZEIST}&lang=en")
    expect(page.locator("h1")).to_have_text("Who can help?")
    assert_accessible(page)
    meta = page.locator("article.result .meta").all_inner_texts()
    assert meta, "no results"
    dutch = [text for text in meta if DUTCH_LABELS.search(text)]
    assert not dutch, f"Dutch labels on the English results page: {dutch}"


# --- ranked search, synonyms, the way back and the phone's filter button (issue 15) ---------------

SHOTS = os.environ.get("KANSRIJK_SHOTS")


def shoot(page: Page, name: str) -> None:
    """Keep a full-page screenshot when KANSRIJK_SHOTS names a folder (for a person to look at)."""
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


MENTAL_HEALTH_IN_ZEIST = {"Stevig Ouderschap", "Online moedergroep", "MDO Kansrijke Start Zeist"}


def test_a_phrase_of_several_words_is_ranked_and_leads_back(page: Page, assert_accessible):
    page.goto("/aanbod")
    refine(page, q="psychische klachten kwispelstaart", gemeente=ZEIST)
    names = result_names(page)
    assert set(names[:3]) == MENTAL_HEALTH_IN_ZEIST, f"mental-health services in Zeist should come first, got {names}"
    note = page.locator(".unmatched")
    expect(note).to_contain_text("Niet gevonden: kwispelstaart")
    expect(note.locator("strong")).to_have_text("kwispelstaart")
    assert_accessible(page)
    shoot(page, "search-ranked-1280")

    open_result(page, "Stevig Ouderschap")
    crumb = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Wie kan helpen?")
    assert "q=psychische" in (crumb.get_attribute("href") or ""), crumb.get_attribute("href")
    assert_accessible(page)
    with page.expect_navigation():
        crumb.click()
    expect(page.locator("form.filters [name=q]")).to_have_value("psychische klachten kwispelstaart")
    expect(page.locator("form.filters [name=gemeente]")).to_have_value(ZEIST)
    assert set(result_names(page)[:3]) == MENTAL_HEALTH_IN_ZEIST


def test_everyday_and_english_words_find_the_theme(page: Page, assert_accessible):
    for words, expected in [("betalingsachterstand", "Schuldhulpverlening"), ("somber en angstig", "Stevig Ouderschap"),
                            ("debt", "Schuldhulpverlening")]:
        page.goto(f"/aanbod?q={words}&gemeente={ZEIST}")
        names = result_names(page)
        assert expected in names[:5], f"{words!r} should find {expected}, got {names}"
    assert_accessible(page)


def test_nothing_found_suggests_the_theme_and_its_pathway(page: Page, login, assert_accessible):
    login(page, "professional@zeist.demo")
    # no municipality in the address: the search starts in the professional's own, Zeist
    page.goto("/aanbod?q=huurachterstand&taal=ti")
    expect(page.locator("form.filters [name=gemeente]")).to_have_value(ZEIST)
    expect(page.locator(".empty")).to_contain_text("Geen aanbod gevonden.")
    suggestion = page.locator(".suggestion")
    expect(suggestion.get_by_role("heading", name="Zoekt u hulp bij dit thema?")).to_be_visible()
    expect(suggestion.get_by_role("link", name="Al het aanbod voor Financiën en schulden in Zeist")).to_be_visible()
    pathway = suggestion.get_by_role("link", name="Zorgpad geldzorgen en schulden")
    expect(pathway).to_be_visible()
    assert_accessible(page)
    shoot(page, "search-suggestion-1280")
    with page.expect_navigation():
        pathway.click()
    expect(page.locator("h1")).to_have_text("Zorgpad geldzorgen en schulden")


def test_filters_fold_behind_one_button_on_a_phone(new_page, assert_accessible):
    phone = new_page(viewport={"width": 390, "height": 844})
    phone.goto("/aanbod?q=schulden")
    button = phone.locator("details.filter-more > summary")
    expect(button).to_be_visible()
    expect(button).to_have_text(re.compile(r"Filters"))
    expect(phone.locator("form.filters [name=fase]")).to_be_hidden()
    expect(phone.locator("form.filters [name=q]")).to_be_visible()
    assert_accessible(phone)
    shoot(phone, "search-filters-closed-390")
    button.click()
    expect(phone.locator("form.filters [name=fase]")).to_be_visible()
    refine(phone, fase="0-1")
    # a chosen filter keeps the panel open, and the button says how many are chosen
    expect(phone.locator("form.filters [name=fase]")).to_be_visible()
    expect(button).to_contain_text("1 gekozen")
    assert_accessible(phone)
    shoot(phone, "search-filters-open-390")

    wide = new_page()
    wide.goto("/aanbod?q=schulden")
    expect(wide.locator("form.filters [name=fase]")).to_be_visible()
    expect(wide.locator("details.filter-more > summary")).to_be_hidden()


def test_filter_button_works_without_javascript(new_page):
    phone = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    phone.goto("/aanbod?q=schulden")
    phone.locator("details.filter-more > summary").click()
    expect(phone.locator("form.filters [name=gemeente]")).to_be_visible()
    phone.locator("form.filters [name=gemeente]").select_option(ZEIST)
    with phone.expect_navigation():
        phone.locator("form.filters").get_by_role("button", name="Zoeken").click()
    expect(phone.locator("#results-h")).to_contain_text("eerst in Zeist")
