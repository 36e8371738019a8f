"""Everything the tests share: the project, builds, page text, data edits and small fixed samples.

Test modules import helpers from here (never from each other); fixtures are in conftest.py.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from html import unescape
from pathlib import Path

from macros.data.loader import load_site
from macros.data.models import Funding, Party, PriceTiers

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides", "schemas", "pyproject.toml")
ARTIFACTS = ROOT / "test-artifacts"
TODAY = "2026-11-29"  # the day the tests' builds describe (LINJAUKSET_PAIVA), whatever the calendar says

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
os.environ.setdefault("LINJAUKSET_PAIVA", TODAY)


# --- projects and builds ----------------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path) -> Path:
    """Build project strictly (warnings fail) into site_dir, in-process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir


def copy_project(target: Path) -> Path:
    """A copy of the site's sources that a test may change."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"), symlinks=True)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def check(project: Path) -> list[str]:
    """The check's errors and warnings for a project, as `make check` prints them (notices left out)."""
    _site, problems = load_site(project)
    return [p.plain() for p in problems if p.level != "huomautus"]


def notices(project: Path) -> list[str]:
    """The check's notices ("huomautus") for a project: facts an editor may want to look at, never blocking."""
    _site, problems = load_site(project)
    return [p.plain() for p in problems if p.level == "huomautus"]


def edit(project: Path, file: str, old: str, new: str) -> None:
    """Replace the first `old` in a project file; fails when the text is not there."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- built pages ------------------------------------------------------------------------------------------


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def site_paths(site: Path) -> list[str]:
    """Every page as a URL path ('' for the front page), sorted."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|td|th|tr|table|caption|h\d|br|section|figure|figcaption|"
    r"desc|title|text|nav|header|footer|article|main|dt|dd|dl)\b[^>]*>",
    re.I,
)


