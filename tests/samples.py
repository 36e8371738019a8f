"""Small, fixed inputs for the renderers' golden tests (independent of the example region's data)."""

from __future__ import annotations

from macros.models import Funding, Party, PriceTiers, Region


def party(slug: str, **fields) -> Party:
    base = {
        "nimi": "Esimerkkipaja", "tyyppi": "työpaja", "y_tunnus": "2987651-6", "yllapitaja": "Esimerkin kunta",
        "kunnat": ["Esimerkki"], "verkkosivu": "https://paja.example", "alkuperainen": True,
        "liittynyt": "2025-01-10", "allekirjoitettu": "2025-02-01", "allekirjoituspaikka": "Esimerkki",
        "allekirjoittaja": {"nimi": "Testi Henkilö", "tehtava": "johtaja"},
    }
    record = Party.model_validate({**base, **fields})
    record._id = slug
    return record


def parties() -> list[Party]:
    return [
        party("alfa-paja", nimi="Alfa-paja"),
        party("beta-opisto", nimi="Beta-opisto", tyyppi="koulutuksen järjestäjä"),
        party("gamma-paja", nimi="Gamma & paja", alkuperainen=False, liittynyt="2025-06-01",
              allekirjoitettu=None, allekirjoituspaikka=None, yllapitaja="Gamma ry"),
    ]


def region() -> Region:
    return Region.model_validate({
        "nimi": "Esimerkki", "nimi_genetiivi": "Esimerkin", "kunnat": ["Esimerkki"],
        "sahkoposti": "info@esimerkki.example", "kuvaus": "Kuvaus.", "yllapitaja": "Esimerkin kunta",
        "palaute_sahkoposti": "palaute@esimerkki.example"})


def price_tiers() -> PriceTiers:
    return PriceTiers.model_validate({
        "tasot": [
            {"tunnus": "perus", "nimi": "Perus", "sisalto": "Työvalmennus.", "vahintaan": 30, "enintaan": 45},
            {"tunnus": "vaativa", "nimi": "Vaativa", "sisalto": "Kaikki.", "vahintaan": 70},
        ],
        "esimerkkijaksot": [10, 20], "lahde": "Testi"})


def funding() -> Funding:
    return Funding.model_validate({
        "osuudet": [
            {"tunnus": "a", "nimi": "Perus", "prosentti": 50, "kuvaus": "A."},
            {"tunnus": "b", "nimi": "Suoritus", "prosentti": 35, "kuvaus": "B."},
            {"tunnus": "c", "nimi": "Vaikuttavuus", "prosentti": 15, "kuvaus": "C."},
        ],
        "erityinen_tuki_prosentti": 150, "lahde": "Pohja", "vuosi": 2019, "huomautus": "Vanhoja lukuja."})


def contact(slug: str, **fields):
    from macros.models import Contact

    base = {"osapuoli": "alfa-paja", "nimi": "Testi Henkilö", "tehtava": "valmentaja",
            "vastuualue": {"tyyppi": "organisaatio"}, "sahkoposti": "testi.henkilo@paja.example",
            "puhelin": "040 000 0001", "kielet": ["fi"], "ensisijainen": False}
    record = Contact.model_validate({**base, **fields})
    record._id = slug
    return record


def contacts():
    return [
        contact("toinen", nimi="Bertta Beta", vastuualue={"tyyppi": "ala", "kuvaus": "Puuala"}),
        contact("eka", nimi="Aapo Alfa", ensisijainen=True, kielet=["fi", "sv"]),
        contact("opisto", osapuoli="beta-opisto", nimi="Cecilia Ö'Brien", ensisijainen=True,
                vastuualue={"tyyppi": "toimipiste", "kuvaus": "Kampus; B-talo"}, puhelin="+358 50 000 0002"),
    ]


def annual_clock(extra=()):
    from macros.models import AnnualClock

    return AnnualClock.model_validate({
        "alkuvuosi": 2026,
        "renkaat": [{"tunnus": "tapaamiset", "nimi": "Tapaamiset"}, {"tunnus": "raha", "nimi": "Raha & laskut"}],
        "toiminnot": [
            {"tunnus": "kevat", "otsikko": "Kevättapaaminen", "kuvaus": "Tapaaminen.", "rengas": "tapaamiset",
             "kuukausi": 3, "toistuvuus": "vuosittain", "vastuuosapuoli": "alfa-paja"},
            {"tunnus": "laskutus", "otsikko": "Laskutus <vuodenvaihde>", "kuvaus": "Laskut.", "rengas": "raha",
             "alku": 11, "loppu": 2, "toistuvuus": "vuosittain", "vastuurooli": "Talous"},
            {"tunnus": "raportti", "otsikko": "Raportti", "kuvaus": "Koonti.", "rengas": "raha", "kuukausi": 12,
             "toistuvuus": "vuosittain", "vastuurooli": "Talous"},
            {"tunnus": "vierailu", "otsikko": "Vierailu", "kuvaus": "Käynti.", "rengas": "tapaamiset",
             "paiva": "2027-05-12", "toistuvuus": "kerran", "vastuuosapuoli": "beta-opisto",
             "linkki": "https://paja.example/vierailu"},
            *extra,
        ]})
