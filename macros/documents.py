"""`python -m macros.documents SITE_DIR`: the agreement's documents beside a built site.

For every version of the agreement that the repository's history holds, its full text as a page of its own
(linjaukset/versiot/<numero>/index.html) and as a PDF for signing (linjaukset-<numero>.pdf beside it); the
current version's PDF also as linjaukset/linjaukset.pdf, printed from the print version of the site
(linjaukset/koko-asiakirja/). `make build` and the publishing workflow run this after the site is built.

The PDFs are printed by Chromium (through Playwright, already used by the browser tests): A4, the region,
title, version and date in the header, "sivu N / M" in the footer, tagged (its structure for assistive
technology), with bookmarks from the headings, the title and the language (fi) set.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

from .data import versions
from .data.finnish import fi_date
from .data.loader import load_site
from .data.problems import errors
from .render import versions as version_pages

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CURRENT_PDF = "linjaukset/linjaukset.pdf"
PRINT_PAGE = "linjaukset/koko-asiakirja/"

HEADER = """<div style="font-family: 'DejaVu Sans', sans-serif; font-size: 7.5px; color: #444; width: 100%;
  margin: 0 14mm; display: flex; justify-content: space-between;"><span>{title}</span>
  <span>Versio {version} · {date}</span></div>"""
FOOTER = """<div style="font-family: 'DejaVu Sans', sans-serif; font-size: 7.5px; color: #444; width: 100%;
  text-align: center;">sivu <span class="pageNumber"></span> / <span class="totalPages"></span></div>"""


def archive_pages(root: Path, site_dir: Path) -> list[tuple[str, Path]]:
    """Write each version's page; (version number, page folder) for those written, oldest first."""
    site, problems = load_site(root)
    if errors(problems):
        raise SystemExit("The data has errors: run `make check`.")
    history = versions.history(root, site.versions)
    region = site.region.model_dump()
    site_name = f"{site.region.nimi_genetiivi} yhteistyön linjaukset"
    written = []
    for version in site.versions:
        is_current = version is site.versions[-1]
        # The current version is the files as they are (the check holds them equal to its commit).
        content = versions.working_tree_content(root) if is_current else None
        if content is None and history is not None:
            content = history.contents.get(version.numero)
        if content is None:
            continue
        folder = site_dir / version_pages.ARCHIVE.format(version.numero)
        folder.mkdir(parents=True, exist_ok=True)
        page = version_pages.render_archive(version, content, region, is_current, site_name)
        (folder / "index.html").write_text(page, encoding="utf-8")
        written.append((version.numero, folder))
    (site_dir / "stylesheets").mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "docs/stylesheets/archive.css", site_dir / "stylesheets/archive.css")
    return written


def chromium_path() -> str | None:
    """CHROMIUM_PATH, or a system Chromium or Chrome."""
    candidates = (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_PATHS, shutil.which("chromium"))
    return next((c for c in candidates if c and Path(c).exists()), None)


def print_pdfs(site_dir: Path, jobs: list[tuple[str, Path]], title: str, version_dates: dict[str, str]) -> None:
    """Print each (page under the site, PDF path) through a local server, so that relative links work."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            for (number, source), target in jobs:
                page.goto(base + source, wait_until="networkidle")
                # The PDF's title (its document properties) is the agreement's, with the version.
                page.evaluate("title => { document.title = title; }", f"{title}, versio {number}")
                page.emulate_media(media="print")
                headings = page.eval_on_selector_all("h1, h2, h3, h4", HEADING_TEXTS)
                target.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(
                    path=str(target),
                    format="A4",
                    margin={"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                    display_header_footer=True,
                    header_template=HEADER.format(title=title, version=number, date=version_dates[number]),
                    footer_template=FOOTER,
                    print_background=False,
                    tagged=True,
                    outline=True,
                )
                mend_bookmarks(target, headings)
            browser.close()
    finally:
        server.shutdown()


# Each heading's text without the permalink sign that the theme adds to it.
HEADING_TEXTS = """els => els.map(e => {
  const copy = e.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach(link => link.remove());
  return copy.textContent.trim();
})"""


def mend_bookmarks(pdf: Path, headings: list[str]) -> None:
    """Chromium's bookmarks lose the space where a heading wraps ("ammatillisenkoulutuksen"): each bookmark
    gets its heading's own text back (matched with the spaces left out)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    by_letters = {"".join(h.split()): " ".join(h.split()) for h in headings}
    writer = PdfWriter(clone_from=PdfReader(pdf))
    mended = 0
    stack = [writer.root_object.get("/Outlines")]
    while stack:
        node = stack.pop()
        node = node.get_object() if node is not None else None
        if node is None:
            continue
        title = node.get("/Title")
        if title is not None:
            text = by_letters.get("".join(str(title).split()))
            if text and text != str(title):
                node[NameObject("/Title")] = TextStringObject(text)
                mended += 1
        stack += [node.get("/First"), node.get("/Next")]
    if mended:
        writer.write(pdf)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pdfs = "--no-pdf" not in argv
    argv = [a for a in argv if a != "--no-pdf"]
    if len(argv) != 1:
        print("usage: python -m macros.documents SITE_DIR [--no-pdf]", file=sys.stderr)
        return 2
    root, site_dir = Path.cwd(), Path(argv[0])
    if not (site_dir / PRINT_PAGE / "index.html").exists():
        print(f"{site_dir} is not a built site (no {PRINT_PAGE}): build it first", file=sys.stderr)
        return 2
    written = archive_pages(root, site_dir)
    if not pdfs:
        print(f"Wrote {len(written)} version page(s) into {site_dir}")
        return 0
    site, _problems = load_site(root)
    current = site.versions[-1].numero
    title = f"{site.region.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen järjestäjien yhteistyön linjaukset"
    dates = {v.numero: fi_date(v.paiva) for v in site.versions}
    jobs = [((current, PRINT_PAGE), site_dir / CURRENT_PDF)]
    jobs += [
        ((number, folder.relative_to(site_dir).as_posix() + "/"), folder / version_pages.PDF.format(number))
        for number, folder in written
        if number != current
    ]
    if chromium_path() is None:
        print("Chromium not found: install it (apt-get install chromium) to print the PDFs", file=sys.stderr)
        return 1
    print_pdfs(site_dir, jobs, title, dates)
    # The current version's PDF is the same document under its version's address too.
    current_folder = site_dir / version_pages.ARCHIVE.format(current)
    if current_folder.exists():
        shutil.copy2(site_dir / CURRENT_PDF, current_folder / version_pages.PDF.format(current))
    print(f"Wrote {len(written)} version page(s) and {len(jobs)} PDF(s) into {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
