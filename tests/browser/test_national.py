"""The national overview for the programme (/landelijk): the map of all 342 municipalities with a
table beside it, the municipality table that filters and sorts without JavaScript, the CSV
download, and the library of practice examples. Public pages: no log-in.

Page contract:
  /landelijk                 <svg class="nl-map"> with one <a> per municipality, its accessible name
                             "<gemeente>: <status>, ..."; a skip link past the map; the table
                             (section#gemeenten) with a GET filter form and sort links in the headers
  /landelijk/gemeenten.csv   the same rows as Dutch Excel CSV (BOM, ';', CRLF)
  /praktijkvoorbeelden       the library, GET filters q, thema, fase, interventie, gemeente
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

STATUS = r"(Tranche [123]|Geen deelname|Onbekend)"
MAP_LINK = "svg.nl-map a"
TABLE_ROWS = "section#gemeenten table tbody tr"


def focused_in_map(page: Page) -> bool:
    return page.evaluate("() => !!document.activeElement && !!document.activeElement.closest('svg.nl-map')")


def inhabitants(page: Page) -> list[int]:
    cells = page.locator(f"{TABLE_ROWS} td.num").all_inner_texts()
    return [int(re.sub(r"\D", "", c.split(" ")[0]) or 0) for c in cells]


def test_map_shows_every_municipality_with_a_name_and_status(page: Page, assert_accessible):
    response = page.goto("/landelijk")
    assert response is not None and response.status == 200
    links = page.locator(MAP_LINK)
    expect(links).to_have_count(342)
    expect(page.get_by_role("link", name=re.compile(rf"^Zeist: {STATUS}"))).to_have_count(1)
    expect(page.get_by_role("link", name=re.compile(rf"^Borsele: {STATUS}"))).to_have_count(1)
    # the map is a labelled group and says the table holds the same data
    expect(page.get_by_role("group", name=re.compile("Kaart van Nederland"))).to_have_count(1)
    # the legend beside the map names every class in words
    legend = page.locator(".national-legend table")
    for label in ["Tranche 1", "Tranche 2", "Tranche 3", "Geen deelname"]:
        expect(legend.get_by_role("rowheader", name=re.compile(label))).to_have_count(1)
    # demo figures are said to be demo
    expect(page.get_by_text("Let op: demo-cijfers.")).to_be_visible()
    assert_accessible(page)


def test_tab_reaches_municipality_links_on_the_map(page: Page):
    page.goto("/landelijk")
    for _ in range(60):
        page.keyboard.press("Tab")
        if focused_in_map(page):
            break
    assert focused_in_map(page), "Tab never reached a municipality on the map"
    first = page.locator(":focus")
    expect(first).to_have_accessible_name(re.compile(rf"^[^:]+: {STATUS}"))
    name = first.evaluate("el => el.querySelector('title').textContent")
    page.keyboard.press("Tab")
    assert focused_in_map(page), "the next Tab stays on the map"
    expect(page.locator(":focus")).not_to_have_accessible_name(name)
    # Enter follows the link to that municipality's page
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/landelijk/gemeenten/GM\d{4}$"))
    expect(page.locator("h1")).to_have_text(re.compile(r"\S"))


def test_skip_link_passes_the_map(page: Page):
    page.goto("/landelijk")
    page.get_by_role("link", name="Sla de kaart over").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert not focused_in_map(page), "after the skip link the focus is past the map"
    assert page.evaluate("() => !!document.activeElement.closest('#gemeenten')")


def test_filter_and_sort_the_table_without_javascript(new_page, assert_accessible):
    page = new_page(java_script_enabled=False)
    page.goto("/landelijk")
    form = page.get_by_role("search", name="Gemeenten filteren")
    form.get_by_label("Tranche").select_option("3")
    form.get_by_label("Provincie").select_option(label="Utrecht")
    with page.expect_navigation():
        form.get_by_role("button", name="Filteren").click()
    assert "tranche=3" in page.url and "provincie=PV26" in page.url
    rows = page.locator(TABLE_ROWS)
    count = rows.count()
    assert 0 < count < 342
    expect(page.locator(".table-meta")).to_contain_text(f"{count} van 342 gemeenten (gefilterd)")
    for text in page.locator(f"{TABLE_ROWS} .status").all_inner_texts():
        assert text.startswith("Tranche 3"), text
    for text in page.locator(f"{TABLE_ROWS} td:nth-child(2)").all_inner_texts():
        assert text == "Utrecht", text

    header = page.locator("section#gemeenten thead th", has_text="Inwoners")
    with page.expect_navigation():
        header.get_by_role("link").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert inhabitants(page) == sorted(inhabitants(page))
    assert page.locator(TABLE_ROWS).count() == count, "sorting keeps the filter"
    with page.expect_navigation():
        header.get_by_role("link").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert inhabitants(page) == sorted(inhabitants(page), reverse=True)
    assert_accessible(page)


def test_csv_download_has_the_table_rows(page: Page):
    page.goto("/landelijk?tranche=deelnemend&provincie=PV29")
    shown = page.locator(TABLE_ROWS).count()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download als CSV (Excel)").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads the accents"
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["gemeentecode", "inwoners", "tranche", "gids", "gezamenlijk_plan", "prenataal_huisbezoek", "nnz"]
    assert len(rows) - 1 == shown
    assert all(r[2] in {"1", "2", "3"} for r in rows[1:])
    assert all(r[rows[0].index("gegevens")] == "demo (fictief)" for r in rows[1:])


@pytest.mark.parametrize("path", [
    "/landelijk/cijfers",
    "/landelijk/financiering",
    "/landelijk/gemeenten/GM0355",
    "/praktijkvoorbeelden/voortgangsrapportage-juli-2020",
])
def test_other_national_pages_are_accessible(page: Page, assert_accessible, path: str):
    response = page.goto(path)
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


def test_library_finds_who_already_solved_it(new_page, assert_accessible):
    page = new_page(java_script_enabled=False)
    page.goto("/landelijk")
    with page.expect_navigation():
        page.get_by_role("link", name="Praktijkvoorbeelden").first.click()
    expect(page.locator("article.result")).to_have_count(5)
    form = page.get_by_role("search", name="Praktijkvoorbeelden zoeken")
    form.get_by_label("Interventie of aanpak").select_option(label="Escalatieladder")
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    results = page.locator("article.result")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Apeldoorn")
    assert_accessible(page)
    with page.expect_navigation():
        results.first.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("voortgangsrapportage")
    expect(page.locator("dd", has_text="Ministerie van Volksgezondheid")).to_contain_text("juli 2020")


def test_admin_import_page_and_coordinator_edit_page_are_accessible(page: Page, login, assert_accessible):
    login(page, "admin@kansrijk.demo")
    page.goto("/landelijk/importeren")
    expect(page.get_by_label("CSV-bestand")).to_be_visible()
    assert_accessible(page)
    page.goto("/landelijk/gemeenten/GM0654/bewerken")
    expect(page.get_by_label("Inwoners")).to_be_visible()
    assert_accessible(page)
