"""The MDO (issue #4): the JGZ nurse records three meetings of her series (two held, one to come), puts a case on the agenda,
records advice, a decision and an action point; the open point comes back on the next meeting
until it is closed there; the minutes are pseudonymised. Every page passes axe.

Titles are unique per run, so the tests can run again against the same server.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from playwright.sync_api import Page, expect

JGZ = "jgz@zeist.demo"


def iso(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def plan(page: Page, title: str, days: int) -> str:
    page.goto("/zorg/mdo/nieuw")
    page.get_by_label("Naam van het overleg").fill(title)
    page.get_by_label("Datum").fill(iso(days))
    page.get_by_label("Begintijd").fill("13:30")
    page.get_by_label("Plaats of link").fill("JGZ Zeist")
    page.get_by_label("Verloskundige Praktijk Zeist").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return page.url


def test_mdo_with_cases_and_action_points_that_carry_over(page: Page, login, assert_accessible):
    run = uuid.uuid4().hex[:6]
    login(page, JGZ)
    page.goto("/zorg/mdo")
    expect(page.get_by_role("heading", level=1)).to_contain_text("MDO")
    assert_accessible(page)

    # a plan without a date: a Dutch error, what was typed is kept
    page.goto("/zorg/mdo/nieuw")
    page.get_by_label("Naam van het overleg").fill(f"MDO {run}")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator('.error-summary a[href="#f-date"]')).to_have_text("Vul dit veld in.")
    expect(page.get_by_label("Naam van het overleg")).to_have_value(f"MDO {run}")
    assert_accessible(page)

    first = plan(page, f"MDO {run} (1)", -60)
    assert_accessible(page)

    # a case on the agenda: a client the JGZ is involved with, with her consent for the MDO
    case_form = page.locator("form", has=page.get_by_role("button", name="Casus op de agenda zetten"))
    case_form.get_by_label("Cliënt").select_option(index=1)
    case_form.get_by_label("Vraag aan het overleg").fill("Wie neemt het voortouw bij de woonvraag?")
    with page.expect_navigation():
        case_form.get_by_role("button", name="Casus op de agenda zetten").click()
    case = page.locator("article.mdo-case").first
    expect(case).to_contain_text("Wie neemt het voortouw bij de woonvraag?")
    case.get_by_label("Advies").fill("Sociaal team betrekken.")
    case.get_by_label("Besluit").fill("JGZ belt het sociaal team.")
    with page.expect_navigation():
        case.get_by_role("button", name="Advies en besluit opslaan").click()
    expect(page.locator("article.mdo-case").first.get_by_label("Besluit")).to_have_value("JGZ belt het sociaal team.")

    # an action point with an organisation, a person and a date
    point_form = page.locator("form", has=page.get_by_role("button", name="Actiepunt toevoegen"))
    point_form.get_by_label("Wat gebeurt er").fill(f"Sociaal team bellen {run}")
    point_form.get_by_label("Organisatie", exact=True).select_option(label="Jeugdgezondheidszorg Zeist")
    point_form.get_by_label("Wie (naam of functie)").fill("Jip")
    point_form.get_by_label("Uiterlijk").fill(iso(-50))
    with page.expect_navigation():
        point_form.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(page.locator("#punten")).to_contain_text(f"Sociaal team bellen {run}")
    assert_accessible(page)

    # the minutes: printable and pseudonymised
    page.get_by_role("link", name="Verslag bekijken en afdrukken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"MDO {run} (1)")
    expect(page.locator("main")).to_contain_text("Gepseudonimiseerd verslag")
    expect(page.locator("main")).to_contain_text(f"Sociaal team bellen {run}")
    assert_accessible(page)

    # the next meeting of the series: the open point comes back, and is closed there
    plan(page, f"MDO {run} (2)", -40)
    carried = page.locator("#punten li", has_text=f"Sociaal team bellen {run}")
    expect(carried).to_contain_text("uit")
    assert_accessible(page)
    with page.expect_navigation():
        carried.get_by_role("button", name="Afronden").click()
    expect(page.locator("#punten li", has_text=f"Sociaal team bellen {run}")).to_contain_text("Afgerond")

    # a third meeting no longer carries it
    plan(page, f"MDO {run} (3)", 20)
    expect(page.locator("#punten")).not_to_contain_text(f"Sociaal team bellen {run}")
    page.goto(first)
    expect(page.locator("#punten")).to_contain_text(f"Sociaal team bellen {run}")
