"""Extra care now, settled afterwards (issue 15, the escalatieladder as Apeldoorn uses it), and the
prenatal home visit: a midwife records the home visit offer and asks extra care for a new client of
her own; Zeist's named decision-maker (the demo's coordinator) sees the request at once in her list,
approves it with the days and the financer, and it shows in the coalition's register and in the
progress report. Each page is checked with axe at 1280 and 390 px wide (screenshots saved by
``assert_accessible`` in .build/screenshots).

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import uuid
from datetime import date

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
DECIDER = "coordinator@zeist.demo"


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def check_both_widths(page: Page, assert_accessible) -> None:
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_extra_care_requested_approved_and_reported(page: Page, browser, base_url, login, assert_accessible):
    name = f"E.Z. {uuid.uuid4().hex[:6]}"
    login(page, MIDWIFE)
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1999-08-21")
    form.locator("#f-municipality").select_option("GM0355")
    click(page, form.locator("button[type=submit]"))
    expect(page.locator("h1")).to_contain_text(name)
    client_url = page.url
    code = page.locator("h1 .muted").inner_text().strip()

    # the prenatal home visit: offered today
    click(page, page.get_by_role("link", name="Huisbezoek bijwerken"))
    expect(page.locator("h1")).to_contain_text("Prenataal huisbezoek")
    page.locator("#f-state").select_option("offered")
    page.locator("#f-day").fill(date.today().isoformat())
    click(page, page.get_by_role("button", name="Vastleggen"))
    expect(page.locator("main")).to_contain_text("Aangeboden")

    # the request: a wrong number first, then a good one
    click(page, page.get_by_role("link", name="Extra zorg aanvragen"))
    expect(page.locator("main")).to_contain_text("Kim Coördinator")
    form = page.locator("main form.form")
    form.locator("#f-care").fill("Kraamzorg blijft langer")
    form.locator("#f-provider").fill("Kraamzorg Zeist")
    form.locator("#f-unit").select_option("days")
    form.locator("#f-amount").fill("veel")
    form.locator("#f-reason").fill("Huiselijk geweld; de kraamverzorgende is de enige vaste hulp")
    click(page, form.get_by_role("button", name="Aanvraag versturen"))
    expect(page.locator(".error-summary")).to_contain_text("Vul een heel aantal dagen in van 1 tot en met 60")
    expect(page.locator("#f-reason")).to_have_value("Huiselijk geweld; de kraamverzorgende is de enige vaste hulp")
    check_both_widths(page, assert_accessible)
    page.locator("#f-amount").fill("4")
    click(page, page.locator("main form.form").get_by_role("button", name="Aanvraag versturen"))
    expect(page.locator("main")).to_contain_text("Wacht op besluit")
    request_url = page.url

    # the named decision-maker, in her own browser
    context = browser.new_context(base_url=base_url)
    try:
        decider = context.new_page()
        login(decider, DECIDER)
        decider.goto("/zorg")
        click(decider, decider.get_by_role("link", name="Escalatieladder / Extra zorg"))
        expect(decider.locator("h1")).to_have_text("Extra zorg: aanvragen om te beslissen")
        row = decider.locator("table").first.locator("tr", has_text=code)
        expect(row).to_contain_text("Kraamzorg blijft langer")
        expect(decider.locator("main")).not_to_contain_text(name)
        check_both_widths(decider, assert_accessible)
        click(decider, row.get_by_role("link"))
        assert decider.url == request_url
        approve = decider.locator("form", has=decider.locator("input[name=decision][value=approve]"))
        approve.locator("#f-granted").fill("3")
        approve.locator("#f-financer").select_option("gemeente")
        check_both_widths(decider, assert_accessible)
        click(decider, approve.get_by_role("button", name="Goedkeuren"))
        expect(decider.locator("main")).to_contain_text("Goedgekeurd")
        expect(decider.locator("main")).to_contain_text("3 dagen")
        expect(decider.locator("main")).to_contain_text("Kim Coördinator")

        # the coalition's register and report
        decider.goto("/coalities/zeist")
        click(decider, decider.get_by_role("link", name="Register extra zorg (escalatieladder)"))
        register = decider.locator("table", has_text=code)
        expect(register.locator("tr", has_text=code)).to_contain_text("Goedgekeurd")
        expect(register.locator("tr", has_text=code)).to_contain_text("Gemeente")
        check_both_widths(decider, assert_accessible)
        decider.goto(f"/monitor/rapportage/zeist/{date.today().year}")
        expect(decider.locator("article")).to_contain_text("Extra zorg: aanvragen")
        expect(decider.locator("article")).to_contain_text("Prenatale huisbezoeken aangeboden")
    finally:
        context.close()

    # the midwife sees the decision on her client's page
    page.goto(client_url)
    expect(page.locator("main")).to_contain_text("Goedgekeurd")
