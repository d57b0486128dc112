"""Issue 14: each person chooses per kind how she hears of events by mail (/account/meldingen), and
"Nieuw voor u" on /zorg names the client's code, the service and the event, links to the referral,
and is marked read one by one or all at once.

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def test_mail_choices_are_saved(page: Page, login, assert_accessible):
    login(page, JGZ)
    page.goto("/account/meldingen")
    expect(page.locator("h1")).to_have_text("Meldingen per e-mail")
    assert_accessible(page)

    group = page.get_by_role("group", name="Agenda van het MDO, de dag ervoor")
    group.get_by_label("In het dagelijkse overzicht").check()
    click(page, page.get_by_role("button", name="Keuzes opslaan"))
    expect(page.locator("main")).to_contain_text("Uw keuzes zijn opgeslagen.")
    group = page.get_by_role("group", name="Agenda van het MDO, de dag ervoor")
    expect(group.get_by_label("In het dagelijkse overzicht")).to_be_checked()
    assert_accessible(page)

    # back to the default, so the demo mails as before
    group.get_by_label("Meteen per e-mail").check()
    click(page, page.get_by_role("button", name="Keuzes opslaan"))
    expect(page.get_by_role("group", name="Agenda van het MDO, de dag ervoor").get_by_label("Meteen per e-mail")).to_be_checked()

    # the same page in English
    page.goto("/account/meldingen?lang=en")
    expect(page.locator("h1")).to_have_text("Notifications by e-mail")
    assert_accessible(page)
    page.goto("/account/meldingen?lang=nl")


def _referral_to_jgz(page: Page) -> str:
    """The midwife makes a client with consent for JGZ and refers her to Stevig Ouderschap; her code."""
    name = f"N.V. {uuid.uuid4().hex[:6]}"
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1996-02-11")
    form.locator("#f-municipality").select_option("GM0355")
    click(page, form.get_by_role("button", name="Cliënt opslaan"))
    client_url = page.url
    page.goto(client_url + "/toestemming")
    form = page.locator("main form.form")
    form.get_by_label("Verwijzen").check()
    form.get_by_label("Jeugdgezondheidszorg Zeist").check()
    click(page, form.get_by_role("button", name="Toestemming opslaan"))
    page.goto(client_url + "/verwijzen")
    form = page.locator("main form.form")
    form.locator("#f-service").select_option(label="Stevig Ouderschap (Jeugdgezondheidszorg Zeist)")
    form.locator("#f-reason").fill("Weinig steun")
    form.locator("#f-agreed").fill("Zij wordt gebeld")
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    expect(page.locator("h2").filter(has_text="Status")).to_contain_text("Aangevraagd")
    page.goto("/zorg")
    row = page.locator("table").get_by_role("row").filter(has_text=name)
    return row.get_by_role("cell").first.inner_text().strip()


def test_new_for_you_marked_read_one_and_all(page: Page, browser, base_url, login, assert_accessible):
    login(page, MIDWIFE)
    first = _referral_to_jgz(page)
    second = _referral_to_jgz(page)

    context = browser.new_context(base_url=base_url, locale="nl-NL")
    jgz = context.new_page()
    try:
        login(jgz, JGZ)
        jgz.goto("/zorg")
        notes = jgz.locator("section[aria-labelledby=h-notes]")
        expect(notes).to_contain_text(f"{first}: nieuwe verwijzing naar Stevig Ouderschap")
        expect(notes).to_contain_text(f"{second}: nieuwe verwijzing naar Stevig Ouderschap")
        assert_accessible(jgz)

        # the notice links to the referral
        link = notes.get_by_role("link", name=f"{first}: nieuwe verwijzing naar Stevig Ouderschap")
        assert (link.get_attribute("href") or "").startswith("/zorg/verwijzingen/")

        # one read
        item = notes.get_by_role("listitem").filter(has_text=f"{first}: nieuwe verwijzing")
        click(jgz, item.get_by_role("button", name="Gelezen"))
        expect(jgz.locator("main")).to_contain_text("De melding is als gelezen gemarkeerd.")
        expect(jgz.locator("main")).not_to_contain_text(f"{first}: nieuwe verwijzing")
        expect(jgz.locator("section[aria-labelledby=h-notes]")).to_contain_text(f"{second}: nieuwe verwijzing")
        assert_accessible(jgz)

        # all read
        click(jgz, jgz.get_by_role("button", name="Alles gelezen"))
        expect(jgz.locator("main")).to_contain_text("Alle meldingen zijn als gelezen gemarkeerd.")
        expect(jgz.locator("main")).not_to_contain_text(f"{second}: nieuwe verwijzing")
        expect(jgz.get_by_role("link", name="Kies welke meldingen u per e-mail krijgt")).to_be_visible()
        assert_accessible(jgz)
    finally:
        context.close()
