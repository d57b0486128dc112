"""Mail that is really sent (issue 14): the built server delivers through a real SMTP server
(aiosmtpd), plain and with STARTTLS + AUTH, and the admin follows it on "Verzonden e-mail".

The mail is triggered through the outbox page's own "Stuur een testbericht" button, which mails the
signed-in admin's address.
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

ADMIN = "admin@kansrijk.demo"


def send_test_mail(page: Page) -> None:
    page.goto("/beheer/email")
    page.get_by_role("button", name="Stuur een testbericht").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("testbericht")


def to_admin(message) -> bool:
    return message["To"] == ADMIN and "testbericht" in str(message["Subject"])


def outbox_row(page: Page, subject_part: str):
    return page.locator("#outbox tbody tr", has_text=subject_part).first


def test_plain_smtp_delivers_multipart_mail(smtp_server, page, login, assert_accessible):
    login(page, ADMIN)
    send_test_mail(page)
    message = smtp_server.wait_for(to_admin, timeout=30)
    delivery = smtp_server.delivery_of(message)

    # envelope and headers
    assert delivery.mail_from == "noreply@kansrijk.test"
    assert delivery.rcpt_tos == [ADMIN]
    assert not delivery.tls and delivery.login is None  # a loopback server without STARTTLS: plain is allowed
    assert message["From"].addresses[0].addr_spec == "noreply@kansrijk.test"
    assert message["From"].addresses[0].display_name == "Kansrijk"
    assert re.fullmatch(r"<[0-9a-f-]{36}@kansrijk\.test>", message["Message-ID"])
    assert message["Date"] is not None and message["Date"].datetime is not None
    # multipart/alternative with a text and an HTML part that say the same
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "testbericht" in parts["text/plain"]
    assert "testbericht" in parts["text/html"] and "<a href=" in parts["text/html"]
    assert "/beheer/email" in parts["text/plain"]
    # CRLF line endings on the wire, nothing else
    assert b"\n" not in delivery.raw.replace(b"\r\n", b"")
    assert len([m for m in smtp_server.messages if to_admin(m)]) == 1

    # the admin sees it as sent
    deadline = time.monotonic() + 15
    while True:
        page.goto("/beheer/email?staat=sent")
        if outbox_row(page, "testbericht").count():
            break
        assert time.monotonic() < deadline, "the outbox never showed the mail as sent"
        time.sleep(0.5)
    expect(outbox_row(page, "testbericht")).to_contain_text("Verzonden")
    assert_accessible(page)
    outbox_row(page, "testbericht").get_by_role("link").click()
    expect(page.locator("#mail-state")).to_have_text("Verzonden")
    expect(page.locator("#mail-text")).to_contain_text("testbericht")
    assert_accessible(page)


def test_starttls_with_auth(start_smtp, start_mail_app, new_page, login):
    smtp = start_smtp(tls=True, auth=True)
    app = start_mail_app(smtp)
    page = new_page(app.url)
    login(page, ADMIN)
    send_test_mail(page)
    message = smtp.wait_for(to_admin, timeout=30)
    delivery = smtp.delivery_of(message)
    assert delivery.tls, "the mail was not sent over STARTTLS"
    assert delivery.login == "kansrijk", "the client did not authenticate"
    assert smtp.logins and smtp.logins[0] in {"PLAIN", "LOGIN"}
    assert message.get_content_type() == "multipart/alternative"
    # the password is never written to the log
    assert "geheim" not in app.log()


def test_implicit_tls_with_auth_login(start_smtp, start_mail_app, new_page, login):
    """smtps:// (TLS from the first byte) to a server that only offers AUTH LOGIN."""
    smtp = start_smtp(implicit_tls=True, auth=True, mechanisms=("LOGIN",))
    app = start_mail_app(smtp)
    page = new_page(app.url)
    login(page, ADMIN)
    send_test_mail(page)
    message = smtp.wait_for(to_admin, timeout=30)
    delivery = smtp.delivery_of(message)
    assert delivery.tls and delivery.login == "kansrijk"
    assert smtp.logins == ["LOGIN"] * len(smtp.logins) and smtp.logins


