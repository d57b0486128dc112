"""Journeys in a coalition's workspace: an admin creates a coalition; the Zeist coordinator adds
partners, an ambition with goals, meetings whose action points carry over, and an agreement
with its document.

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

from playwright.sync_api import Page, Response, expect

ADMIN = "admin@kansrijk.demo"
COORDINATOR = "coordinator@zeist.demo"
ZEIST = "/coalities/zeist"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# A tiny but well-formed PDF, and a Windows program renamed to .pdf.
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)
PROGRAM = b"MZ" + b"\x90" * 200


# --- helpers -------------------------------------------------------------------------------------


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def iso(days_from_today: int) -> str:
    return (date.today() + timedelta(days=days_from_today)).isoformat()


def submit(page: Page, form, button: str) -> Response:
    """Click a form's button; returns the response of the page it ends on."""
    with page.expect_navigation() as navigation:
        form.get_by_role("button", name=button, exact=True).click()
    response = navigation.value
    assert response is not None
    return response


def main_form(page: Page):
    return page.locator("main form.form").first


def expect_field_error(page: Page, field: str, message: str | re.Pattern[str]) -> None:
    """The field is marked invalid, described by its error, and linked from the summary."""
    control = page.locator(f"#f-{field}")
    expect(control).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#e-{field}.field-error")).to_have_text(message)
    assert f"e-{field}" in (control.get_attribute("aria-describedby") or "").split()
    expect(page.locator(f'.error-summary a[href="#f-{field}"]')).to_have_count(1)


def expect_notice(page: Page, text: str) -> None:
    expect(page.locator(".notice[role=status]")).to_have_text(text)


# --- journeys ------------------------------------------------------------------------------------


def test_admin_creates_a_coalition(page: Page, login, assert_accessible):
    name = unique("Kansrijke Start Proef")
    login(page, ADMIN)
    page.goto("/coalities")
    expect(page.locator("h1")).to_have_text("Coalities")
    expect(page.locator("table").get_by_role("link", name="Kansrijke Start Zeist")).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe coalitie").click()
    form = main_form(page)
    form.locator("#f-name").fill("")
    form.locator("#f-municipalities").fill("Atlantis")
    form.locator("#f-started_on").fill(iso(10))
    response = submit(page, form, "Opslaan")
    assert response.status == 422, response.status
    assert page.title().startswith("Fout: ")
    expect(page.locator(".error-summary")).to_have_attribute("role", "alert")
    expect_field_error(page, "name", "Vul dit veld in.")
    expect_field_error(page, "municipalities", "Onbekende gemeente: Atlantis")
    expect_field_error(page, "started_on", "Deze datum ligt in de toekomst.")
    assert_accessible(page)

    form = main_form(page)
    form.locator("#f-name").fill(name)
    form.locator("#f-municipalities").fill("Utrechtse Heuvelrug, Wijk bij Duurstede")
    form.locator("#f-started_on").fill("2022-09-13")
    form.locator("#f-content_lead").fill("Sanne Voorbeeld")
    form.locator("#f-policy_lead").fill("Mila Proef")
    response = submit(page, form, "Opslaan")
    assert response.status == 200 and re.search(r"/coalities/kansrijke-start-proef-[0-9a-f]{8}$", page.url), page.url
    expect_notice(page, "De coalitie is aangemaakt.")
    expect(page.locator("h1")).to_have_text(name)
    facts = page.locator(".ws-facts")
    expect(facts).to_contain_text("Regio (gemeenten)")
    expect(facts).to_contain_text("Utrechtse Heuvelrug, Wijk bij Duurstede")
    # derived from the municipalities' participation (ADR 0009)
    expect(facts).to_contain_text(re.compile(r"Tranche [123]|Geen of onbekend"))
    expect(facts).to_contain_text("13 september 2022")
    expect(page.get_by_text("Er is nog geen fase vastgelegd.")).to_be_visible()
    expect(page.locator(".ws-missing")).to_contain_text("Vaders: vaak een blinde vlek.")
    assert_accessible(page)


