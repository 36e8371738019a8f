"""Typed models of every data file: the single source of truth for the loader, the checks and the schemas.

Field names are the Finnish keys an editor writes in YAML. Each model's docstring and each field's
description are Finnish on purpose: they are the editors' help, shown as the JSON Schemas' descriptions
in the editor's completion and on the "Mitä mistä" page.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticCustomError

from . import finnish
from .yamlsource import Source


def _check(problem_of):
    def validate(value: str) -> str:
        problem = problem_of(value)
        if problem:
            raise PydanticCustomError("fi_value", problem)
        return value

    return AfterValidator(validate)


# Control characters, separators, bidirectional overrides and invisible characters (zero-width space and
# joiners, word joiner, byte-order mark): nothing an editor means to type, and each can hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _text_problem(value: str) -> str | None:
    found = _CONTROL.search(value)
    if found:
        return (
            f"tekstissä on näkymätön ohjausmerkki (koodi {ord(found.group()):#06x}): poista se; se on voinut "
            "tulla mukaan kopioidessa"
        )
    return None


def _line_problem(value: str) -> str | None:
    if "\n" in value or "\r" in value:
        return (
            "pitää olla yhdellä rivillä: poista rivinvaihto (pitkän tekstin voi jatkaa seuraavalle riville vain "
            "kentissä, joissa on kuvaus tai muuta vapaata tekstiä)"
        )
    return _text_problem(value)


# Free text (may run over several lines) and a one-line text (names, titles): never control characters.
Text = Annotated[str, Field(min_length=1), _check(_text_problem)]
Line = Annotated[str, Field(min_length=1), _check(_line_problem)]
BusinessId = Annotated[str, _check(finnish.business_id_problem), Field(json_schema_extra={"pattern": r"^\d{7}-\d$"})]
Email = Annotated[
    str, _check(finnish.email_problem), Field(json_schema_extra={"pattern": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"})
]
Phone = Annotated[
    str, _check(finnish.phone_problem), Field(json_schema_extra={"pattern": r"^(\+358|0)[\d\s\-()]{5,20}$"})
]
Url = Annotated[
    str,
    Field(
        pattern=r"^https://[A-Za-z0-9.\-]+(:\d+)?(/[^\s<>\"'`\\]*)?$", description="Verkko-osoite, joka alkaa https://"
    ),
    _check(_text_problem),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


def _day_problem(value: date) -> str | None:
    if not FIRST_DAY <= value <= LAST_DAY:
        return f"päivämäärän vuoden pitää olla {FIRST_DAY.year}–{LAST_DAY.year}: tarkista vuosi ({value.year})"
    return None


# Every date in the data: a year typo (9999, 0202) is an editor's mistake, and it must not reach calendars.
Day = Annotated[date, _check(_day_problem)]
Month = Annotated[int, Field(ge=1, le=12)]
_CLOCK_TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


def _time_problem(value: str) -> str | None:
    return None if _CLOCK_TIME.match(value) else "pitää olla kellonaika muodossa TT:MM, esim. 09:00 tai 13:30"


_VERSION = re.compile(r"^\d{1,3}\.\d{1,3}$")


def _version_text(value):
    # YAML reads 1.10 as the number 1.1: a version number must be written as text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("fi_value", 'kirjoita versionumero lainausmerkeissä, esim. "1.1"')
    return value


VersionNumber = Annotated[
    str,
    BeforeValidator(_version_text),
    _check(lambda v: None if _VERSION.match(v) else 'pitää olla versionumero muodossa "1.0", "1.1" tai "2.0"'),
]

# A time of day as an editor writes it: 9:00 or 09:00 (our YAML reading keeps an unquoted 9:00 as text).
ClockTime = Annotated[str, _check(_time_problem), Field(json_schema_extra={"pattern": _CLOCK_TIME.pattern})]


def _models_in(annotation) -> list[type]:
    found = [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []
    for arg in get_args(annotation):
        found += _models_in(arg)
    return found


class Record(BaseModel):
    """Base of every model: unknown fields are rejected; the record remembers where it came from."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        strict=False,
        coerce_numbers_to_str=False,
        frozen=True,
        defer_build=True,
    )
    _source: Source | None = PrivateAttr(default=None)
    _path: tuple = PrivateAttr(default=())
    # Worked out once, when each model class is made: the fields that hold records of their own, and every
    # field name of the model and of the models inside it (to name a misplaced line in a message).
    nested_fields: ClassVar[tuple[str, ...]] = ()
    all_field_names: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs):
        super().__pydantic_init_subclass__(**kwargs)
        inner = {name: _models_in(info.annotation) for name, info in cls.model_fields.items()}
        cls.nested_fields = tuple(name for name, found in inner.items() if found)
        cls.all_field_names = frozenset(cls.model_fields).union(
            *(model.all_field_names for found in inner.values() for model in found if issubclass(model, Record))
        )

    def problem(self, message: str, *path, level: str = "virhe"):
        return self._source.problem((*self._path, *path), message, level=level)

    @property
    def file(self) -> str:
        """The file the record was read from, relative to the project."""
        return self._source.file