def test_stopped_smtp_server_delays_the_mail_until_it_is_back(start_smtp, start_mail_app, new_page, login):
    smtp = start_smtp()
    app = start_mail_app(smtp)
    smtp.stop()
    page = new_page(app.url)
    login(page, ADMIN)
    send_test_mail(page)

    # a failed try: still queued, with the reason and a next try
    deadline = time.monotonic() + 30
    while True:
        page.goto("/beheer/email?staat=queued")
        row = outbox_row(page, "testbericht")
        if row.count() and "verbinding geweigerd" in row.inner_text():
            break
        assert time.monotonic() < deadline, f"no failed try shown; log:\n{app.log()}"
        time.sleep(0.5)
    cells = row.locator("td")
    expect(cells.nth(4)).to_have_text("In de wachtrij")
    assert int(cells.nth(5).inner_text()) >= 1
    assert re.search(r"\d+-\d+-\d{4} \d\d:\d\d:\d\d", cells.nth(6).inner_text()), "no next try shown"
    assert not any(to_admin(m) for m in smtp.messages)

    # the server is back: the mail goes out on a later try, once
    smtp.start()
    message = smtp.wait_for(to_admin, timeout=60)
    assert message["Subject"] == "Kansrijk: testbericht"
    deadline = time.monotonic() + 15
    while True:
        page.goto("/beheer/email?staat=sent")
        if outbox_row(page, "testbericht").count():
            break
        assert time.monotonic() < deadline, "the outbox never showed the mail as sent"
        time.sleep(0.5)
    assert int(outbox_row(page, "testbericht").locator("td").nth(5).inner_text()) >= 2
    time.sleep(3)
    assert len([m for m in smtp.messages if to_admin(m)]) == 1, "the mail was sent more than once"


def test_a_refused_mail_fails_at_once_and_the_admin_sends_it_again(start_smtp, start_mail_app, new_page, login,
                                                                     assert_accessible):
    smtp = start_smtp()
    smtp.reject.add(ADMIN)
    app = start_mail_app(smtp)
    page = new_page(app.url)
    login(page, ADMIN)
    send_test_mail(page)

    # a 5xx answer: failed after one try, with the server's reason
    deadline = time.monotonic() + 30
    while True:
        page.goto("/beheer/email?staat=failed")
        row = outbox_row(page, "testbericht")
        if row.count():
            break
        assert time.monotonic() < deadline, f"the mail never failed; log:\n{app.log()}"
        time.sleep(0.5)
    expect(row).to_contain_text("550 5.1.1 mailbox unavailable")
    assert row.locator("td").nth(5).inner_text() == "1"
    row.get_by_role("link").click()
    expect(page.locator("#mail-state")).to_have_text("Mislukt")
    assert_accessible(page)

    # the mailbox exists again: "Opnieuw versturen" (a form with the CSRF token) sends it
    smtp.reject.clear()
    page.get_by_role("button", name="Opnieuw versturen").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("weer in de wachtrij")
    message = smtp.wait_for(to_admin, timeout=30)
    assert message["Subject"] == "Kansrijk: testbericht"
    assert "sent mail" in app.log() and ADMIN in app.log()  # who resent what is in the app log


def test_without_smtp_mail_is_kept_and_readable(start_mail_app, new_page, login, assert_accessible):
    app = start_mail_app(None)
    page = new_page(app.url)
    login(page, ADMIN)
    page.goto("/beheer/email")
    expect(page.locator("#mail-not-sent")).to_contain_text("niet verstuurd")
    send_test_mail(page)
    time.sleep(6)  # longer than the sender's poll: without SMTP nothing may pick the mail up
    page.goto("/beheer/email")
    row = outbox_row(page, "testbericht")
    expect(row).to_contain_text("In de wachtrij")
    row.get_by_role("link").click()
    # the text body, with its link, is readable in the browser
    expect(page.locator("#mail-text")).to_contain_text(app.url + "/beheer/email")
    assert_accessible(page)


def test_coordinator_may_not_read_the_outbox(mail_app, page, login):
    login(page, "coordinator@zeist.demo")
    response = page.goto("/beheer/email")
    assert response is not None and response.status == 403
