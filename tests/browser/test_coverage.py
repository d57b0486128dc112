"""Journey: a coordinator checks where the coalition's offering has gaps (/dekking)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

COORDINATOR = "coordinator@zeist.demo"
THEMES, PHASES = 15, 7
STATES = {"Geen aanbod", "Alleen wachtlijst", "Geen zorgpad", "Gedekt"}


def legend_counts(page: Page) -> dict[str, int]:
    counts = {}
    for item in page.locator("ul.legend li").all_inner_texts():
        label, _, number = item.rpartition(":")
        counts[label.strip()] = int(number)
    return counts


def test_coverage_matrix_of_zeist(page: Page, login, assert_accessible):
    login(page, COORDINATOR)
    response = page.goto("/dekking?coalitie=zeist")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_contain_text("Kansrijke Start Zeist")
    table = page.locator("table.coverage")
    expect(table.locator("caption")).to_contain_text("Zeist")

    # One row per theme, one column per phase (plus the row headers' column).
    phase_headers = table.locator("thead th[scope=col]")
    expect(phase_headers).to_have_count(PHASES + 1)
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(THEMES)
    expect(table.locator("tbody th[scope=row]")).to_have_count(THEMES)
    cells = table.locator("tbody td")
    expect(cells).to_have_count(THEMES * PHASES)
    for r in range(THEMES):
        expect(rows.nth(r).locator("td a")).to_have_count(PHASES)

    # Each cell states one of four states; the legend counts them all.
    states = [text.strip() for text in table.locator("tbody td .cell-label").all_inner_texts()]
    assert set(states) <= STATES, f"unexpected cell states: {set(states) - STATES}"
    counts = legend_counts(page)
    assert set(counts) == STATES, f"legend: {counts}"
    assert sum(counts.values()) == THEMES * PHASES, f"legend counts should sum to {THEMES * PHASES}: {counts}"
    for state, number in counts.items():
        assert states.count(state) == number, f"legend says {number} x {state}, the table has {states.count(state)}"
    assert_accessible(page)

    # A covered cell leads to the search, filtered on its municipality, phase and theme.
    cell = table.locator("tbody td").filter(has_text="Gedekt").first
    services = int(re.search(r"(\d+) aanbod", cell.inner_text()).group(1))
    with page.expect_navigation():
        cell.get_by_role("link").click()
    query = parse_qs(urlsplit(page.url).query)
    assert urlsplit(page.url).path == "/aanbod", page.url
    assert query.get("gemeente") == ["GM0355"] and query.get("fase") and query.get("thema"), page.url
    filters = page.locator("form.filters")
    for name in ("gemeente", "fase", "thema"):
        expect(filters.locator(f"select[name={name}]")).to_have_value(query[name][0])
    # The cell's "N aanbod" are the services in Zeist itself.
    expect(page.locator("article.result")).not_to_have_count(0)
    local = page.locator("article.result .locality").filter(has_text=re.compile(r"^In Zeist$"))
    expect(local).to_have_count(services)
    assert_accessible(page)