class FileRecord(Record):
    """A record kept in a file of its own: its id is the file name without the extension."""

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id


class TextRecord(FileRecord):
    """A record in a Markdown file: the front matter is the record, the rest its free text."""

    _body: str = PrivateAttr(default="")
    _body_line: int = PrivateAttr(default=0)  # lines of the file before the text

    @property
    def body(self) -> str:
        return self._body

    @property
    def body_line(self) -> int:
        return self._body_line


# --- data/alue.yml -------------------------------------------------------------------------------

# A place name: words of letters joined by spaces or hyphens (Pohjois-Pohjanmaa, Anár). It goes into the
# site's title and header, where the theme prints it as it is.
PlaceName = Annotated[
    str,
    _check(
        lambda value: (
            None
            if re.fullmatch(r"[^\W\d_]+([ -][^\W\d_]+)*", value)
            else "alueen nimessä saa olla vain kirjaimia sekä sanojen välissä välilyönti tai väliviiva"
        )
    ),
    Field(json_schema_extra={"pattern": r"^[^\s\d<>&\"'{}]+([ -][^\s\d<>&\"'{}]+)*$"}),
]


class SourceRef(Record):
    """Lähde: mistä tieto on tarkistettu."""

    nimi: Line = Field(description="Lähteen nimi, esim. sivun otsikko ja julkaisija.")
    osoite: Url = Field(description="Lähteen verkko-osoite (https://).")


class Authority(Record):
    """Saavutettavuusvaatimusten valvontaviranomainen, jolle lukija voi tehdä ilmoituksen."""

    nimi: Line = Field(description="Viranomaisen nimi, esim. Liikenne- ja viestintävirasto Traficom.")
    osoite: Url = Field(description="Sivu, jolla ohjeet ilmoituksen tekemiseen ovat (https://).")
    lahde: SourceRef = Field(description="Lähde, josta valvontaviranomainen on tarkistettu.")
    tarkistettu: Day = Field(description="Päivä, jona tieto tarkistettiin lähteestä (VVVV-KK-PP).")


class Controller(Record):
    """Vastuuhenkilöhakemiston rekisterinpitäjä: organisaatio oikeushenkilönä (esim. kunta)."""

    nimi: Line = Field(description="Rekisterinpitäjän virallinen nimi, esim. Kuusilaakson kaupunki.")
    y_tunnus: BusinessId = Field(description="Rekisterinpitäjän Y-tunnus.")
    postiosoite: Line = Field(description="Rekisterinpitäjän postiosoite.")
    tietosuojavastaava: Email = Field(description="Rekisterinpitäjän tietosuojavastaavan sähköpostiosoite.")


class Coordinator(Record):
    """Verkoston koordinaattori: nimi ja työyhteystiedot."""

    nimi: Line = Field(description="Koordinaattorin nimi.")
    tehtava: Line = Field(description="Tehtävänimike, esim. verkoston koordinaattori.")
    sahkoposti: Email = Field(description="Työsähköpostiosoite.")
    puhelin: Phone | None = Field(default=None, description="Työpuhelinnumero.")


class Region(Record):
    """Alueen perustiedot (data/alue.yml)."""

    nimi: PlaceName = Field(description="Alueen nimi perusmuodossa, esim. Kuusilaakso.")
    nimi_genetiivi: PlaceName = Field(description="Alueen nimi genetiivissä otsikoita varten, esim. Kuusilaakson.")
    nimi_inessiivi: PlaceName = Field(
        description="Alueen nimi sisä- tai ulkopaikallissijassa, esim. Kuusilaaksossa tai Pohjolanmaalla."
    )
    kunnat: list[Line] = Field(min_length=1, description="Alueen kunnat aakkosjärjestyksessä.")
    sahkoposti: Email = Field(description="Verkoston yhteinen sähköpostiosoite, johon lukijat voivat ottaa yhteyttä.")
    kuvaus: Text = Field(description="Lyhyt kuvaus alueesta ja verkostosta etusivua varten (1–3 virkettä).")
    yllapitaja: Line = Field(description="Sivuston ylläpitäjä (organisaatio), joka vastaa myös palautteeseen.")
    palaute_sahkoposti: Email = Field(description="Saavutettavuuspalautteen ja tietosuojakysymysten osoite.")
    koordinaattori: Coordinator | None = Field(
        default=None, description="Verkoston koordinaattori, jolta voi kysyä yhteistyöstä (työyhteystiedot)."
    )
    valvontaviranomainen: Authority = Field(description="Saavutettavuusvaatimusten valvontaviranomainen.")
    rekisterinpitaja: Controller = Field(
        description="Vastuuhenkilöhakemiston rekisterinpitäjä ja sen tietosuojavastaava."
    )


