"""Journey: a coordinator logs in, sees who is logged in, and logs out again."""

from __future__ import annotations

from playwright.sync_api import Page, expect

COORDINATOR = "coordinator@zeist.demo"
COORDINATOR_NAME = "Kim Coördinator"  # demo data


def logout_form(page: Page):
    return page.locator('form[action="/uitloggen"][method="post" i]')


def nav_link(page: Page, name: str):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=name, exact=True)


def test_coordinator_logs_in_sees_own_name_and_logs_out(page: Page, login, assert_accessible):
    page.goto("/")
    expect(page.locator(".account").get_by_role("link", name="Inloggen")).to_be_visible()
    expect(nav_link(page, "Zorgpaden")).to_have_count(0)

    page.goto("/inloggen")
    assert_accessible(page)
    response = login(page, COORDINATOR)
    assert response.status in (302, 303), f"a good login should redirect, got {response.status}"

    # Logged in: name, role and organisation in the header, the logout button, the professionals' menu.
    who = page.locator(".account .who")
    expect(who).to_contain_text(COORDINATOR_NAME)
    expect(who).to_contain_text("Coördinator")
    expect(who).to_contain_text("Zeist")
    logout = logout_form(page).get_by_role("button", name="Uitloggen")
    expect(logout).to_be_visible()
    expect(nav_link(page, "Zorgpaden")).to_be_visible()
    expect(nav_link(page, "Dekking")).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        logout.click()
    expect(logout_form(page)).to_have_count(0)
    expect(page.locator(".account .who")).to_have_count(0)
    expect(page.locator(".account").get_by_role("link", name="Inloggen")).to_be_visible()
    assert_accessible(page)

    # The session is really gone: a professionals' page now sends us to the login form.
    page.goto("/zorgpaden")
    assert "/inloggen" in page.url, f"/zorgpaden after logout ended at {page.url}"
    expect(page.locator("form:has(input[name=email])")).to_be_visible()
    assert_accessible(page)
