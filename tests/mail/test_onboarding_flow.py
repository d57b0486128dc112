"""The onboarding journeys of issue 14 end to end, with mail through a real SMTP server:

* an admin invites a coordinator, the mail arrives, its link sets a password and signs her in;
  she then invites a professional of her own coalition, who arrives the same way;
* a forgotten password is reset through the mailed link, and the session that was open is gone;
* a referral to an organisation that receives referrals mails its professionals, without client data.

Everything these tests create has a unique name, so they can run again against the same server.
"""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

ADMIN = "admin@kansrijk.demo"
MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"
# this account's password is changed by the reset test; no other mail test signs in with it
RESET_ACCOUNT = "policy@zeist.demo"
NEW_PASSWORD = "Nieuw-wachtwoord-2026"


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:6]}"


def click(page: Page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def addressed_to(address: str):
    return lambda m: address in (m["To"] or "")


def text_of(message) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, "the mail has no text/plain part"
    return part.get_content()


def link_in(message, path: str) -> str:
    found = re.search(r"https?://\S+" + re.escape(path) + r"[A-Za-z0-9_\-]+", text_of(message))
    assert found, f"no {path} link in the mail:\n{text_of(message)}"
    return found.group(0)


def invite(page: Page, address: str, role_label: str, coalition: str) -> None:
    page.goto("/beheer/uitnodigingen/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-email").fill(address)
    form.locator("#f-role").select_option(label=role_label)
    organisation = form.locator("#f-organisation option", has_text="Zeist").first.get_attribute("value")
    form.locator("#f-organisation").select_option(organisation)
    form.get_by_label(coalition).check()
    click(page, form.locator("button[type=submit]"))
    expect(page.locator("main")).to_contain_text(address)


def accept(page: Page, link: str, name: str, password: str) -> None:
    page.goto(link)
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-password").fill(password)
    form.locator("#f-password2").fill(password)
    click(page, form.locator("button[type=submit]"))


def test_admin_invites_a_coordinator_who_invites_a_professional(new_page, mail_app, smtp_server, login, assert_accessible):
    coordinator = unique("trekker-") + "@zeist.test"
    professional = unique("verloskundige-") + "@zeist.test"

    admin = new_page(mail_app)
    login(admin, ADMIN)
    invite(admin, coordinator, "Coördinator", "Zeist")
    assert_accessible(admin)

    mail = smtp_server.wait_for(addressed_to(coordinator))
    assert mail.get_body(preferencelist=("html",)) is not None, "the invitation has no HTML part"
    link = link_in(mail, "/uitnodiging/")
    assert link.startswith(mail_app), "the link uses KANSRIJK_BASE_URL"

    # she chooses her own name and password and lands signed in
    her = new_page(mail_app)
    her.goto(link)
    assert_accessible(her)
    accept(her, link, "Tess Trekker", "Trekker-wachtwoord-1")
    assert "/inloggen" not in her.url
    expect(her.locator("header")).to_contain_text("Tess Trekker")

    # the link is single use
    other = new_page(mail_app)
    response = other.goto(link)
    assert response is not None and response.status in (404, 410)

    # she invites a professional into her own coalition, who arrives the same way
    invite(her, professional, "Professional", "Zeist")
    mail = smtp_server.wait_for(addressed_to(professional))
    newcomer = new_page(mail_app)
    accept(newcomer, link_in(mail, "/uitnodiging/"), "Vera Verloskundige", "Verloskundige-ww-1")
    assert "/inloggen" not in newcomer.url
    expect(newcomer.locator("header")).to_contain_text("Vera Verloskundige")


def test_forgotten_password_is_reset_through_the_mail_and_the_old_session_ends(new_page, mail_app, smtp_server, login,
                                                                                  assert_accessible):
    before = new_page(mail_app)
    login(before, RESET_ACCOUNT)
    before.goto("/account")
    expect(before.locator("h1")).to_be_visible()
    assert "/inloggen" not in before.url

    asking = new_page(mail_app)
    asking.goto("/inloggen")
    click(asking, asking.get_by_role("link", name="Wachtwoord vergeten?"))
    assert_accessible(asking)
    asking.locator("#f-email").fill(RESET_ACCOUNT)
    click(asking, asking.locator("main form.form button[type=submit]"))
    answer = asking.locator("main").inner_text()

    # an unknown address gets the very same answer
    unknown = new_page(mail_app)
    unknown.goto("/wachtwoord-vergeten")
    unknown.locator("#f-email").fill(unique("niemand-") + "@zeist.test")
    click(unknown, unknown.locator("main form.form button[type=submit]"))
    assert unknown.locator("main").inner_text() == answer

    mail = smtp_server.wait_for(addressed_to(RESET_ACCOUNT))
    link = link_in(mail, "/wachtwoord-herstellen/")
    asking.goto(link)
    form = asking.locator("main form.form")
    form.locator("#f-password").fill(NEW_PASSWORD)
    form.locator("#f-password2").fill(NEW_PASSWORD)
    click(asking, form.locator("button[type=submit]"))
    assert_accessible(asking)

    # the session that was open before the reset is gone
    before.goto("/account")
    assert "/inloggen" in before.url

    # the new password works, the old one no longer does
    fresh = new_page(mail_app)
    login(fresh, RESET_ACCOUNT)
    assert "/inloggen" in fresh.url, "the old password still signs in"
    login(fresh, RESET_ACCOUNT, NEW_PASSWORD)
    assert "/inloggen" not in fresh.url


def test_a_referral_mails_the_receiving_professionals_without_client_data(new_page, mail_app, smtp_server, login):
    name = unique("R.M. ")
    page = new_page(mail_app)
    login(page, MIDWIFE)
    page.goto("/zorg/clienten/nieuw")
    form = page.locator("main form.form")
    form.locator("#f-name").fill(name)
    form.locator("#f-birth_date").fill("1996-05-02")
    form.locator("#f-municipality").select_option("GM0355")
    click(page, form.locator("button[type=submit]"))
    client_url = page.url
    page.goto(client_url + "/toestemming")
    form = page.locator("main form.form")
    form.get_by_label("Verwijzen").check()
    form.get_by_label("Jeugdgezondheidszorg Zeist").check()
    click(page, form.get_by_role("button", name="Toestemming opslaan"))
    code = page.locator("main").inner_text()
    page.goto(client_url + "/verwijzen")
    form = page.locator("main form.form")
    form.locator("#f-service").select_option(label="Stevig Ouderschap (Jeugdgezondheidszorg Zeist)")
    form.locator("#f-reason").fill("Weinig steun in de buurt")
    form.locator("#f-agreed").fill("Zij wordt deze week gebeld")
    click(page, form.get_by_role("button", name="Verwijzing versturen"))
    expect(page.locator("h2").filter(has_text="Status")).to_contain_text("Aangevraagd")

    mail = smtp_server.wait_for(lambda m: JGZ in (m["To"] or "") and "/zorg/verwijzingen/" in text_of(m))
    whole = text_of(mail) + (mail.get_body(preferencelist=("html",)).get_content() or "") + str(mail["Subject"])
    assert name not in whole and name.split()[-1] not in whole, "the mail names the client"
    assert "Weinig steun" not in whole, "the mail carries the referral's free text"
    codes = set(re.findall(r"\bKS-[2-9A-Z]{5}\b", code))
    assert codes, "the client page shows her code"
    assert not any(c in whole for c in codes), "the mail carries the client code"
