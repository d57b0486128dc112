"""Issue #14: managing people and organisations in the browser.

A coordinator adds an organisation with a location and finds it again; the admin deactivates and
reactivates an account, and the person's session ends. New organisations get a unique name, so a
repeated run against the same server adds another one.
"""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

ADMIN = "admin@kansrijk.demo"
COORDINATOR = "coordinator@zeist.demo"
NURSE = "jgz@zeist.demo"
ZEIST = "GM0355"


def submit(page: Page, form_selector: str, button: str) -> None:
    with page.expect_navigation():
        page.locator(form_selector).get_by_role("button", name=button).click()


def test_coordinator_adds_an_organisation_with_a_location(page: Page, login, assert_accessible, error_summary_problems) -> None:
    name = f"Kraamhotel Zeist {uuid.uuid4().hex[:6]}"
    login(page, COORDINATOR)
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    expect(page.locator("h1")).to_have_text("Beheer")
    assert_accessible(page)
    page.get_by_role("link", name="Organisaties").click()
    assert_accessible(page)
    page.get_by_role("link", name="Organisatie toevoegen").click()
    assert_accessible(page)

    # a wrong postal code first: the error is named next to the field and in the summary
    form = "form.form:has(input[name=name])"
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_label("Soort organisatie").select_option("kinderopvang")
    page.get_by_label("Gemeente").select_option(ZEIST)
    page.get_by_label("Straat en huisnummer").fill("Lindenlaan 5")
    page.get_by_label("Postcode").fill("37O1 AB")
    page.get_by_label("Plaats").fill("Zeist")
    page.get_by_label("Telefoonnummer").fill("030 765 43 21")
    submit(page, form, "Opslaan")
    expect(page.locator(".error-summary")).to_contain_text("Vul een postcode in zoals 3701 AB.")
    assert error_summary_problems(page) == []
    assert_accessible(page)

    page.get_by_label("Postcode").fill("3701ab")
    submit(page, form, "Opslaan")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.get_by_role("status")).to_contain_text("De organisatie is toegevoegd.")
    expect(page.locator("table")).to_contain_text("Lindenlaan 5, 3701 AB Zeist")
    assert_accessible(page)

    page.get_by_role("link", name="Locatie toevoegen").click()
    assert_accessible(page)
    page.get_by_label("Naam van de locatie").fill("Kraamhotel Den Dolder")
    page.get_by_label("Straat en huisnummer").fill("Dolderseweg 10")
    page.get_by_label("Postcode").fill("3734 BA")
    page.get_by_label("Plaats").fill("Den Dolder")
    submit(page, "form.form:has(input[name=name])", "Opslaan")
    expect(page.get_by_role("status")).to_contain_text("De locatie is toegevoegd.")
    expect(page.locator("table")).to_contain_text("Dolderseweg 10, 3734 BA Den Dolder")

    page.goto(f"/beheer/organisaties?q={name.split()[-1]}")
    expect(page.get_by_role("link", name=name)).to_be_visible()


def test_admin_deactivates_and_reactivates_an_account(page: Page, new_page, login, assert_accessible) -> None:
    nurse = new_page()
    login(nurse, NURSE)
    nurse.goto("/zorgpaden")
    expect(nurse.get_by_role("button", name="Uitloggen")).to_be_visible()

    login(page, ADMIN)
    page.goto("/beheer/mensen?q=jgz%40zeist")
    assert_accessible(page)
    page.get_by_role("link", name="Jip Jeugdverpleegkundige").click()
    assert_accessible(page)
    submit(page, "form:has(button:text('Account uitzetten'))", "Account uitzetten")
    expect(page.get_by_role("status")).to_contain_text("Het account is uitgezet.")
    expect(page.locator("dl")).to_contain_text("Uitgezet")
    assert_accessible(page)

    # her next request is signed out
    nurse.goto("/zorgpaden")
    expect(nurse.get_by_role("link", name="Inloggen")).to_be_visible()

    submit(page, "form:has(button:text('Account weer aanzetten'))", "Account weer aanzetten")
    expect(page.get_by_role("status")).to_contain_text("Het account staat weer aan.")
    login(nurse, NURSE)
    nurse.goto("/zorgpaden")
    expect(nurse.get_by_role("button", name="Uitloggen")).to_be_visible()
