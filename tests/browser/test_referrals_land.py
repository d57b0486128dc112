"""Referrals that land (issue 15): a referral to a service where nobody works in Kansrijk (the demo's
Voedselbank in Zeist) shows its phone number, goes through the consent step with what was typed
kept, is recorded as by phone, and later gets its outcome; the receiving organisation's screen has
one group per action (accept, reject, on hold), each with its own fields and button.

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"
SHOTS = Path(os.environ.get("KANSRIJK_SHOTS", "/tmp/kansrijk-shots"))


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:6]}"


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def shoot(page: Page, name: str) -> None:
    """Screenshots at desktop and phone width, to be looked at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def new_client(page: Page, name: str) -> str:
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1996-04-02")
    form.locator("#f-municipality").select_option("GM0355")
    click(page, form.get_by_role("button", name="Cliënt opslaan"))
    expect(page.locator("h1")).to_contain_text(name)
    return page.url


def test_referral_by_phone_to_the_voedselbank(page: Page, login, assert_accessible):
    name = unique("V.B.")
    login(page, MIDWIFE)
    new_client(page, name)

    # the service page says how the Voedselbank receives referrals, with its phone as a link
    page.goto("/aanbod?q=voedselbank&gemeente=GM0355")
    result = page.locator("article.result").filter(has_text="Voedselbank Zeist").first
    expect(result).to_contain_text("Verwijzen per telefoon of e-mail")
    click(page, result.get_by_role("link").first)
    box = page.locator(".route-box")
    expect(box).to_contain_text("Verwijzen per telefoon of e-mail")
    expect(box.locator('a[href^="tel:"]')).to_have_text("030 000 11 22")
    assert_accessible(page)
    shoot(page, "service-voedselbank")

    # "Verwijzen": choose the client, the form opens with the service chosen and its phone shown
    click(page, box.get_by_role("link", name="Verwijzen"))
    click(page, page.get_by_role("link", name=name, exact=False))
    form = page.locator("main form.form")
    expect(form.locator("#f-service option:checked")).to_contain_text("Voedselbank")
    mode = form.locator("#f-mode")
    expect(mode).to_contain_text("een verwijzing via Kansrijk zou hier niet aankomen")
    expect(mode.locator('a[href="tel:+31300001122"]')).to_be_visible()
    expect(mode).to_contain_text("vast als verwezen per telefoon of e-mail")
    form.locator("#f-reason").fill("Geen eten in huis, baby op komst")
    form.locator("#f-agreed").fill("Ik bel de voedselbank vandaag")
    assert_accessible(page)
    shoot(page, "referral-form-phone")

    # no consent yet: the consent step keeps what was typed and comes back to the form
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    refusal = page.locator(".error-summary")
    expect(refusal).to_contain_text("geen geldige toestemming")
    expect(page.locator(".consent-cover")).to_contain_text("Er is nog geen toestemming om te verwijzen.")
    assert_accessible(page)
    click(page, refusal.get_by_role("button", name="Toestemming vastleggen"))
    consent = page.locator("main form.form")
    expect(consent.get_by_label("Verwijzen")).to_be_checked()
    expect(consent.get_by_label("Voedselbank Zeist")).to_be_checked()
    consent.get_by_label("Jeugdgezondheidszorg Zeist").check()
    assert_accessible(page)
    click(page, consent.get_by_role("button", name="Toestemming opslaan"))
    expect(page.locator("main")).to_contain_text("De toestemming is vastgelegd.")
    form = page.locator("main form.form")
    expect(form.locator("#f-reason")).to_have_value("Geen eten in huis, baby op komst")
    expect(form.locator("#f-agreed")).to_have_value("Ik bel de voedselbank vandaag")
    expect(page.locator(".consent-cover")).to_contain_text("Voedselbank Zeist")

    # sent: recorded as by phone, with the phone and the outcome to record
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    expect(page.locator("main dl")).to_contain_text("Per telefoon of e-mail")
    contact = page.locator("#contact")
    expect(contact.locator('a[href="tel:+31300001122"]')).to_be_visible()
    assert_accessible(page)
    shoot(page, "referral-phone-sender")

    # later: the outcome
    contact.get_by_label("Ja, er was contact").check()
    contact.locator("#f-contact_day").fill(date.today().isoformat())
    click(page, contact.get_by_role("button", name="Uitkomst vastleggen"))
    expect(page.locator("main")).to_contain_text("De uitkomst is vastgelegd.")
    expect(page.locator("main dl")).to_contain_text("Er was contact, vanaf")
    expect(page.locator("h2").filter(has_text="Status")).to_contain_text("Geaccepteerd")
    expect(page.locator("#contact form")).to_have_count(0)
    assert_accessible(page)


