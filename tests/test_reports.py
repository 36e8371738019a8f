"""Recognition reports: codes checked against the reference list, pages, the coverage matrix."""

from __future__ import annotations

from datetime import date

import pytest

import helpers as samples
from helpers import check, edit
from macros.data.loader import load_site
from macros.render import reports

REPORT = "docs/tunnistamisraportit/koivurannan-tyopajasaatio-puuverstas.md"
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def site(root):
    loaded, problems = load_site(root)
    assert problems == []
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
    assert "Korjaustyöt &amp; huolto" in html  # the official name, from the reference list, escaped
    assert "Pienet korjaukset &lt;ei moottoreita&gt;." in html
    assert "OPH-1-2099" in html
    fresh = reports.render_report(
        report, parties["alfa-paja"], parties["beta-opisto"], samples.reference(), date(2025, 6, 1)
    )
    assert "Raportin tarkistus on myöhässä" not in fresh


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
        assert f"edit/main/docs/tunnistamisraportit/{report.id}.md" in html
        assert "Oppimisympäristön kuvaus" in html


CASES = {
    "unknown qualification": (
        "  - koodi: 351741",
        "  - koodi: 351742",
        f"{REPORT}:10:12: tutkinnon koodia 351742 ei löydy viitetiedoista (lähin tunnettu koodi on 351741: "
        "Puuteollisuuden perustutkinto)",
    ),
    "wrong peruste": (
        "    diaarinumero: OPH-2455-2017",
        "    diaarinumero: OPH-2455-2018",
        f"{REPORT}:11:19: tutkinnolla 351741 (Puuteollisuuden perustutkinto) ei ole perustetta OPH-2455-2018: "
        "käytä jotakin näistä: OPH-2455-2017",
    ),
    "unit of another qualification": (
        "      - koodi: 105439",
        "      - koodi: 100757",
        f"{REPORT}:13:16: tutkinnon osa 100757 (Viheralueiden rakentaminen ja ylläpitotöiden tekeminen) kuuluu "
        "tutkintoon 361201 Puutarha-alan perustutkinto (75/011/2014), ei tähän perusteeseen; lähin tämän "
        "perusteen koodi on 105457 (Viilun valmistusprosessin hallinta)",
    ),
    "mistyped unit": (
        "      - koodi: 105439",
        "      - koodi: 105493",
        f"{REPORT}:13:16: tutkinnon osan koodia 105493 ei löydy viitetiedoista; lähin tämän perusteen koodi on "
        "105439 (Puusepäntuotteiden valmistaminen)",
    ),
    "code with letters": (
        "      - koodi: 105439",
        "      - koodi: 10543A",
        f"{REPORT}:13:16: kenttä 'tutkinnot[1. kohta].tutkinnon_osat[1. kohta].koodi': pitää olla kuusinumeroinen "
        "koodi, esim. 105439",
    ),
    "partial without parts": (
        "        osat: Tilaustyön suunnittelu ja valmistus; asiakkaan kanssa sopiminen tehdään koulutuksen "
        "järjestäjän kanssa.\n",
        "",
        f"{REPORT}:18:20: kerro osittaisesta tutkinnon osasta kentässä 'osat', mitkä osat pajalla voi tehdä",
    ),
    "unknown workshop": (
        "tyopaja: koivurannan-tyopajasaatio",
        "tyopaja: koivurannan-saatio",
        f"{REPORT}:2:10: osapuolta 'koivurannan-saatio' ei ole kansiossa data/osapuolet (tarkoititko "
        "'koivurannan-tyopajasaatio'?)",
    ),
    "provider as workshop": (
        "tyopaja: koivurannan-tyopajasaatio",
        "tyopaja: kuusilaakson-ammattiopisto",
        f"{REPORT}:2:10: 'kuusilaakson-ammattiopisto' on koulutuksen järjestäjä: tunnistamisraportti tehdään "
        "työpajan oppimisympäristöstä",
    ),
    "review before recognition": (
        "tarkistettava: 2027-10-14",
        "tarkistettava: 2024-10-14",
        f"{REPORT}:27:16: tarkistuspäivän pitää olla tunnistamispäivän jälkeen",
    ),
    "missing macro line": (
        "{{ raportti() }}\n",
        "",
        f"{REPORT}:29:1: tekstiosasta puuttuu rivi {{{{ raportti() }}}}, joka näyttää raportin tiedot: "
        "lisää se heti toisen '---'-rivin alle",
    ),
    "personal identity code in the description": (
        "jyrsin) sekä",
        "jyrsin) 131052-308T sekä",
        f"{REPORT}:35:9: rivillä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se",
    ),
}


@pytest.mark.parametrize("old,new,expected", CASES.values(), ids=CASES.keys())
def test_report_rules(project, old, new, expected):
    edit(project, REPORT, old, new)
    assert check(project) == [expected]


def test_front_matter_missing(project):
    path = project / REPORT
    path.write_text("# Vain otsikko\n", encoding="utf-8")
    assert check(project) == [
        f"{REPORT}:1:1: tiedoston pitää alkaa tiedoilla rivien '---' välissä (kopioi malli toisesta tiedostosta)"
    ]


MORE = {
    "whole unit with parts": (
        "      - koodi: 105439\n        kattavuus: kokonainen\n",
        "      - koodi: 105439\n        kattavuus: kokonainen\n        osat: Kaikki.\n",
        f"{REPORT}:15:15: 'osat' kuvataan vain osittaisille tutkinnon osille: poista se tai vaihda kattavuudeksi "
        "'osittainen'",
    ),
    "same unit twice": (
        "      - koodi: 105438\n",
        "      - koodi: 105439\n",
        f"{REPORT}:15:16: tutkinnon osa 105439 on luettelossa kahdesti",
    ),
    "municipality not served by the workshop": (
        "kunta: Koivuranta",
        "kunta: Harjula",
        f"{REPORT}:3:8: kunta 'Harjula' ei ole työpajan kunnissa (Koivuranta, Lahdenperä): korjaa kunta tai lisää "
        "se työpajan tietoihin",
    ),
    "recognising provider is a workshop": (
        "  koulutuksen_jarjestaja: kuusilaakson-ammattiopisto",
        "  koulutuksen_jarjestaja: harjulan-tyopaja",
        f"{REPORT}:25:27: 'harjulan-tyopaja' on työpaja: anna tunnistamiseen osallistuneen opettajan koulutuksen "
        "järjestäjä",
    ),
    "peruste without a unit structure": (
        "  - koodi: 351741\n    diaarinumero: OPH-2455-2017",
        "  - koodi: 381304\n    diaarinumero: OPH-2455-2017",
        f"{REPORT}:10:12: tutkinnon 381304 (Kauneudenhoitoalan perustutkinto) rakennetta ei ole viitetiedoissa, "
        "joten sen tutkinnon osia ei voi tarkistaa: valitse tutkinto, jonka rakenne on mukana, tai päivitä "
        "viitetiedot",
    ),
}


@pytest.mark.parametrize("old,new,expected", MORE.values(), ids=MORE.keys())
def test_more_report_rules(project, old, new, expected):
    edit(project, REPORT, old, new)
    problems = check(project)
    assert len(problems) == 1 and problems[0].startswith(expected), problems
