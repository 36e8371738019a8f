"""Every href and src in the built site resolves to a file, and every #fragment to an id on that page.
External links are listed, not fetched."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

BASE = "http://site.test/"
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel", "webcal")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (
                tag == "link" and attrs.get("rel") in ("canonical", "alternate") and attrs[key].startswith("http")
            ):
                self.links.append(attrs[key])


def _parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def site_index(built_site):
    pages = {p: _parse(p) for p in built_site.rglob("*.html")}
    return pages


def _target(site: Path, url: str) -> Path | None:
    path = site / unquote(urlparse(url).path).removeprefix(urlparse(BASE).path)
    if url.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def test_every_internal_link_and_anchor_resolves(built_site, site_index):
    broken, external = [], set()
    for page, parsed in site_index.items():
        page_url = urljoin(BASE, page.relative_to(built_site).as_posix())
        for link in parsed.links:
            absolute = urljoin(page_url, link)
            scheme = urlparse(absolute).scheme
            if not absolute.startswith(BASE):
                assert scheme in EXTERNAL_SCHEMES, f"{page}: odd link {link}"
                external.add(absolute)
                continue
            target = _target(built_site, absolute)
            if target.suffix == ".pdf":
                continue  # printed by Chromium in `make build`: tests/browser/test_documents.py checks them
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link} (no file)")
                continue
            fragment = urlparse(absolute).fragment
            if fragment and target.suffix == ".html":
                ids = site_index[target].ids if target in site_index else _parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment})")
    assert not broken, "\n".join(broken)
    print(f"\n{len(external)} external links (not fetched):")
    for url in sorted(external):
        print("  ", url)
    assert any(url.startswith("https://www.finlex.fi/") for url in external)


def test_generated_files_are_linked_and_their_links_resolve(built_site, site_index):
    linked = {
        urljoin(urljoin(BASE, p.relative_to(built_site).as_posix()), link)
        for p, parsed in site_index.items()
        for link in parsed.links
    }
    generated = [
        p
        for p in built_site.rglob("*")
        if p.suffix in (".ics", ".csv", ".vcf", ".xml", ".atom") and p.name != "sitemap.xml"
    ]
    assert generated
    for path in generated:
        assert urljoin(BASE, path.relative_to(built_site).as_posix()) in linked, f"{path} is not linked"

    # The feed links to the site by its public address: each must be a page and anchor that exist.
    feed = (built_site / "ajankohtaista/feed.xml").read_text(encoding="utf-8")
    site_url = re.search(
        r'<link rel="self" type="application/atom\+xml" href="([^"]+)ajankohtaista/feed.xml"', feed
    ).group(1)
    for url in re.findall(r'href="([^"]+)"', feed):
        if url.startswith(site_url):
            relative = url.removeprefix(site_url)
            target = _target(built_site, urljoin(BASE, relative))
            assert target.exists(), url
            fragment = urlparse(url).fragment
            if fragment and target.suffix == ".html":
                assert fragment in site_index[target].ids, url
