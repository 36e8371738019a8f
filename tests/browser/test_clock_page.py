"""The annual clock page in a real browser: the wheel, the text, and the current month highlighted."""

from __future__ import annotations


def test_current_month_is_highlighted_and_survives_instant_navigation(open_page):
    page = open_page("")
    page.locator(".md-nav a", has_text="Vuosikello").first.click()
    page.wait_for_url("**/vuosikello/")
    clocks = page.locator("[data-clock]").count()
    assert clocks >= 2
    marked = page.locator("path.is-current-month")
    assert marked.count() == clocks
    month = str(page.evaluate("new Date().getMonth() + 1"))  # the reader's month, whenever the test runs
    assert set(page.eval_on_selector_all("path.is-current-month", "els => els.map(e => e.dataset.month)")) == {month}
    assert page.locator("svg[role=img] title").first.text_content().startswith("Vuosikello")
    assert not page.problems


def test_without_javascript_the_wheel_list_and_table_are_there(open_page):
    page = open_page("vuosikello/", javascript=False, width=375)
    assert page.locator("svg[role=img]").first.is_visible()
    assert page.locator("ol.clock__list").first.is_visible()
    # Every year is shown (no switch without JavaScript), the month table behind its summary.
    assert page.locator("[data-year-panel]:visible").count() >= 2
    assert not page.locator("[data-year-buttons]").first.is_visible()
    page.locator("summary", has_text="Näytä kuukausittain taulukkona").first.click()
    assert page.locator("table.clock__table").first.is_visible()
    assert page.locator(".is-current-month").count() == 0


def test_one_year_at_a_time(open_page):
    page = open_page("vuosikello/", width=375)
    switch = page.locator("[data-year-switch]").first
    panels = switch.locator("[data-year-panel]")
    assert panels.count() >= 2 and switch.locator("[data-year-panel]:visible").count() == 1
    first_visible = switch.locator("[data-year-panel]:visible").get_attribute("data-year-panel")
    other = next(y for y in switch.locator("[data-year]").all_inner_texts() if y != first_visible)
    switch.get_by_role("button", name=other).click()
    assert switch.locator("[data-year-panel]:visible").get_attribute("data-year-panel") == other
    assert switch.get_by_role("button", name=other).get_attribute("aria-pressed") == "true"
    # The numbers stay the same from year to year: the same activity has the same number in both lists.
    numbers = page.evaluate("""() => {
        const seen = {};
        for (const li of document.querySelectorAll('[data-year-panel] ol.clock__list li')) {
            const title = li.querySelector('strong').textContent;
            (seen[title] = seen[title] || new Set()).add(li.getAttribute('value'));
        }
        return Object.values(seen).map(s => s.size);
    }""")
    assert numbers and set(numbers) == {1}
    assert not page.problems


def test_wheel_labels_are_at_least_12_px_on_a_phone(open_page):
    page = open_page("vuosikello/", width=375)
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg[role=img]')]
        .filter(svg => svg.getClientRects().length)
        .flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })""")
    assert sizes and min(sizes) >= 12, min(sizes)
