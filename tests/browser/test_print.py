"""The agreement prints as a document: no navigation, search or footer; signature blocks whole."""

from __future__ import annotations

from helpers import ARTIFACTS

HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    ".admonition.toimitus",
    ".print-actions",
    ".md-content__button",
]


def test_print_view_hides_chrome_and_keeps_signatures_whole(open_page):
    page = open_page("linjaukset/koko-asiakirja/")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    styles = page.evaluate("""[...document.querySelectorAll('.signature-block')]
        .map(e => getComputedStyle(e).breakInside + ' ' + getComputedStyle(e).display)""")
    # break-inside: avoid, and inline-block boxes, which print engines never split between sheets
    assert styles and set(styles) == {"avoid inline-block"}
    assert page.locator("h1").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(
        path=str(ARTIFACTS / "koko-asiakirja.pdf"),
        format="A4",
        margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"},
    )
    assert (ARTIFACTS / "koko-asiakirja.pdf").stat().st_size > 10_000


def test_print_button_calls_print(open_page):
    page = open_page("linjaukset/koko-asiakirja/")
    # (A bare function as the last expression would be called by Playwright itself.)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Tulosta tai tallenna PDF").click()
    assert page.evaluate("window.__printed") == 1
