"""Journeys of a coordinator keeping the directory up to date: edit a service, add one.

Edits change demo services, so they only touch what a repeated run can change again (waiting time,
capacity); new services get a unique name. The edit journey also runs without JavaScript.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, Response, expect

COORDINATOR = "coordinator@zeist.demo"
PROFESSIONAL = "professional@zeist.demo"
ZEIST = "GM0355"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SERVICE_URL = re.compile(rf"/aanbod/({UUID})(\?terug=[^#]*)?$")
EDIT_LINK = "Dit aanbod bewerken"


# --- helpers -------------------------------------------------------------------------------------


def search(page: Page, words: str, gemeente: str = ZEIST) -> None:
    page.goto(f"/aanbod?q={words}&gemeente={gemeente}")


def result(page: Page, name: str):
    return page.locator("article.result").filter(has=page.get_by_role("link", name=name, exact=True))


def open_service(page: Page, name: str, gemeente: str = ZEIST) -> str:
    """Find a service by its name and open its page; returns its path /aanbod/<uuid>."""
    search(page, name, gemeente)
    with page.expect_navigation():
        result(page, name).get_by_role("link", name=name, exact=True).click()
    match = SERVICE_URL.search(page.url)
    assert match, f"not a service page: {page.url}"
    expect(page.locator("h1")).to_have_text(name)
    return f"/aanbod/{match.group(1)}"


def service_form(page: Page):
    return page.locator("form.form:has(input[name=name])")


def save(page: Page) -> Response:
    """Submit the service form; returns the response of the page it ends on."""
    with page.expect_navigation() as navigation:
        service_form(page).get_by_role("button", name="Opslaan").click()
    response = navigation.value
    assert response is not None
    return response


def expect_field_error(page: Page, field: str, message: str | re.Pattern[str]) -> None:
    """The field is marked invalid and described by its error text."""
    control = page.locator(f"#f-{field}")
    expect(control).to_have_attribute("aria-invalid", "true")
    error = page.locator(f"#e-{field}.field-error")
    expect(error).to_have_text(message)
    described_by = (control.get_attribute("aria-describedby") or "").split()
    assert f"e-{field}" in described_by, f"#f-{field} is not described by its error (aria-describedby={described_by})"


def capacity_text(weeks: int) -> str:
    return f"Nog enkele plaatsen (ongeveer {weeks} weken)"


# --- journeys ------------------------------------------------------------------------------------


def edit_a_service(page: Page, login, assert_accessible, error_summary_problems, name: str) -> None:
    """Coordinator: open a Zeist service, save an invalid form, correct it, save; check the change."""
    login(page, COORDINATOR)
    path = open_service(page, name)
    with page.expect_navigation():
        page.get_by_role("link", name=EDIT_LINK).click()
    assert page.url.endswith(f"{path}/bewerken"), page.url
    expect(page.locator("h1")).to_have_text("Aanbod bewerken")
    form = service_form(page)
    expect(form.locator("#f-name")).to_have_value(name)
    original_area = form.locator("#f-gebied").input_value()
    assert original_area.strip(), "a Zeist service should have a service area"
    assert_accessible(page)

    # A waiting time different from the current one, so that a repeated run changes it again.
    weeks = 4 if form.locator("#f-wait_weeks").input_value() == "3" else 3

    # 1. Invalid: no name, an unknown municipality.
    form.locator("#f-name").fill("")
    form.locator("#f-gebied").fill("Atlantis")
    form.locator("#f-capacity").select_option("beperkt")
    form.locator("#f-wait_weeks").fill(str(weeks))
    response = save(page)
    assert response.status == 422, f"an invalid form should answer 422, got {response.status}"
    assert page.title().startswith("Fout: "), f"the title should start with 'Fout: ', got {page.title()!r}"

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading")).to_have_text("Er is iets niet goed ingevuld")
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    assert [links.nth(i).get_attribute("href") for i in range(2)] == ["#f-name", "#f-gebied"]
    expect(summary.get_by_role("link", name=re.compile("Atlantis"))).to_be_visible()
    expect_field_error(page, "name", "Vul de naam van het aanbod in.")
    expect_field_error(page, "gebied", re.compile(r"Onbekende gemeente.*Atlantis"))
    # What was typed is kept, valid and invalid alike.
    expect(form.locator("#f-name")).to_have_value("")
    expect(form.locator("#f-gebied")).to_have_value("Atlantis")
    expect(form.locator("#f-capacity")).to_have_value("beperkt")
    expect(form.locator("#f-wait_weeks")).to_have_value(str(weeks))
    # Each error link takes the keyboard focus to its field, which is described by the error.
    assert error_summary_problems(page) == []
    expect(form.locator("#f-gebied")).to_be_focused()  # the last link followed
    assert_accessible(page)

    # 2. Corrected: saved, back on the service page with a notice and the new waiting time.
    form.locator("#f-name").fill(name)
    form.locator("#f-gebied").fill(original_area)
    response = save(page)
    assert response.status == 200 and page.url.endswith(path), f"after saving: {response.status} {page.url}"
    expect(page.locator(".notice[role=status]")).to_have_text("De wijzigingen zijn opgeslagen.")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("section.refer-box")).to_contain_text(capacity_text(weeks))
    assert_accessible(page)

    # The notice is shown once; the search results show the change too.
    search(page, name)
    expect(page.locator(".notice")).to_have_count(0)
    expect(result(page, name).locator(".meta")).to_contain_text(capacity_text(weeks))
    assert_accessible(page)


def test_coordinator_edits_a_zeist_service(page: Page, login, assert_accessible, error_summary_problems):
    edit_a_service(page, login, assert_accessible, error_summary_problems, "Weggeefwinkel")


def test_coordinator_edits_a_service_without_javascript(new_page, login, assert_accessible, error_summary_problems):
    page = new_page(java_script_enabled=False)
    edit_a_service(page, login, assert_accessible, error_summary_problems, "Centering Pregnancy")


def test_coordinator_adds_a_service_and_finds_it(page: Page, login, assert_accessible):
    name = f"Babymassage proef {uuid.uuid4().hex[:8]}"
    login(page, COORDINATOR)
    response = page.goto("/aanbod/nieuw")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_text("Nieuw aanbod toevoegen")
    assert_accessible(page)

    form = service_form(page)
    form.locator("#f-name").fill(name)
    organisation = form.locator("#f-organisation option:checked").inner_text().strip()
    assert organisation, "the organisation select should preselect one the coordinator may edit"
    form.locator("#f-description").fill("Groepsles babymassage voor ouders met een baby tot een half jaar.")
    form.locator("#f-parent_summary").fill("Je leert je baby masseren. Dat is fijn voor jou en je baby.")
    form.get_by_label("Na de geboorte: 0 tot 1 jaar").check()
    form.get_by_label("Opvoeding en hechting").check()
    form.locator("#f-gebied").fill("Zeist")
    form.locator("#f-application_process").fill("Ouders melden zich zelf aan bij het CJG.")
    response = save(page)
    assert response.status == 200 and SERVICE_URL.search(page.url), f"after saving: {response.status} {page.url}"
    expect(page.locator(".notice[role=status]")).to_have_text("Het aanbod is toegevoegd.")
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".service-head .org")).to_have_text(organisation)
    expect(page.get_by_role("link", name=EDIT_LINK)).to_be_visible()
    assert_accessible(page)

    # Findable at once, by its name, as a Zeist service.
    search(page, name)
    found = result(page, name)
    expect(found).to_have_count(1)
    expect(found.locator(".locality")).to_have_text("In Zeist")
    assert page.locator("article.result h2 a").first.inner_text().strip() == name, "an exact name should rank first"
    assert_accessible(page)


def test_every_error_of_an_empty_service_form_is_linked_and_described(
    page: Page, login, assert_accessible, error_summary_problems
):
    login(page, COORDINATOR)
    page.goto("/aanbod/nieuw")
    service_form(page).locator("#f-parent_summary").fill("Te lang. " * 80)  # over the 600 characters
    response = save(page)
    assert response.status == 422
    expect(page.locator(".error-summary a")).to_have_count(7)
    assert_accessible(page)
    problems = error_summary_problems(page)
    assert not problems, "\n".join(problems)


def test_professional_cannot_edit(page: Page, login, assert_accessible):
    login(page, PROFESSIONAL)
    path = open_service(page, "Schuldhulpverlening")
    expect(page.get_by_role("link", name=EDIT_LINK)).to_have_count(0)
    # Logged in, so the contact persons for referrers are shown.
    expect(page.get_by_role("heading", name="Contactpersonen voor verwijzers")).to_be_visible()
    assert_accessible(page)

    for url in (f"{path}/bewerken", "/aanbod/nieuw"):
        response = page.goto(url)
        assert response is not None and response.status == 403, f"{url} as professional: {response and response.status}"
        expect(page.locator("h1")).to_have_text("Geen toegang")
        expect(page.locator("main")).to_contain_text("U mag deze pagina niet zien")
        assert_accessible(page)


def test_coordinator_cannot_edit_another_coalitions_service(page: Page, login, assert_accessible):
    login(page, COORDINATOR)
    path = open_service(page, "POP-poli", gemeente="GM0654")  # Borsele
    expect(page.get_by_role("link", name=EDIT_LINK)).to_have_count(0)
    assert_accessible(page)
    response = page.goto(f"{path}/bewerken")
    status = response and response.status
    assert status == 403, f"Borsele's service as Zeist coordinator: {status}"
    assert_accessible(page)
