"""Reference data shipped with the site (trusted, developer-owned): qualifications, perusteet, units.

data/viitetiedot/viitetiedot.json is made by `python -m macros.cli.reference` from Opetushallitus' public
lists; data/viitetiedot/lisaykset.yml adds what the export lacks, each entry with its source and the day it
was checked. A date the sources do not give is None and means "not known", never "still valid".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from types import MappingProxyType

REFERENCE_FILE = "data/viitetiedot/viitetiedot.json"
ADDITIONS_FILE = "data/viitetiedot/lisaykset.yml"
KINDS = {"pakollinen": "pakollinen", "osaamisalakohtainen": "osaamisalan pakollinen", "valinnainen": "valinnainen"}
# ePerusteet's public addresses (its router: /:lang/:koulutustyyppi/:perusteId/tiedot and …/tutkinnonosat).
EPERUSTEET = "https://eperusteet.opintopolku.fi/#/fi/{kind}/{id}/{page}"


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    points: int | None = None  # osaamispisteet
    kind: str = ""  # pakollinen | osaamisalakohtainen | valinnainen
    extent_text: str = ""  # when the extent is not in osaamispisteet (TUVA: "0–20 viikkoa")

    @property
    def extent(self) -> str:
        return self.extent_text or (f"{self.points} osp" if self.points else "")


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a title, an address (or a repository path) and the day it was checked."""

    name: str
    url: str = ""
    checked: date | None = None


def _day(value) -> date | None:
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value))


@dataclass(frozen=True)
class Peruste:
    diaarinumero: str
    name: str
    qualifications: tuple[str, ...]  # koulutus codes
    starts: date | None = None  # voimaantulo
    ends: date | None = None  # last day new students may start (None: not known)
    transition_ends: date | None = None  # last day of the transition period (None: not known)
    dates_as_of: date | None = None  # the day the dates above are known as of
    eperusteet_id: int | None = None
    kind: str = "perustutkinto"
    export_trial: bool = False  # a koulutusvientikokeilu peruste, not for Finnish students
    replaces: tuple[str, ...] = ()
    units: Mapping[str, Unit] = field(default_factory=lambda: MappingProxyType({}))
    sources: tuple[Source, ...] = ()

    @property
    def url(self) -> str:
        """The peruste's page in ePerusteet ('' when its id is not known)."""
        if not self.eperusteet_id:
            return ""
        return EPERUSTEET.format(kind=self._route, id=self.eperusteet_id, page="tiedot")

    @property
    def units_url(self) -> str:
        """The list of the peruste's units in ePerusteet (its page, for TUVA)."""
        if not self.eperusteet_id or self._route != "ammatillinen":
            return self.url
        return EPERUSTEET.format(kind=self._route, id=self.eperusteet_id, page="tutkinnonosat")

    @property
    def _route(self) -> str:
        return "tutkintoonvalmentava" if self.kind == "tuva" else "ammatillinen"

    @property
    def code(self) -> str:
        return self.qualifications[0] if self.qualifications else ""


@dataclass(frozen=True)
class Reference:
    perusteet: tuple[Peruste, ...]
    qualifications: Mapping[str, str]  # every qualification code → its name
    unit_names: Mapping[str, str]  # every unit code → its name
    sources: tuple[str, ...] = ()

    def versions(self, code: str) -> list[Peruste]:
        """The perusteet of a qualification, oldest first."""
        return sorted((p for p in self.perusteet if code in p.qualifications), key=lambda p: p.starts or date.min)

    def peruste(self, code: str, diaarinumero: str) -> Peruste | None:
        return next((p for p in self.versions(code) if p.diaarinumero == diaarinumero), None)

    def current(self, code: str, day: date) -> Peruste | None:
        """The peruste new students of a qualification start on, on day: the newest domestic one that has
        taken effect, unless it has ended (then the reference data does not know the one in force: None)."""
        started = [p for p in self.versions(code) if not p.export_trial and p.starts and p.starts <= day]
        if not started:
            return None
        newest = started[-1]
        if (newest.ends and newest.ends < day) or (newest.transition_ends and newest.transition_ends < day):
            return None
        return newest

    def successors(self, code: str, peruste: Peruste, day: date) -> list[Peruste]:
        """The domestic perusteet that took effect after peruste by day, oldest first: the qualification's later
        ones, and those that name it as replaced (TUVA replaced VALMA, a qualification of another code)."""
        after = peruste.starts or date.min
        later = [p for p in self.versions(code) if p is not peruste and p.starts and after < p.starts <= day]
        named = [p for p in self.perusteet if peruste.diaarinumero in p.replaces and p.starts and p.starts <= day]
        found = {id(p): p for p in [*later, *named] if not p.export_trial}
        return sorted(found.values(), key=lambda p: p.starts or date.min)

    def newest_in_force(self, perusteet: list[Peruste], day: date) -> Peruste | None:
        """The newest of perusteet that new students may still start on, on day."""
        usable = [p for p in perusteet if not (p.ends and p.ends < day)]
        return usable[-1] if usable else None

    def name(self, code: str) -> str:
        versions = self.versions(code)
        return self.qualifications.get(code) or (versions[-1].name if versions else code)

    def qualification_codes(self) -> list[str]:
        return sorted({c for p in self.perusteet for c in p.qualifications})

    def homes_of_unit(self, unit_code: str) -> list[Peruste]:
        return [p for p in self.perusteet if unit_code in p.units]

    def closest(self, code: str, choices) -> str | None:
        """The likeliest intended code: a transposition of the same digits first, then the most similar."""
        choices = list(choices)
        same_digits = [c for c in choices if sorted(c) == sorted(code) and c != code]
        if same_digits:
            return get_close_matches(code, same_digits, n=1, cutoff=0)[0]
        found = get_close_matches(code, choices, n=1, cutoff=0.5)
        return found[0] if found else None


