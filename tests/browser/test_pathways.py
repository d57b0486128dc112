"""Journeys around zorgpaden (care pathways): print one on A4, compose one as coordinator."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, Response, expect

COORDINATOR = "coordinator@zeist.demo"
PROFESSIONAL = "professional@zeist.demo"
DEMO_PATHWAY = "Zorgpad geldzorgen en schulden"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TEST_PREFIX = "Testpad"  # pathways made by these tests
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


# --- helpers -------------------------------------------------------------------------------------


def open_pathway(page: Page, title: str) -> None:
    page.goto("/zorgpaden")
    with page.expect_navigation():
        page.locator("table").get_by_role("link", name=title, exact=True).click()
    assert re.search(rf"/zorgpaden/{UUID}$", page.url), page.url
    expect(page.locator("h1")).to_have_text(title)


def pdf_page_count(page: Page) -> int:
    """Pages of the A4 PDF that Chromium prints of the current page (counts the /Type /Page objects)."""
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF"), "not a PDF"
    return len(PDF_PAGE.findall(pdf))


def steps_by_phase(page: Page) -> dict[str, list[str]]:
    """The read page's steps: phase heading → step titles, in order (kind label left out)."""
    result = {}
    for section in page.locator("section.phase").all():
        titles = []
        for heading in section.locator("li.step h3").all():
            kind = heading.locator(".step-kind").inner_text()
            titles.append(heading.inner_text().replace(kind, "", 1).strip())
        result[section.locator("h2").inner_text().strip()] = titles
    return result


def submit(page: Page, form, button: str) -> Response:
    with page.expect_navigation() as navigation:
        form.get_by_role("button", name=button, exact=True).click()
    return navigation.value


def step_editor(page: Page):
    return page.locator("section.panel form")


def add_step(page: Page, phase: str, kind: str, title: str) -> None:
    form = step_editor(page)
    form.get_by_label("Fase").select_option(label=phase)
    form.get_by_label("Soort stap").select_option(label=kind)
    form.get_by_label("Wat gebeurt er?").fill(title)
    form.get_by_label("Afspraak").fill(f"Afspraak bij '{title}'.")
    response = submit(page, form, "Stap toevoegen")
    assert response.status == 200 and page.url.endswith("/bewerken"), (
        f"after adding a step: {response.status} {page.url}"
    )
    expect(page.locator(".notice")).to_have_text("De stap is toegevoegd.")


def step_button(page: Page, action: str, title: str):
    """A step's Omhoog/Omlaag/Verwijderen button; its accessible name includes the step's title."""
    # (Chromium computes "Omhoog : <title>": the hidden part is positioned, so it counts as a block.)
    return page.get_by_role("button", name=re.compile(rf"^{action}\s*:\s*{re.escape(title)}$"))


def edit_page_steps(page: Page, phase: str) -> list[str]:
    section = page.locator("section.phase").filter(has=page.get_by_role("heading", name=phase, exact=True))
    # Each step reads "<kind>: <title>".
    return [t.split(":", 1)[1].strip() for t in section.locator("li.step strong").all_inner_texts()]


# --- journeys ------------------------------------------------------------------------------------


def test_print_a_pathway_on_a4(page: Page, login, assert_accessible):
    login(page, PROFESSIONAL)
    open_pathway(page, DEMO_PATHWAY)
    on_screen = steps_by_phase(page)
    assert sum(map(len, on_screen.values())) >= 3, f"the demo pathway should have steps: {on_screen}"
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Afdrukken (A4)").click()
    assert re.search(rf"/zorgpaden/{UUID}/afdrukken$", page.url), page.url
    expect(page.locator("h1")).to_have_text(DEMO_PATHWAY)
    # A print layout: no site header or menu; one table per phase, one row per step, as on screen.
    expect(page.locator("header.site-header, nav.main-nav")).to_have_count(0)
    phases = page.locator("section.print-phase")
    expect(phases.locator("h2")).to_have_text(list(on_screen))
    for n, titles in enumerate(on_screen.values()):
        rows = phases.nth(n).locator("tbody tr")
        expect(rows).to_have_count(len(titles))
        for row, title in zip(rows.all(), titles, strict=True):
            expect(row).to_contain_text(title)
    back = page.get_by_role("link", name="Terug naar het zorgpad")
    expect(back).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(back).to_be_hidden()
    pages = pdf_page_count(page)
    assert 1 <= pages <= 2, f"the printed pathway takes {pages} A4 pages, expected 1 or 2"


def test_every_demo_pathway_prints_on_at_most_two_pages(page: Page, login):
    login(page, PROFESSIONAL)
    page.goto("/zorgpaden")
    links = page.locator("table a").all()
    targets = [(a.inner_text(), a.get_attribute("href")) for a in links if not a.inner_text().startswith(TEST_PREFIX)]
    assert targets, "no pathways listed"
    too_long = {}
    for title, href in targets:
        page.goto(f"{href}/afdrukken")
        pages = pdf_page_count(page)
        if not 1 <= pages <= 2:
            too_long[title] = pages
    assert not too_long, f"pathways that do not print on one or two A4 pages: {too_long}"