# --- data/osapuolet/<tunnus>.yml --------------------------------------------------------------------


class Signatory(Record):
    """Linjaukset allekirjoittava henkilö."""

    nimi: Line = Field(description="Allekirjoittajan nimi (organisaation johdossa toimiva henkilö).")
    tehtava: Line = Field(description="Allekirjoittajan tehtävänimike, esim. toimialajohtaja.")


PartyKind = Literal["työpaja", "koulutuksen järjestäjä"]


class Ending(Record):
    """Osapuolen lähtö linjauksista: linjaukset voi irtisanoa, muuttaa tai purkaa vain kirjallisesti."""

    paiva: Day = Field(description="Päivä, josta alkaen osapuoli ei ole enää mukana (VVVV-KK-PP).")
    tapa: Literal["irtisanominen", "purkaminen", "yksipuolinen purkaminen"] = Field(
        description="'irtisanominen' (kirjallinen irtisanominen), 'purkaminen' (osapuolten yhteinen kirjallinen "
        "päätös) tai 'yksipuolinen purkaminen' (koulutuksen järjestäjä, kun lait tai määräykset estävät "
        "pajajaksot)."
    )
    perustelu: Text | None = Field(default=None, description="Lyhyt perustelu julkaistavaksi (vapaaehtoinen).")


class Party(FileRecord):
    """Yksi sopijaosapuoli (data/osapuolet/<tunnus>.yml). Tiedoston nimi on osapuolen tunnus."""

    nimi: Line = Field(description="Organisaation virallinen nimi.")
    tyyppi: PartyKind = Field(description="Osapuolen laji: 'työpaja' tai 'koulutuksen järjestäjä'.")
    y_tunnus: BusinessId = Field(description="Y-tunnus muodossa 1234567-8; tarkistusnumero tarkistetaan.")
    yllapitaja: Line = Field(
        description="Ylläpitäjä, esim. kunta tai kuntayhtymä. Sama ylläpitäjä kahdella "
        "osapuolella näytetään erikseen (ks. Rahoitus)."
    )
    kunnat: list[Line] = Field(min_length=1, description="Kunnat, joissa osapuoli toimii.")
    verkkosivu: Url = Field(description="Organisaation verkkosivu (https://).")
    alkuperainen: bool = Field(
        description="true, jos osapuoli on alkuperäinen sopijaosapuoli; false, jos se on liittynyt myöhemmin."
    )
    liittynyt: Day = Field(description="Päivä, jona osapuoli liittyi linjauksiin (VVVV-KK-PP).")
    allekirjoitettu: Day | None = Field(
        default=None, description="Allekirjoituspäivä (VVVV-KK-PP); jätä tyhjäksi, kunnes on allekirjoitettu."
    )
    versio: VersionNumber | None = Field(
        default=None,
        description='Allekirjoitetun linjausten version numero (data/versiot.yml), esim. "1.0", vain jos se ei '
        "ole allekirjoituspäivänä voimassa ollut versio (muuten kenttää ei tarvita).",
    )
    allekirjoituspaikka: Line | None = Field(default=None, description="Paikkakunta, jossa allekirjoitettiin.")
    allekirjoittaja: Signatory = Field(description="Linjaukset allekirjoittava henkilö.")
    paattyminen: Ending | None = Field(
        default=None, description="Täytä, kun osapuoli lähtee linjauksista: päivä ja tapa (ks. ylläpito-ohje)."
    )

    @property
    def is_workshop(self) -> bool:
        return self.tyyppi == "työpaja"

    def ended_by(self, day: date) -> bool:
        """Whether the party had left the guidelines by day."""
        return self.paattyminen is not None and self.paattyminen.paiva <= day

    def in_agreement_on(self, day: date) -> bool:
        """Whether the party had signed by day and had not left: one of those the agreement binds that day."""
        return self.allekirjoitettu is not None and self.allekirjoitettu <= day and not self.ended_by(day)


# --- data/tukiorganisaatiot.yml ----------------------------------------------------------------------


class Supporter(Record):
    """Yksi tukiorganisaatio."""

    nimi: Line = Field(description="Organisaation nimi.")
    rooli: Text = Field(description="Mitä organisaatio tekee verkoston tukena.")
    verkkosivu: Url | None = Field(default=None, description="Organisaation verkkosivu (https://).")


class Supporters(Record):
    """Verkostoa tukevat organisaatiot, jotka eivät ole sopijaosapuolia."""

    tukiorganisaatiot: list[Supporter] = Field(
        description="Verkostoa tukevat organisaatiot, jotka eivät ole sopijaosapuolia. Aakkosjärjestyksessä."
    )


