"""The built site follows the party data: names, counts, status and signatures."""

from __future__ import annotations

from html import escape

from helpers import build_site, main_text
from macros.data.finnish import fi_date
from macros.data.loader import load_site


def test_every_party_appears_on_the_party_page_and_in_the_signatures(built_site, root):
    site, _ = load_site(root)
    parties_html = (built_site / "linjaukset/sopijaosapuolet/index.html").read_text(encoding="utf-8")
    signatures_html = (built_site / "linjaukset/allekirjoitukset/index.html").read_text(encoding="utf-8")
    for party in site.parties:
        assert escape(party.nimi) in parties_html
        assert f'id="{party.id}"' in parties_html
        assert escape(party.allekirjoittaja.nimi) in signatures_html
    assert signatures_html.count('class="signature-block"') == len(site.parties)
    text = main_text(built_site / "linjaukset/sopijaosapuolet/index.html")
    assert (
        f"Sopijaosapuolia on yhteensä {len(site.parties)}: {sum(p.is_workshop for p in site.parties)} työpajaa ja "
        f"{sum(not p.is_workshop for p in site.parties)} koulutuksen järjestäjää." in text
    )
    assert "eivät ole sopijaosapuolia" in text and "Into – etsivä nuorisotyö ja työpajatoiminta ry" in text


def test_example_network_is_still_planning(built_site):
    text = main_text(built_site / "index.html")
    assert "Kuusilaakson verkosto suunnittelee yhteistyötä" in text
    assert "Allekirjoitus puuttuu vielä: Ammattiopisto Tuulikello." in text


def test_one_signed_date_changes_status_list_and_signature_block(project, tmp_path):
    path = project / "data/osapuolet/ammattiopisto-tuulikello.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("allekirjoitettu:\n", "allekirjoitettu: 2026-11-20\n").replace(
            "allekirjoituspaikka:\n", "allekirjoituspaikka: Lahdenperä\n"
        ),
        encoding="utf-8",
    )
    site = build_site(project, tmp_path / "site")
    front = main_text(site / "index.html")
    assert "Kuusilaakson verkosto tekee yhteistyötä" in front
    # The original parties have all signed; those who signed an older version are named as such.
    assert "Allekirjoitus puuttuu vielä" not in front
    assert "Ammattiopisto Tuulikello (allekirjoittanut version" not in front
    signatures = main_text(site / "linjaukset/allekirjoitukset/index.html")
    assert f"Lahdenperä, {fi_date(__import__('datetime').date(2026, 11, 20))}" in signatures
    assert "tekee yhteistyötä" in main_text(site / "linjaukset/index.html")


def test_price_page_shows_exactly_the_data(built_site, root):
    site, _ = load_site(root)
    text = main_text(built_site / "hinnoittelu/index.html")
    for tier in site.price_tiers.tasot:
        assert tier.nimi in text
        if tier.enintaan is None:
            assert f"alkaen {tier.vahintaan}\u00a0€" in text
        else:
            assert f"{tier.vahintaan}–{tier.enintaan}\u00a0€" in text
    for days in site.price_tiers.esimerkkijaksot:
        assert f"{days} päivää" in text
    appendix = main_text(built_site / "linjaukset/liite/index.html")
    first = site.price_tiers.tasot[0]
    assert f"{first.nimi} {first.vahintaan}-{first.enintaan} euroa / päivä" in appendix


def test_funding_page_shows_the_data(built_site, root):
    site, _ = load_site(root)
    text = main_text(built_site / "rahoitusmalli/index.html")
    for share in site.funding.osuudet:
        assert f"{share.nimi} {share.prosentti:g}\u00a0%" in text
    assert f"{site.funding.erityinen_tuki_prosentti}\u00a0%" in text
    assert "2026" in text