def test_coordinator_composes_a_pathway(page: Page, login, assert_accessible):
    title = f"{TEST_PREFIX} roken {uuid.uuid4().hex[:8]}"
    first, later = "Zwangerschap, 1e trimester", "Na de geboorte: 0 tot 1 jaar"
    login(page, COORDINATOR)
    page.goto("/zorgpaden")
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuw zorgpad").click()
    expect(page.locator("h1")).to_have_text("Nieuw zorgpad")
    assert_accessible(page)

    # Without a title the form comes back with the error, the choices kept.
    form = page.locator("form.form:has(#f-title)")
    form.get_by_label("Thema").select_option(label="Leefstijl en roken")
    form.get_by_label("Samenvatting").fill("Stoppen met roken, samen met de verloskundige.")
    response = submit(page, form, "Opslaan")
    assert response.status == 422, f"a pathway without a title: {response.status}"
    expect(page.locator(".error-summary a[href='#f-title']")).to_be_visible()
    expect(form.locator("#f-title")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("Samenvatting")).to_have_value("Stoppen met roken, samen met de verloskundige.")
    assert_accessible(page)

    form.get_by_label("Titel").fill(title)
    response = submit(page, form, "Opslaan")
    assert response.status == 200 and re.search(rf"/zorgpaden/{UUID}/bewerken$", page.url), page.url
    expect(page.locator(".notice")).to_have_text(
        "Het zorgpad is aangemaakt als concept. Voeg de stappen toe en publiceer het daarna."
    )
    expect(page.get_by_text("Dit zorgpad heeft nog geen stappen.")).to_be_visible()
    assert_accessible(page)

    # A step without a title is refused, with a link to the field.
    response = submit(page, step_editor(page), "Stap toevoegen")
    assert response.status == 422, f"a step without anything filled in: {response.status}"
    expect(page.locator(".error-summary a[href='#f-step-title']")).to_be_visible()
    assert_accessible(page)

    add_step(page, first, "Signaleren", "Vraag naar roken bij de intake")
    add_step(page, later, "Volgen en nazorg", "JGZ vraagt naar een rookvrije omgeving")
    add_step(page, first, "Verwijzen naar aanbod", "Verwijs naar de rookstoppoli")
    assert edit_page_steps(page, first) == ["Vraag naar roken bij de intake", "Verwijs naar de rookstoppoli"]
    expect(step_button(page, "Omhoog", "Vraag naar roken bij de intake")).to_have_count(0)
    assert_accessible(page)

    # Move the third step to the top of its phase, then delete the step in the later phase.
    with page.expect_navigation():
        step_button(page, "Omhoog", "Verwijs naar de rookstoppoli").click()
    assert edit_page_steps(page, first) == ["Verwijs naar de rookstoppoli", "Vraag naar roken bij de intake"]
    # A delete asks first (issue 15): the page names the step; without the box ticked nothing goes.
    with page.expect_navigation():
        step_button(page, "Verwijderen", "JGZ vraagt naar een rookvrije omgeving").click()
    expect(page.locator(".confirm-box")).to_contain_text("de stap ‘JGZ vraagt naar een rookvrije omgeving’")
    assert_accessible(page)
    response = submit(page, page.locator(".confirm-delete form"), "Verwijderen")
    assert response.status == 422, f"a delete without the box ticked: {response.status}"
    expect(page.locator("#e-bevestigd")).to_contain_text("Vink ‘Ja, verwijderen’ aan")
    assert_accessible(page)
    page.get_by_label("Ja, verwijderen").check()
    submit(page, page.locator(".confirm-delete form"), "Verwijderen")
    expect(page.locator(".notice")).to_have_text("De stap is verwijderd.")
    expect(page.get_by_role("heading", name=later, exact=True)).to_have_count(0)
    assert_accessible(page)

    # The read page shows the result, numbered in order.
    with page.expect_navigation():
        page.get_by_role("link", name="Bekijk het zorgpad").click()
    expect(page.locator("h1")).to_have_text(title)
    assert steps_by_phase(page) == {first: ["Verwijs naar de rookstoppoli", "Vraag naar roken bij de intake"]}
    expect(page.locator("li.step")).to_have_count(2)
    assert [page.locator("li.step").nth(i).get_attribute("value") for i in range(2)] == ["1", "2"]
    assert_accessible(page)

    # And it is listed, as a draft (issue 15).
    page.goto("/zorgpaden")
    row = page.locator("tbody tr").filter(has=page.get_by_role("link", name=title, exact=True))
    expect(row).to_contain_text("Kansrijke Start Zeist")
    expect(row).to_contain_text("Concept")
    expect(row.locator("td").nth(3)).to_have_text("2")


def test_every_error_of_empty_pathway_and_step_forms_is_linked_and_described(
    page: Page, login, assert_accessible, error_summary_problems
):
    login(page, COORDINATOR)
    page.goto("/zorgpaden/nieuw")
    response = submit(page, page.locator("form.form:has(#f-title)"), "Opslaan")
    assert response.status == 422
    assert_accessible(page)
    problems = [f"pathway form: {p}" for p in error_summary_problems(page)]

    # An empty step on the demo pathway: refused, so nothing changes.
    open_pathway(page, DEMO_PATHWAY)
    with page.expect_navigation():
        page.get_by_role("link", name="Zorgpad bewerken").click()
    response = submit(page, step_editor(page), "Stap toevoegen")
    assert response.status == 422
    assert_accessible(page)
    problems += [f"step form: {p}" for p in error_summary_problems(page)]
    assert not problems, "\n".join(problems)
