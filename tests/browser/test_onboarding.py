"""Journey (issue #14): an admin invites a coordinator, the link (read from the admin's outbox, as
the demo server sends no mail) sets her name and password and signs her in; she invites a
professional; a forgotten password is reset through the mailed link and her old session is gone.
axe checks every new page."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

ADMIN = "admin@kansrijk.demo"
ORGANISATION = "Verloskundige Praktijk Zeist"  # demo data
INVITE_LINK = re.compile(r"/uitnodiging/[A-Za-z0-9_-]{43}")
RESET_LINK = re.compile(r"/wachtwoord-herstellen/[A-Za-z0-9_-]{43}")


def unique(prefix: str) -> str:
    return f"{prefix}-{int(time.time() * 1000)}@onboarding.example"


def invite(page: Page, email: str, role_label: str, assert_accessible=None) -> str:
    """Invites ``email`` through the form; returns the link the list shows once (no SMTP on the demo)."""
    page.goto("/beheer/uitnodigingen/nieuw")
    if assert_accessible:
        assert_accessible(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Rol").select_option(label=role_label)
    page.get_by_label("Organisatie").select_option(label=ORGANISATION)
    page.locator("#f-coalitions label.check", has_text="Zeist").first.locator("input").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".notice").first).to_contain_text(email)
    return page.locator("#invitation-link").input_value()


def link_from_outbox(admin: Page, email: str, pattern: re.Pattern[str]) -> str:
    """The newest mail to ``email`` on the admin's "Verzonden e-mail" page, and the link in its text."""
    admin.goto("/beheer/email")
    admin.locator("#outbox tbody tr", has_text=email).first.get_by_role("link").click()
    text = admin.locator("#mail-text").inner_text()
    found = pattern.search(text)
    assert found, f"no link in the mail to {email}: {text!r}"
    return found.group(0)


def choose_password(page: Page, password: str, name: str | None = None) -> None:
    if name is not None:
        page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(password)
    page.get_by_label("Nieuw wachtwoord nog een keer").fill(password)


def test_invitation_to_signed_in_coordinator_who_invites_and_resets(page: Page, new_page, login, assert_accessible):
    coordinator_email, professional_email = unique("coordinator"), unique("professional")
    password, new_password = "mijn eerste lange wachtwoord", "mijn tweede lange wachtwoord"

    # the admin invites a coordinator
    login(page, ADMIN)
    shown = invite(page, coordinator_email, "Coördinator", assert_accessible)
    expect(page.locator("table")).to_contain_text(coordinator_email)
    assert_accessible(page)
    link = link_from_outbox(page, coordinator_email, INVITE_LINK)
    # without SMTP the list showed the same link once, for handing over in person
    assert shown.endswith(link), f"the list showed {shown!r}, the mail holds {link!r}"

    # she opens the link, chooses her name and password, and lands signed in
    invitee = new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Welkom bij Kansrijk")
    assert_accessible(invitee)
    choose_password(invitee, "kort", name="Cato Coördinator")
    with invitee.expect_navigation():
        invitee.get_by_role("button", name="Account aanmaken").click()
    expect(invitee.locator(".error-summary")).to_contain_text("minstens 10 tekens")
    assert_accessible(invitee)
    choose_password(invitee, password, name="Cato Coördinator")
    with invitee.expect_navigation():
        invitee.get_by_role("button", name="Account aanmaken").click()
    expect(invitee.locator(".account .who")).to_contain_text("Cato Coördinator")
    expect(invitee.locator(".account").get_by_role("link", name="Mijn account")).to_be_visible()

    # the link works once
    other = new_page()
    response = other.goto(link)
    assert response is not None and response.status == 410
    expect(other.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet meer")
    assert_accessible(other)

    # she invites a professional into her coalition
    shown = invite(invitee, professional_email, "Professional")
    expect(invitee.locator("table")).to_contain_text(professional_email)
    assert shown.endswith(link_from_outbox(page, professional_email, INVITE_LINK))

    # her own account page lists this session
    invitee.goto("/account")
    expect(invitee.get_by_text("Dit apparaat")).to_be_visible()
    assert_accessible(invitee)

    # forgotten password: the same answer, a mailed link, and the old session is gone
    visitor = new_page()
    visitor.goto("/inloggen")
    visitor.get_by_role("link", name="Wachtwoord vergeten?").click()
    assert_accessible(visitor)
    visitor.get_by_label("E-mailadres").fill(coordinator_email)
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Stuur mij een link").click()
    expect(visitor.get_by_role("status")).to_contain_text("Als er een account is")
    assert_accessible(visitor)
    reset = None
    for _ in range(20):  # the mail is made just after the answer
        try:
            reset = link_from_outbox(page, coordinator_email, RESET_LINK)
            break
        except AssertionError:
            time.sleep(0.5)
    assert reset, "no reset mail in the outbox"
    visitor.goto(reset)
    assert_accessible(visitor)
    choose_password(visitor, new_password)
    with visitor.expect_navigation():
        visitor.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Uw wachtwoord is gewijzigd")
    assert_accessible(visitor)

    invitee.goto("/account")
    assert "/inloggen" in invitee.url, f"the old session still works: {invitee.url}"
    response = login(invitee, coordinator_email, new_password)
    assert response.status == 303
    expect(invitee.locator(".account .who")).to_contain_text("Cato Coördinator")
