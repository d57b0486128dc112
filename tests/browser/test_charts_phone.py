"""Charts that can be read, the monitor on the user's own municipality, tables as cards on a phone
(issue 15, "Charts, phone, words").

Sizes are measured in the real browser: an SVG's text is drawn at its computed font size times the
ratio of the drawn width to the viewBox width, so that product must be 12 px or more.
"""

from __future__ import annotations

from pathlib import Path
import re

from playwright.sync_api import Page, expect

# Screenshots of the changed pages, beside the ones the axe helper saves.
SHOTS = Path(__file__).resolve().parents[2] / ".build" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)

PHONE = {"width": 390, "height": 844}
POLICY = "policy@zeist.demo"          # Gemeente Zeist: the monitor should open on Zeist
PROFESSIONAL = "professional@zeist.demo"  # has outgoing referrals and clients with consents
ZEIST = "GM0355"

# Per chart: the smallest rendered text size in CSS px, and the value-axis labels of trend charts.
MEASURE = """
() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const drawn = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height).filter(h => h > 0);
  return {
    id: svg.getAttribute('aria-labelledby'),
    width: box.width,
    smallest: Math.min(...sizes),
    smallestDrawn: Math.min(...drawn),
    ticks: [...svg.querySelectorAll('text.tick-y')].map(t => t.textContent),
    legend: [...svg.querySelectorAll('text.legend')].map(t => t.textContent),
  };
})
"""


def open_own_dashboard(page: Page, login) -> None:
    login(page, POLICY)
    page.goto("/monitor")
    expect(page.locator("#f-gemeente")).to_have_value(ZEIST)
    page.locator(".monitor-own a").click()
    expect(page).to_have_url(re.compile(rf"/monitor/gemeente/{ZEIST}$"))
    expect(page.locator("h1")).to_have_text("Zeist")


def check_charts(page: Page) -> list[dict]:
    charts = page.evaluate(MEASURE)
    assert len(charts) >= 3, f"expected trend charts on the dashboard, found {len(charts)}"
    for c in charts:
        assert c["width"] > 0, c
        assert c["smallest"] >= 12, f"chart text below 12 px: {c}"
        assert c["smallestDrawn"] >= 10, f"a text's box is smaller than its font suggests: {c}"
        if c["ticks"]:
            assert len(set(c["ticks"])) == len(c["ticks"]), f"repeated tick labels: {c['ticks']}"
            assert all(re.fullmatch(r"\d+(,\d+)?%?", t) for t in c["ticks"]), c["ticks"]
    trends = [c for c in charts if c["ticks"]]
    # the dashboard's trends compare the area with the Netherlands and a peer group: a legend names each
    assert any(len(c["legend"]) >= 2 and "Zeist" in c["legend"] and "Nederland" in c["legend"] for c in trends), \
        [c["legend"] for c in trends]
    return charts


def test_dashboard_charts_are_readable_at_desktop_and_phone_width(page: Page, new_page, login, assert_accessible):
    open_own_dashboard(page, login)
    check_charts(page)
    # every series of a chart is drawn in its own colour and dash pattern
    styles = page.evaluate("""() => [...document.querySelectorAll('svg.trend-chart')].map(svg =>
        [...svg.querySelectorAll('line.legend-key')].map(l => getComputedStyle(l).stroke + '|' + getComputedStyle(l).strokeDasharray))""")
    for legend in styles:
        assert len(set(legend)) == len(legend), f"two series look the same: {legend}"
    page.locator("svg.trend-chart").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "dashboard-1280.png"), full_page=False)
    assert_accessible(page)

    phone = new_page(viewport=PHONE)
    open_own_dashboard(phone, login)
    charts = check_charts(phone)
    assert all(c["width"] <= PHONE["width"] for c in charts)
    widths = phone.evaluate("({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    assert widths["scroll"] <= widths["inner"], f"the dashboard scrolls sideways on a phone: {widths}"
    phone.locator("svg.trend-chart").first.scroll_into_view_if_needed()
    phone.screenshot(path=str(SHOTS / "dashboard-390.png"), full_page=False)
    assert_accessible(phone)


def test_the_map_opens_on_the_users_municipality(page: Page, new_page, login, assert_accessible):
    login(page, POLICY)
    page.goto("/monitor/kaart")
    outline = page.locator("svg.nl-map .own-outline")
    expect(outline).to_have_count(1)
    assert float(outline.evaluate("el => parseFloat(getComputedStyle(el).strokeWidth)")) >= 2.5
    expect(page.locator("svg.nl-map .own-label")).to_have_text("Zeist")
    expect(page.locator(".national-legend")).to_contain_text("Uw gemeente: Zeist")
    expect(page.locator("tr.own-row th")).to_contain_text("Zeist")
    label_px = page.evaluate("""() => { const svg = document.querySelector('svg.nl-map');
        const t = svg.querySelector('.own-label');
        return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }""")
    assert label_px >= 12, label_px
    page.locator("svg.nl-map").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "map-1280.png"), full_page=False)
    assert_accessible(page)

    # a visitor keeps the national map without a highlight
    visitor = new_page()
    visitor.goto("/monitor/kaart")
    expect(visitor.locator("svg.nl-map")).to_be_visible()
    expect(visitor.locator(".own-outline")).to_have_count(0)
    visitor.goto("/monitor")
    expect(visitor.locator(".monitor-own")).to_have_count(0)

    phone = new_page(viewport=PHONE)
    login(phone, POLICY)
    phone.goto("/monitor/kaart")
    phone.locator("svg.nl-map").scroll_into_view_if_needed()
    phone.screenshot(path=str(SHOTS / "map-390.png"), full_page=False)


