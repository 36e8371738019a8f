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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_cleanly_and_passes_axe(open_page, all_paths, scheme):
    failures = {}
    page = open_page("", scheme=scheme)
    for path in all_paths:
        open_page.visit(page, path)
        if scheme == "dark":
            # Material follows the reader's preference on first visit; make sure slate is on.
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", path
        problems = page.problems + _violations(page)
        if problems:
            failures[path or "/"] = problems
    assert not failures, "\n".join(f"{p}: {v}" for p, vs in failures.items() for v in vs)


@pytest.mark.parametrize("width", [375, 1280])
def test_no_horizontal_overflow_and_screenshots(open_page, all_paths, width):
    overflowing = []
    page = open_page("", width=width)
    for path in all_paths:
        open_page.visit(page, path)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            overflowing.append(f"{path or '/'}: {scroll}px > {width}px")
        name = (path.strip("/").replace("/", "-") or "etusivu") + f"-{width}"
        if path in (
            "",
            "linjaukset/sopijaosapuolet/",
            "linjaukset/koko-asiakirja/",
            "hinnoittelu/",
            "rahoitusmalli/",
            "vastuuhenkilot/",
            "vuosikello/",
            "tunnistamisraportit/",
        ):
            screenshot(page, name)
    assert not overflowing, overflowing


def test_accessibility_statement_is_one_click_from_every_page(open_page, all_paths):
    page = open_page("", javascript=False)
    for path in all_paths:
        open_page.visit(page, path)
        link = page.locator(".md-copyright a", has_text="Saavutettavuusseloste")
        assert link.count() == 1, path
        link.click()
        assert page.url.endswith("/saavutettavuusseloste/"), (path, page.url)


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
