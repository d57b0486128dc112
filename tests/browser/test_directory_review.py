"""Te controleren (issue 16, ADR 0034): an import keeps what it cannot place and a coordinator places it.

The test brings its own record in through the social map upload (a CSV with a helpline that names
no municipality), so it depends on no other test's data; the name carries a random suffix.

Page contract:
  /aanbod/te-controleren   h1 "Te controleren"; one card (section.card) per record with its name,
                           "Wat ontbreekt", "Bron:", a select labelled "Gemeente voor <name>" and a
                           button "Plaatsen"; after placing, a notice "<name> staat nu in gemeente <x>."
"""

from __future__ import annotations

from pathlib import Path
import uuid

from playwright.sync_api import Page, expect

SHOTS = Path(__file__).resolve().parents[2] / ".build" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
REVIEW = "/aanbod/te-controleren"
UPLOAD = "/coalities/zeist/sociale-kaart"
HEADER = ["Organisatie", "Naam aanbod", "Omschrijving", "Gemeente", "Telefoon"]


def shoot(page: Page, name: str) -> None:
    for label, size in (("1280", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS / f"directory-review-{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def import_helpline(page: Page, name: str, tmp_path: Path) -> None:
    sheet = tmp_path / "hulplijn.csv"
    rows = [HEADER, [name, f"Belpunt {name}", "Bellen kan altijd, in heel Nederland", "", "0800 000 00 00"]]
    sheet.write_text("\r\n".join(";".join(r) for r in rows) + "\r\n", encoding="utf-8")
    page.goto(UPLOAD)
    page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(sheet))
    page.get_by_role("button", name="Bestand lezen").click()
    page.get_by_role("button", name="Controleren").click()
    page.get_by_role("button", name="Alles inlezen").click()
    expect(page.get_by_role("heading", level=1, name="Sociale kaart ingelezen")).to_be_visible()


def test_coordinator_places_an_imported_helpline(page: Page, login, assert_accessible, tmp_path):
    name = f"Hulplijn {uuid.uuid4().hex[:6]}"
    page.set_viewport_size(DESKTOP)
    login(page, "coordinator@zeist.demo")
    import_helpline(page, name, tmp_path)

    # the start page counts and links the list
    page.goto("/")
    expect(page.get_by_role("link", name="Te controleren: aanbod zonder gemeente")).to_have_attribute("href", REVIEW)

    # the list names the record, what is missing and where it came from
    response = page.goto(REVIEW)
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1, name="Te controleren")).to_be_visible()
    card = page.locator("section.card", has=page.get_by_role("heading", name=name))
    expect(card).to_contain_text("Wat ontbreekt")
    expect(card).to_contain_text("Bron:")
    assert_accessible(page)
    shoot(page, "list")

    # placing without a choice: the error next to the field and in the summary, nothing placed
    card.get_by_role("button", name="Plaatsen").click()
    expect(page.locator(".error-summary")).to_contain_text(f"{name}: Kies een gemeente.")
    card = page.locator("section.card", has=page.get_by_role("heading", name=name))
    expect(card.locator(".field-error")).to_have_text("Kies een gemeente.")
    expect(card.get_by_label(f"Gemeente voor {name}")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    shoot(page, "error")

    # placed in Zeist: the notice, and the card is gone
    card.get_by_label(f"Gemeente voor {name}").select_option(label="Zeist")
    card.get_by_role("button", name="Plaatsen").click()
    expect(page).to_have_url(f"{page.url.split(REVIEW)[0]}{REVIEW}")
    expect(page.get_by_text(f"{name} staat nu in gemeente Zeist.")).to_be_visible()
    expect(page.locator("section.card", has=page.get_by_role("heading", name=name))).to_have_count(0)
    assert_accessible(page)
    shoot(page, "placed")

    # a policy advisor may not open the list
    page.context.clear_cookies()
    login(page, "policy@zeist.demo")
    assert page.goto(REVIEW).status == 403