# --- data/versiot.yml ------------------------------------------------------------------------------------


class Version(Record):
    """Yksi linjausten versio: teksti ja sen tulostamat luvut (hinnat, rahoitus, alkuperäiset osapuolet)."""

    numero: VersionNumber = Field(description='Versionumero muodossa 1.0, 1.1, 2.0 (lainausmerkeissä, esim. "1.1").')
    paiva: Day = Field(description="Päivä, jona osapuolet sopivat versiosta (VVVV-KK-PP).")
    muutokset: Text = Field(description="Mitä versiossa muuttui edellisestä, lyhyesti; ensimmäisessä: mistä se alkoi.")


class Versions(Record):
    """Linjausten versiot (data/versiot.yml) vanhimmasta uusimpaan. Kun linjausten tekstiä tai sen lukuja
    muutetaan, lisätään uusi versio: tarkistus vertaa sisältöä edellisen version sisältöön."""

    versiot: list[Version] = Field(min_length=1, description="Versiot vanhimmasta uusimpaan.")


# --- data/polut.yml --------------------------------------------------------------------------------------

Role = Literal[
    "työpajan vastuuhenkilö",
    "koulutuksen järjestäjän vastuuhenkilö",
    "vastuuhenkilöt yhdessä",
    "valmentautuja tai opiskelija",
]


class Step(Record):
    """Yksi polun vaihe: kuka tekee, mitä sovitaan tai tarkistetaan, mitkä asiakirjat ja mistä linjausten
    kohdasta vaihe tulee."""

    tunnus: Slug = Field(description="Vaiheen pysyvä tunnus (sivun ankkuri).")
    otsikko: Line = Field(description="Vaiheen nimi, esim. Yhteydenotto koulutuksen järjestäjään.")
    tekija: Role = Field(
        description="Kuka vaiheen tekee: 'työpajan vastuuhenkilö', 'koulutuksen järjestäjän vastuuhenkilö', "
        "'vastuuhenkilöt yhdessä' tai 'valmentautuja tai opiskelija'."
    )
    tehtavat: list[Line] = Field(min_length=1, description="Mitä vaiheessa sovitaan tai tarkistetaan (luettelo).")
    asiakirjat: list[Line] = Field(default_factory=list, description="Vaiheen asiakirjat, esim. HOKS.")
    linjauksissa: Text = Field(
        description="Linjausten virke, josta vaihe tulee, sanasta sanaan (tarkistus etsii sen linjausten tekstistä)."
    )


class Obligation(Record):
    """Pohjan velvoite pajajakson osapuolelle: näkyy pajajakson sopimuksessa."""

    osapuoli: Literal["koulutuksen järjestäjä", "työpaja"] = Field(description="Kenen velvoite.")
    teksti: Line = Field(description="Velvoite sopimukseen kirjoitettavassa muodossa.")
    linjauksissa: Text = Field(description="Linjausten virke, josta velvoite tulee, sanasta sanaan.")


class Path(Record):
    """Yksi siirtymäpolku vaiheineen."""

    tunnus: Slug = Field(description='Polun pysyvä tunnus; sivulla {{ polku("tunnus") }}.')
    nimi: Line = Field(description="Polun nimi, esim. Pajalta opintoihin.")
    kenelle: Line = Field(description="Kenen polku, esim. Valmentautujat.")
    kuvaus: Text = Field(description="Lyhyt kuvaus polusta.")
    vaiheet: list[Step] = Field(min_length=1, description="Vaiheet järjestyksessä.")
    velvoitteet: list[Obligation] = Field(
        default_factory=list, description="Pohjan velvoitteet osapuolille (pajajakson sopimukseen)."
    )


class Paths(Record):
    """Siirtymäpolut (data/polut.yml): pajalta opintoihin ja opinnoista pajajaksolle."""

    polut: list[Path] = Field(min_length=1, description="Polut.")


# --- data/kiintiopaikat.yml -----------------------------------------------------------------------------


class QuotaTerm(Record):
    """Kiintiöpaikat yhdellä kaudella: työpajan opiskelijoille varaamat paikat, jotka koulutuksen järjestäjä
    täyttää. Vain lukumäärät, ei koskaan nimiä."""

    tyopaja: Slug = Field(description="Työpaja (osapuolen tunnus).")
    koulutuksen_jarjestaja: Slug = Field(description="Koulutuksen järjestäjä, joka täyttää paikat (osapuolen tunnus).")
    alkaa: Day = Field(description="Kauden ensimmäinen päivä (VVVV-KK-PP).")
    paattyy: Day = Field(description="Kauden viimeinen päivä (VVVV-KK-PP).")
    sovittu: int = Field(ge=1, le=200, description="Sovittujen paikkojen määrä.")
    kaytossa: int = Field(ge=0, le=200, description="Käytössä olevien paikkojen määrä (ei nimiä).")
    ilmoitettu: Day = Field(description="Päivä, jona työpaja tarjosi paikat: uutinen julkaistaan silloin.")
    lisatieto: Line | None = Field(default=None, description="Lyhyt lisätieto, esim. ala tai oppimisympäristö.")