def assert_status_on_screen(page: Page, table: str, status_label: str) -> None:
    """Every row's status cell is inside the 390 px screen, and the page does not scroll sideways."""
    rows = page.locator(f"{table} tbody tr")
    assert rows.count() > 0, f"no rows in {table} on {page.url}"
    widths = page.evaluate("({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    assert widths["inner"] == PHONE["width"], widths
    assert widths["scroll"] <= widths["inner"], f"{page.url} scrolls sideways on a phone: {widths}"
    cells = page.locator(f'{table} tbody td[data-label="{status_label}"]')
    assert cells.count() == rows.count()
    for i in range(cells.count()):
        cell = cells.nth(i)
        cell.scroll_into_view_if_needed()
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (page.url, box)
        assert cell.inner_text().strip(), "a status cell is empty"
    # the column's name is shown in the card, from data-label, without JavaScript
    before = cells.first.evaluate("el => getComputedStyle(el, '::before').content")
    assert status_label in before, before


def test_tables_become_cards_on_a_phone(new_page, login, assert_accessible):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    login(page, PROFESSIONAL)

    page.goto("/zorg/verwijzingen?lijst=uitgaand")
    assert_status_on_screen(page, "table.table-cards", "Status")
    page.screenshot(path=str(SHOTS / "worklist-390.png"), full_page=False)
    assert_accessible(page)

    page.goto("/zorg")
    assert_status_on_screen(page, "table.table-cards", "Fase")
    page.locator("table.table-cards").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "clients-390.png"), full_page=False)
    assert_accessible(page)

    # the first client with a consent on record: other tests add clients without one
    consents = "section[aria-labelledby=h-consents] table.table-cards"
    links = [a.get_attribute("href") for a in page.locator("table.table-cards tbody tr a").all()]
    for href in links:
        page.goto(href or "/zorg")
        if page.locator(f"{consents} tbody tr").count() > 0:
            break
    assert_status_on_screen(page, consents, "Status")
    page.locator(consents).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "client-consents-390.png"), full_page=False)
    assert_accessible(page)

    wide = new_page()
    login(wide, PROFESSIONAL)
    wide.goto("/zorg/verwijzingen?lijst=uitgaand")
    # on a wide screen it stays a table with its header row
    expect(wide.locator("table.table-cards thead")).to_be_visible()
    wide.screenshot(path=str(SHOTS / "worklist-1280.png"), full_page=False)
    wide.goto("/zorg")
    wide.screenshot(path=str(SHOTS / "clients-1280.png"), full_page=False)


def test_the_coalition_chooses_how_parents_are_addressed(page: Page, new_page, login, assert_accessible):
    """jij by default; the Zeist coordinator chooses u and the parents' page follows; set back after."""
    parent = new_page()
    parent.goto(f"/ouders?gemeente={ZEIST}")
    expect(parent.locator("h1")).to_have_text("Wat is er voor jou?")

    login(page, "coordinator@zeist.demo")
    page.goto("/coalities/zeist")
    with page.expect_navigation():
        page.get_by_role("link", name="Ouders aanspreken met u of jij").click()
    expect(page.get_by_label("jij (zoals: Wat is er voor jou?)")).to_be_checked()
    assert_accessible(page)
    try:
        page.get_by_label("u (zoals: Wat is er voor u?)").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Opslaan").click()
        expect(page.locator(".notice")).to_contain_text("aangesproken met u")
        parent.goto(f"/ouders?gemeente={ZEIST}")
        expect(parent.locator("h1")).to_have_text("Wat is er voor u?")
        expect(parent.get_by_label("Waar woont u?")).to_be_visible()
        parent.goto("/ouders?gemeente=GM0654")  # Borsele's coalition did not choose: jij
        expect(parent.locator("h1")).to_have_text("Wat is er voor jou?")
    finally:
        page.goto("/coalities/zeist/ouders-aanspreken")
        page.get_by_label("jij (zoals: Wat is er voor jou?)").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Opslaan").click()
    parent.goto(f"/ouders?gemeente={ZEIST}")
    expect(parent.locator("h1")).to_have_text("Wat is er voor jou?")