def _peruste(raw: dict) -> Peruste:
    units = {
        u["koodi"]: Unit(u["koodi"], u["nimi"], u.get("laajuus"), u.get("laji", ""), u.get("laajuus_teksti", ""))
        for u in raw.get("osat") or []
    }
    return Peruste(
        diaarinumero=raw["diaarinumero"],
        name=raw["nimi"],
        qualifications=tuple(raw.get("tutkinnot") or ()),
        starts=_day(raw.get("alkaa")),
        ends=_day(raw.get("loppuu")),
        transition_ends=_day(raw.get("siirtyma_paattyy")),
        dates_as_of=_day(raw.get("tiedot_ajalta")),
        eperusteet_id=raw.get("eperusteet_id"),
        kind=raw.get("tyyppi", "perustutkinto"),
        export_trial=bool(raw.get("koulutusvienti")),
        replaces=tuple(raw.get("korvaa") or ()),
        units=MappingProxyType(units),
        sources=(Source(f"Opetushallituksen julkiset tiedot ({raw.get('lahde') or 'ePerusteet'})"),),
    )


def apply_additions(perusteet: list[Peruste], additions) -> list[Peruste]:
    """The supplement (models.ReferenceAdditions) over the export: a known diaarinumero gets the dates given
    (and the source), an unknown one is added as a peruste of its own; a renewal ends, the day before it,
    every older peruste of its type whose end the export does not know."""
    if additions is None:
        return perusteet
    by_diaari = {p.diaarinumero: i for i, p in enumerate(perusteet)}
    for entry in additions.perusteet:
        source = Source(entry.lahde.nimi, entry.lahde.osoite, entry.tarkistettu)
        given = {
            name: value
            for name, value in (
                ("starts", entry.alkaa),
                ("ends", entry.loppuu),
                ("transition_ends", entry.siirtyma_paattyy),
                ("eperusteet_id", entry.eperusteet_id),
            )
            if value is not None
        }
        if entry.diaarinumero in by_diaari:
            old = perusteet[by_diaari[entry.diaarinumero]]
            perusteet[by_diaari[entry.diaarinumero]] = replace(
                old, **given, dates_as_of=entry.tarkistettu, sources=(*old.sources, source)
            )
        else:
            perusteet.append(
                Peruste(
                    entry.diaarinumero,
                    entry.nimi or entry.diaarinumero,
                    tuple(entry.tutkinnot),
                    dates_as_of=entry.tarkistettu,
                    sources=(source,),
                    replaces=tuple(entry.korvaa),
                    **given,
                )
            )
            by_diaari[entry.diaarinumero] = len(perusteet) - 1
    for renewal in additions.uudistukset:
        source = Source(renewal.lahde.nimi, renewal.lahde.osoite, renewal.tarkistettu)
        the_day_before = date.fromordinal(renewal.paiva.toordinal() - 1)
        for index, old in enumerate(perusteet):
            if old.kind == renewal.tyyppi and old.ends is None and old.starts and old.starts < renewal.paiva:
                perusteet[index] = replace(
                    old, ends=the_day_before, dates_as_of=renewal.tarkistettu, sources=(*old.sources, source)
                )
    return perusteet