def test_receiving_screen_groups(page: Page, browser, base_url, login, assert_accessible):
    name = unique("O.G.")
    login(page, MIDWIFE)
    client_url = new_client(page, name)
    code = page.locator("h1 .muted").inner_text().strip().strip("()")
    page.goto(client_url + "/toestemming")
    form = page.locator("main form.form")
    form.get_by_label("Verwijzen").check()
    form.get_by_label("Jeugdgezondheidszorg Zeist").check()
    click(page, form.get_by_role("button", name="Toestemming opslaan"))
    urls = []
    for service in ["Stevig Ouderschap (Jeugdgezondheidszorg Zeist)", "Prenataal huisbezoek (Jeugdgezondheidszorg Zeist)"]:
        page.goto(client_url + "/verwijzen")
        form = page.locator("main form.form")
        form.locator("#f-service").select_option(label=service)
        form.locator("#f-reason").fill("Weinig steun thuis")
        form.locator("#f-agreed").fill("Zij wordt gebeld")
        click(page, form.get_by_role("button", name="Verwijzing versturen"))
        expect(page.locator("main dl")).to_contain_text("Via Kansrijk")
        urls.append(page.url)

    context = browser.new_context(base_url=base_url)
    jgz = context.new_page()
    try:
        login(jgz, JGZ)
        jgz.goto(urls[0])
        groups = jgz.locator(".action-group")
        accept = groups.filter(has=jgz.locator("legend", has_text="Accepteren"))
        reject = groups.filter(has=jgz.locator("legend", has_text="Afwijzen"))
        hold = groups.filter(has=jgz.locator("legend", has_text="In de wacht"))
        for group in (accept, reject, hold):
            expect(group).to_have_count(1)
            expect(group.get_by_role("button")).to_have_count(1)
        expect(accept.locator("textarea")).to_have_count(0)
        expect(reject.get_by_label("Reden van afwijzen")).to_be_visible()
        expect(reject.get_by_label("Alternatief", exact=False)).to_be_visible()
        expect(hold.get_by_label("Reden om in de wacht te zetten")).to_be_visible()
        expect(jgz.locator(".status-badge")).to_have_text("Aangevraagd")
        assert_accessible(jgz)
        shoot(jgz, "receiving-screen")

        # on hold with its reason, from its own group; then accepted
        hold.get_by_label("Reden om in de wacht te zetten").fill("Eerst een intake plannen")
        click(jgz, hold.get_by_role("button"))
        expect(jgz.locator("h2").filter(has_text="Status")).to_contain_text("In de wacht")
        expect(jgz.locator("main dl")).to_contain_text("Eerst een intake plannen")
        click(jgz, jgz.locator(".action-group").filter(has=jgz.locator("legend", has_text="Accepteren")).get_by_role("button"))
        expect(jgz.locator("h2").filter(has_text="Status")).to_contain_text("Geaccepteerd")

        # the second: rejected with a reason and an alternative
        jgz.goto(urls[1])
        reject = jgz.locator(".action-group").filter(has=jgz.locator("legend", has_text="Afwijzen"))
        reject.get_by_label("Reden van afwijzen").fill("Geen plek deze maand")
        reject.get_by_label("Alternatief", exact=False).fill("Stevig Ouderschap loopt al")
        click(jgz, reject.get_by_role("button"))
        expect(jgz.locator("h2").filter(has_text="Status")).to_contain_text("Afgewezen")
        expect(jgz.locator("main dl")).to_contain_text("Stevig Ouderschap loopt al")
        assert_accessible(jgz)
        jgz.goto("/zorg/verwijzingen?lijst=inkomend")
        expect(jgz.locator(".status-badge").first).to_be_visible()
        shoot(jgz, "worklist-statuses")
    finally:
        context.close()

    # "Nieuw voor u" names the client's code, the service and the event, line by line
    page.goto("/zorg")
    main = page.locator("main")
    expect(main).to_contain_text(f"{code}: uw verwijzing naar Stevig Ouderschap is nu in de wacht")
    expect(main).to_contain_text(f"{code}: uw verwijzing naar Prenataal huisbezoek is nu afgewezen")
    assert_accessible(page)
    shoot(page, "new-for-you")
