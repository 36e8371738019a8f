"""The example site builds strictly and carries the whole agreement, with no placeholder left."""

from __future__ import annotations

import re
from html import unescape

import pytest

from helpers import html_pages, main_text, text_of
from macros.data.loader import load_site

SECTIONS = {
    "linjaukset/sopijaosapuolet": ["Sopijaosapuolet"],
    "linjaukset/voimaantulo-ja-voimassaolo": ["Voimaantulo ja voimassaolo"],
    "linjaukset/tarkoitus-ja-lahtokohdat": ["Tarkoitus ja lähtökohdat"],
    "linjaukset/yhteistyon-toimintamalli": ["Yhteistyön toimintamalli"],
    "linjaukset/osapuolten-vastuualueet": [
        "Osapuolten vastuualueet",
        "Valmentautujat",
        "Opiskelijat",
        "Työkuorman jakaminen",
    ],
    "linjaukset/rahoitus": ["Rahoitus"],
    "linjaukset/salassapito": ["Salassapito"],
    "linjaukset/irtisanominen-muuttaminen-tai-purkaminen": ["Irtisanominen/muuttaminen tai purkaminen"],
    "linjaukset/asiakirjojen-lukumaara": ["Asiakirjojen lukumäärä"],
    "linjaukset/allekirjoitukset": ["Allekirjoitukset"],
    "linjaukset/liite": ["Liite"],
}

# Sentences from each part of the template that must appear word for word.
SENTENCES = [
    "Linjaukset ovat voimassa toistaiseksi.",
    "Isommissa organisaatioissa voidaan nimetä useampi vastuuhenkilö esim. aloittain tai toimipisteittäin.",
    "Koulutuksen järjestäjä vastaa pajajaksolle siirtyvän opiskelijan vakuutuksista sekä tarvittaessa "
    "myös matkoista ja ruokailusta.",
    "Yhteistyö voidaan irtisanoa/muuttaa tai purkaa vain kirjallisesti sopijaosapuolten kesken.",
    "Alkuvaiheessa osapuolten yhteistyötä syventävä muutaman päivän vaihtojakso voi koskea mm. "
    "opinto-ohjaajia, opiskelijahuoltohenkilöstöä",
    "Keskusteluun opiskelijapäivähinnan suuruudesta palataan vastuuhenkilöiden tapaamisissa.",
    "Tämä velvoite on voimassa myös allekirjoitettujen linjausten päättymisen tai purkamisen jälkeen.",
]


@pytest.mark.parametrize("path,headings", SECTIONS.items())
def test_every_section_of_the_template_has_its_page(built_site, path, headings):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    found = [text_of(h).strip().rstrip("¶").strip() for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.S)]
    for heading in headings:
        assert heading in found, f"{path}: missing heading {heading!r}; found {found}"


def test_the_one_page_agreement_holds_every_section_and_sentence(built_site):
    text = main_text(built_site / "linjaukset/koko-asiakirja/index.html")
    for headings in SECTIONS.values():
        for heading in headings:
            assert heading in text
    for sentence in SENTENCES:
        assert sentence in text, sentence


def test_no_placeholder_is_left_in_the_built_site(built_site):
    for page in html_pages(built_site):
        text = text_of(page.read_text(encoding="utf-8"))
        assert "ALUEEN NIMI" not in text, page
        assert not re.search(r"\bXX\b", text), page


def test_number_of_copies_is_the_number_of_parties(built_site, root):
    site, _ = load_site(root)
    text = main_text(built_site / "linjaukset/asiakirjojen-lukumaara/index.html")
    assert f"Tästä asiakirjasta on tehty {len(site.parties)} samansisältöistä kappaletta" in text


def test_region_name_comes_from_data(built_site, root):
    site, _ = load_site(root)
    title = re.search(r"<title>(.*?)</title>", (built_site / "index.html").read_text(encoding="utf-8")).group(1)
    assert site.region.nimi_genetiivi in unescape(title)


def test_nothing_is_loaded_from_an_outside_host(built_site):
    """Scripts, styles, fonts and images all come from the site itself."""
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', re.I)
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for url in pattern.findall(html):
            if url.startswith(("http://", "https://", "//")):
                # <link rel="canonical"> names the site's own address; nothing else may be absolute.
                assert re.search(rf'<link rel="canonical" href="{re.escape(url)}"', html), (page, url)
        assert "fonts.googleapis" not in html and 'data-md-component="source"' not in html, page
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def test_law_references_link_to_finlex(built_site):
    html = (built_site / "linjaukset/osapuolten-vastuualueet/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.finlex.fi/fi/lainsaadanto/2017/531"' in html
    assert 'href="https://www.finlex.fi/fi/lainsaadanto/2017/673"' in html
    html = (built_site / "linjaukset/salassapito/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.finlex.fi/fi/lainsaadanto/1999/621"' in html


def test_editorial_notes_are_separate_from_the_agreement_text(built_site):
    """The changed names appear only inside the notes; the agreement keeps its own words."""
    html = (built_site / "linjaukset/yhteistyon-toimintamalli/index.html").read_text(encoding="utf-8")
    notes = re.findall(r'<div class="admonition [^"]*toimitus[^"]*">(.*?)</div>', html, re.S)
    assert any("Into –" in note for note in notes) and any("työllisyysalue" in note for note in notes)
    assert all("Lähde:" in note and "Tarkistettu" in note for note in notes)
    outside = re.sub(r'<div class="admonition [^"]*toimitus[^"]*">.*?</div>', "", html, flags=re.S)
    assert "Valtakunnallinen työpajayhdistys ry tukee alueita" in text_of(outside)
    assert "Into –" not in text_of(outside.split("<article", 1)[1])


def test_generated_html_is_in_place_of_every_placeholder(built_site):
    for page in html_pages(built_site):
        assert "LINJAUKSETHTML" not in page.read_text(encoding="utf-8"), page


def test_language_is_finnish(built_site):
    assert '<html lang="fi"' in (built_site / "index.html").read_text(encoding="utf-8")
