"""Facts a region states and the agreement's own rules: contact persons after signing, leaving, editorial
notes with sources and check dates, the supervising authority and the controller."""

from __future__ import annotations

import re

from helpers import check, edit, notices, text_of

MANTYNIEMI = "data/osapuolet/mantyniemen-tyopaja.yml"
MANTYNIEMI_CONTACT = "data/vastuuhenkilot/hanna-rantala.yml"
NOTES = "data/huomautukset.yml"


def test_a_signed_party_without_a_contact_person_is_an_error(project):
    (project / MANTYNIEMI_CONTACT).unlink()
    assert check(project) == [
        f"{MANTYNIEMI}:10:18: osapuoli on allekirjoittanut linjaukset, mutta sillä ei ole vastuuhenkilöä: "
        "linjausten mukaan allekirjoittaja ilmoittaa vastuuhenkilön heti allekirjoittamisen jälkeen; lisää "
        "ensisijainen yhteyshenkilö kansioon data/vastuuhenkilot"
    ]


def test_an_unsigned_party_without_a_contact_person_gets_a_notice(project):
    (project / MANTYNIEMI_CONTACT).unlink()
    edit(project, MANTYNIEMI, "allekirjoitettu: 2026-03-20", "allekirjoitettu:")
    edit(project, MANTYNIEMI, "allekirjoituspaikka: Mäntyniemi", "allekirjoituspaikka:")
    assert check(project) == []
    assert any(
        n.startswith(f"{MANTYNIEMI}:2:7: huomautus: osapuolella ei ole vielä vastuuhenkilöä") for n in notices(project)
    )


def test_a_party_that_has_left_needs_no_contact_person(project):
    (project / MANTYNIEMI_CONTACT).unlink()
    path = project / MANTYNIEMI
    path.write_text(
        path.read_text(encoding="utf-8") + "paattyminen:\n  paiva: 2026-10-01\n  tapa: irtisanominen\n",
        encoding="utf-8",
    )
    assert check(project) == []


def test_leaving_before_joining_and_a_workshop_dissolving_alone_are_refused(project):
    path = project / MANTYNIEMI
    path.write_text(
        path.read_text(encoding="utf-8") + "paattyminen:\n  paiva: 2026-01-01\n  tapa: yksipuolinen purkaminen\n",
        encoding="utf-8",
    )
    found = check(project)
    assert any("päättymispäivä on ennen liittymispäivää" in p for p in found)
    assert any("yksipuolinen purkaminen on vain koulutuksen järjestäjän oikeus" in p for p in found)


def test_a_note_no_page_shows_is_a_warning_and_an_old_check_a_notice(project):
    path = project / NOTES
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - tunnus: ohjaamo\n    otsikko: Ohjaamot\n    teksti: Teksti.\n    lahteet:\n"
        "      - nimi: Ohjaamo\n        osoite: https://ohjaamot.example/\n    tarkistettu: 2024-05-01\n",
        encoding="utf-8",
    )
    line = path.read_text(encoding="utf-8").count("\n") - 6
    assert check(project) == [
        f"{NOTES}:{line}:13: varoitus: huomautusta ei näytetä millään sivulla: lisää sivulle "
        '{{ huomautus("ohjaamo") }} tai poista huomautus'
    ]
    assert any("huomautuksen tiedot on tarkistettu viimeksi 1.5.2024" in n for n in notices(project))


def test_a_note_without_a_source_is_refused(project):
    text = (project / NOTES).read_text(encoding="utf-8")
    first_sources = re.search(r"    lahteet:\n(?:      .*\n)+", text)
    (project / NOTES).write_text(text[: first_sources.start()] + text[first_sources.end() :], encoding="utf-8")
    # One message: the pages that show the notes are not reported as well while the file is invalid.
    assert check(project) == [
        f"{NOTES}:6:5: kenttä 'huomautukset[1. kohta].lahteet' puuttuu: lisää se (katso mallia ylläpito-ohjeesta)"
    ]


def test_the_authority_must_be_checked_within_a_year(project):
    edit(project, "data/alue.yml", "  tarkistettu: 2026-11-29", "  tarkistettu: 2025-11-01")
    assert check(project) == []
    assert any("valvontaviranomaisen tieto on tarkistettu viimeksi 1.11.2025" in n for n in notices(project))


def test_the_controller_is_a_legal_person_with_a_valid_business_id(project):
    edit(project, "data/alue.yml", "  y_tunnus: 2987650-8", "  y_tunnus: 2987650-9")
    assert any("rekisterinpitaja.y_tunnus" in p and "tarkistusnumero" in p for p in check(project))


def test_built_pages_state_the_facts_with_their_sources(built_site):
    privacy = text_of((built_site / "vastuuhenkilot/tietosuojaseloste/index.html").read_text(encoding="utf-8"))
    assert "Kuusilaakson kaupunki (Y-tunnus 2987650-8)" in privacy
    assert "tietosuojavastaava@kuusilaakso.example" in privacy
    assert "6 artiklan 1 kohdan e alakohta" in privacy and "f alakohta" in privacy  # f only as what it is not
    assert "GitHub" in privacy and "vakiosopimuslausekkeiden" in privacy
    accessibility = text_of((built_site / "saavutettavuusseloste/index.html").read_text(encoding="utf-8"))
    assert "valvontaviranomainen on Liikenne- ja viestintävirasto Traficom" in accessibility
    assert "HE 71/2024" in accessibility and "Tarkistettu 29.11.2026" in accessibility
    assert "aluehallintovirasto" not in accessibility.split("Lähde:")[0]
    prices = text_of((built_site / "hinnoittelu/index.html").read_text(encoding="utf-8"))
    assert "Hinnat koskevat vuotta 2026. Hinnat ovat arvonlisäverottomia." in prices


def test_every_note_on_the_site_names_its_source_and_check_date(built_site):
    shown = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for note in re.findall(r'<div class="admonition [^"]*toimitus">(.*?)</div>', html, re.S):
            if "Yhteistyön tila nyt" in note:  # worked out from the site's own data, which it links to
                assert 'href="../sopijaosapuolet/"' in note or 'href="../linjaukset/sopijaosapuolet/"' in note
                continue
            shown += 1
            assert re.search(r'Lähde: <a href="https://[^"]+">', note), page
            assert re.search(r"Tarkistettu \d{1,2}\.\d{1,2}\.20\d\d\.", note), page
    assert shown >= 13


def test_notes_are_hidden_in_print(root):
    css = (root / "docs/stylesheets/extra.css").read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]
    assert ".admonition.toimitus" in print_rules.split("}")[0] + print_rules.split("}")[1]
