"""Contact directory: rendering, the take-away files read back, and the data rules."""

from __future__ import annotations

import csv
import io

import vobject

import helpers as samples
from helpers import check, edit
from macros.data.loader import load_site
from macros.render import contacts as directory

CONTACT = "data/vastuuhenkilot/kirsi-hakanen.yml"


def test_directory_groups_by_party_with_the_primary_first(golden):
    html = directory.render_directory(samples.parties(), samples.contacts(), "../vastuuhenkilot/")
    golden("directory.html", html)
    alfa = html.index('id="org-alfa-paja"')
    assert html.index("Aapo Alfa") < html.index("Bertta Beta")
    assert alfa < html.index("Aapo Alfa") < html.index('id="org-beta-opisto"')
    assert 'href="mailto:testi.henkilo@paja.example"' in html
    assert 'href="tel:+358400000001"' in html
    assert "Cecilia Ö&#39;Brien" in html
    assert "Ala: Puuala" in html and "Toimipiste: Kampus; B-talo" in html


def test_vcards_read_back_with_every_field():
    text = directory.vcards(samples.parties(), samples.contacts())
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["Aapo Alfa", "Bertta Beta", "Cecilia Ö'Brien"]
    cecilia = cards[2]
    assert cecilia.org.value == ["Beta-opisto"]
    assert cecilia.email.value == "testi.henkilo@paja.example"
    assert cecilia.tel.value == "+358500000002"
    assert cecilia.note.value == "Vastuualue: Toimipiste: Kampus; B-talo"
    assert cecilia.n.value.family == "Ö'Brien" and cecilia.n.value.given == "Cecilia"
    assert len({c.uid.value for c in cards}) == 3


def test_csv_opens_in_excel_with_finnish_letters():
    text = directory.csv_text(samples.parties(), samples.contacts())
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == directory.CSV_HEADER
    assert rows[3][:4] == ["Beta-opisto", "Cecilia Ö'Brien", "valmentaja", "Toimipiste: Kampus; B-talo"]
    assert len(rows) == 4


def test_built_site_exports_match_the_data(built_site, root):
    site, _ = load_site(root)
    text = (built_site / "vastuuhenkilot/vastuuhenkilot.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert sorted(r["Sähköposti"] for r in rows) == sorted(c.sahkoposti for c in site.contacts)
    cards = list(vobject.readComponents((built_site / "vastuuhenkilot/vastuuhenkilot.vcf").read_text("utf-8")))
    assert sorted(c.fn.value for c in cards) == sorted(c.nimi for c in site.contacts)
    for contact in site.contacts:
        card = vobject.readOne((built_site / f"vastuuhenkilot/{contact.id}.vcf").read_text("utf-8"))
        assert card.fn.value == contact.nimi and card.title.value == contact.tehtava


def test_example_directory_size(root):
    site, _ = load_site(root)
    assert len(site.contacts) >= 20
    scopes = {c.vastuualue.tyyppi for c in site.contacts}
    assert scopes == {"organisaatio", "ala", "toimipiste"}
    per_party = {p.id: sum(c.osapuoli == p.id for c in site.contacts) for p in site.parties}
    assert all(per_party.values()) and max(per_party.values()) >= 3


def test_bad_email(project):
    edit(project, CONTACT, "sahkoposti: kirsi.hakanen@", "sahkoposti: kirsi hakanen@")
    assert check(project) == [
        f"{CONTACT}:8:13: kenttä 'sahkoposti': sähköpostiosoite on virheellinen: muoto on "
        "etunimi.sukunimi@organisaatio.fi"
    ]


def test_bad_phone(project):
    edit(project, CONTACT, "puhelin: +358 40 000 1370", "puhelin: 'soita vaihteeseen'")
    assert check(project) == [
        f"{CONTACT}:9:10: kenttä 'puhelin': puhelinnumero ei ole suomalainen numero: "
        "kirjoita se muodossa +358 40 123 4567 tai 040 123 4567"
    ]


def test_home_address_is_not_a_field(project):
    edit(project, CONTACT, "kielet: [fi]", "kielet: [fi]\nkotiosoite: Kotikatu 1")
    assert check(project) == [
        f"{CONTACT}:11:1: kenttä 'kotiosoite': tuntematon kenttä: poista se tai tarkista "
        "kirjoitusasu (sallitut kentät: katso ylläpito-ohje)"
    ]


def test_unknown_party_suggests_the_closest(project):
    edit(project, CONTACT, "osapuoli: kuusilaakson-ammattiopisto", "osapuoli: kuusilaakson-amattiopisto")
    assert check(project) == [
        f"{CONTACT}:2:11: osapuolta 'kuusilaakson-amattiopisto' ei ole kansiossa "
        "data/osapuolet (tarkoititko 'kuusilaakson-ammattiopisto'?)"
    ]


def test_two_primary_contacts(project):
    edit(project, CONTACT, "ensisijainen: false", "ensisijainen: true")
    # Files are read in name order: the second primary found is the one reported.
    assert check(project) == [
        "data/vastuuhenkilot/pasi-laineste.yml:10:15: osapuolella "
        "'kuusilaakson-ammattiopisto' on jo ensisijainen yhteyshenkilö (Kirsi Hakanen): "
        "vain yksi voi olla ensisijainen"
    ]


def test_party_without_primary(project):
    edit(project, "data/vastuuhenkilot/pasi-laineste.yml", "ensisijainen: true", "ensisijainen: false")
    problems = check(project)
    assert len(problems) == 1 and "puuttuu ensisijainen yhteyshenkilö" in problems[0]


def test_field_scope_needs_a_description(project):
    edit(project, CONTACT, "  kuvaus: Logistiikka-ala\n", "")
    assert check(project) == [f"{CONTACT}:6:3: kerro vastuualueen kuvauksessa, mikä ala tai toimipiste on kyseessä"]


def test_directory_split_by_initial():
    html = directory.render_directory(samples.parties(), samples.contacts(), "../../vastuuhenkilot/", "b", "ö")
    assert "Aapo Alfa" not in html and "Cecilia" in html
    assert 'href="../../vastuuhenkilot/vastuuhenkilot.csv"' in html
    assert directory.initial_between("Äänekosken paja", "t", "ö")
    assert not directory.initial_between("Äänekosken paja", "a", "h")


def test_fields_of_a_contact_person():
    people = samples.contacts()
    by_id = {c.id: c for c in people}
    assert directory.field_slugs(by_id["toinen"], people) == ["puuala"]
    # The organisation's primary contact answers for every field its people name.
    assert directory.field_slugs(by_id["eka"], people) == ["puuala"]
    assert directory.field_slugs(by_id["opisto"], people) == []
    html = directory.render_directory(samples.parties(), people)
    assert '<option value="puuala">Puuala</option>' in html
    assert 'data-laji="koulutuksen-jarjestaja" data-ala=""' in html and 'data-laji="tyopaja" data-ala="puuala"' in html
