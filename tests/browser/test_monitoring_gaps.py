"""The monitor's review gaps in a real browser: breakdown tables on paper (print media and a PDF),
the progress report in print, the "Wat we zelf doen" process section for the coalition's people,
stories that are not public kept off the public dashboard, and indicator names on English pages.

Page contract:
  /monitor/gemeente/GM0355          each card with breakdowns: <details class="monitor-breakdowns"> on
                                    screen, the same tables in ".monitor-breakdowns-print" on paper
  /monitor/coalitie/zeist           section#proces "Wat we zelf doen": article.monitor-card per part with an
                                    <svg role="img"> and a table; a download link to .../proces.csv
  /monitor/rapportage/zeist/2023    the progress report; its tables print
"""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import Page, expect

SECRET_STORY = "weggeefwinkel voor babyspullen"


@pytest.fixture(scope="module", autouse=True)
def computed_figures(base_url: str) -> None:
    """The first dashboard after start computes the snapshot's tables; do that once, with time."""
    for path in ["/monitor/gemeente/GM0355", "/monitor/coalitie/zeist"]:
        with urllib.request.urlopen(base_url + path, timeout=240) as response:
            assert response.status == 200, path


def test_breakdowns_print_without_opening_details(page: Page):
    page.goto("/monitor/gemeente/GM0355")
    card = page.locator("#ind-big2")
    printed = card.locator(".monitor-breakdowns-print table")
    assert printed.count() >= 1
    expect(printed.first).to_be_hidden()
    expect(card.locator("details.monitor-breakdowns")).to_be_visible()
    page.emulate_media(media="print")
    expect(printed.first).to_be_visible()
    expect(printed.first).to_contain_text("kwetsbaar")
    expect(card.locator("details.monitor-breakdowns")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_report_prints_its_tables(page: Page, login):
    login(page, "policy@zeist.demo")
    response = page.goto("/monitor/rapportage/zeist/2023")
    assert response is not None and response.status == 200
    page.emulate_media(media="print")
    tables = page.locator(".report table")
    assert tables.count() >= 1
    for i in range(tables.count()):
        expect(tables.nth(i)).to_be_visible()
    assert page.locator(".report details:not([open])").count() == 0
    expect(page.locator(".report")).not_to_contain_text(SECRET_STORY)
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_process_section_for_the_coalition(page: Page, login, assert_accessible):
    login(page, "coordinator@zeist.demo")
    page.goto("/monitor/coalitie/zeist")
    section = page.locator("section#proces")
    expect(section.get_by_role("heading", level=2, name="Wat we zelf doen")).to_be_visible()
    expect(section).to_contain_text("U bent lid van deze coalitie en ziet alle aantallen.")
    cards = section.locator("article.monitor-card")
    assert cards.count() == 5
    # the prenatal home visit (issue 15) is the fifth card
    expect(section.get_by_role("heading", name="Prenataal huisbezoek")).to_be_visible()
    expect(cards.first.locator("svg[role='img']")).to_be_visible()
    expect(cards.first.locator("table")).to_contain_text("Kwartaal")
    expect(section.get_by_role("link", name="Download deze aantallen (CSV)")).to_have_attribute("href", "/monitor/coalitie/zeist/proces.csv")
    expect(page.get_by_text(SECRET_STORY)).to_be_visible()
    assert_accessible(page)


def test_public_dashboard_keeps_coalition_stories_private(page: Page, assert_accessible):
    page.goto("/monitor/coalitie/zeist")
    expect(page.locator("body")).not_to_contain_text(SECRET_STORY)
    expect(page.get_by_text("Samen zwanger, eerst online")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("U bent lid van deze coalitie")
    assert_accessible(page)


def test_english_page_names_indicators_in_english(page: Page, assert_accessible):
    page.goto("/monitor/gemeente/GM0355?lang=en")
    heading = page.locator("#ind-big2-h")
    expect(heading).to_have_text("Big2 (preterm birth and/or low birth weight)")
    expect(heading).to_have_attribute("lang", "en")
    assert_accessible(page)
    page.goto("/monitor/gemeente/GM0355?lang=nl")
    expect(page.locator("#ind-big2-h")).to_have_text("Big2 (vroeggeboorte en/of laag geboortegewicht)")
