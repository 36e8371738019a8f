"""One built site served on 127.0.0.1 and one headless Chromium for every browser test."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """A system Chromium (CHROMIUM_PATH, Debian's chromium, or Chrome); None means use Playwright's."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        shutil.which("chromium"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # The browser closing a connection early (BrokenPipe, reset) is not a test failure.
        pass


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# The pages are measured (overflow, layout) with exactly the fonts that .ci/run installs: Chromium gets a
# fontconfig that knows only the DejaVu folder, whatever else the machine has.
DEJAVU = Path(os.environ.get("DEJAVU_DIR", "/usr/share/fonts/truetype/dejavu"))
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias><family>serif</family><prefer><family>DejaVu Serif</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>DejaVu Sans Mono</family></prefer></alias>
</fontconfig>
"""


def only_dejavu(folder: Path) -> dict[str, str]:
    """Environment for Chromium that limits its fonts to DejaVu; fails when the fonts are missing."""
    if not (DEJAVU / "DejaVuSans.ttf").exists():
        pytest.fail(
            f"DejaVu fonts not found in {DEJAVU}: install fonts-dejavu-core (as .ci/run does) or set DEJAVU_DIR"
        )
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=DEJAVU, cache=folder / "cache"), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    env = only_dejavu(tmp_path_factory.mktemp("fonts"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, env=env)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, base_url):
    """open_page(path, …) opens a site path in a new page; visit(page, path) reuses a page.

    Each page records console errors, failed requests and any request to another host in
    page.problems (reset on every visit).
    """
    contexts = []

    def opener(path: str = "", width: int = 1280, height: int = 900, scheme: str = "light", javascript: bool = True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            java_script_enabled=javascript,
            locale="fi-FI",
        )
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
        # A request cut short by the next navigation (ERR_ABORTED) is not a broken link; a 4xx/5xx is.
        page.on(
            "requestfailed",
            lambda r: "ERR_ABORTED" not in (r.failure or "") and page.problems.append(f"failed: {r.url} ({r.failure})"),
        )
        page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))

        def route(route):
            if route.request.url.startswith(base_url):
                route.continue_()
            else:
                page.problems.append(f"outside request: {route.request.url}")
                route.abort()

        context.route("**/*", route)
        visit(page, path)
        return page

    def visit(page, path: str):
        page.problems.clear()
        response = page.goto(base_url + path, wait_until="load")
        if response is None or response.status != 200:
            page.problems.append(f"HTTP {response.status if response else '?'} for {path}")
        return page

    opener.visit = visit
    yield opener
    for context in contexts:
        context.close()
