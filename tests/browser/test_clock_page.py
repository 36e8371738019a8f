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


def test_without_javascript_the_wheel_and_table_are_there(open_page):
    page = open_page("vuosikello/", javascript=False, width=375)
    assert page.locator("svg[role=img]").first.is_visible()
    assert page.locator("table.clock__table").first.is_visible()
    assert page.locator(".is-current-month").count() == 0