def test_coordinator_adds_partners(page: Page, login, assert_accessible):
    organisation = unique("Kraamzorg Proef")
    login(page, COORDINATOR)
    page.goto(f"{ZEIST}/partners")
    expect(page.locator("h1")).to_have_text("Partners")
    expect(page.locator("#h-kerncoalitie")).to_contain_text("Kerncoalitie")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Partner toevoegen").click()
    form = main_form(page)
    form.locator("#f-new_organisation").fill(organisation)
    form.locator("#f-new_kind").select_option("kraamzorg")
    form.locator("#f-domain").select_option("medisch")
    form.locator("#f-circle").select_option("binnenkring")
    form.locator("#f-contacts").fill("Anna Fictief, kraamverzorgende")
    form.locator("#f-wants").fill("Eerder weten welk gezin extra steun nodig heeft.")
    form.locator("#f-brings").fill("Elke dag thuis in de kraamweek.")
    form.locator("#f-joined_on").fill(iso(0))
    form.locator("#f-left_on").fill(iso(-1))
    response = submit(page, form, "Opslaan")
    assert response.status == 422, response.status
    expect_field_error(page, "left_on", "De datum van vertrek ligt vóór de datum van aansluiten. Controleer beide datums.")
    expect(main_form(page).locator("#f-new_organisation")).to_have_value(organisation)
    assert_accessible(page)

    form = main_form(page)
    form.locator("#f-left_on").fill("")
    response = submit(page, form, "Opslaan")
    assert response.status == 200 and page.url.endswith(f"{ZEIST}/partners"), page.url
    expect_notice(page, "De partner is toegevoegd.")
    inner = page.locator("section.ws-circle").filter(has=page.locator("#h-binnenkring"))
    expect(inner.locator("article.ws-partner").filter(has_text=organisation)).to_contain_text("Elke dag thuis in de kraamweek.")
    # with a kraamzorg partner, kraamzorg is no longer missing
    expect(page.locator(".ws-missing")).not_to_contain_text("Kraamzorg")

    # the same organisation a second time is refused, and nothing is added
    with page.expect_navigation():
        page.get_by_role("link", name="Partner toevoegen").click()
    form = main_form(page)
    form.locator("#f-new_organisation").fill(organisation.upper())
    form.locator("#f-new_kind").select_option("kraamzorg")
    form.locator("#f-domain").select_option("medisch")
    form.locator("#f-circle").select_option("buitenkring")
    response = submit(page, form, "Opslaan")
    assert response.status == 422, response.status
    expect_field_error(page, "new_organisation", re.compile(r"is al partner van deze coalitie"))
    page.goto(f"{ZEIST}/partners")
    expect(page.locator("article.ws-partner").filter(has_text=organisation)).to_have_count(1)


def test_coordinator_adds_an_ambition_with_goals(page: Page, login, assert_accessible):
    title = unique("Iedereen kent Nu Niet Zwanger")
    login(page, COORDINATOR)
    page.goto(f"{ZEIST}/ambities")
    expect(page.locator("h1")).to_have_text("Ambities en acties")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Nieuwe ambitie").click()
    form = main_form(page)
    form.locator("#f-phase").select_option("voor-de-zwangerschap")
    form.locator("#f-title").fill(title)
    form.locator("#f-indicators").fill("nnz_beschikbaar, big2")
    form.get_by_label("Nu Niet Zwanger (GGD regio Utrecht)").check()
    response = submit(page, form, "Opslaan")
    assert response.status == 200 and re.search(rf"{ZEIST}/ambities/{UUID}$", page.url), page.url
    expect(page.locator("h1")).to_have_text(title)

    for goal, measure in [("Elk wijkteam kent het aanbod", "Aantal getrainde wijkteams"), ("Vrouwen kiezen zelf", "Gesprekken per jaar")]:
        goal_form = page.locator("section.panel").filter(has=page.get_by_role("heading", name="Doel toevoegen")).locator("form")
        goal_form.locator("#f-goal_title").fill(goal)
        goal_form.locator("#f-goal_measure").fill(measure)
        submit(page, goal_form, "Doel toevoegen")
        expect_notice(page, "Het doel is toegevoegd.")
    expect(page.locator("ol.ws-goals > li")).to_have_count(2)

    activity = page.locator("section.panel").filter(has=page.get_by_role("heading", name="Actie toevoegen")).locator("form")
    activity.locator("#f-activity_title").fill("Training wijkteams")
    activity.locator("#f-goal").select_option(label="Elk wijkteam kent het aanbod")
    activity.locator("#f-owner").select_option(label="GGD regio Utrecht")
    activity.locator("#f-status").select_option("loopt")
    activity.locator("#f-starts_on").fill(iso(0))
    activity.locator("#f-ends_on").fill(iso(-7))
    response = submit(page, activity, "Actie toevoegen")
    assert response.status == 422, response.status
    expect_field_error(page, "ends_on", "De einddatum ligt vóór de begindatum. Controleer beide datums.")
    assert_accessible(page)
    activity = page.locator("section.panel").filter(has=page.get_by_role("heading", name="Actie toevoegen")).locator("form")
    activity.locator("#f-ends_on").fill(iso(60))
    submit(page, activity, "Actie toevoegen")
    expect_notice(page, "De actie is toegevoegd.")
    row = page.locator("table tr").filter(has_text="Training wijkteams")
    expect(row).to_contain_text("GGD regio Utrecht")
    expect(row).to_contain_text("Loopt")
    expect(page.get_by_text("0 van 1 acties afgerond")).to_be_visible()
    expect(page.locator(".tags")).to_contain_text("nnz_beschikbaar")
    assert_accessible(page)