class QuotaPlaces(Record):
    """Kiintiöpaikat (data/kiintiopaikat.yml) kausittain."""

    kaudet: list[QuotaTerm] = Field(description="Kaudet, uusin viimeisenä.")


# --- data/hintatasot.yml -------------------------------------------------------------------------------


class PriceTier(Record):
    """Yksi hintataso."""

    tunnus: Slug = Field(description="Tason pysyvä tunnus, esim. perustaso.")
    nimi: Line = Field(description="Tason nimi sivulla, esim. Perustaso.")
    sisalto: Text = Field(description="Mitä tason päivähintaan sisältyy (liitteen sanamuoto).")
    vahintaan: int = Field(ge=0, description="Päivähinnan alaraja euroina.")
    enintaan: int | None = Field(
        default=None,
        ge=0,
        description="Päivähinnan yläraja euroina; jätä pois ylimmältä tasolta, jos yläraja on avoin.",
    )


class PriceTiers(Record):
    """Opiskelijapäivähinnan tasot ja esimerkkijaksot."""

    tasot: list[PriceTier] = Field(min_length=1, description="Hintatasot edullisimmasta vaativimpaan.")
    esimerkkijaksot: list[Annotated[int, Field(ge=1, le=365)]] = Field(
        description="Pajajakson pituudet päivinä, joille lasketaan esimerkkihinnat, esim. [10, 20, 40]."
    )
    lahde: Line = Field(description="Mistä hinnat ovat peräisin.")
    vuosi: int = Field(ge=2000, le=2100, description="Vuosi, jota hinnat koskevat.")
    arvonlisavero: Literal["veroton", "sisältyy", "lisätään"] = Field(
        description="Miten hintoihin suhtaudutaan arvonlisäveroon: 'veroton' (hinnat ovat arvonlisäverottomia), "
        "'sisältyy' (hinnat sisältävät arvonlisäveron) tai 'lisätään' (arvonlisävero lisätään hintaan)."
    )
    tarkistus: Line = Field(description="Miten ja milloin hintoja tarkistetaan, esim. indeksi tai tapaaminen.")


# --- data/rahoitus.yml ----------------------------------------------------------------------------------


class FundingShare(Record):
    """Yksi rahoitusosuus."""

    tunnus: Slug = Field(description="Rahoitusosuuden pysyvä tunnus.")
    nimi: Line = Field(description="Rahoitusosuuden nimi, esim. perusrahoitus.")
    prosentti: float = Field(gt=0, le=100, description="Osuus prosentteina.")
    kuvaus: Text = Field(description="Mihin osuus perustuu.")


class Funding(Record):
    """Rahoitusmallin osuudet linjausten pohjan mukaan."""

    osuudet: list[FundingShare] = Field(min_length=1, description="Rahoitusmallin osuudet; yhteensä 100 %.")
    erityinen_tuki_prosentti: int = Field(
        ge=100, le=500, description="Erityistä tukea tarvivan opiskelijan rahoitus prosentteina (pohjassa 150)."
    )
    lahde: Line = Field(description="Lukujen lähde.")
    vuosi: int = Field(ge=2000, le=2100, description="Vuosi, jonka tilannetta luvut kuvaavat.")


# --- data/vastuuhenkilot/<tunnus>.yml ---------------------------------------------------------------------


class Scope(Record):
    """Vastuuhenkilön vastuualue."""

    tyyppi: Literal["organisaatio", "ala", "toimipiste"] = Field(
        description="Vastuualue: koko 'organisaatio', yksi 'ala' tai yksi 'toimipiste'."
    )
    kuvaus: Text | None = Field(
        default=None,
        description="Ala tai toimipiste, esim. Rakennusala tai Harjulan toimipiste. Ei tarvita koko organisaatiolle.",
    )


class Contact(FileRecord):
    """Yksi vastuuhenkilö (data/vastuuhenkilot/<tunnus>.yml). Vain työyhteystiedot."""

    osapuoli: Slug = Field(description="Osapuolen tunnus (tiedoston nimi kansiossa data/osapuolet ilman .yml).")
    nimi: Line = Field(description="Vastuuhenkilön nimi.")
    tehtava: Line = Field(description="Tehtävänimike.")
    vastuualue: Scope = Field(description="Mitä vastuuhenkilö hoitaa: koko organisaatio, ala tai toimipiste.")
    sahkoposti: Email = Field(description="Työsähköpostiosoite (ei henkilökohtaista osoitetta).")
    puhelin: Phone = Field(description="Työpuhelinnumero, esim. +358 40 123 4567.")
    kielet: list[Literal["fi", "sv", "en"]] = Field(
        default_factory=lambda: ["fi"], description="Asiointikielet: fi, sv, en."
    )
    ensisijainen: bool = Field(
        default=False, description="true yhdelle henkilölle osapuolta kohden: ensisijainen yhteyshenkilö."
    )


