"""Editing the signalling instrument without JSON and without JavaScript (issue #4): the admin (the
only one who may publish a version since issue #13) adds, moves and removes a question with the form's buttons, gets Dutch messages that keep what was
typed, and saves a new version that shows up in the version history. Every page passes axe.

The saved version has the same questions as the one before (only its name differs), so the other
care tests, which fill in the current questionnaire, are not affected.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

ADMIN = "admin@kansrijk.demo"


def test_admin_edits_the_instrument_in_a_form(new_page, login, assert_accessible):
    page: Page = new_page(java_script_enabled=False)
    login(page, ADMIN)
    page.goto("/zorg/signaleren/instrument")
    old_version = page.locator("p.lead").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe versie maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe versie maken")
    assert_accessible(page)

    # add a question to the first domain: the page comes back with the new question focused
    page.get_by_label("Naam van de versie").fill("Zeist browsertest")
    domain = page.locator("section.instrument-domain").first
    before = domain.locator("fieldset.instrument-question").count()
    with page.expect_navigation():
        domain.get_by_role("button", name="Vraag toevoegen domein 1", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("nog niet opgeslagen")
    expect(page.get_by_label("Naam van de versie")).to_have_value("Zeist browsertest")
    domain = page.locator("section.instrument-domain").first
    questions = domain.locator("fieldset.instrument-question")
    expect(questions).to_have_count(before + 1)
    new_question = questions.last
    expect(new_question.get_by_label("Vraag voor de professional")).to_be_focused()
    new_question.get_by_label("Vraag voor de professional").fill("Slaapt u genoeg?")
    assert_accessible(page)

    # saving with the parent's wording missing: a Dutch message at its place, the typing kept
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan als nieuwe versie").first.click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(f"Domein 1, vraag {before + 1}: vul de vraag in eenvoudige taal voor de ouder in.")
    question = page.locator("section.instrument-domain").first.locator("fieldset.instrument-question").last
    expect(question.get_by_label("Vraag voor de professional")).to_have_value("Slaapt u genoeg?")
    assert_accessible(page)

    # move it up one place, then remove it again
    with page.expect_navigation():
        question.get_by_role("button", name=f"Omhoog vraag {before + 1} van domein 1", exact=True).click()
    moved = page.locator("section.instrument-domain").first.locator("fieldset.instrument-question").nth(before - 1)
    expect(moved.get_by_label("Vraag voor de professional")).to_have_value("Slaapt u genoeg?")
    with page.expect_navigation():
        moved.get_by_role("button", name=f"Verwijderen vraag {before} van domein 1", exact=True).click()
    expect(page.locator("section.instrument-domain").first.locator("fieldset.instrument-question")).to_have_count(before)

    # save: a new version, listed in the history
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan als nieuwe versie").first.click()
    expect(page.locator(".notice, [role=status]").first).to_contain_text("De nieuwe versie is opgeslagen")
    expect(page.locator("p.lead")).to_contain_text("Zeist browsertest")
    assert page.locator("p.lead").inner_text() != old_version
    expect(page.get_by_role("heading", name="Alle versies")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Wat telt anders dan in versie")
    expect(page.locator("main")).to_contain_text("Zeist browsertest")
    assert_accessible(page)