def plan_meeting(page: Page, title: str, day: str) -> str:
    """Plan a workgroup meeting through the form; returns its path."""
    page.goto(f"{ZEIST}/overleggen/nieuw")
    form = main_form(page)
    form.locator("#f-kind").select_option("werkgroep")
    form.locator("#f-title").fill(title)
    form.locator("#f-date").fill(day)
    form.locator("#f-start_time").fill("10:00")
    form.locator("#f-end_time").fill("11:30")
    form.locator("#f-agenda").fill("Opening\nVoortgang\nRondvraag")
    form.get_by_label("Verloskundige Praktijk Zeist").check()
    submit(page, form, "Opslaan")
    expect_notice(page, "Het overleg is gepland.")
    match = re.search(rf"({ZEIST}/overleggen/{UUID})$", page.url)
    assert match, page.url
    return match.group(1)


def test_action_points_carry_over_to_the_next_meeting(page: Page, login, assert_accessible):
    point = unique("Infokaart schulden maken")
    login(page, COORDINATOR)
    first = plan_meeting(page, unique("Werkgroep vroegsignalering"), iso(-14))
    expect(page.locator(".tags")).to_contain_text("Verloskundige Praktijk Zeist")
    add = page.locator("section.panel").filter(has=page.get_by_role("heading", name="Actiepunt toevoegen")).locator("form")
    add.locator("#f-point_text").fill(point)
    add.locator("#f-point_owner").select_option(label="Centrum voor Jeugd en Gezin Zeist")
    add.locator("#f-point_due").fill(iso(-20))
    response = submit(page, add, "Actiepunt toevoegen")
    assert response.status == 422, response.status
    expect_field_error(page, "point_due", "De deadline ligt vóór het overleg zelf.")
    add = page.locator("section.panel").filter(has=page.get_by_role("heading", name="Actiepunt toevoegen")).locator("form")
    add.locator("#f-point_due").fill(iso(7))
    submit(page, add, "Actiepunt toevoegen")
    expect_notice(page, "Het actiepunt is toegevoegd.")
    expect(page.locator("li.ws-point").filter(has_text=point)).to_be_visible()

    second = plan_meeting(page, unique("Werkgroep vroegsignalering"), iso(14))
    carried = page.locator("h3:has-text('Meegenomen uit eerdere overleggen') + ul")
    item = carried.locator("li.ws-point").filter(has_text=point)
    expect(item).to_contain_text("Centrum voor Jeugd en Gezin Zeist")
    expect(item.get_by_role("link")).to_have_attribute("href", first)
    assert_accessible(page)

    # done: gone from what carries over, listed once as done since the previous meeting
    item.locator("input[type=date]").fill(iso(0))
    submit(page, item.locator("form"), "Afgerond")
    expect_notice(page, "Het actiepunt is afgerond.")
    assert page.url.endswith(second), page.url
    expect(page.locator("h3:has-text('Meegenomen uit eerdere overleggen') + *")).not_to_contain_text(point)
    done = page.locator("h3:has-text('Afgerond sinds het vorige overleg') + ul").locator("li.ws-point").filter(has_text=point)
    expect(done).to_contain_text("Afgerond op")
    expect(done.locator("form")).to_have_count(0)

    # the calendar feed is a real iCalendar file
    feed = page.request.get(f"{ZEIST}/agenda.ics")
    assert feed.status == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert feed.text().startswith("BEGIN:VCALENDAR\r\n")
    assert "\r\nBEGIN:VEVENT\r\n" in feed.text()


