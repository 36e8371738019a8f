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
    page.get_by_role("button", name="Tulosta", exact=True).click()
    assert page.evaluate("window.__printed") == 1


def test_an_accession_document_prints_alone(open_page):
    import io

    from pypdf import PdfReader

    page = open_page("osapuolet/mantyniemen-tyopaja/")
    # The button marks the page while printing; here the mark is set as the button does, then printed.
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Tulosta liittymisasiakirja").click()
    assert page.evaluate("document.documentElement.getAttribute('data-printing')") is None  # unmarked after
    page.evaluate("() => document.documentElement.setAttribute('data-printing', 'accession')")
    page.emulate_media(media="print")
    pages = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Mäntyniemen nuorten työpaja (Y-tunnus 2987656-7) liittyy" in text
    assert "versio 1.0" in text and "Vastuuhenkilöt" not in text and "Esittely" not in text
