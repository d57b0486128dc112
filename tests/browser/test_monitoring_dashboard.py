"""The public monitor (/monitor): a municipality's dashboard by phase with SVG trend charts and their
tables, the peer-group GET form, the CSV download, and the map of the Netherlands per indicator.
The server runs with the demo data: five years (2019-2023) of the synthetic births extract.

Page contract:
  /monitor                        three GET forms (municipality, GGD region, coalition) to /monitor/kies
  /monitor/gemeente/GM0355        sections per phase (section.monitor-phase), one article.monitor-card per
                                  indicator with figures: the latest value, "95%-interval", Nederland,
                                  the peer group, an <svg role="img"> chart and a table beside it
  /monitor/gemeente/GM0355.csv    the figures as Dutch Excel CSV (BOM, ';', CRLF)
  /monitor/kaart                  <svg class="nl-map"> with one <a> per municipality, a legend table and
                                  a table of every municipality
"""

from __future__ import annotations

import csv
import io
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect


@pytest.fixture(scope="module", autouse=True)
def computed_figures(base_url: str) -> None:
    """The first request after an import computes that snapshot's tables (seconds on the debug build
    under test, milliseconds after): make those requests once, with time, before the browser does."""
    for path in ["/monitor/gemeente/GM0355", "/monitor/kaart?indicator=big2", "/monitor/kaart?niveau=ggd-regio"]:
        with urllib.request.urlopen(base_url + path, timeout=240) as response:
            assert response.status == 200, path


def test_landing_page_leads_to_a_dashboard(page: Page, assert_accessible):
    response = page.goto("/monitor")
    assert response is not None and response.status == 200
    assert_accessible(page)
    page.get_by_label("Gemeente").select_option(label="Zeist")
    page.get_by_role("button", name="Bekijk de cijfers").first.click()
    expect(page).to_have_url(re.compile(r"/monitor/gemeente/GM0355$"))
    expect(page.get_by_role("heading", level=1, name="Zeist")).to_be_visible()


def test_dashboard_shows_phases_figures_and_accessible_charts(page: Page, assert_accessible):
    response = page.goto("/monitor/gemeente/GM0355")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=2, name="Rond en na de geboorte")).to_be_visible()
    card = page.locator("article#ind-big2")
    expect(card.get_by_role("heading", level=3, name=re.compile("Big2"))).to_be_visible()
    expect(card.get_by_text(re.compile(r"95%-interval \d+,\d–\d+,\d"))).to_be_visible()
    # the chart is an image with a name, and its table has a row per year 2019-2023
    expect(card.get_by_role("img", name=re.compile("Big2"))).to_have_count(1)
    expect(card.locator("table").first.locator("tbody tr")).to_have_count(5)
    expect(card.get_by_role("rowheader", name="2023")).to_have_count(1)
    # the breakdowns open on demand: one bar chart per breakdown, each with its table
    card.get_by_text("Uitsplitsing", exact=True).click()
    expect(card.get_by_role("img", name=re.compile("Voorspelde meervoudige kwetsbaarheid"))).to_be_visible()
    expect(card.get_by_role("rowheader", name="Laagste 20%")).to_be_visible()
    assert_accessible(page)


def test_peer_group_form_works_without_javascript(new_page, assert_accessible):
    page = new_page(java_script_enabled=False)
    page.goto("/monitor/gemeente/GM0355")
    page.get_by_label("Vergelijk met").select_option("grootte")
    page.get_by_role("button", name="Toon").click()
    expect(page).to_have_url(re.compile(r"vergelijk=grootte"))
    expect(page.locator("article#ind-big2 dt", has_text="geboorten per jaar")).to_have_count(1)
    # own choice without municipalities: an error summary that names the problem
    page.get_by_label("Vergelijk met").select_option("eigen")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator(".error-summary")).to_contain_text("een of meer gemeenten")
    assert_accessible(page)


def test_dashboard_csv_is_dutch_excel(page: Page, base_url: str):
    response = page.request.get(f"{base_url}/monitor/gemeente/GM0355.csv")
    assert response.status == 200
    body = response.body()
    assert body.startswith("\ufeff".encode()), "a BOM so Excel reads UTF-8"
    assert b"\r\n" in body
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["indicator", "code", "periode"]
    big2 = [r for r in rows[1:] if r[1] == "big2" and r[4] == "Zeist"]
    assert len(big2) == 5
    assert re.fullmatch(r"\d+,\d", big2[-1][7]), big2[-1]


def test_map_per_indicator_with_legend_and_table(page: Page, assert_accessible):
    response = page.goto("/monitor/kaart?indicator=big2")
    assert response is not None and response.status == 200
    links = page.locator("svg.nl-map a")
    expect(links).to_have_count(342)
    expect(page.get_by_role("link", name=re.compile(r"^Zeist: (\d+,\d%|< 10, niet getoond)"))).to_have_count(1)
    legend = page.locator(".national-legend table tbody tr")
    assert legend.count() >= 2
    expect(page.locator("#kaart-tabel table tbody tr")).to_have_count(342)
    # the keyboard reaches the areas on the map
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement && !!document.activeElement.closest('svg.nl-map')"):
            break
    assert page.evaluate("() => !!document.activeElement.closest('svg.nl-map')"), "Tab never reached the map"
    assert_accessible(page)


def test_map_by_ggd_region(page: Page, assert_accessible):
    page.goto("/monitor/kaart")
    page.get_by_label("Gebieden", exact=True).select_option("ggd-regio")
    page.get_by_role("button", name="Toon").click()
    expect(page).to_have_url(re.compile(r"niveau=ggd-regio"))
    assert page.locator("svg.nl-map a").count() == 25
    assert_accessible(page)