# --- data/vuosikello.yml ----------------------------------------------------------------------------


class Ring(Record):
    """Yksi vuosikellon rengas eli toiminnan laji."""

    tunnus: Slug = Field(description="Renkaan pysyvä tunnus, esim. tapaamiset.")
    nimi: Line = Field(description="Renkaan nimi kuvassa ja listassa, esim. Tapaamiset.")


class Activity(Record):
    """Yksi vuosikellon toiminto."""

    tunnus: Slug = Field(
        description="Toiminnon pysyvä tunnus; kalenterin tapahtuma säilyy samana, kun tunnus pysyy samana."
    )
    otsikko: Line = Field(description="Toiminnon nimi, esim. Vastuuhenkilöiden kevättapaaminen.")
    kuvaus: Text = Field(description="Mitä tehdään ja miksi (1–3 virkettä).")
    rengas: Slug = Field(description="Minkä renkaan toiminto on (renkaan tunnus yllä).")
    kuukausi: Month | None = Field(default=None, description="Kuukausi 1–12, jos toiminto on yhden kuukauden aikana.")
    alku: Month | None = Field(
        default=None,
        description="Alkukuukausi 1–12, jos toiminto kestää useamman kuukauden (käytä yhdessä loppu-kentän kanssa).",
    )
    loppu: Month | None = Field(
        default=None,
        description="Loppukuukausi 1–12; voi olla alkua pienempi, jos jakso jatkuu yli vuodenvaihteen (esim. 11 → 2).",
    )
    paiva: Day | None = Field(
        default=None, description="Tarkka päivämäärä (VVVV-KK-PP), jos toiminto on tiettynä päivänä."
    )
    toistuvuus: Literal["vuosittain", "kerran"] = Field(description="'vuosittain' tai 'kerran'.")
    vuosi: int | None = Field(
        default=None, ge=2000, le=2100, description="Vuosi kerran tapahtuvalle toiminnolle, jos päivää ei ole annettu."
    )
    vastuuosapuoli: Slug | None = Field(
        default=None, description="Vastuussa oleva osapuoli (tunnus kansiosta data/osapuolet)."
    )
    vastuurooli: Line | None = Field(
        default=None, description="Vastuussa oleva rooli, jos vastuu ei ole yhdellä osapuolella, esim. Vastuuhenkilöt."
    )
    alkaa_klo: ClockTime | None = Field(
        default=None, description="Alkamisaika muodossa TT:MM, esim. 09:00 (vain, kun 'paiva' on annettu)."
    )
    paattyy_klo: ClockTime | None = Field(
        default=None, description="Päättymisaika muodossa TT:MM, esim. 12:00 (vain yhdessä alkamisajan kanssa)."
    )
    paikka: Line | None = Field(
        default=None, description="Paikka, esim. Kuusilaakson ammattiopisto, B-talo, Etäyhteys."
    )
    linkki: Url | None = Field(default=None, description="Lisätietoja (https://).")


class AnnualClock(Record):
    """Toiminnan vuosikello (data/vuosikello.yml): renkaat ja toiminnot."""

    alkuvuosi: int = Field(ge=2000, le=2100, description="Vuosi, josta vuosittaiset toiminnot alkavat kalenterissa.")
    renkaat: list[Ring] = Field(min_length=1, description="Vuosikellon renkaat sisimmästä uloimpaan.")
    toiminnot: list[Activity] = Field(description="Vuoden toiminnot alkukuukauden mukaan järjestettynä.")


# --- docs/tunnistamisraportit/<tunnus>.md front matter -------------------------------------------------


