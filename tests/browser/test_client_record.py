"""The client's record through the 1000 days (issue 15), in a real browser: a midwife creates a
client, corrects a detail, records the birth and sees the phase change, hands the family over to
the JGZ with a summary and consent; the JGZ nurse finds the handover in her worklist, accepts it
and sees the client; the midwife closes the care with a reason on its confirmation page.

Everything this test creates has a unique name, so it can run again against the same server.
"""

from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def shots(page: Page, name: str) -> None:
    """Full-page screenshots at 1280 and 390 px wide into $KANSRIJK_SHOTS, when set."""
    target = os.environ.get("KANSRIJK_SHOTS")
    if not target:
        return
    Path(target).mkdir(parents=True, exist_ok=True)
    for label, size in (("1280", WIDE), ("390", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(Path(target) / f"client-record-{name}-{label}.png"), full_page=True)
    page.set_viewport_size(WIDE)


def test_birth_handover_to_jgz_and_close(new_page, login, assert_accessible):
    name = f"G.B. {uuid.uuid4().hex[:6]}"
    today = date.today()
    page = new_page(viewport=WIDE)
    login(page, MIDWIFE)

    # a pregnant client, 40 days before her due date
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1996-04-12")
    form.locator("#f-municipality").select_option("GM0355")
    form.locator("#f-expected_birth_date").fill((today + timedelta(days=40)).isoformat())
    click(page, form.get_by_role("button", name="Cliënt opslaan"))
    expect(page.locator("h1")).to_contain_text(name)
    client_url = page.url
    expect(page.locator("dl.ws-facts")).to_contain_text("Zwangerschap, 3e trimester")

    # correcting a detail: a due date too far ahead is refused in words, what was typed stays
    click(page, page.get_by_role("link", name="Gegevens wijzigen"))
    form = page.locator("main form.form")
    form.locator("#f-expected_birth_date").fill((today + timedelta(days=400)).isoformat())
    form.locator("#f-language").select_option("en")
    click(page, form.get_by_role("button", name="Wijzigingen opslaan"))
    expect(page.locator(".error-summary")).to_contain_text("De verwachte bevallingsdatum ligt te ver in de toekomst")
    expect(page.locator("#f-language")).to_have_value("en")
    assert_accessible(page)
    shots(page, "details-error")
    page.locator("#f-expected_birth_date").fill((today + timedelta(days=40)).isoformat())
    click(page, page.get_by_role("button", name="Wijzigingen opslaan"))
    expect(page.locator("dl.ws-facts")).to_contain_text("Engels")

    # the birth: the phase moves on and the child gets its own code
    click(page, page.get_by_role("link", name="Geboorte vastleggen"))
    page.locator("#f-actual_birth_date").fill((today + timedelta(days=1)).isoformat())
    click(page, page.get_by_role("button", name="Geboorte opslaan"))
    expect(page.locator(".error-summary")).to_contain_text("De geboortedatum van de baby ligt in de toekomst")
    assert_accessible(page)
    page.locator("#f-actual_birth_date").fill((today - timedelta(days=1)).isoformat())
    click(page, page.get_by_role("button", name="Geboorte opslaan"))
    facts = page.locator("dl.ws-facts")
    expect(facts).to_contain_text("Rond de geboorte en kraamtijd")
    expect(facts).to_contain_text("KK-")

    # the page proposes Zeist's JGZ for the warm handover
    handover = page.locator("section", has=page.locator("#h-handover"))
    expect(handover).to_contain_text("Jeugdgezondheidszorg Zeist")
    assert_accessible(page)
    shots(page, "client-born")
    click(page, handover.get_by_role("link", name="Overdracht starten Jeugdgezondheidszorg Zeist"))
    form = page.locator("main form.form")
    form.locator("#f-summary").fill("Bevalling goed verlopen. Weinig steun in de buurt.")
    form.locator("#f-agreed").fill("De jeugdverpleegkundige belt deze week.")
    form.locator("#f-recorded_how").select_option("verbal")
    click(page, form.get_by_role("button", name="Overdracht versturen"))
    expect(page.locator(".error-summary")).to_contain_text("Vink aan dat de ouder toestemming geeft")
    expect(page.locator("#f-summary")).to_have_value("Bevalling goed verlopen. Weinig steun in de buurt.")
    assert_accessible(page)
    shots(page, "handover-form")
    page.get_by_label("De ouder geeft toestemming").check()
    click(page, page.get_by_role("button", name="Overdracht versturen"))
    expect(page.locator("h1")).to_contain_text("Warme overdracht naar")
    referral_url = page.url

    # the JGZ nurse finds it labelled in her worklist, accepts it and sees the client
    jgz = new_page(viewport=WIDE)
    login(jgz, JGZ)
    jgz.goto("/zorg/verwijzingen?lijst=inkomend")
    row = jgz.locator("tr", has_text=name)
    expect(row).to_contain_text("Warme overdracht")
    assert_accessible(jgz)
    shots(jgz, "jgz-worklist")
    jgz.goto(referral_url)
    expect(jgz.locator("main")).to_contain_text("Bevalling goed verlopen")
    click(jgz, jgz.get_by_role("button", name="Accepteren", exact=True))
    expect(jgz.locator("main")).to_contain_text("Geaccepteerd")
    assert_accessible(jgz)
    jgz.goto(client_url)
    expect(jgz.locator("h1")).to_contain_text(name)
    expect(jgz.locator("main")).to_contain_text("Rond de geboorte en kraamtijd")

    # closing asks for a reason on a page of its own; one click never closes
    page.goto(client_url)
    click(page, page.get_by_role("link", name="Zorg afsluiten"))
    expect(page.locator("h1")).to_contain_text("Zorg afsluiten")
    click(page, page.get_by_role("button", name="Ja, zorg afsluiten"))
    expect(page.locator(".error-summary")).to_contain_text("Kies waarom u de zorg afsluit")
    assert_accessible(page)
    shots(page, "close")
    page.get_by_label("Zorg afgerond").check()
    click(page, page.get_by_role("button", name="Ja, zorg afsluiten"))
    expect(page.locator("main")).to_contain_text("Reden: Zorg afgerond")
    expect(page.get_by_role("button", name="Zorg weer openen")).to_be_visible()
