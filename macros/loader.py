"""The one loader: reads every data file once, validates it against the models, runs the cross-checks.

`load_site(root)` returns the Site and every Problem found, sorted by file and line. The build, the
`make check` command and the tests all go through it.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import finnish, yamlsource
from .messages import problems_from
from .models import (AnnualClock, Article, Contact, Funding, Party, PriceTiers, Record, Region, Report,
                     Supporters)
from .reference import REFERENCE_FILE, Reference, load_reference
from .problems import Problem
from .yamlsource import Source

DATA = "data"
M = TypeVar("M", bound=BaseModel)

# Single data files and their models; folders hold one record per file. Each entry also names the
# JSON Schema generated from the model (schemas/<name>.schema.json).
SINGLE_FILES = {
    "alue.yml": (Region, "alue"),
    "tukiorganisaatiot.yml": (Supporters, "tukiorganisaatiot"),
    "hintatasot.yml": (PriceTiers, "hintatasot"),
    "rahoitus.yml": (Funding, "rahoitus"),
    "vuosikello.yml": (AnnualClock, "vuosikello"),
}
FOLDERS = {
    "osapuolet": (Party, "osapuoli"),
    "vastuuhenkilot": (Contact, "vastuuhenkilo"),
}
REPORTS = "docs/tunnistamisraportit"   # one Markdown file per report, the data in its front matter
REPORT_MACRO = "{{ raportti() }}"
NEWS = "data/ajankohtaista"             # one Markdown file per news item, front matter + text
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=")
FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.yml$")


@dataclass
class Site:
    """Everything the site shows, validated."""

    region: Region | None = None
    parties: list[Party] = field(default_factory=list)
    supporters: list = field(default_factory=list)
    price_tiers: PriceTiers | None = None
    funding: Funding | None = None
    clock: AnnualClock | None = None
    contacts: list[Contact] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    reference: Reference | None = None
    # Ids of records whose file exists but is invalid: references to them are not reported twice.
    broken_ids: set[str] = field(default_factory=set)

    # Derived views, computed once: the loader fills the lists before anything reads these.
    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    @cached_property
    def memo(self) -> dict:
        """Results that several pages share (e.g. the coverage matrix), computed on first use."""
        return {}

    @property
    def workshops(self) -> list[Party]:
        return [p for p in self.parties if p.is_workshop]

    @property
    def providers(self) -> list[Party]:
        return [p for p in self.parties if not p.is_workshop]


def _holds_records(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return True
    return any(_holds_records(arg) for arg in get_args(annotation))


@lru_cache(maxsize=None)
def _nested_fields(model: type) -> tuple[str, ...]:
    """Fields of a model that can hold records (computed once per model, to keep loading fast)."""
    return tuple(name for name, info in model.model_fields.items() if _holds_records(info.annotation))


def _attach(record: Record, source: Source, path: tuple = ()) -> None:
    """Give a record and its nested records their source, so that checks can point at a line."""
    record._source, record._path = source, path
    for name in _nested_fields(type(record)):
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, Record):
                _attach(item, source, path + ((name, index) if isinstance(value, list) else (name,)))


def _scan_text(text: str, file: str, line_offset: int = 0) -> list[Problem]:
    """Checks on the raw text: no henkilötunnus anywhere."""
    problems = []
    if not finnish.may_contain_personal_identity_code(text):
        return problems
    for number, line in enumerate(text.splitlines(), start=1 + line_offset):
        column = finnish.find_personal_identity_code(line)
        if column is not None:
            problems.append(Problem(file, number, column + 1,
                                    "rivillä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se"))
    return problems


def validate(model: type[M], data: object, source: Source, problems: list[Problem]) -> M | None:
    if not isinstance(data, dict):
        problems.append(source.problem((), "tiedoston pitää sisältää kenttiä muodossa 'avain: arvo'"))
        return None
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, source))
        return None
    _attach(record, source)
    return record


def read_record(path: Path, root: Path, model: type[M], problems: list[Problem]) -> M | None:
    """Read one YAML data file and validate it against model."""
    file = path.relative_to(root).as_posix()
    text, raw_problems = yamlsource.decode(path.read_bytes(), file)
    if text is None:
        problems.extend(raw_problems)
        return None
    if text.strip() and not SCHEMA_LINE.match(text):
        raw_problems.append(Problem(file, 1, 1, "ensimmäisen rivin pitää olla "
                                    "'# yaml-language-server: $schema=…' (kopioi se toisesta tiedostosta)"))
    raw_problems += _scan_text(text, file)
    data, source, parse_problems = yamlsource.parse(text, file)
    _SOURCES.append(source)
    problems.extend(raw_problems + parse_problems)
    if parse_problems:
        return None
    return validate(model, data, source, problems)


def load_front_matter_files(root: Path, folder: str, model: type[M], problems: list[Problem], site: Site,
                            required_text: str | None = None) -> list[M]:
    """Markdown files whose front matter is the record and whose body is its free text."""
    records = []
    for path in sorted((root / folder).glob("*.md")):
        file = path.relative_to(root).as_posix()
        if not FILE_NAME.match(path.stem + ".yml"):
            problems.append(Problem(file, 1, 1, "tiedoston nimessä saa olla vain pieniä kirjaimia a–z, "
                                    "numeroita ja väliviivoja, ja sen pitää päättyä .md"))
            continue
        text, decode_problems = yamlsource.decode(path.read_bytes(), file)
        if text is None:
            problems.extend(decode_problems)
            continue
        front, body, offset = yamlsource.split_front_matter(text)
        if front is None:
            problems.append(Problem(file, 1, 1, "tiedoston pitää alkaa tiedoilla rivien '---' välissä "
                                    "(kopioi malli toisesta tiedostosta)"))
            continue
        before = len(problems)
        body_line = text[: len(text) - len(body)].count("\n") + 1
        problems.extend(_scan_text(front, file, line_offset=offset) + _scan_text(body, file, body_line - 1))
        data, source, parse_problems = yamlsource.parse(front, file, line_offset=offset)
        _SOURCES.append(source)
        problems.extend(parse_problems)
        record = None if parse_problems else validate(model, data, source, problems)
        if required_text and required_text not in body:
            problems.append(Problem(file, body_line, 1, f"tekstiosasta puuttuu rivi {required_text}, joka "
                                    "näyttää raportin tiedot: lisää se heti toisen '---'-rivin alle"))
        if record is None or len(problems) > before:
            site.broken_ids.add(f"{folder.rsplit('/', 1)[-1]}/{path.stem}")
        if record is not None:
            record._id, record._body = path.stem, body
            records.append(record)
    return records


_SOURCES: list[Source] = []  # sources of the load in progress
LOAD_COUNT = 0  # how many times the data was loaded in this process (the benchmark checks: once per build)


def load_site(root: Path) -> tuple[Site, list[Problem]]:
    """Load, validate and cross-check everything under root (the project folder)."""
    global LOAD_COUNT
    LOAD_COUNT += 1
    # Loading creates many objects that all stay alive: the cyclic garbage collector would scan them
    # again and again for nothing (a third of the time at national scale), so it waits until we are done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_site(Path(root))
    finally:
        # Every problem has its line by now: drop the YAML node trees, and let the collector skip the
        # loaded data for the rest of the build.
        for source in _SOURCES:
            source.root = None
        _SOURCES.clear()
        if collecting:
            gc.enable()
            gc.freeze()


def _load_site(root: Path) -> tuple[Site, list[Problem]]:
    data_dir = root / DATA
    problems: list[Problem] = []
    site = Site()
    single = {}
    for name, (model, _schema) in SINGLE_FILES.items():
        path = data_dir / name
        if not path.exists():
            problems.append(Problem(f"{DATA}/{name}", 1, 1, "tiedosto puuttuu: palauta se versiohistoriasta"))
            continue
        single[name] = read_record(path, root, model, problems)
    site.region = single.get("alue.yml")
    site.supporters = single["tukiorganisaatiot.yml"].tukiorganisaatiot if single.get("tukiorganisaatiot.yml") else []
    site.price_tiers = single.get("hintatasot.yml")
    site.funding = single.get("rahoitus.yml")
    site.clock = single.get("vuosikello.yml")

    for folder, (model, _schema) in FOLDERS.items():
        records = []
        for path in sorted((data_dir / folder).glob("*")):
            if path.name.startswith(".") or path.is_dir():
                continue
            file = path.relative_to(root).as_posix()
            if not FILE_NAME.match(path.name):
                problems.append(Problem(file, 1, 1, "tiedoston nimessä saa olla vain pieniä kirjaimia a–z, "
                                        "numeroita ja väliviivoja, ja sen pitää päättyä .yml"))
                continue
            record = read_record(path, root, model, problems)
            if record is not None:
                record._id = path.stem
                records.append(record)
            else:
                site.broken_ids.add(f"{folder}/{path.stem}")
        setattr(site, {"osapuolet": "parties", "vastuuhenkilot": "contacts"}[folder], records)
    site.parties.sort(key=lambda p: p.nimi.casefold())
    site.reports = load_front_matter_files(root, REPORTS, Report, problems, site, REPORT_MACRO)
    site.articles = load_front_matter_files(root, NEWS, Article, problems, site)
    if (root / REFERENCE_FILE).exists():
        site.reference = load_reference(root)
    else:
        problems.append(Problem(REFERENCE_FILE, 1, 1, "viitetiedosto puuttuu: palauta se versiohistoriasta"))

    from .checks import cross_check
    problems.extend(cross_check(site))
    return site, sorted(set(problems))
