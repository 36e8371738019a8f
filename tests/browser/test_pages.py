"""Every page in a real browser: loads cleanly, passes axe (WCAG 2.1 A and AA) in both palettes,
and fits a phone's width."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import screenshot, site_paths

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()


@pytest.fixture(scope="module")
def all_paths(built_site):
    found = site_paths(built_site)
    assert len(found) >= 15, found
    return found


def _violations(page) -> list[str]:
    results = AXE.run(page, options=WCAG)
    out = []
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
        out.append(f"{violation['id']}: {violation['help']} @ {targets}")
    return out


def one_of_each_template(paths: list[str]) -> list[str]:
    """The pages, with the many pages made from one template (party pages, reports) down to the first of
    each: for the dark palette, whose colours do not depend on the data."""
    seen, chosen = set(), []
    for path in paths:
        parts = path.strip("/").split("/")
        template = parts[0] if len(parts) == 2 and parts[0] in ("osapuolet", "tunnistamisraportit") else path
        if template not in seen:
            seen.add(template)
            chosen.append(path)
    return chosen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_cleanly_and_passes_axe(open_page, all_paths, scheme):
    failures = {}
    page = open_page("", scheme=scheme)
    # The archived versions are plain documents of their own, without the theme's palettes.
    themed = [p for p in all_paths if not p.startswith("linjaukset/versiot/")]
    for path in all_paths if scheme == "light" else one_of_each_template(themed):
        open_page.visit(page, path)
        if scheme == "dark":
            # Material follows the reader's preference on first visit; make sure slate is on.
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", path
        problems = page.problems + _violations(page)
        if problems:
            failures[path or "/"] = problems
    assert not failures, "\n".join(f"{p}: {v}" for p, vs in failures.items() for v in vs)


# Table cells (and form controls) whose right edge is beyond the screen, even inside a scrolling box: on a
# phone no column may be off-screen.
OFF_SCREEN = """() => [...document.querySelectorAll(
        '.md-content td, .md-content th, .md-content select, .md-content input, .md-content button')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(el => el.tagName.toLowerCase() + ': ' + (el.textContent || el.id || '').trim().slice(0, 40))"""
WIDTHS = (320, 375, 1280)
SCREENSHOTS = (
    "",
    "linjaukset/sopijaosapuolet/",
    "linjaukset/koko-asiakirja/",
    "hinnoittelu/",
    "rahoitusmalli/",
    "vastuuhenkilot/",
    "vuosikello/",
    "tunnistamisraportit/",
    "tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/",
    "osapuolet/seudun-kierratyspaja/",
)


def test_every_page_fits_320_375_and_1280_px(open_page, all_paths):
    """Each page is loaded once and laid out at each width: no sideways scrolling, no cell off-screen."""
    overflowing = []
    page = open_page("", width=WIDTHS[0])
    for path in all_paths:
        open_page.visit(page, path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                overflowing.append(f"{path or '/'}: {scroll}px > {width}px")
            outside = page.evaluate(OFF_SCREEN)
            if outside:
                overflowing.append(f"{path or '/'}: off-screen at {width}px: {outside[:3]}")
            if path in SCREENSHOTS and width != 320:
                screenshot(page, (path.strip("/").replace("/", "-") or "etusivu") + f"-{width}")
    assert not overflowing, overflowing


def test_accessibility_statement_is_one_click_from_every_page(open_page, all_paths, built_site):
    # Every page carries the link (read from the built files); following it works (in the browser).
    for path in all_paths:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        footer = html.split('class="md-copyright"', 1)[1].split("</div>", 2)[0]
        assert "Saavutettavuusseloste" in footer and "saavutettavuusseloste/" in footer, path
    page = open_page("tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/", javascript=False)
    page.locator(".md-copyright a", has_text="Saavutettavuusseloste").click()
    assert page.url.endswith("/saavutettavuusseloste/"), page.url


def test_the_browser_lays_pages_out_with_dejavu_only(open_page):
    """Whatever fonts the machine has, the suite measures with the DejaVu fonts that .ci/run installs."""
    page = open_page("")
    widths = page.evaluate("""() => {
        const canvas = document.createElement("canvas").getContext("2d");
        const width = family => {
            canvas.font = "16px " + family;
            return canvas.measureText("Tunnistamisraportit W").width;
        };
        return [width("'DejaVu Sans'"), width("Arial, sans-serif"), width("'Liberation Sans', sans-serif"),
                width("Roboto, sans-serif"), width("Helvetica, sans-serif"), width("sans-serif")];
    }""")
    assert len(set(widths)) == 1, f"fonts other than DejaVu Sans are in use: {widths}"


def test_a_front_page_card_is_one_tap_anywhere_on_it(open_page):
    page = open_page("", width=375)
    card = page.locator(".front-cards li", has_text="Kenelle soitan?")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    # A tap on the card's text, away from its title link, opens the card's page.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 8)
    page.wait_for_url("**/vastuuhenkilot/")
    # A link inside a card's text still goes to its own page.
    page.go_back()
    page.locator(".front-cards li a", has_text="sopijaosapuolet").click()
    page.wait_for_url("**/linjaukset/sopijaosapuolet/")
