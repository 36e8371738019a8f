"""Every validation rule: the example data passes; each kind of bad input gives the exact Finnish,
line-numbered message."""

from __future__ import annotations

import pytest

from helpers import check, edit

PARTY = "data/osapuolet/harjulan-tyopaja.yml"


def test_example_data_is_valid(root):
    assert check(root) == []


# (file, text to replace, replacement, the one expected message)
CASES = {
    "business id check digit": (
        PARTY,
        "y_tunnus: 2987652-4",
        "y_tunnus: 2987652-5",
        f"{PARTY}:4:11: kenttä 'y_tunnus': Y-tunnuksen tarkistusnumero ei täsmää: tarkista tunnus YTJ:stä (ytj.fi)",
    ),
    "business id format": (
        PARTY,
        "y_tunnus: 2987652-4",
        "y_tunnus: 298765-24",
        f"{PARTY}:4:11: kenttä 'y_tunnus': Y-tunnuksen muoto on 1234567-8 (seitsemän numeroa, väliviiva ja "
        "tarkistusnumero)",
    ),
    "impossible date": (
        PARTY,
        "liittynyt: 2025-09-01",
        "liittynyt: 2025-02-30",
        f"{PARTY}:9:12: kenttä 'liittynyt': pitää olla todellinen päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-15",
    ),
    "signed before joined": (
        PARTY,
        "allekirjoitettu: 2025-09-18",
        "allekirjoitettu: 2025-08-18",
        f"{PARTY}:10:18: allekirjoituspäivä on ennen liittymispäivää: tarkista 'liittynyt' ja 'allekirjoitettu'",
    ),
    "unknown field": (
        PARTY,
        "nimi: Harjulan kunnan työpaja",
        "nimi: Harjulan kunnan työpaja\nnimii: x",
        f"{PARTY}:3:1: kenttä 'nimii': tuntematon kenttä: poista se tai tarkista kirjoitusasu (sallitut kentät: "
        "katso ylläpito-ohje)",
    ),
    "missing field": (
        PARTY,
        "yllapitaja: Harjulan kunta\n",
        "",
        f"{PARTY}:2:1: kenttä 'yllapitaja' puuttuu: lisää se (katso mallia ylläpito-ohjeesta)",
    ),
    "wrong kind": (
        PARTY,
        "tyyppi: työpaja",
        "tyyppi: paja",
        f"{PARTY}:3:9: kenttä 'tyyppi': arvon pitää olla jokin näistä: työpaja tai koulutuksen järjestäjä",
    ),
    "wrong type": (
        PARTY,
        "alkuperainen: true",
        "alkuperainen: ehkä",
        f"{PARTY}:8:15: kenttä 'alkuperainen': pitää olla true tai false",
    ),
    "number where text is wanted": (
        PARTY,
        "yllapitaja: Harjulan kunta",
        "yllapitaja: 12",
        f"{PARTY}:5:13: kenttä 'yllapitaja': pitää olla tekstiä (jos arvo on pelkkiä numeroita, laita se "
        "lainausmerkkeihin)",
    ),
    "website not https": (
        PARTY,
        "verkkosivu: https://tyopaja.harjula.example",
        "verkkosivu: javascript:alert(1)",
        f"{PARTY}:7:13: kenttä 'verkkosivu': pitää olla verkko-osoite, joka alkaa https://",
    ),
    "duplicate key": (
        PARTY,
        "kunnat: [Harjula]",
        "kunnat: [Harjula]\nnimi: Toinen nimi",
        f"{PARTY}:7:1: kenttä 'nimi' on kahdesti (ensimmäisen kerran rivillä 2): poista toinen",
    ),
    "tab in indentation": (
        PARTY,
        "  nimi: Pekka Lindqvist",
        "\tnimi: Pekka Lindqvist",
        f"{PARTY}:13:1: sisennyksessä on sarkain (tab): käytä sisennykseen välilyöntejä",
    ),
    "yaml syntax": (
        PARTY,
        "yllapitaja: Harjulan kunta",
        "yllapitaja: [Harjulan kunta",
        f"{PARTY}:6:7: YAML-muotovirhe: hakasulkeissa [ ] oleva luettelo jäi sulkematta tai sen arvossa on "
        "kaksoispiste: sulje luettelo merkillä ] tai laita arvo lainausmerkkeihin",
    ),
    "colon in value": (
        PARTY,
        "yllapitaja: Harjulan kunta",
        "yllapitaja: Harjula: kunta",
        f"{PARTY}:5:20: YAML-muotovirhe: kaksoispiste on väärässä paikassa: jos arvossa on kaksoispiste, laita "
        "arvo lainausmerkkeihin",
    ),
    "personal identity code": (
        PARTY,
        "  tehtava: sivistysjohtaja",
        "  tehtava: sivistysjohtaja 131052-308T",
        f"{PARTY}:14:28: rivillä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se",
    ),
    "missing schema line": (
        PARTY,
        "# yaml-language-server: $schema=../../schemas/osapuoli.schema.json\n",
        "",
        f"{PARTY}:1:1: ensimmäisen rivin pitää olla '# yaml-language-server: $schema=…' (kopioi se toisesta "
        "tiedostosta)",
    ),
    "price max below min": (
        "data/hintatasot.yml",
        "    enintaan: 45",
        "    enintaan: 25",
        "data/hintatasot.yml:8:15: yläraja on pienempi kuin alaraja: tarkista 'vahintaan' ja 'enintaan'",
    ),
    "price tiers out of order": (
        "data/hintatasot.yml",
        "    vahintaan: 70",
        "    vahintaan: 35",
        "data/hintatasot.yml:21:16: tasojen pitää olla järjestyksessä edullisimmasta vaativimpaan: alaraja on "
        "pienempi kuin edellisen tason",
    ),
    "open maximum not last": (
        "data/hintatasot.yml",
        "    enintaan: 75\n",
        "",
        "data/hintatasot.yml:14:16: vain ylimmän tason yläraja voi olla avoin: lisää 'enintaan'",
    ),
    "funding shares do not add up": (
        "data/rahoitus.yml",
        "    prosentti: 15",
        "    prosentti: 20",
        "data/rahoitus.yml:4:3: osuuksien summa on 105 %, kun sen pitää olla 100 %",
    ),
    "region e-mail": (
        "data/alue.yml",
        "sahkoposti: verkosto@kuusilaakso.example",
        "sahkoposti: verkosto(at)kuusilaakso",
        "data/alue.yml:12:13: kenttä 'sahkoposti': sähköpostiosoite on virheellinen: muoto on "
        "etunimi.sukunimi@organisaatio.fi",
    ),
    "private e-mail": (
        "data/alue.yml",
        "sahkoposti: verkosto@kuusilaakso.example",
        "sahkoposti: verkosto@gmail.com",
        "data/alue.yml:12:13: kenttä 'sahkoposti': vain työsähköpostiosoite on sallittu: käytä organisaation "
        "osoitetta, ei henkilökohtaista",
    ),
    "empty list": (
        "data/alue.yml",
        "kunnat:\n  - Harjula\n  - Koivuranta\n  - Kuusilaakso\n  - Lahdenperä\n  - Mäntyniemi",
        "kunnat: []",
        "data/alue.yml:6:9: kenttä 'kunnat': luettelossa pitää olla vähintään 1 kohta(a)",
    ),
    "duplicate party name": (
        PARTY,
        "nimi: Harjulan kunnan työpaja",
        "nimi: Kuusilaakson ammattiopisto",
        "data/osapuolet/kuusilaakson-ammattiopisto.yml:2:7: samanniminen osapuoli on jo tiedostossa "
        "data/osapuolet/harjulan-tyopaja.yml: "
        "lisää kukin osapuoli vain kerran",
    ),
}


