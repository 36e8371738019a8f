"""Keyboard use: the filters, the search and the palette toggle work without a mouse."""

from __future__ import annotations


def tab_to(page, predicate_js: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({predicate_js}); }})()"):
            return
    raise AssertionError(f"could not reach {predicate_js} with Tab")


def test_contact_filter_by_keyboard(open_page):
    page = open_page("vastuuhenkilot/")
    tab_to(page, "e.id === 'contact-filter'")
    page.keyboard.type("Harjula")
    assert "henkilöä" in page.locator("#contact-filter-count").inner_text()
    assert page.locator("[data-filter-item]:visible").count() < page.locator("[data-filter-item]").count()


def test_finder_select_by_keyboard(open_page):
    page = open_page("tunnistamisraportit/")
    tab_to(page, "e.id === 'finder-tutkinto'")
    page.keyboard.press("ArrowDown")  # first qualification in the list
    page.evaluate("document.activeElement.dispatchEvent(new Event('change'))")  # headless <select> keeps focus
    assert page.locator("section[data-filter-group]:visible").count() == 1


def test_search_by_keyboard(open_page):
    page = open_page("")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("salassapito")
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    assert "Salassapito" in page.locator(".md-search-result").inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/salassapito/**")


def test_palette_toggle_by_keyboard(open_page):
    page = open_page("", scheme="light")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    tab_to(page, "e.closest('.md-header__option') !== null && e.matches('label, input')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5000)
