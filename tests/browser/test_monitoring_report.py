"""The progress report (/monitor/rapportage): chosen with a GET form, generated as a printable page
with every section, the advisor's own text per section, and the Markdown download.

Page contract:
  /monitor/rapportage                      selects "Coalitie of Nederland" and "Jaar", button "Rapportage maken"
  /monitor/rapportage/<slug>/<year>        article.report with h1, a contents list and sections 1-7 (h2),
                                           link "Eigen tekst per hoofdstuk", link "Download als Markdown"
  /monitor/rapportage/<slug>/<year>/teksten one form per section with a textarea and a "Bewaren" button
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

SECTIONS = ["1. Samenvatting", "2. De coalitie", "3. Ambities en wat er gebeurde", "4. Tellen: de indicatoren",
            "5. Procescijfers", "6. Vertellen: verhalen", "7. Vervolgaanpak"]


def test_policy_advisor_writes_and_generates_the_report(page: Page, login, assert_accessible):
    login(page, "policy@zeist.demo")
    page.goto("/monitor/rapportage")
    page.get_by_label("Coalitie of Nederland").select_option("zeist")
    page.get_by_label("Jaar").select_option("2023")
    page.get_by_role("button", name="Rapportage maken").click()
    expect(page).to_have_url(re.compile(r"/monitor/rapportage/zeist/2023$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Voortgangsrapportage Kansrijke Start Zeist 2023")
    for heading in SECTIONS:
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.locator("article.report svg").first).to_be_visible()
    expect(page.locator("article.report").get_by_text(re.compile(r"95%-interval")).first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Eigen tekst per hoofdstuk").click()
    assert_accessible(page)
    page.get_by_label("Uw tekst bij Samenvatting").fill("Zeist zet in 2024 in op het bereiken van vaders.")
    page.locator("#s-samenvatting").get_by_role("button", name=re.compile("Bewaren")).click()
    expect(page.get_by_role("status")).to_contain_text("Uw tekst is bewaard bij: Samenvatting")
    page.get_by_role("link", name="Rapportage maken met deze teksten").click()
    expect(page.locator("#s-samenvatting")).to_contain_text("Zeist zet in 2024 in op het bereiken van vaders.")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Markdown").click()
    assert download.value.suggested_filename == "voortgangsrapportage-zeist-2023.md"
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("# Voortgangsrapportage Kansrijke Start Zeist 2023")
    assert "Zeist zet in 2024 in op het bereiken van vaders." in text

    # on paper: no site navigation or buttons, the report itself stays
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".report-tools")).to_be_hidden()
    expect(page.get_by_role("heading", level=2, name="4. Tellen: de indicatoren")).to_be_visible()


def test_country_report_without_javascript(new_page, login, assert_accessible):
    page = new_page(java_script_enabled=False)
    login(page, "professional@zeist.demo")
    response = page.goto("/monitor/rapportage/nederland/2023")
    assert response is not None and response.status == 200
    expect(page.get_by_text("Deze rapportage geeft de landelijke cijfers over 2023.")).to_be_visible()
    expect(page.get_by_role("link", name="Eigen tekst per hoofdstuk")).to_have_count(0)
    assert_accessible(page)