def _code_text(value):
    """Codes may be typed without quotes (YAML reads them as numbers)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# Six digits (koodisto tutkinnonosat, koulutus); TUVA's parts have three (koodisto koulutuksenosattuva).
Code = Annotated[str, BeforeValidator(_code_text), Field(pattern=r"^(\d{3}|\d{6})$")]


def _coverage_word(value: str) -> str:
    """The pages say 'kokonaan' and 'osittain'; the data keeps one word for each."""
    return {"kokonaan": "kokonainen", "osittain": "osittainen"}.get(value, value)


class CoveredUnit(Record):
    """Yksi tutkinnon osa ja kuinka suuren osan siitä voi suorittaa työpajalla."""

    koodi: Code = Field(
        description="Tutkinnon osan kuusinumeroinen koodi (ePerusteet / koodisto tutkinnonosat); "
        'tutkintokoulutukseen valmentavan koulutuksen (TUVA) osalla kolminumeroinen, esim. "101".'
    )
    nimi: Line | None = Field(
        default=None,
        description="Tutkinnon osan nimi. Pakollinen, jos perusteen tutkinnon osat eivät ole viitetiedoissa; "
        "muuten nimi haetaan koodin perusteella.",
    )
    kattavuus: Annotated[
        Literal["kokonainen", "osittainen", "kokonaan", "osittain"], AfterValidator(_coverage_word)
    ] = Field(
        description="'kokonainen' (tai 'kokonaan'), jos koko tutkinnon osa voidaan suorittaa työpajalla, muuten "
        "'osittainen' (tai 'osittain')."
    )
    osat: Text | None = Field(
        default=None,
        description="Osittaisesta tutkinnon osasta: mitkä ammattitaitovaatimukset tai osa-alueet pajalla voi tehdä.",
    )


class QualificationCoverage(Record):
    """Yksi tutkinto ja sen tunnistetut tutkinnon osat."""

    koodi: Code = Field(description="Tutkinnon kuusinumeroinen koodi (koodisto koulutus), esim. 351741.")
    diaarinumero: Line = Field(
        description="Tutkinnon perusteen diaarinumero, jonka mukaan tunnistettiin, esim. OPH-2455-2017."
    )
    tutkinnon_osat: list[CoveredUnit] = Field(
        min_length=1, description="Tutkinnon osat, joita pajalla voi suorittaa kokonaan tai osittain."
    )


class Recognisers(Record):
    """Oppimisympäristön tunnistajat."""

    tyopaja: Line = Field(description="Tunnistamiseen osallistunut työpajan työntekijä: nimi ja tehtävä.")
    opettaja: Line = Field(description="Tunnistamiseen osallistunut ammatillinen opettaja: nimi ja tehtävä.")
    koulutuksen_jarjestaja: Slug = Field(description="Opettajan koulutuksen järjestäjä (osapuolen tunnus).")


class Report(TextRecord):
    """Tunnistamisraportin tiedot (docs/tunnistamisraportit/<tunnus>.md, rivien '---' välissä)."""

    tyopaja: Slug = Field(description="Työpaja, jonka oppimisympäristö on tunnistettu (osapuolen tunnus).")
    kunta: Line = Field(description="Kunta, jossa oppimisympäristö on.")
    oppimisymparisto: Line = Field(description="Oppimisympäristön tai työyksikön nimi, esim. Puuverstas.")
    tyotehtavat: list[Line] = Field(min_length=1, description="Tyypilliset työtehtävät, yksi per rivi.")
    tutkinnot: list[QualificationCoverage] = Field(
        min_length=1, description="Tutkinnot ja niiden tutkinnon osat, joihin ympäristö on tunnistettu."
    )
    osaamistodistus: bool = Field(description="true, jos työpaja voi antaa osaamistodistuksen näistä tutkinnon osista.")
    naytot: bool = Field(description="true, jos työpajalla voidaan järjestää näyttöjä.")
    tunnistajat: Recognisers = Field(description="Ketkä tunnistivat oppimisympäristön.")
    tunnistettu: Day = Field(description="Tunnistamisen päivämäärä (VVVV-KK-PP).")
    tarkistettava: Day = Field(
        description="Päivä, johon mennessä raportti tarkistetaan (VVVV-KK-PP); perusteet muuttuvat."
    )
    alkuperainen_raportti: Url | None = Field(
        default=None, description="Linkki alkuperäiseen raporttiasiakirjaan (https://)."
    )


# --- data/ajankohtaista/<päivä>-<aihe>.md front matter ------------------------------------------------


class Article(TextRecord):
    """Uutinen (data/ajankohtaista/<päivä>-<aihe>.md, rivien '---' välissä)."""

    otsikko: Line = Field(description="Uutisen otsikko.")
    paivamaara: Day = Field(
        description="Julkaisupäivä (VVVV-KK-PP). Tulevaisuuden päivällä uutinen julkaistaan vasta sinä päivänä."
    )
    tiivistelma: Text = Field(description="Yhden virkkeen tiivistelmä luetteloon ja syötteeseen.")


# --- front matter of an ordinary page (docs/**/*.md) --------------------------------------------------


PLAIN = r"^[^{}<>\"&`]*$"


class PageSearch(Record):
    """Sivun näkyminen sivuston haussa."""

    exclude: bool = Field(default=False, description="true jättää sivun pois sivuston hausta.")


class PageMeta(Record):
    """Sivun asetukset rivien '---' välissä (docs/**/*.md)."""

    # The theme prints these into the page head as they are: plain words only.
    title: Line | None = Field(
        default=None, pattern=PLAIN, description="Sivun otsikko, jos se ei ole sivun ensimmäinen otsikko."
    )
    description: Line | None = Field(default=None, pattern=PLAIN, description="Sivun kuvaus hakukoneille.")
    hide: list[Literal["navigation", "toc", "footer", "feedback", "path", "tags"]] = Field(
        default_factory=list, description="Piilotettavat sivun osat: navigation, toc, footer."
    )
    search: PageSearch | None = Field(default=None, description="Sivun näkyminen haussa.")
    hakusanat: list[Annotated[Line, Field(pattern=PLAIN)]] = Field(
        default_factory=list,
        description="Sanat, joilla sivu löytyy haussa, vaikka ne eivät ole sivun tekstissä, esim. [yhteyshenkilö].",
    )
    render_macros: bool = Field(default=True, description="false näyttää sivun {{ }}-merkinnät tekstinä.")


# --- data/viitetiedot/lisaykset.yml (developers) -----------------------------------------------------


class ReferenceAddition(Record):
    """Peruste tai perusteen päivämäärä, joka puuttuu kansallisista viitetiedoista, lähteineen."""

    diaarinumero: Line = Field(description="Perusteen diaarinumero.")
    nimi: Line | None = Field(default=None, description="Perusteen nimi (uudelle perusteelle).")
    tutkinnot: list[Code] = Field(default_factory=list, description="Tutkintojen koodit (uudelle perusteelle).")
    eperusteet_id: int | None = Field(default=None, ge=1, description="Perusteen tunnus ePerusteissa.")
    alkaa: Day | None = Field(default=None, description="Voimaantulo (VVVV-KK-PP).")
    loppuu: Day | None = Field(default=None, description="Voimassaolon viimeinen päivä (VVVV-KK-PP).")
    siirtyma_paattyy: Day | None = Field(default=None, description="Siirtymäajan viimeinen päivä (VVVV-KK-PP).")
    korvaa: list[Line] = Field(default_factory=list, description="Perusteet, jotka tämä korvaa (diaarinumerot).")
    lahde: SourceRef = Field(description="Virallinen lähde, josta tiedot on tarkistettu.")
    tarkistettu: Day = Field(description="Päivä, jona tiedot tarkistettiin lähteestä (VVVV-KK-PP).")


class Renewal(Record):
    """Kaikkien tietyn tyypin perusteiden uudistus samana päivänä (esim. perustutkinnot 1.8.2022)."""

    tyyppi: Literal["perustutkinto", "ammattitutkinto", "erikoisammattitutkinto"] = Field(
        description="Minkä tyypin kaikki perusteet uudistuivat."
    )
    paiva: Day = Field(description="Päivä, jona uudet perusteet tulivat voimaan (VVVV-KK-PP).")
    lahde: SourceRef = Field(description="Virallinen lähde.")
    tarkistettu: Day = Field(description="Päivä, jona tieto tarkistettiin lähteestä (VVVV-KK-PP).")


class ReferenceAdditions(Record):
    """Kehittäjien lisäykset viitetietoihin (data/viitetiedot/lisaykset.yml): jokaisella oma lähteensä."""

    perusteet: list[ReferenceAddition] = Field(default_factory=list, description="Lisätyt perusteet ja päivämäärät.")
    uudistukset: list[Renewal] = Field(
        default_factory=list,
        description="Uudistukset, joissa kaikki tietyn tyypin perusteet vaihtuivat: vanhempi peruste, jonka "
        "voimassaolon päättymistä ei muuten tiedetä, päättyi uudistusta edeltävänä päivänä.",
    )


# --- data/huomautukset.yml ----------------------------------------------------------------------------


class EditorialNote(Record):
    """Toimituksen huomautus: mikä on muuttunut linjausten pohjan laatimisen jälkeen, ja mistä sen voi tarkistaa."""

    tunnus: Slug = Field(description='Huomautuksen pysyvä tunnus; sivulla kirjoitetaan {{ huomautus("tunnus") }}.')
    otsikko: Line = Field(description="Otsikko, esim. Toimituksen huomautus: nimet ovat muuttuneet.")
    teksti: Text = Field(description="Huomautuksen teksti. Kappaleet erotetaan tyhjällä rivillä; muotoilua ei käytetä.")
    laji: Literal["huomautus", "varoitus", "tieto"] = Field(
        default="huomautus", description="'huomautus', 'varoitus' (tieto on vanhentunut) tai 'tieto'."
    )
    lahteet: list[SourceRef] = Field(min_length=1, description="Lähteet, joista huomautuksen tiedot on tarkistettu.")
    tarkistettu: Day = Field(description="Päivä, jona tiedot tarkistettiin lähteistä (VVVV-KK-PP).")


class EditorialNotes(Record):
    """Toimituksen huomautukset (data/huomautukset.yml): jokainen lähteineen ja tarkistuspäivineen."""

    huomautukset: list[EditorialNote] = Field(description="Huomautukset; sivut näyttävät ne tunnuksen mukaan.")
