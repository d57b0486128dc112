"""Signalling with the parent (issue #4): the midwife makes a link, the parent fills in the
questionnaire herself on her phone without JavaScript and without logging in, the link then stops
working, and the midwife discusses the answers, adjusts the level with a reason and opens the
route proposal. Every page passes axe.

Each run makes a new screening for the demo client A.B.; nothing else depends on the count.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

MIDWIFE = "professional@zeist.demo"
PHONE = {"width": 390, "height": 844}


def client_href(page: Page, initials: str) -> str:
    page.goto("/zorg")
    row = page.locator("table.table tbody tr", has_text=initials).first
    href = row.get_by_role("link").first.get_attribute("href")
    assert href and href.startswith("/zorg/clienten/")
    return href


def test_parent_fills_in_through_her_link_and_it_is_discussed(page: Page, new_page, login, assert_accessible):
    login(page, MIDWIFE)
    base = client_href(page, "A.B.") + "/signaleren"
    page.goto(base)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Signaleren")
    expect(page.locator(".screening-disclaimer")).to_contain_text("geen gevalideerde klinische score")
    assert_accessible(page)

    # the midwife makes a link; it is shown once
    with page.expect_navigation():
        page.get_by_role("button", name="Link maken voor de ouder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Link voor de ouder")
    link = page.locator("#f-link").input_value()
    assert re.search(r"/vragenlijst/[A-Za-z0-9_-]{43}$", link), link
    assert_accessible(page)

    # the parent, on her phone, without JavaScript, not logged in
    parent = new_page(java_script_enabled=False, viewport=PHONE)
    parent.goto(link)
    expect(parent.get_by_role("heading", level=1)).to_contain_text("hoe gaat het met jou")
    assert_accessible(parent)
    parent.get_by_role("group", name="Heb je mensen om je heen die je helpen als het nodig is?").get_by_label("Nee, eigenlijk niemand").check()
    parent.get_by_role("group", name="Heb je schulden of rekeningen die je niet kunt betalen?").get_by_label("Ja, en het groeit me boven het hoofd").check()
    parent.get_by_label("Wil je nog iets vertellen of vragen?").fill("Ik wil graag praten over geld.")
    with parent.expect_navigation():
        parent.get_by_role("button", name="Versturen").click()
    expect(parent.get_by_role("heading", level=1)).to_have_text("Dank je wel!")
    assert_accessible(parent)

    # the link works once: a clear Dutch message afterwards
    response = parent.goto(link)
    assert response is not None and response.status == 410
    expect(parent.locator("main")).to_contain_text("Je hebt de vragenlijst al ingevuld")
    assert_accessible(parent)

    # back with the midwife: the answers and the note, to discuss
    page.goto(base)
    page.locator("table.table tbody tr", has_text="Ingevuld door de ouder").first.get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Ik wil graag praten over geld.")
    expect(page.locator(".ws-badge")).to_have_text("Ingevuld door de ouder, nog bespreken")
    assert_accessible(page)

    # completing without every answer is refused with a Dutch summary
    form = page.locator("form", has=page.get_by_role("button", name="Afronden en opslaan"))
    with page.expect_navigation():
        form.get_by_role("button", name="Afronden en opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Kies een antwoord op deze vraag.")
    assert_accessible(page)

    # they go through the rest together: the first answer where none was given
    form = page.locator("form", has=page.get_by_role("button", name="Afronden en opslaan"))
    for group in form.locator("fieldset.screening-question").all():
        if group.locator("input[type=radio]:checked").count() == 0:
            group.locator("input[type=radio]").first.check()
    form.get_by_label("Niveau volgens u en de ouder").select_option(label="Kwetsbaar")
    form.get_by_label("Reden van een ander niveau").fill("Samen besproken: de schulden groeien snel.")
    with page.expect_navigation():
        form.get_by_role("button", name="Afronden en opslaan").click()
    expect(page.locator(".ws-badge")).to_have_text("Besproken en afgerond")
    expect(page.locator(".screening-outcome")).to_have_text("Kwetsbaar")
    expect(page.locator("main")).to_contain_text("Samen besproken: de schulden groeien snel.")
    assert_accessible(page)

    # the route proposal: money first, with services to refer to
    page.get_by_role("link", name="Bekijk het routevoorstel").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Routevoorstel")
    expect(page.locator(".route-item").first).to_contain_text("Financiën en schulden")
    expect(page.locator(".route-item").first.locator(".tag", has_text="Eerst doen")).to_have_count(1)
    assert_accessible(page)
