"""Recognition reports: codes checked against the reference data, pages, the coverage matrix."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import helpers as samples
from helpers import check, edit, notices
from macros.data.loader import load_site
from macros.data.problems import errors
from macros.data.reference import validity
from macros.render import reports

# A peruste whose unit structure is not in the reference data: units are named in the report.
REPORT = "docs/tunnistamisraportit/seudun-kierratyspaja-pyorahuolto.md"
# TUVA: its structure is in the reference data, so the units are checked against it.
TUVA = "docs/tunnistamisraportit/kuusilaakson-nuorten-tyopaja-mediapaja.md"
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def site(root):
    loaded, problems = load_site(root)
    assert errors(problems) == []
    return loaded


def test_example_reports_cover_enough(site):
    assert len(site.reports) >= 5
    assert len({q.koodi for r in site.reports for q in r.tutkinnot}) >= 4
    assert any(reports.is_overdue(r, TODAY) for r in site.reports)
    kinds = {u.kattavuus for r in site.reports for q in r.tutkinnot for u in q.tutkinnon_osat}
    assert kinds == {"kokonainen", "osittainen"}


def test_report_page(golden):
    parties = {p.id: p for p in samples.parties()}
    report = samples.reports()[0]
    html = reports.render_report(report, parties["alfa-paja"], parties["beta-opisto"], samples.reference(), TODAY)
    golden("report.html", html)
    assert reports.title(report, parties["alfa-paja"]) == "Puuverstas, Alfa-paja"
    assert "Raportin tarkistus on myöhässä" in html
    assert "Korjaustyöt &amp; huolto" in html  # the official name, from the reference data, escaped
    assert "Pienet korjaukset &lt;ei moottoreita&gt;." in html
    assert "OPH-1-2099" in html and "45 osp" in html and "pakollinen" in html
    assert 'href="https://eperusteet.opintopolku.fi/#/fi/ammatillinen/1234/tiedot"' in html
    assert "ei tarkistettu viitetiedoista" not in html and "Peruste on vaihtunut" not in html
    fresh = reports.render_report(
        report, parties["alfa-paja"], parties["beta-opisto"], samples.reference(), date(2025, 6, 1)
    )
    assert "Raportin tarkistus on myöhässä" not in fresh


def test_a_report_on_an_ended_peruste_says_which_is_in_force():
    parties = {p.id: p for p in samples.parties()}
    old = samples.reports()[0].model_copy(
        update={
            "tutkinnot": [samples.coverage("111111", "OPH-1-2015", [{"koodi": "900001", "kattavuus": "kokonainen"}])]
        }
    )
    html = reports.render_report(old, parties["alfa-paja"], parties["beta-opisto"], samples.reference(), TODAY)
    assert "Peruste on vaihtunut" in html
    assert "Perusteen OPH-1-2015 siirtymäaika päättyi 31.12.2022; voimassa on peruste OPH-1-2099" in html
    assert "Puutyöt" in html  # the old peruste's own name for the unit


def test_unit_without_the_structure_is_marked_unverified():
    parties = {p.id: p for p in samples.parties()}
    named = samples.reports()[0].model_copy(
        update={
            "tutkinnot": [
                samples.coverage(
                    "111111", "OPH-1-2099", [{"koodi": "900020", "nimi": "Muu", "kattavuus": "kokonainen"}]
                )
            ]
        }
    )
    html = reports.render_report(named, parties["alfa-paja"], parties["beta-opisto"], samples.reference(), TODAY)
    assert "ei tarkistettu viitetiedoista" in html and "Muu" in html


VALIDITY = {
    # day, diaarinumero: level, words the message must contain
    "in force": (date(2026, 1, 1), "OPH-1-2099", None, ""),
    "replaced, transition over": (
        date(2026, 1, 1),
        "OPH-1-2015",
        "virhe",
        "perusteen OPH-1-2015 siirtymäaika päättyi 31.12.2022; voimassa on peruste OPH-1-2099 (1.8.2020 alkaen)",
    ),
    "replaced, in transition": (
        date(2021, 1, 1),
        "OPH-1-2015",
        "varoitus",
        "peruste OPH-1-2015 on siirtymäajalla 31.12.2022 asti",
    ),
    "not yet in force": (date(2020, 1, 1), "OPH-1-2099", "varoitus", "tulee voimaan vasta 1.8.2020"),
}


@pytest.mark.parametrize("day,diaari,level,words", VALIDITY.values(), ids=VALIDITY.keys())
def test_peruste_validity(day, diaari, level, words):
    reference = samples.reference()
    judged = validity(reference, reference.peruste("111111", diaari), "111111", day)
    assert judged.level == level
    assert words in judged.message


def test_when_the_newest_peruste_has_ended_the_one_in_force_is_not_known():
    reference = samples.reference()
    old, wood, garden = reference.perusteet
    ended = replace(wood, ends=date(2025, 7, 31), transition_ends=date(2027, 7, 31))
    reference = replace(reference, perusteet=(old, ended, garden))
    day = date(2026, 1, 1)
    assert reference.current("111111", day) is None
    judged = validity(reference, ended, "111111", day)
    assert judged.level == "varoitus" and judged.headline == "Perusteen voimassaolo on päättynyt"
    assert judged.message.startswith(
        "perusteen OPH-1-2099 voimassaolo päättyi 31.7.2025; peruste OPH-1-2099 on siirtymäajalla 31.7.2027 asti"
    )
    assert "voimassa olevaa ei ole viitetiedoissa: katso se ePerusteista" in judged.message
    # The older peruste is not in force again because the newer one ended; its message says so.
    older = validity(reference, old, "111111", day)
    assert older.level == "virhe" and "uusin peruste OPH-1-2099 on myös päättynyt 31.7.2025" in older.message


def test_a_peruste_of_another_qualification_can_replace_one():
    """TUVA (its own code) replaced VALMA: a report on VALMA is told that TUVA is in force."""
    reference = samples.reference()
    old, wood, garden = reference.perusteet
    successor = replace(garden, diaarinumero="OPH-3-2099", starts=date(2022, 8, 1), replaces=(wood.diaarinumero,))
    reference = replace(reference, perusteet=(old, wood, garden, successor))
    judged = validity(reference, wood, "111111", date(2026, 1, 1))
    assert judged.level == "varoitus" and judged.current is successor
    assert "voimassa on peruste OPH-3-2099 (1.8.2022 alkaen)" in judged.message


def test_the_peruste_in_force_is_the_newest_started():
    reference = samples.reference()
    assert reference.current("111111", date(2019, 1, 1)).diaarinumero == "OPH-1-2015"
    assert reference.current("111111", date(2021, 1, 1)).diaarinumero == "OPH-1-2099"
    assert reference.current("222222", date(2021, 1, 1)) is None


def test_shipped_reference_knows_the_renewals(site):
    """The example region's reports lean on the supplement: the 2022 renewal and Ajoneuvoalan 2026."""
    reference = site.reference
    assert reference.current("351301", date(2026, 11, 29)).diaarinumero == "OPH-7918-2025"
    assert reference.current("351301", date(2026, 7, 31)).diaarinumero == "OPH-5410-2021"
    wood_2017 = reference.peruste("351741", "OPH-2455-2017")
    assert wood_2017.ends == date(2022, 7, 31)
    assert validity(reference, wood_2017, "351741", TODAY).level == "virhe"


