"""Bringing a coalition's social map in from a spreadsheet (issue 16, ADR 0037): a coordinator
downloads the template, uploads a CSV as Dutch Excel saves it (semicolons, Windows-1252) with one
wrong row, sees that row's error and nothing saved, uploads the corrected sheet as xlsx, checks and
imports it; an organisation without a municipality is named and linked to "Te controleren".

Page contract:
  /coalities/<slug>/sociale-kaart            links "Sjabloon downloaden (Excel, .xlsx)" and "(CSV)",
                                             input "Bestand (.xlsx of .csv)", button "Bestand lezen"
  /coalities/<slug>/sociale-kaart/kolommen   table.import-preview, one select per field (label = the
                                             field), button "Controleren"; ".error-summary" with the rows'
                                             errors, or the "Klaar om in te lezen" page with "Alles inlezen"

Names carry a random suffix, so the test can run again on the same server and touches no other
test's records.
"""

from __future__ import annotations

import io
from pathlib import Path
import uuid
import zipfile

from playwright.sync_api import Page, expect

SHOTS = Path(__file__).resolve().parents[2] / ".build" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
BASE = "/coalities/zeist/sociale-kaart"
HEADER = ["Organisatie", "Naam aanbod", "Omschrijving", "Gemeente", "Adres", "Postcode", "Plaats", "Telefoon", "Thema", "Fase"]


def rows(suffix: str, municipality: str) -> list[list[str]]:
    return [
        HEADER,
        [f"Café De Brug {suffix}", f"Koffieochtend {suffix}", "Koffie en een praatje voor jonge ouders", "Zeist",
         "Slotlaan 2", "3701 AB", "Zeist", "030 222 33 44", "Eenzaamheid en netwerk", "0-1"],
        [f"Café De Brug {suffix}", f"Wandelen {suffix}", "Samen wandelen met de kinderwagen", municipality,
         "", "", "", "", "Leefstijl en roken", "1-2"],
        [f"Hulplijn {suffix}", f"Belpunt {suffix}", "Bellen kan altijd", "", "", "", "", "0800 000 00 00", "", ""],
    ]


def csv_windows_1252(table: list[list[str]]) -> bytes:
    return ("\r\n".join(";".join(r) for r in table) + "\r\n").encode("cp1252")


def xlsx(table: list[list[str]]) -> bytes:
    """A minimal workbook with inline strings, as a spreadsheet program could write it."""
    def col(i: int) -> str:
        return chr(65 + i)

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet_rows = "".join(
        f'<row r="{r + 1}">' + "".join(
            f'<c r="{col(c)}{r + 1}" t="inlineStr"><is><t>{esc(v)}</t></is></c>' for c, v in enumerate(row) if v
        ) + "</row>" for r, row in enumerate(table))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sociale kaart" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def shoot(page: Page, name: str) -> None:
    for label, size in (("1280", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS / f"social-map-{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def upload(page: Page, path: Path) -> None:
    page.goto(BASE)
    page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Bestand lezen").click()
    expect(page).to_have_url(f"{page.url.split('/coalities')[0]}{BASE}/kolommen")


def test_coordinator_imports_a_social_map_after_fixing_a_row(page: Page, login, assert_accessible, tmp_path):
    suffix = uuid.uuid4().hex[:6]
    page.set_viewport_size(DESKTOP)
    login(page, "coordinator@zeist.demo")

    # the upload page, with the template to download
    response = page.goto(BASE)
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1, name="Sociale kaart inlezen")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Sjabloon downloaden (Excel, .xlsx)").click()
    assert download.value.suggested_filename == "sjabloon-sociale-kaart.xlsx"
    assert_accessible(page)
    shoot(page, "upload")

    # a CSV as Dutch Excel saves it, with a municipality that does not exist
    wrong = tmp_path / "sociale-kaart.csv"
    wrong.write_bytes(csv_windows_1252(rows(suffix, "Zeits")))
    upload(page, wrong)
    expect(page.locator("table.import-preview")).to_contain_text(f"Café De Brug {suffix}")
    expect(page.get_by_label("Organisatie (verplicht)", exact=True)).to_have_value("0")
    expect(page.get_by_label("Naam aanbod (verplicht)", exact=True)).to_have_value("1")
    expect(page.get_by_label("Fase", exact=True)).to_have_value("9")
    assert_accessible(page)
    page.get_by_role("button", name="Controleren").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Regels met fouten (1)")
    expect(summary).to_contain_text("'Zeits' is geen Nederlandse gemeente")
    expect(summary.locator("tbody tr").first).to_contain_text("3")
    assert_accessible(page)
    shoot(page, "errors")

    # nothing was saved
    page.goto(f"/aanbod?q=Koffieochtend+{suffix}")
    expect(page.get_by_role("link", name=f"Koffieochtend {suffix}")).to_have_count(0)

    # the corrected sheet, as xlsx: checked, then imported at once
    fixed = tmp_path / "sociale-kaart.xlsx"
    fixed.write_bytes(xlsx(rows(suffix, "Zeist")))
    upload(page, fixed)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1, name="Klaar om in te lezen")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Aanbod")
    expect(page.get_by_text(f"Hulplijn {suffix}")).to_be_visible()
    assert_accessible(page)
    shoot(page, "check")
    page.get_by_role("button", name="Alles inlezen").click()
    expect(page.get_by_role("heading", level=1, name="Sociale kaart ingelezen")).to_be_visible()
    expect(page.get_by_role("link", name="Te controleren")).to_have_attribute("href", "/aanbod/te-controleren")
    assert_accessible(page)
    shoot(page, "done")

    # the services are in the directory
    page.goto(f"/aanbod?q=Koffieochtend+{suffix}")
    expect(page.get_by_role("link", name=f"Koffieochtend {suffix}").first).to_be_visible()
