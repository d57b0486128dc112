"""Importing aggregate figures through /monitor/import: upload, preview with guessed columns,
the validation report in Dutch when a file has errors (nothing imported), and an import without
errors. The check runs in the background; the job page refreshes itself (HTTP Refresh, no script).

Page contract:
  /monitor/import             select#f-indicator, input#f-bestand, button "Bestand bekijken"
  /monitor/import/<job>       table.import-preview of the first lines, selects #f-gebied #f-periode
                              #f-teller #f-noemer #f-waarde, button "Controleren en inlezen"; then a
                              <progress> while running, and ".error-summary" (refused) or "Ingelezen"

Who imports what (review gap 1): a coalition's people only for their own municipalities, and not
from national sources (Perined, CBS, Vektis); an admin anywhere.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

GOOD = "\ufeffGebied;Periode;Teller;Noemer\r\nGM0355;2021;31;410\r\nGM0363;2021;210;8000\r\n"
BAD = "gebied;periode;teller;noemer\nGM0355;2021;31;410\nGM9999;2021;12;150\nGM0363;2021;900;150\nGM0355;2021;13;150\n"


def upload(page: Page, tmp_path, name: str, text: str, indicator: str = "screenings_kwetsbaar") -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    response = page.goto("/monitor/import")
    assert response is not None and response.status == 200
    page.get_by_label("Indicator").select_option(indicator)
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Bestand bekijken").click()
    expect(page).to_have_url(re.compile(r"/monitor/import/[0-9a-f-]{36}$"))


def test_import_with_errors_reports_them_and_imports_nothing(page: Page, login, assert_accessible, tmp_path):
    login(page, "coordinator@zeist.demo")
    upload(page, tmp_path, "fouten.csv", BAD)
    expect(page.locator("table.import-preview")).to_contain_text("GM9999")
    expect(page.get_by_label("Gebiedscode")).to_have_value("0")
    expect(page.get_by_label("Noemer")).to_have_value("3")
    assert_accessible(page)
    page.get_by_role("button", name="Controleren en inlezen").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Het bestand is niet ingelezen", timeout=60_000)
    expect(summary).to_contain_text("Regel 3: onbekende gemeentecode GM9999")
    expect(summary).to_contain_text("Regel 4: GM0363 Amsterdam hoort niet bij uw coalitie")
    expect(summary).to_contain_text("Regel 5: dubbele rij: GM0355 2021 staat ook op regel 2")
    expect(summary).to_contain_text("Er is niets veranderd")
    assert_accessible(page)


def test_import_without_errors_is_imported(page: Page, login, assert_accessible, tmp_path):
    login(page, "admin@kansrijk.demo")
    upload(page, tmp_path, "kraamzorg.csv", GOOD, indicator="geen_kraamzorg")
    expect(page.locator("table.import-preview")).to_contain_text("GM0363")
    expect(page.get_by_text("puntkomma")).to_be_visible()
    page.get_by_role("button", name="Controleren en inlezen").click()
    expect(page.get_by_role("heading", level=2, name="Ingelezen")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Regels ingelezen: 2")).to_be_visible()
    assert_accessible(page)
    page.goto("/monitor/import")
    expect(page.locator("table").last).to_contain_text("kraamzorg.csv")


def test_own_area_import_and_no_national_sources(page: Page, login, assert_accessible, tmp_path):
    login(page, "policy@zeist.demo")
    page.goto("/monitor/import")
    expect(page.get_by_text("Alleen cijfers van de gemeenten van uw eigen coalitie")).to_be_visible()
    assert page.locator("#f-indicator option[value='geen_kraamzorg']").count() == 0
    upload(page, tmp_path, "zeist.csv", "gebied;periode;teller;noemer\nGM0355;2024-03;12;40\n")
    page.get_by_role("button", name="Controleren en inlezen").click()
    expect(page.get_by_role("heading", level=2, name="Ingelezen")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Regels ingelezen: 1")).to_be_visible()
    assert_accessible(page)
