"""The agreement's PDF for signing, as `make build` prints it (python -m macros.documents): A4, version and
page numbers, title and language, tagged with bookmarks, every section there, no signature block split."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from helpers import ROOT
from macros.data.loader import load_site
from macros.data.versions import SECTION_TITLES


@pytest.fixture(scope="module")
def pdf(built_site):
    # In a process of its own: the browser tests' Playwright already runs in this one.
    result = subprocess.run(
        [sys.executable, "-m", "macros.documents", str(built_site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return PdfReader(built_site / "linjaukset/linjaukset.pdf"), built_site


def test_the_pdf_is_ready_for_signing(pdf):
    reader, _site = pdf
    site, _problems = load_site(ROOT)
    version = site.versions[-1]
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert total >= 5
    for number, text in enumerate(pages, start=1):
        assert f"sivu {number} / {total}" in text, number
        assert f"Versio {version.numero}" in text
    everything = "\n".join(pages)
    for title in SECTION_TITLES.values():
        assert title in everything, title
    assert "Toimituksen huomautus" not in everything  # editorial notes are not the agreement
    assert reader.metadata.title.endswith(f"yhteistyön linjaukset, versio {version.numero}")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi" and root["/MarkInfo"]["/Marked"]  # language and tags for assistive technology
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert any("Sopijaosapuolet" in t for t in titles) and any("Liite" in t for t in titles), titles
    # A heading that wraps keeps its spaces in its bookmark.
    assert (
        titles[0]
        == f"{site.region.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen järjestäjien yhteistyön linjaukset"
    )
    assert SECTION_TITLES["osapuolten-vastuualueet"] in titles, titles


def test_no_signature_block_is_split_across_pages(pdf):
    reader, _site = pdf
    site, _problems = load_site(ROOT)
    pages = [page.extract_text() for page in reader.pages]
    signing = [p for p in site.parties if p.alkuperainen or p.allekirjoitettu]
    for party in signing:
        name = r"\s+".join(map(re.escape, party.nimi.split()))
        blocks = [m for text in pages for m in re.finditer(name + r"\s*Paikka ja päivämäärä(.*)", text, re.S)]
        assert blocks, party.nimi
        # The block's last line, the signatory, is on the same page as its first, the party.
        assert party.allekirjoittaja.nimi in blocks[-1].group(1), party.nimi


def test_every_version_has_its_pdf_and_page(pdf):
    _reader, site_dir = pdf
    site, _problems = load_site(ROOT)
    for version in site.versions:
        folder = site_dir / "linjaukset/versiot" / version.numero
        assert (folder / "index.html").exists() and (folder / f"linjaukset-{version.numero}.pdf").exists()
