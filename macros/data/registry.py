"""The one registry of data kinds: what an editor can keep as data, where, in which shape, and what shows it.

Every reader derives its list from KINDS: the loader (what to read and validate), the JSON Schemas and
the VS Code mapping (`make schemas`), `make check`, the pull-request summary, the data edit links of the
pages, the "Mitä mistä" page and the tests. Adding a kind of data is one entry here plus its model in
models.py; with `template` set, the site also gets a macro of the kind's name that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import models
from .reference import ADDITIONS_FILE, REFERENCE_FILE


@dataclass(frozen=True)
class Kind:
    name: str  # the key in Site.records; the schema is schemas/<schema>.schema.json
    path: str  # a file (data/alue.yml) or a folder (data/osapuolet/) under the project
    model: type[models.Record] | None
    schema: str = ""
    many: bool = False  # a folder of files, one record each; the file name is the record's id
    front_matter: bool = False  # Markdown files: the front matter is the record, the rest its text
    macros: tuple[str, ...] = ()  # the page macros that show this data: pages that call them are fed by it
    template: str | None = None  # set for a kind shown by a generic macro named after it (no code needed)

    @property
    def suffix(self) -> str:
        return ".md" if self.front_matter else ".yml"

    @property
    def description(self) -> str:
        """What the data is, for editors (the model's Finnish docstring)."""
        if self.model is None:
            return "Tutkintojen ja tutkinnon osien viralliset koodit (viitetieto, ei muokata käsin)."
        return " ".join((self.model.__doc__ or "").split())


KINDS: tuple[Kind, ...] = (
    Kind("alue", "data/alue.yml", models.Region, "alue", macros=("alue",)),
    Kind(
        "tukiorganisaatiot",
        "data/tukiorganisaatiot.yml",
        models.Supporters,
        "tukiorganisaatiot",
        macros=("tukiorganisaatiot",),
    ),
    Kind(
        "hintatasot",
        "data/hintatasot.yml",
        models.PriceTiers,
        "hintatasot",
        macros=("hintataulukko", "esimerkkihinnat", "hinnoitteluesimerkki"),
    ),
    Kind("rahoitus", "data/rahoitus.yml", models.Funding, "rahoitus", macros=("rahoituskaavio",)),
    Kind(
        "vuosikello",
        "data/vuosikello.yml",
        models.AnnualClock,
        "vuosikello",
        macros=("vuosikello", "kalenterilinkit", "seuraavaksi"),
    ),
    Kind(
        "osapuolet",
        "data/osapuolet/",
        models.Party,
        "osapuoli",
        many=True,
        macros=(
            "osapuolet",
            "osapuoli",
            "yhteistyon_tila",
            "tilasana",
            "kappalemaara",
            "allekirjoitukset",
            "ajankohtaista",
        ),
    ),
    Kind(
        "vastuuhenkilot",
        "data/vastuuhenkilot/",
        models.Contact,
        "vastuuhenkilo",
        many=True,
        macros=("vastuuhenkilot", "osapuoli", "raportti"),
    ),
    Kind(
        "tunnistamisraportit",
        "docs/tunnistamisraportit/",
        models.Report,
        "tunnistamisraportti",
        many=True,
        front_matter=True,
        macros=("raportti", "raporttihaku", "osapuoli"),
    ),
    Kind(
        "ajankohtaista",
        "data/ajankohtaista/",
        models.Article,
        "uutinen",
        many=True,
        front_matter=True,
        macros=("ajankohtaista", "syotelinkit"),
    ),
    Kind(
        "huomautukset",
        "data/huomautukset.yml",
        models.EditorialNotes,
        "huomautukset",
        macros=("huomautus", "yllapidon_tilanne"),
    ),
    Kind(
        "versiot",
        "data/versiot.yml",
        models.Versions,
        "versiot",
        macros=("versio", "versiohistoria", "allekirjoitukset", "yhteistyon_tila", "koko_asiakirja"),
    ),
    Kind("polut", "data/polut.yml", models.Paths, "polut", macros=("polku", "pajajaksosopimus")),
    Kind(
        "kiintiopaikat",
        "data/kiintiopaikat.yml",
        models.QuotaPlaces,
        "kiintiopaikat",
        macros=("kiintiopaikat", "osapuoli", "ajankohtaista", "pajajaksosopimus"),
    ),
    Kind("viitetiedot", REFERENCE_FILE, None, macros=("raportti", "raporttihaku")),
    Kind(
        "viitetietolisaykset",
        ADDITIONS_FILE,
        models.ReferenceAdditions,
        "viitetietolisaykset",
        macros=("raportti", "raporttihaku"),
    ),
)

BY_NAME = {kind.name: kind for kind in KINDS}
EDITABLE = tuple(kind for kind in KINDS if kind.model is not None)


def kinds_shown_by(macro: str) -> tuple[Kind, ...]:
    return tuple(kind for kind in KINDS if macro in kind.macros)


def generic_macros() -> dict[str, Kind]:
    """Macro name → kind, for kinds shown by a template of their own (no parameters)."""
    return {kind.name: kind for kind in KINDS if kind.template}


def vscode_schemas() -> dict[str, str]:
    """VS Code's yaml.schemas setting: schema file → the data files it describes (YAML files only)."""
    return {
        f"./schemas/{kind.schema}.schema.json": kind.path + ("*.yml" if kind.many else "")
        for kind in EDITABLE
        if not kind.front_matter
    }
