"""A page per party: what it shows, the rule that every party has one, and the links that lead to it."""

from __future__ import annotations

import re
from datetime import date

import helpers as samples
from helpers import check, edit
from macros.data.loader import load_site
from macros.render import parties as render

PARTY = "data/osapuolet/seudun-kierratyspaja.yml"
PAGE = "docs/osapuolet/seudun-kierratyspaja.md"
TODAY = date(2026, 11, 29)


def test_workshop_page(golden):
    workshop = samples.parties()[0]
    people = [c for c in samples.contacts() if c.osapuoli == workshop.id]
    html = render.render_party_page(workshop, people, samples.reports()[:1], [], samples.reference(), TODAY, "../../")
    golden("party-page.html", html)
    # The primary contact first, the report with its units, the fields from the report's qualification.
    assert html.index("Aapo Alfa") < html.index("Bertta Beta")
    assert 'href="../../tunnistamisraportit/alfa-paja-puuverstas/"' in html
    assert "Korjaustyöt &amp; huolto" in html and "Esimerkkialan perustutkinto" in html
    assert "Alkuperäinen sopijaosapuoli; allekirjoittanut linjaukset 1.2.2025." in html


def test_provider_page_lists_the_reports_its_teachers_recognised():
    provider = samples.parties()[1]
    html = render.render_party_page(provider, [], [], samples.reports(), samples.reference(), TODAY)
    assert "Raportit, joiden tunnistamiseen osapuolen opettaja on osallistunut" in html
    assert "Osapuoli ei ole vielä ilmoittanut vastuuhenkilöä" in html


def test_standing_in_every_case():
    joining = samples.parties()[2]
    assert render.standing(joining, TODAY) == (
        "Liittymässä linjauksiin (1.6.2025); liittymisen allekirjoitus puuttuu vielä."
    )
    left = samples.party("x", paattyminen={"paiva": "2026-10-01", "tapa": "purkaminen"})
    assert render.standing(left, TODAY) == "Lähtenyt linjauksista 1.10.2026 alkaen (purkaminen)."
    assert render.standing(left, date(2026, 9, 30)).startswith("Alkuperäinen sopijaosapuoli; allekirjoittanut")


def test_a_party_without_a_page_is_an_error(project):
    (project / PAGE).unlink()
    assert check(project) == [
        f"{PARTY}:2:7: osapuolella ei ole omaa sivua: luo tiedosto {PAGE}, jonka ensimmäinen rivi on "
        "{{ osapuoli() }} (katso mallia ylläpito-ohjeesta)"
    ]


def test_a_page_without_its_party_is_an_error(project):
    (project / "docs/osapuolet/seudun-kierratys.md").write_text("{{ osapuoli() }}\n", encoding="utf-8")
    assert check(project) == [
        "docs/osapuolet/seudun-kierratys.md:1:1: osapuolta 'seudun-kierratys' ei ole kansiossa data/osapuolet "
        "(tarkoititko 'seudun-kierratyspaja'?): sivun nimen pitää olla osapuolen tunnus"
    ]


def test_a_party_page_must_show_the_party(project):
    edit(project, PAGE, "{{ osapuoli() }}", "# Kierrätyspaja")
    assert check(project) == [f"{PAGE}:1:1: sivulta puuttuu rivi {{{{ osapuoli() }}}}, joka näyttää osapuolen tiedot"]


def test_the_party_macro_belongs_to_party_pages(project):
    edit(project, "docs/hinnoittelu.md", "# Hinnoittelu", "# Hinnoittelu\n\n{{ osapuoli() }}")
    assert any("makroa osapuoli() käytetään vain osapuolen omassa tiedostossa" in p for p in check(project))


def test_built_site_links_every_party_to_its_page(built_site, root):
    site_data, _problems = load_site(root)
    tables = (built_site / "linjaukset/sopijaosapuolet/index.html").read_text(encoding="utf-8")
    directory = (built_site / "vastuuhenkilot/index.html").read_text(encoding="utf-8")
    for party in site_data.parties:
        assert (built_site / "osapuolet" / party.id / "index.html").exists()
        assert f'href="../../osapuolet/{party.id}/"' in tables
    for party_id in {c.osapuoli for c in site_data.contacts}:
        assert f'href="../osapuolet/{party_id}/"' in directory


def test_report_page_leads_to_the_workshop_its_contact_and_the_finder(built_site):
    html = (built_site / "tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/index.html").read_text(encoding="utf-8")
    assert 'href="../../osapuolet/seudun-kierratyspaja/"' in html
    assert re.search(
        r'Sovi pajajaksosta: <a href="../../osapuolet/seudun-kierratyspaja/#vastuuhenkilot">Timo Heinola</a>', html
    )
    assert 'href="../?tutkinto=351301#raporttihaku"' in html
