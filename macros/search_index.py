"""The site search index: Pagefind over the built HTML, written into SITE_DIR/pagefind/.

`python -m macros.search_index SITE_DIR` runs after the build (`make build`, and in CI), because Pagefind
reads the finished pages, whichever host made them. It is a step of its own, not a build hook: indexing
takes seconds, and the preview (`make serve`) and the tests' many builds do not need it (the preview's
search box says in Finnish that the index is missing). Only what a page marks with data-pagefind-body
(overrides/main.html: the page content, not pages with `search: exclude: true`) is indexed, less the
selectors below. The binary comes from the pagefind[extended] wheel and runs as `python -m pagefind`, the
same on Linux, macOS and Windows with nothing else installed.

Pagefind's Python API (pagefind.index.PagefindIndex) is not used: it stops its indexing service as soon as
the service answers "files written", and under load that has cut the last files short (a 0-byte
pagefind.js). The command line finishes its writes before it exits.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"
LANGUAGE = "fi"  # the whole site is Finnish: one index, Finnish stemming (also for pages without lang)
TIMEOUT_S = 600
# Parts of the content that are not text to find: heading permalinks (¶), the edit and print buttons, the
# filter forms (their labels and options would match every search for "hae" or a qualification name).
EXCLUDE = (".headerlink", ".md-content__button", ".print-actions", "[data-filter-form]")
# Pagefind's ready-made interfaces: the site uses its JavaScript API only (javascripts/haku.js).
UNUSED = tuple(f"pagefind-{ui}.{ext}" for ui in ("ui", "modular-ui", "component-ui") for ext in ("js", "css"))


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> int:
    """Index the built site; returns the number of pages indexed. Raises SearchIndexError (Finnish message)."""
    site_dir = Path(site_dir).resolve()
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # no stale, hash-named files from an earlier run
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", OUTPUT,
        "--force-language", LANGUAGE,
        "--exclude-selectors", ", ".join(EXCLUDE),
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise SearchIndexError(
            f"Hakuhakemistoa ei voitu rakentaa: Pagefind ei valmistunut {TIMEOUT_S} s:ssa."
        ) from None
    output = done.stdout + done.stderr
    if done.returncode != 0:
        if "No module named pagefind" in output or "Could not find" in output:
            raise SearchIndexError(
                "Hakuhakemistoa ei voitu rakentaa: Pagefind puuttuu (pip install -r requirements.txt)."
            )
        raise SearchIndexError(f"Hakuhakemistoa ei voitu rakentaa:\n{output.strip()[-2000:]}")
    found = re.search(r"Indexed (\d+) pages?", output)
    pages = int(found.group(1)) if found else 0
    script = site_dir / OUTPUT / "pagefind.js"
    if pages == 0 or not script.is_file() or script.stat().st_size == 0:
        raise SearchIndexError(
            "Hakuhakemistoa ei voitu rakentaa: yhtään sivua ei löytynyt (data-pagefind-body, overrides/main.html)."
        )
    for name in UNUSED:
        (site_dir / OUTPUT / name).unlink(missing_ok=True)
    # Material's own lunr index (search/search_index.json): nothing loads it (overrides/partials/search.html).
    (site_dir / "search" / "search_index.json").unlink(missing_ok=True)
    if (site_dir / "search").is_dir() and not any((site_dir / "search").iterdir()):
        (site_dir / "search").rmdir()
    return pages


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m macros.search_index SITE_DIR", file=sys.stderr)
        return 2
    try:
        pages = build_search_index(Path(argv[0]))
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Search index: {pages} pages indexed into {Path(argv[0]) / OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