def matrix():
    parties = {p.id: p for p in samples.parties()}
    return reports.coverage_matrix(samples.reports(), parties, samples.reference()), parties


def test_coverage_matrix():
    found, _parties = matrix()
    by_code = {q.code: q for q in found}
    assert list(by_code) == ["111111", "222222"]  # by name: Esimerkkialan, Toisen alan
    rows = {row.unit.code: row for row in by_code["111111"].rows}
    covers = rows["900001"].covers
    assert [(c.workshop.id, c.coverage.kattavuus) for c in covers] == [
        ("alfa-paja", "kokonainen"),
        ("gamma-paja", "osittainen"),
    ]
    assert rows["900001"].municipalities == "esimerkki toinen-kunta"


def test_finder(golden):
    found, parties = matrix()
    html = reports.render_finder(found, samples.reports(), parties, TODAY, "../")
    golden("finder.html", html)
    assert 'href="../tunnistamisraportit/alfa-paja-puuverstas/"' in html
    assert "<strong>2</strong> raporttia" in html
    assert 'data-tutkinto="111111"' in html and '<option value="toinen-kunta">Toinen kunta</option>' in html


def test_finder_split_by_qualification():
    found, parties = matrix()
    html = reports.render_finder(found, samples.reports(), parties, TODAY, "../", ["222222"], with_list=False)
    assert "Toisen alan perustutkinto" in html and "Esimerkkialan" not in html
    assert "<strong>1</strong> raporttia" in html and "Kaikki raportit" not in html