@pytest.mark.parametrize("file,old,new,expected", CASES.values(), ids=CASES.keys())
def test_bad_input_gives_one_located_finnish_message(project, file, old, new, expected):
    edit(project, file, old, new)
    assert check(project) == [expected]


def test_lines_that_lost_their_indentation_under_an_empty_field_are_named_as_such(project):
    report = "docs/tunnistamisraportit/harjulan-tyopaja-viherpalvelut.md"
    edit(project, report, "\n  tyopaja: Minna", "\ntyopaja: Minna")
    edit(project, report, "\n  opettaja: Jukka", "\nopettaja: Jukka")
    edit(project, report, "\n  koulutuksen_jarjestaja: selk", "\nkoulutuksen_jarjestaja: selk")
    found = check(project)
    assert found[0] == (
        f"{report}:28:1: kenttä 'tyopaja' on kahdesti (ensimmäisen kerran rivillä 2): jos se kuuluu kentän "
        "'tunnistajat' (rivi 27) alle, sisennä se ja sen jälkeiset kentän 'tunnistajat' rivit kahdella "
        "välilyönnillä; muuten poista toinen"
    ), found


def test_empty_file(project):
    (project / PARTY).write_text("", encoding="utf-8")
    assert check(project) == [f"{PARTY}:1:1: tiedosto on tyhjä: kopioi mallitiedosto ja täytä sen kentät"]


