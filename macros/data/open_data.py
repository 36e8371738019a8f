"""Open data: what the site shows, as versioned JSON documents with JSON Schemas, for a neighbouring region
or a national portal to use without scraping (avoin-data/v1/ on every site).

One document per kind (parties, contact persons as published, recognition reports with their units, quota
places, the annual clock), each in the same envelope: format and version, the region, the day it was
published and the licence. The models below are the shape; their JSON Schemas are published beside the
documents, and a consumer (such as the cross-region finder) validates against them before use.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .site import Site

FORMAT = "yhteistyon-linjaukset/avoin-data"
VERSION = 1
FOLDER = f"avoin-data/v{VERSION}/"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.fi"
PAGE_PATH = r"^[a-z0-9][a-z0-9/_\-]*/$"  # a page's path under the site's address


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OpenRegion(_Shape):
    nimi: str
    nimi_genetiivi: str
    kunnat: list[str]
    sahkoposti: str
    osoite: str = Field(
        pattern=r"^https?://[A-Za-z0-9.\-]+(:\d+)?(/[A-Za-z0-9._~/\-]*)?$",
        description="Sivuston osoite, jonka alle sivujen polut kuuluvat.",
    )


class OpenParty(_Shape):
    tunnus: str
    nimi: str
    tyyppi: Literal["työpaja", "koulutuksen järjestäjä"]
    y_tunnus: str
    kunnat: list[str]
    verkkosivu: str
    alkuperainen: bool
    liittynyt: date
    allekirjoitettu: date | None
    paattynyt: date | None
    sivu: str = Field(pattern=PAGE_PATH, description="Osapuolen sivu sivustolla (polku sivuston osoitteesta).")


class OpenScope(_Shape):
    tyyppi: Literal["organisaatio", "ala", "toimipiste"]
    kuvaus: str | None


class OpenContact(_Shape):
    osapuoli: str
    nimi: str
    tehtava: str
    vastuualue: OpenScope
    sahkoposti: str
    puhelin: str
    kielet: list[str]
    ensisijainen: bool


class OpenUnit(_Shape):
    koodi: str
    nimi: str
    kattavuus: Literal["kokonainen", "osittainen"]
    osat: str | None


class OpenQualification(_Shape):
    koodi: str
    nimi: str
    diaarinumero: str
    tutkinnon_osat: list[OpenUnit]


class OpenReport(_Shape):
    tunnus: str
    tyopaja: str
    kunta: str
    oppimisymparisto: str
    tutkinnot: list[OpenQualification]
    tunnistettu: date
    tarkistettava: date
    sivu: str = Field(pattern=PAGE_PATH, description="Raportin sivu sivustolla (polku sivuston osoitteesta).")


class OpenQuota(_Shape):
    tyopaja: str
    koulutuksen_jarjestaja: str
    alkaa: date
    paattyy: date
    sovittu: int
    kaytossa: int


class OpenActivity(_Shape):
    tunnus: str
    otsikko: str
    kuvaus: str
    rengas: str
    kuukausi: int | None
    alku: int | None
    loppu: int | None
    paiva: date | None
    alkaa_klo: str | None
    paattyy_klo: str | None
    paikka: str | None
    toistuvuus: Literal["vuosittain", "kerran"]
    vuosi: int | None
    vastuu: str


def _envelope(name: str, item: type[_Shape]) -> type[_Shape]:
    """The document model for one kind: the envelope and its list of items."""
    fields = {
        "muoto": (Literal[FORMAT], ...),
        "versio": (Literal[VERSION], ...),
        "aineisto": (Literal[name], ...),
        "alue": (OpenRegion, ...),
        "julkaistu": (date, ...),
        "lisenssi": (Literal[LICENCE], ...),
        "tiedot": (list[item], ...),
    }
    from pydantic import create_model

    return create_model(f"Open_{name}", __base__=_Shape, **fields)


KINDS: dict[str, type[_Shape]] = {
    "osapuolet": _envelope("osapuolet", OpenParty),
    "vastuuhenkilot": _envelope("vastuuhenkilot", OpenContact),
    "tunnistamisraportit": _envelope("tunnistamisraportit", OpenReport),
    "kiintiopaikat": _envelope("kiintiopaikat", OpenQuota),
    "vuosikello": _envelope("vuosikello", OpenActivity),
}
TITLES = {
    "osapuolet": "Sopijaosapuolet",
    "vastuuhenkilot": "Vastuuhenkilöt (työyhteystiedot sellaisina kuin ne on julkaistu sivustolla)",
    "tunnistamisraportit": "Tunnistamisraportit tutkinnon osineen",
    "kiintiopaikat": "Kiintiöpaikat (vain lukumäärät)",
    "vuosikello": "Vuosikellon toiminnot",
}


def schemas() -> dict[str, dict]:
    """File name → JSON Schema of each document."""
    found = {}
    for name, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = TITLES[name]
        found[f"{name}.schema.json"] = schema
    return found


def documents(site: Site, site_url: str, today: date) -> dict[str, dict]:
    """File name → the document (JSON-ready: dates as text), as the site shows the data today."""
    region = OpenRegion(
        nimi=site.region.nimi,
        nimi_genetiivi=site.region.nimi_genetiivi,
        kunnat=list(site.region.kunnat),
        sahkoposti=site.region.sahkoposti,
        osoite=site_url,
    )
    owners = {p.id: p.nimi for p in site.parties}
    items: dict[str, list] = {
        "osapuolet": [
            OpenParty(
                tunnus=p.id,
                nimi=p.nimi,
                tyyppi=p.tyyppi,
                y_tunnus=p.y_tunnus,
                kunnat=list(p.kunnat),
                verkkosivu=p.verkkosivu,
                alkuperainen=p.alkuperainen,
                liittynyt=p.liittynyt,
                allekirjoitettu=p.allekirjoitettu,
                paattynyt=p.paattyminen.paiva if p.paattyminen else None,
                sivu=f"osapuolet/{p.id}/",
            )
            for p in site.parties
        ],
        "vastuuhenkilot": [
            OpenContact(
                osapuoli=c.osapuoli,
                nimi=c.nimi,
                tehtava=c.tehtava,
                vastuualue=OpenScope(tyyppi=c.vastuualue.tyyppi, kuvaus=c.vastuualue.kuvaus),
                sahkoposti=c.sahkoposti,
                puhelin=c.puhelin,
                kielet=list(c.kielet),
                ensisijainen=c.ensisijainen,
            )
            for c in sorted(site.contacts, key=lambda c: (c.osapuoli, not c.ensisijainen, c.nimi))
        ],
        "tunnistamisraportit": [
            OpenReport(
                tunnus=r.id,
                tyopaja=r.tyopaja,
                kunta=r.kunta,
                oppimisymparisto=r.oppimisymparisto,
                tutkinnot=[
                    OpenQualification(
                        koodi=q.koodi,
                        nimi=site.reference.name(q.koodi) if site.reference else q.koodi,
                        diaarinumero=q.diaarinumero,
                        tutkinnon_osat=[
                            OpenUnit(
                                koodi=u.koodi,
                                nimi=_unit_name(site, q, u),
                                kattavuus=u.kattavuus,
                                osat=u.osat,
                            )
                            for u in q.tutkinnon_osat
                        ],
                    )
                    for q in r.tutkinnot
                ],
                tunnistettu=r.tunnistettu,
                tarkistettava=r.tarkistettava,
                sivu=f"tunnistamisraportit/{r.id}/",
            )
            for r in sorted(site.reports, key=lambda r: r.id)
        ],
        "kiintiopaikat": [
            OpenQuota(
                tyopaja=t.tyopaja,
                koulutuksen_jarjestaja=t.koulutuksen_jarjestaja,
                alkaa=t.alkaa,
                paattyy=t.paattyy,
                sovittu=t.sovittu,
                kaytossa=t.kaytossa,
            )
            for t in site.quota_terms
        ],
        "vuosikello": [
            OpenActivity(
                tunnus=a.tunnus,
                otsikko=a.otsikko,
                kuvaus=a.kuvaus,
                rengas=a.rengas,
                kuukausi=a.kuukausi,
                alku=a.alku,
                loppu=a.loppu,
                paiva=a.paiva,
                alkaa_klo=a.alkaa_klo,
                paattyy_klo=a.paattyy_klo,
                paikka=a.paikka,
                toistuvuus=a.toistuvuus,
                vuosi=a.vuosi,
                vastuu=owners.get(a.vastuuosapuoli or "", a.vastuuosapuoli or a.vastuurooli or ""),
            )
            for a in (site.clock.toiminnot if site.clock else ())
        ],
    }
    return {
        f"{name}.json": KINDS[name](
            muoto=FORMAT,
            versio=VERSION,
            aineisto=name,
            alue=region,
            julkaistu=today,
            lisenssi=LICENCE,
            tiedot=items[name],
        ).model_dump(mode="json")
        for name in KINDS
    }


def _unit_name(site: Site, qualification, unit) -> str:
    peruste = site.reference.peruste(qualification.koodi, qualification.diaarinumero) if site.reference else None
    if peruste is not None and unit.koodi in peruste.units:
        return peruste.units[unit.koodi].name
    if unit.nimi:
        return unit.nimi
    return site.reference.unit_names.get(unit.koodi, unit.koodi) if site.reference else unit.koodi
