"""Values from data are escaped wherever they are rendered."""

from __future__ import annotations

from helpers import build_site

SCRIPT = "<script>alert(1)</script>"


def test_html_in_data_is_shown_as_text(project, tmp_path):
    party = project / "data/osapuolet/harjulan-tyopaja.yml"
    party.write_text(
        party.read_text(encoding="utf-8").replace("nimi: Harjulan kunnan työpaja", f"nimi: '{SCRIPT}'"),
        encoding="utf-8",
    )
    region = project / "data/alue.yml"
    text = region.read_text(encoding="utf-8")
    region.write_text(
        text[: text.index("kuvaus:")] + f"kuvaus: '{SCRIPT}'\n" + text[text.index("yllapitaja:") :], encoding="utf-8"
    )
    tiers = project / "data/hintatasot.yml"
    tiers.write_text(
        tiers.read_text(encoding="utf-8").replace("nimi: Perustaso", f"nimi: '{SCRIPT}'"), encoding="utf-8"
    )
    site = build_site(project, tmp_path / "site")
    for page in (
        "linjaukset/sopijaosapuolet",
        "linjaukset/allekirjoitukset",
        "",
        "linjaukset/liite",
        "hinnoittelu",
        "linjaukset/koko-asiakirja",
    ):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert SCRIPT not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page