def test_file_that_is_only_comments_is_empty(project):
    (project / PARTY).write_text(
        "# yaml-language-server: $schema=../../schemas/osapuoli.schema.json\n", encoding="utf-8"
    )
    assert check(project) == [f"{PARTY}:1:1: tiedosto on tyhjä: kopioi mallitiedosto ja täytä sen kentät"]


def test_not_utf8(project):
    path = project / PARTY
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    assert check(project) == [
        f"{PARTY}:2:25: tiedosto ei ole UTF-8-muodossa: tallenna se UTF-8-merkistöllä "
        "(skandinaaviset kirjaimet ä, ö ja å muuten rikkoutuvat)"
    ]


def test_byte_order_mark_is_accepted(project):
    path = project / PARTY
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert check(project) == []


def test_a_list_where_fields_are_wanted(project):
    (project / PARTY).write_text("# yaml-language-server: $schema=x\n- a\n- b\n", encoding="utf-8")
    assert check(project) == [f"{PARTY}:2:1: tiedoston pitää sisältää kenttiä muodossa 'avain: arvo'"]


def test_bad_file_name(project):
    (project / "data/osapuolet/Uusi Paja.yml").write_text("x: 1\n", encoding="utf-8")
    assert check(project) == [
        "data/osapuolet/Uusi Paja.yml:1:1: tiedoston nimessä saa olla vain pieniä "
        "kirjaimia a–z, numeroita ja väliviivoja, ja sen pitää päättyä .yml"
    ]


def test_missing_single_file(project):
    (project / "data/hintatasot.yml").unlink()
    assert check(project) == ["data/hintatasot.yml:1:1: tiedosto puuttuu: palauta se versiohistoriasta"]


def test_all_problems_are_reported_at_once_sorted_by_file_and_line(project):
    edit(project, PARTY, "y_tunnus: 2987652-4", "y_tunnus: 2987652-5")
    edit(project, PARTY, "liittynyt: 2025-09-01", "liittynyt: 2025-13-01")
    edit(project, "data/alue.yml", "nimi: Kuusilaakso", "nimi: ''")
    lines = check(project)
    assert [line.split(": ")[0] for line in lines] == ["data/alue.yml:3:7", f"{PARTY}:4:11", f"{PARTY}:9:12"]


MORE_CASES = {
    "signing place without a date": (
        "data/osapuolet/ammattiopisto-tuulikello.yml",
        "allekirjoituspaikka:\n",
        "allekirjoituspaikka: Lahdenperä\n",
        "data/osapuolet/ammattiopisto-tuulikello.yml:11:22: allekirjoituspaikka on annettu, mutta "
        "allekirjoituspäivä puuttuu",
    ),
    "duplicate price tier id": (
        "data/hintatasot.yml",
        "  - tunnus: keskitaso",
        "  - tunnus: perustaso",
        "data/hintatasot.yml:9:13: tunnus 'perustaso' on jo käytössä",
    ),
}


@pytest.mark.parametrize("file,old,new,expected", MORE_CASES.values(), ids=MORE_CASES.keys())
def test_more_cross_checks(project, file, old, new, expected):
    edit(project, file, old, new)
    assert check(project) == [expected]