def test_built_report_pages_and_edit_links(built_site, site):
    for report in site.reports:
        html = (built_site / "tunnistamisraportit" / report.id / "index.html").read_text(encoding="utf-8")
        assert f"docs/tunnistamisraportit/{report.id}.md" in html
        assert "Oppimisympäristön kuvaus" in html


def test_example_notices_are_about_the_reference_data_only(root):
    """The example region is clean: what the check notes is only what the reference data cannot tell."""
    found = notices(root)
    assert found and all("viitetiedoissa" in n or "voimassaolon tiedot" in n for n in found), found


CASES = {
    "unknown qualification": (
        REPORT,
        "  - koodi: 351301",
        "  - koodi: 353101",
        f"{REPORT}:11:12: tutkinnon koodia 353101 ei löydy viitetiedoista (lähin tunnettu koodi on 351301: "
        "Ajoneuvoalan perustutkinto)",
    ),
    "peruste not in the reference data": (
        REPORT,
        "    diaarinumero: OPH-7918-2025",
        "    diaarinumero: OPH-7919-2025",
        f"{REPORT}:12:19: tutkinnolla 351301 (Ajoneuvoalan perustutkinto) ei ole viitetiedoissa perustetta "
        "OPH-7919-2025: käytä jotakin näistä: ",
    ),
    "peruste of an export trial": (
        REPORT,
        "    diaarinumero: OPH-7918-2025",
        "    diaarinumero: OPH-4792-2017",
        f"{REPORT}:12:19: peruste OPH-4792-2017 on koulutusvientikokeilun peruste",
    ),
    "named unit with another name in the national list": (
        REPORT,
        "        nimi: Polkupyörän huolto",
        "        nimi: Polkupyörien korjaus",
        f"{REPORT}:15:15: varoitus: koodilla 106889 on tutkinnon osien luettelossa nimi 'Polkupyörän huolto': "
        "korjaa nimi tai koodi",
    ),
    "unit without a name when the structure is not known": (
        REPORT,
        "        nimi: Polkupyörän huolto\n",
        "",
        f"{REPORT}:14:16: kirjoita tutkinnon osan 106889 nimi kenttään 'nimi', koska perusteen tutkinnon osia ei "
        "ole viitetiedoissa: viitetietojen mukaan se on 'Polkupyörän huolto'",
    ),
    "unit of another qualification": (
        TUVA,
        '      - koodi: "101"',
        "      - koodi: 100757",
        f"{TUVA}:16:16: tutkinnon osa 100757 (",
    ),
    "mistyped unit": (
        TUVA,
        '      - koodi: "101"',
        '      - koodi: "110"',
        f"{TUVA}:16:16: tutkinnon osan koodia 110 ei löydy perusteesta OPH-1488-2021; lähin tämän perusteen koodi "
        "on 101 (",
    ),
    "code with letters": (
        TUVA,
        '      - koodi: "101"',
        "      - koodi: 10A",
        f"{TUVA}:16:16: kenttä 'tutkinnot[1. kohta].tutkinnon_osat[2. kohta].koodi': ",
    ),
    "partial without parts": (
        TUVA,
        "        osat: Oman alan valinnan tukeminen tutustumalla media- ja tieto- ja viestintätekniikan töihin.\n",
        "",
        f"{TUVA}:17:20: kerro osittaisesta tutkinnon osasta kentässä 'osat', mitkä osat pajalla voi tehdä",
    ),
    "whole unit with parts": (
        REPORT,
        "      - koodi: 106889\n        nimi: Polkupyörän huolto\n        kattavuus: kokonainen\n",
        "      - koodi: 106889\n        nimi: Polkupyörän huolto\n        kattavuus: kokonainen\n"
        "        osat: Kaikki.\n",
        f"{REPORT}:17:15: 'osat' kuvataan vain osittaisille tutkinnon osille: poista se tai vaihda kattavuudeksi "
        "'osittainen'",
    ),
    "same unit twice": (
        TUVA,
        '      - koodi: "101"',
        '      - koodi: "102"',
        f"{TUVA}:16:16: tutkinnon osa 102 on luettelossa kahdesti",
    ),
    "unknown workshop": (
        REPORT,
        "tyopaja: seudun-kierratyspaja",
        "tyopaja: seudun-kierratys",
        f"{REPORT}:2:10: osapuolta 'seudun-kierratys' ei ole kansiossa data/osapuolet (tarkoititko "
        "'seudun-kierratyspaja'?)",
    ),
    "provider as workshop": (
        REPORT,
        "tyopaja: seudun-kierratyspaja",
        "tyopaja: kuusilaakson-ammattiopisto",
        f"{REPORT}:2:10: 'kuusilaakson-ammattiopisto' on koulutuksen järjestäjä: tunnistamisraportti tehdään "
        "työpajan oppimisympäristöstä",
    ),
    "municipality not served by the workshop": (
        REPORT,
        "kunta: Kuusilaakso",
        "kunta: Rantamäki",
        f"{REPORT}:3:8: kunta 'Rantamäki' ei ole työpajan kunnissa (",
    ),
    "recognising provider is a workshop": (
        REPORT,
        "  koulutuksen_jarjestaja: kuusilaakson-ammattiopisto",
        "  koulutuksen_jarjestaja: harjulan-tyopaja",
        f"{REPORT}:29:27: 'harjulan-tyopaja' on työpaja: anna tunnistamiseen osallistuneen opettajan koulutuksen "
        "järjestäjä",
    ),
    "review before recognition": (
        REPORT,
        "tarkistettava: 2028-09-22",
        "tarkistettava: 2025-09-22",
        f"{REPORT}:31:16: tarkistuspäivän pitää olla tunnistamispäivän jälkeen",
    ),
    "missing macro line": (
        REPORT,
        "{{ raportti() }}\n",
        "",
        f"{REPORT}:33:1: tekstiosasta puuttuu rivi {{{{ raportti() }}}}, joka näyttää raportin tiedot: "
        "lisää se heti toisen '---'-rivin alle",
    ),
    "personal identity code in the description": (
        REPORT,
        "kaksi huoltotelinettä",
        "kaksi 131052-308T huoltotelinettä",
        f"{REPORT}:39:",
    ),
}


@pytest.mark.parametrize("file,old,new,expected", CASES.values(), ids=CASES.keys())
def test_report_rules(project, file, old, new, expected):
    edit(project, file, old, new)
    problems = check(project)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_peruste_whose_transition_period_has_ended_is_an_error_naming_the_one_in_force(project):
    edit(project, REPORT, "    diaarinumero: OPH-7918-2025", "    diaarinumero: 39/011/2014")
    problems = check(project)
    assert problems[0] == (
        f"{REPORT}:12:19: perusteen 39/011/2014 siirtymäaika päättyi 31.12.2021; voimassa on peruste "
        "OPH-7918-2025 (1.8.2026 alkaen): tunnista tutkinnon osat uudelleen sen mukaan"
    )
    # The old peruste's structure is known, so the units named for the new one are errors too.
    assert len(problems) == 4 and all("ei tähän perusteeseen" in p for p in problems[1:])


def test_front_matter_missing(project):
    path = project / REPORT
    path.write_text("# Vain otsikko\n", encoding="utf-8")
    assert check(project) == [
        f"{REPORT}:1:1: tiedoston pitää alkaa tiedoilla rivien '---' välissä (kopioi malli toisesta tiedostosta)"
    ]