def test_coordinator_uploads_an_agreement(page: Page, login, assert_accessible, tmp_path):
    title = unique("Convenant geboortezorg Zeist")
    program = tmp_path / "convenant.pdf"
    program.write_bytes(PROGRAM)
    scan = tmp_path / "Convenant getekend.pdf"
    scan.write_bytes(PDF)

    login(page, COORDINATOR)
    page.goto(f"{ZEIST}/afspraken")
    expect(page.locator("table")).to_contain_text("Manifest Kansrijke Start Zeist")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Afspraak vastleggen").click()

    def fill(form) -> None:
        form.locator("#f-kind").select_option("convenant")
        form.locator("#f-title").fill(title)
        form.locator("#f-signed_on").fill("2024-06-04")
        form.locator("#f-signatories").fill("Wethouder Jeugd, gemeente Zeist\nBestuurder, Verloskundige Praktijk Zeist")
        form.get_by_label("Kwetsbare zwangeren zijn vroeg in beeld en in zorg").check()

    form = main_form(page)
    fill(form)
    form.locator("#f-document").set_input_files(str(program))
    response = submit(page, form, "Opslaan")
    assert response.status == 422, response.status
    expect_field_error(page, "document", re.compile(r"geen pdf, odt, docx, png of jpeg.*niet naar de naam"))
    expect(main_form(page).locator("#f-title")).to_have_value(title)
    assert_accessible(page)

    form = main_form(page)
    form.locator("#f-document").set_input_files(str(scan))
    response = submit(page, form, "Opslaan")
    assert response.status == 200 and re.search(rf"{ZEIST}/afspraken/{UUID}$", page.url), page.url
    expect_notice(page, "De afspraak is vastgelegd.")
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("#h-holds + ul")).to_contain_text("Kwetsbare zwangeren zijn vroeg in beeld en in zorg")
    document = page.locator("section").filter(has=page.locator("#h-document"))
    expect(document).to_contain_text("Convenant getekend.pdf")
    expect(document).to_contain_text("PDF")
    assert_accessible(page)

    with page.expect_download() as download_info:
        document.get_by_role("link", name=re.compile("Document downloaden")).click()
    download = download_info.value
    assert download.suggested_filename == "Convenant getekend.pdf"
    assert open(download.path(), "rb").read() == PDF
    href = document.get_by_role("link", name=re.compile("Document downloaden")).get_attribute("href")
    served = page.request.get(href)
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"].startswith('attachment; filename="Convenant getekend.pdf"')


def test_home_page_and_workspace_tabs_are_accessible(page: Page, login, assert_accessible):
    login(page, COORDINATOR)
    page.goto(ZEIST)
    expect(page.locator("h1")).to_have_text("Kansrijke Start Zeist")
    tabs = page.get_by_role("navigation", name="Onderdelen van de coalitie")
    expect(tabs.locator("a[aria-current=page]")).to_have_text("Overzicht")
    expect(page.locator(".ws-stepper li[aria-current=step]")).to_contain_text("Monitoring")
    expect(page.locator(".ws-missing")).to_contain_text("Huisarts")
    expect(page.get_by_role("link", name="Bekijk de hele dekking")).to_have_attribute("href", "/dekking?coalitie=zeist")
    assert_accessible(page)
    for tab in ["Fasen", "Verhalen", "Overleggen"]:
        with page.expect_navigation():
            tabs.get_by_role("link", name=tab, exact=True).click()
        expect(tabs.locator("a[aria-current=page]")).to_have_text(tab)
        assert_accessible(page)