def load_reference(root: Path, additions=None) -> Reference:
    """The reference data (read whole: trusted), with the supplement (models.ReferenceAdditions) applied."""
    data = json.loads((Path(root) / REFERENCE_FILE).read_text(encoding="utf-8"))
    perusteet = apply_additions([_peruste(raw) for raw in data["perusteet"]], additions)
    common = {u["koodi"]: u["nimi"] for group in data.get("yhteiset_tutkinnon_osat", []) for u in group["osat"]}
    return Reference(
        perusteet=tuple(perusteet),
        qualifications=MappingProxyType({code: q["nimi"] for code, q in data["tutkinnot"].items()}),
        unit_names=MappingProxyType({**data["tutkinnon_osat"], **common}),
        sources=tuple(data.get("lahteet", [])),
    )


@dataclass(frozen=True)
class Validity:
    """What the reference data says of a peruste on a day: level is None (in force as far as is known),
    'varoitus' (still usable, but replaced or ending), 'virhe' (its transition period has ended) or
    'huomautus' (the data cannot tell); message says it in Finnish; current is the peruste in force."""

    level: str | None
    message: str
    current: Peruste | None
    headline: str = ""  # for a reader: "Peruste on vaihtunut", "Perusteen voimassaolo on päättynyt", …


def _fi(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def validity(reference: Reference, peruste: Peruste, code: str, today: date) -> Validity:
    current = reference.current(code, today)
    d = peruste.diaarinumero
    if peruste.starts and peruste.starts > today:
        return Validity(
            "varoitus",
            f"peruste {d} tulee voimaan vasta {_fi(peruste.starts)}",
            current,
            "Peruste ei ole vielä voimassa",
        )
    successors = reference.successors(code, peruste, today)
    if successors and (current is None or current not in successors):
        current = reference.newest_in_force(successors, today) or current
    newer = current is not None and current in successors  # replaced by the peruste in force
    ended = peruste.ends is not None and peruste.ends < today
    transition_over = peruste.transition_ends is not None and peruste.transition_ends < today
    if not successors and not ended and not transition_over:
        if peruste.ends is None and peruste.dates_as_of and (today - peruste.dates_as_of).days > 365:
            return Validity(
                "huomautus",
                f"perusteen {d} voimassaolon tiedot ovat {_fi(peruste.dates_as_of)} "
                "tilanteesta, eikä päättymistä tiedetä: tarkista ePerusteista, onko uudempi "
                "peruste tullut voimaan",
                current,
            )
        return Validity(None, "", current)
    if newer:
        where = f"voimassa on peruste {current.diaarinumero} ({_fi(current.starts)} alkaen)"
        redo = "tunnista tutkinnon osat uudelleen sen mukaan"
    else:
        if ended:
            where = f"perusteen {d} voimassaolo päättyi {_fi(peruste.ends)}"
        elif successors:
            where = (
                f"peruste {d} on korvattu perusteella {successors[0].diaarinumero} ({_fi(successors[0].starts)} alkaen)"
            )
        else:
            where = ""
        newest = successors[-1] if successors else None
        also_ended = (
            f"; viitetiedoissa uusin peruste {newest.diaarinumero} on myös päättynyt {_fi(newest.ends)}"
            if newest is not None and newest.ends and newest.ends < today
            else ""
        )
        redo = (
            f"tunnista tutkinnon osat uudelleen voimassa olevan perusteen mukaan{also_ended} (voimassa olevaa ei "
            "ole viitetiedoissa: katso se ePerusteista, eperusteet.opintopolku.fi, ja pyydä kehittäjiä lisäämään "
            "se lähteineen)"
        )
    headline = "Peruste on vaihtunut" if successors else "Perusteen voimassaolo on päättynyt"
    if transition_over:
        if ended and not newer:
            ended_text = f"{where} ja siirtymäaika {_fi(peruste.transition_ends)}"
        else:
            ended_text = (
                f"perusteen {d} siirtymäaika päättyi {_fi(peruste.transition_ends)}{'; ' if where else ''}{where}"
            )
        return Validity("virhe", f"{ended_text}: {redo}", current, headline)
    if peruste.transition_ends:
        return Validity(
            "varoitus",
            f"{where}; peruste {d} on siirtymäajalla {_fi(peruste.transition_ends)} asti: {redo} ennen sitä",
            current,
            headline,
        )
    return Validity(
        "varoitus",
        f"{where}; perusteen {d} siirtymäajan päättymistä ei ole viitetiedoissa: tarkista se ePerusteista ja {redo}",
        current,
        headline,
    )
