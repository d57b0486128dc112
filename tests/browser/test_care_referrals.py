"""Care journeys of issue 4: a referral sent with consent, accepted, started and completed by the
receiving organisation (the referrer is notified in the app), a referral without consent refused
with the reason, and an overdue demo referral on the coordinator's escalation ladder.

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import uuid
from datetime import date

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"
COORDINATOR = "coordinator@zeist.demo"


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:6]}"


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def test_referral_sent_accepted_completed(page: Page, browser, base_url, login, assert_accessible):
    name = unique("A.T.")
    login(page, MIDWIFE)
    page.goto("/zorg")
    expect(page.locator("h1")).to_have_text("Zorg")
    assert_accessible(page)

    # a new client
    click(page, page.get_by_role("link", name="Nieuwe cliënt"))
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1997-03-14")
    form.locator("#f-municipality").select_option("GM0355")
    assert_accessible(page)
    click(page, form.get_by_role("button", name="Cliënt opslaan"))
    expect(page.locator("h1")).to_contain_text(name)
    client_url = page.url

    # no consent yet: the referral is refused with the reason and the meldcode is pointed to
    click(page, page.get_by_role("link", name="Verwijzen", exact=True))
    expect(page.locator("main")).to_contain_text("Veilig Thuis")
    form = page.locator("main form.form")
    form.locator("#f-service").select_option(label="Stevig Ouderschap (Jeugdgezondheidszorg Zeist)")
    form.locator("#f-reason").fill("Eerste kind, weinig steun")
    form.locator("#f-agreed").fill("Zij wordt deze week gebeld")
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    expect(page.locator(".error-summary")).to_contain_text("geen geldige toestemming om te verwijzen naar Jeugdgezondheidszorg Zeist")
    expect(page.locator("#f-reason")).to_have_value("Eerste kind, weinig steun")
    assert_accessible(page)

    # consent, then the referral goes
    page.goto(client_url + "/toestemming")
    form = page.locator("main form.form")
    form.get_by_label("Verwijzen").check()
    form.get_by_label("Jeugdgezondheidszorg Zeist").check()
    assert_accessible(page)
    click(page, form.get_by_role("button", name="Toestemming opslaan"))
    expect(page.locator("main")).to_contain_text("Geldig")
    page.goto(client_url + "/verwijzen")
    form = page.locator("main form.form")
    form.locator("#f-service").select_option(label="Stevig Ouderschap (Jeugdgezondheidszorg Zeist)")
    form.locator("#f-reason").fill("Eerste kind, weinig steun")
    form.locator("#f-agreed").fill("Zij wordt deze week gebeld")
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    expect(page.locator("h2").filter(has_text="Status")).to_contain_text("Aangevraagd")
    referral_url = page.url

    # the receiving organisation works it through
    context = browser.new_context(base_url=base_url)
    jgz = context.new_page()
    try:
        login(jgz, JGZ)
        jgz.goto("/zorg/verwijzingen?lijst=inkomend")
        expect(jgz.locator("table")).to_contain_text(name)
        assert_accessible(jgz)
        jgz.goto(referral_url)
        for button, status in [("Accepteren", "Geaccepteerd"), ("Hulp gestart", "Loopt"), ("Afronden", "Afgerond")]:
            click(jgz, jgz.get_by_role("button", name=button, exact=True))
            expect(jgz.locator("h2").filter(has_text="Status")).to_contain_text(status)
        expect(jgz.locator("main")).to_contain_text("Tijd tot eerste contact")
        assert_accessible(jgz)
    finally:
        context.close()

    # the referrer is told in the app, and both sides see the status
    page.goto("/zorg")
    expect(page.locator("main")).to_contain_text("uw verwijzing naar Stevig Ouderschap is nu afgerond")
    page.goto(client_url)
    expect(page.locator("main")).to_contain_text("Afgerond")
    page.goto(client_url + "/inzage")
    expect(page.locator("table")).to_contain_text("Jip Jeugdverpleegkundige")
    assert_accessible(page)


def test_overdue_referral_is_escalated(page: Page, login, assert_accessible):
    login(page, COORDINATOR)
    page.goto("/zorg/termijnbewaking")
    expect(page.locator("h1")).to_have_text("Termijnbewaking")
    table = page.locator("table").first
    # demo: E.F. was referred to Schuldhulpverlening 8 days ago and never accepted;
    # G.H. was rejected without an alternative
    expect(table).to_contain_text("Niet op tijd geaccepteerd")
    expect(table).to_contain_text("Afgewezen zonder alternatief")
    expect(table).to_contain_text("Schuldhulpverlening")
    # no identity for the coordinator, who is not involved
    expect(table).not_to_contain_text("E.F.")
    assert_accessible(page)

    # the coalition sets its own ladder
    days = str(20 + date.today().day)
    form = page.locator("form.form").filter(has=page.locator('input[name="after_days"]')).first
    form.locator('input[name="after_days"]').fill(days)
    form.locator('select[name="role"]').select_option("policy")
    click(page, form.get_by_role("button", name="Stap toevoegen"))
    expect(page.locator("main")).to_contain_text(f"Na {days} dagen")
    expect(page.locator("main")).to_contain_text("Beleidsadviseur van de gemeente")


def test_break_the_glass_is_logged_and_listed(page: Page, browser, base_url, login, assert_accessible, error_summary_problems):
    name = unique("B.G.")
    login(page, MIDWIFE)
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1995-08-01")
    form.locator("#f-municipality").select_option("GM0355")
    click(page, form.get_by_role("button", name="Cliënt opslaan"))
    code = page.locator("h1 .muted").inner_text().strip()

    context = browser.new_context(base_url=base_url)
    other = context.new_page()
    try:
        login(other, "schuldhulp@zeist.demo")
        other.goto("/zorg/noodtoegang")
        form = other.locator("main form.form")
        form.locator("#f-code").fill(code)
        form.locator("#f-reason_kind").select_option("acuut-gevaar")
        form.locator("#f-reason").fill("kort")
        click(other, form.get_by_role("button", name="Noodtoegang vragen"))
        expect(other.locator("#e-reason")).to_contain_text("minstens 10 tekens")
        assert error_summary_problems(other) == []
        assert_accessible(other)
        form = other.locator("main form.form")
        form.locator("#f-reason").fill("Cliënt belt in paniek, dreigende huisuitzetting")
        click(other, form.get_by_role("button", name="Noodtoegang vragen"))
        # the same answer for every code: her grant shows in her own list, and opens the client read-only
        expect(other.locator("main")).to_contain_text("Uw verzoek is vastgelegd")
        assert_accessible(other)
        click(other, other.get_by_role("link", name=code))
        expect(other.locator("h1")).to_contain_text(name)
        expect(other.locator("main")).to_contain_text("U kijkt via noodtoegang")
    finally:
        context.close()

    context = browser.new_context(base_url=base_url)
    admin = context.new_page()
    try:
        login(admin, "admin@kansrijk.demo")
        admin.goto("/zorg/noodtoegang/overzicht")
        expect(admin.locator("table")).to_contain_text("dreigende huisuitzetting")
        assert_accessible(admin)
        admin.goto("/zorg/beheer")
        assert_accessible(admin)
    finally:
        context.close()