def text_of(html: str) -> str:
    """Visible text: block tags become spaces, inline tags vanish, white space (not NBSP) folds."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    body = re.sub(r"<[^>]+>", "", BLOCK_TAG.sub(" ", body))
    return re.sub(r"[ \t\r\n]+", " ", unescape(body))


def main_html(page: Path) -> str:
    """The page's article (its own content, without the theme's header, navigation and footer)."""
    html = page.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    return match.group(1) if match else html


def main_text(page: Path) -> str:
    return text_of(main_html(page))


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- small fixed samples for the renderers (independent of the example region's data) -------------------


def party(slug: str, **fields) -> Party:
    base = {
        "nimi": "Esimerkkipaja",
        "tyyppi": "työpaja",
        "y_tunnus": "2987651-6",
        "yllapitaja": "Esimerkin kunta",
        "kunnat": ["Esimerkki"],
        "verkkosivu": "https://paja.example",
        "alkuperainen": True,
        "liittynyt": "2025-01-10",
        "allekirjoitettu": "2025-02-01",
        "allekirjoituspaikka": "Esimerkki",
        "allekirjoittaja": {"nimi": "Testi Henkilö", "tehtava": "johtaja"},
    }
    record = Party.model_validate({**base, **fields})
    record._id = slug
    return record


def parties() -> list[Party]:
    return [
        party("alfa-paja", nimi="Alfa-paja"),
        party("beta-opisto", nimi="Beta-opisto", tyyppi="koulutuksen järjestäjä"),
        party(
            "gamma-paja",
            nimi="Gamma & paja",
            alkuperainen=False,
            liittynyt="2025-06-01",
            allekirjoitettu=None,
            allekirjoituspaikka=None,
            yllapitaja="Gamma ry",
        ),
    ]


def price_tiers() -> PriceTiers:
    return PriceTiers.model_validate(
        {
            "tasot": [
                {"tunnus": "perus", "nimi": "Perus", "sisalto": "Työvalmennus.", "vahintaan": 30, "enintaan": 45},
                {"tunnus": "vaativa", "nimi": "Vaativa", "sisalto": "Kaikki.", "vahintaan": 70},
            ],
            "esimerkkijaksot": [10, 20],
            "lahde": "Testi",
            "vuosi": 2026,
            "arvonlisavero": "veroton",
            "tarkistus": "Hinnat tarkistetaan syksyllä.",
        }
    )


def funding() -> Funding:
    return Funding.model_validate(
        {
            "osuudet": [
                {"tunnus": "a", "nimi": "Perus", "prosentti": 50, "kuvaus": "A."},
                {"tunnus": "b", "nimi": "Suoritus", "prosentti": 35, "kuvaus": "B."},
                {"tunnus": "c", "nimi": "Vaikuttavuus", "prosentti": 15, "kuvaus": "C."},
            ],
            "erityinen_tuki_prosentti": 150,
            "lahde": "Pohja",
            "vuosi": 2019,
        }
    )


def contact(slug: str, **fields):
    from macros.data.models import Contact

    base = {
        "osapuoli": "alfa-paja",
        "nimi": "Testi Henkilö",
        "tehtava": "valmentaja",
        "vastuualue": {"tyyppi": "organisaatio"},
        "sahkoposti": "testi.henkilo@paja.example",
        "puhelin": "040 000 0001",
        "kielet": ["fi"],
        "ensisijainen": False,
    }
    record = Contact.model_validate({**base, **fields})
    record._id = slug
    return record


def contacts():
    return [
        contact("toinen", nimi="Bertta Beta", vastuualue={"tyyppi": "ala", "kuvaus": "Puuala"}),
        contact("eka", nimi="Aapo Alfa", ensisijainen=True, kielet=["fi", "sv"]),
        contact(
            "opisto",
            osapuoli="beta-opisto",
            nimi="Cecilia Ö'Brien",
            ensisijainen=True,
            vastuualue={"tyyppi": "toimipiste", "kuvaus": "Kampus; B-talo"},
            puhelin="+358 50 000 0002",
        ),
    ]


def annual_clock(extra=()):
    from macros.data.models import AnnualClock

    return AnnualClock.model_validate(
        {
            "alkuvuosi": 2026,
            "renkaat": [{"tunnus": "tapaamiset", "nimi": "Tapaamiset"}, {"tunnus": "raha", "nimi": "Raha & laskut"}],
            "toiminnot": [
                {
                    "tunnus": "kevat",
                    "otsikko": "Kevättapaaminen",
                    "kuvaus": "Tapaaminen.",
                    "rengas": "tapaamiset",
                    "kuukausi": 3,
                    "toistuvuus": "vuosittain",
                    "vastuuosapuoli": "alfa-paja",
                },
                {
                    "tunnus": "laskutus",
                    "otsikko": "Laskutus <vuodenvaihde>",
                    "kuvaus": "Laskut.",
                    "rengas": "raha",
                    "alku": 11,
                    "loppu": 2,
                    "toistuvuus": "vuosittain",
                    "vastuurooli": "Talous",
                },
                {
                    "tunnus": "raportti",
                    "otsikko": "Raportti",
                    "kuvaus": "Koonti.",
                    "rengas": "raha",
                    "kuukausi": 12,
                    "toistuvuus": "vuosittain",
                    "vastuurooli": "Talous",
                },
                {
                    "tunnus": "vierailu",
                    "otsikko": "Vierailu",
                    "kuvaus": "Käynti.",
                    "rengas": "tapaamiset",
                    "paiva": "2027-05-12",
                    "toistuvuus": "kerran",
                    "vastuuosapuoli": "beta-opisto",
                    "linkki": "https://paja.example/vierailu",
                },
                *extra,
            ],
        }
    )


def reference():
    """A small reference list of fictional qualifications (not the shipped data): Esimerkkialan
    perustutkinto has a peruste in force and an older one whose transition period has ended."""
    from types import MappingProxyType

    from macros.data.reference import Peruste, Reference, Unit

    wood_units = {
        "900001": Unit("900001", "Puutöiden tekeminen", 45, "pakollinen"),
        "900002": Unit("900002", "Korjaustyöt & huolto", 15, "valinnainen"),
        "900003": Unit("900003", "Asiakaspalvelu", 30, "osaamisalakohtainen"),
    }
    old_wood = Peruste(
        "OPH-1-2015",
        "Esimerkkialan perustutkinto",
        ("111111",),
        starts=date(2015, 8, 1),
        ends=date(2020, 7, 31),
        transition_ends=date(2022, 12, 31),
        units=MappingProxyType({"900001": Unit("900001", "Puutyöt", 40, "pakollinen")}),
    )
    wood = Peruste(
        "OPH-1-2099",
        "Esimerkkialan perustutkinto",
        ("111111",),
        starts=date(2020, 8, 1),
        eperusteet_id=1234,
        units=MappingProxyType(wood_units),
    )
    garden = Peruste(
        "OPH-2-2099",
        "Toisen alan perustutkinto",
        ("222222",),
        starts=date(2021, 8, 1),
        units=MappingProxyType({"900010": Unit("900010", "Pihan hoito", 40, "pakollinen")}),
    )
    return Reference(
        (old_wood, wood, garden),
        MappingProxyType({"111111": wood.name, "222222": garden.name}),
        MappingProxyType({**{c: u.name for c, u in wood_units.items()}, "900010": "Pihan hoito", "900020": "Muu"}),
    )


def coverage(code: str, diaarinumero: str, units: list[dict]):
    from macros.data.models import QualificationCoverage

    return QualificationCoverage.model_validate({"koodi": code, "diaarinumero": diaarinumero, "tutkinnon_osat": units})


def report(slug: str, **fields):
    from macros.data.models import Report

    base = {
        "tyopaja": "alfa-paja",
        "kunta": "Esimerkki",
        "oppimisymparisto": "Puuverstas",
        "tyotehtavat": ["Huonekalujen korjaus"],
        "tutkinnot": [
            {
                "koodi": "111111",
                "diaarinumero": "OPH-1-2099",
                "tutkinnon_osat": [
                    {"koodi": "900001", "kattavuus": "kokonainen"},
                    {"koodi": "900002", "kattavuus": "osittainen", "osat": "Pienet korjaukset <ei moottoreita>."},
                ],
            }
        ],
        "osaamistodistus": True,
        "naytot": False,
        "tunnistajat": {
            "tyopaja": "Aapo Alfa, valmentaja",
            "opettaja": "Opettaja Esimerkki, puualan opettaja",
            "koulutuksen_jarjestaja": "beta-opisto",
        },
        "tunnistettu": "2025-05-02",
        "tarkistettava": "2026-05-02",
    }
    record = Report.model_validate({**base, **fields})
    record._id = slug
    return record


def reports():
    return [
        report("alfa-paja-puuverstas"),
        report(
            "gamma-paja-piha",
            tyopaja="gamma-paja",
            oppimisymparisto="Pihatyöt",
            kunta="Toinen kunta",
            tarkistettava="2027-01-01",
            tutkinnot=[
                {
                    "koodi": "222222",
                    "diaarinumero": "OPH-2-2099",
                    "tutkinnon_osat": [{"koodi": "900010", "kattavuus": "kokonainen"}],
                },
                {
                    "koodi": "111111",
                    "diaarinumero": "OPH-1-2099",
                    "tutkinnon_osat": [{"koodi": "900001", "kattavuus": "osittain", "osat": "Vain maalaus."}],
                },
            ],
        ),
    ]
