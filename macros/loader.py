"""The one loader: reads every editor's file once, validates it against the models, runs the cross-checks.

`load_site(root)` returns the Site and every Problem found, sorted by file and line. The build, the
`make check` command and the tests all go through it. It reads everything an editor can change under
`data/` and `docs/`: data files, reports, news and the pages themselves, and refuses what must not reach
the site (links to elsewhere on the disk, files of the wrong kind, oversized or deeply nested YAML,
page code other than the documented macro calls, henkilötunnus in any form). An unexpected error while
reading one file becomes a Finnish message that names the file; it never stops the others.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import finnish, pages, yamlsource
from .messages import problems_from
from .models import (AnnualClock, Article, Contact, Funding, PageMeta, Party, PriceTiers, Record, Region, Report,
                     Supporters)
from .problems import Problem
from .reference import REFERENCE_FILE, Reference, load_reference
from .yamlsource import Source

DATA, DOCS = "data", "docs"
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
REPORT_MACRO = pages.REPORT_MACRO
NEWS = "data/ajankohtaista"             # one Markdown file per news item, front matter + text
# Folders the developers own (reviewed as code, see .github/CODEOWNERS): any file may be there.
DEVELOPER_FOLDERS = ("data/viitetiedot", "docs/assets", "docs/javascripts", "docs/stylesheets")
ATTACHMENTS = {".png", ".jpg", ".jpeg", ".webp", ".pdf"}   # files an editor may add beside the pages
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=")
FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.yml$")
NAME_RULE = "tiedoston nimessä saa olla vain pieniä kirjaimia a–z, numeroita ja väliviivoja"


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
    # Every page under docs/ (reports too) as checked text and macro calls, by its path under docs/.
    pages: dict[str, list[pages.Part]] = field(default_factory=dict)
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


# --- henkilötunnus and other characters, in the text and in the decoded values ------------------------

HETU_MESSAGE = "rivillä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def scan_text(text: str, file: str, line_offset: int = 0) -> list[Problem]:
    """Checks on the raw text: no henkilötunnus and no invisible control characters anywhere."""
    problems = []
    if finnish.may_contain_personal_identity_code(text):
        for number, line in enumerate(text.split("\n"), start=1 + line_offset):
            column = finnish.find_personal_identity_code(line)
            if column is not None:
                problems.append(Problem(file, number, column + 1, HETU_MESSAGE))
    for match in _CONTROL.finditer(text):
        before = text[: match.start()]
        problems.append(Problem(file, before.count("\n") + 1 + line_offset, match.start() - (before.rfind("\n") + 1) + 1,
                                f"tekstissä on näkymätön ohjausmerkki (koodi {ord(match.group()):#06x}): poista "
                                "se; se on voinut tulla mukaan kopioidessa"))
        break
    return problems


def _values(data, path=()):
    """Every text in decoded YAML data (bytes from !!binary too), with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(key, path)
            yield from _values(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, path + (index,))
    elif isinstance(data, bytes):
        yield path, data.decode("utf-8", "replace")
    elif isinstance(data, str):
        yield path, data


def scan_values(data, source: Source) -> list[Problem]:
    """A henkilötunnus that only appears once YAML has decoded the text (an escape such as \\x2D)."""
    for path, text in _values(data):
        if finnish.may_contain_personal_identity_code(text) and finnish.find_personal_identity_code(text) is not None:
            return [source.problem(path, HETU_MESSAGE)]
    return []


# --- reading one file --------------------------------------------------------------------------------

def validate(model: type[M], data: object, source: Source, problems: list[Problem]) -> M | None:
    if not isinstance(data, dict):
        problems.append(source.problem((), "tiedoston pitää sisältää kenttiä muodossa 'avain: arvo'"))
        return None
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, source, model))
        return None
    _attach(record, source)
    return record


def _parse_checked(text: str, file: str, model: type, line_offset: int, problems: list[Problem]):
    """YAML text → (data or None, Source); the problems of the text and its values go to problems."""
    data, source, parse_problems = yamlsource.parse(text, file, line_offset=line_offset, fields=field_names(model))
    problems.extend(parse_problems)
    if not parse_problems:
        hetu = scan_values(data, source)
        if hetu and not any(p.message == HETU_MESSAGE for p in problems):
            problems.extend(hetu)
    return (None if parse_problems else data), source


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
    raw_problems += scan_text(text, file)
    problems.extend(raw_problems)
    data, source = _parse_checked(text, file, model, 0, problems)
    return None if data is None else validate(model, data, source, problems)


def read_front_matter_file(path: Path, root: Path, model: type[M] | None, problems: list[Problem],
                           templated: bool, required: str | None = None) -> tuple[M | None, list | None, bool]:
    """A Markdown file: its front matter (validated against model, or page settings when model is None)
    and its body (checked as a page when templated; required names a macro the body must call).
    Returns (record, body parts, whether it had errors)."""
    file = path.relative_to(root).as_posix()
    before = len(problems)
    text, decode_problems = yamlsource.decode(path.read_bytes(), file)
    if text is None:
        problems.extend(decode_problems)
        return None, None, True
    front, body, offset = yamlsource.split_front_matter(text)
    if front is None and model is not None:
        problems.append(Problem(file, 1, 1, "tiedoston pitää alkaa tiedoilla rivien '---' välissä "
                                "(kopioi malli toisesta tiedostosta)"))
        return None, None, True
    body_line = text[: len(text) - len(body)].count("\n")
    problems.extend(scan_text(text, file))
    record = None
    if front is not None:
        data, source = _parse_checked(front, file, model or PageMeta, offset, problems)
        if data is not None:
            record = validate(model or PageMeta, data, source, problems)
    if model is None and record is not None and record.render_macros is False:
        templated = False
    parts, body_problems = pages.check_body(body, file, body_line, templated)
    problems.extend(body_problems)
    if required and not body_problems and not any(isinstance(p, pages.Call) and p.name == required for p in parts):
        problems.append(Problem(file, body_line + 1, 1, f"tekstiosasta puuttuu rivi {{{{ {required}() }}}}, joka "
                                                        "näyttää raportin tiedot: lisää se heti toisen '---'-rivin alle"))
    return record, parts, len(problems) > before


# --- the tree ----------------------------------------------------------------------------------------

def _kind_problem(relative: str) -> str | None:
    """None when a file may be in this place under data/ or docs/; otherwise what to do."""
    folder, _, name = relative.rpartition("/")
    suffix = Path(name).suffix.lower()
    if folder.startswith(DEVELOPER_FOLDERS):
        return None
    if relative.startswith(DOCS + "/"):
        if suffix == ".md" or suffix in ATTACHMENTS:
            return None
        if suffix in (".markdown", ".mdown", ".mkd", ".txt"):
            return "sivun tiedostopäätteen pitää olla .md: nimeä tiedosto uudelleen"
        return (f"tiedostotyyppi {suffix or '(ei päätettä)'} ei kuulu kansioon docs/: sivut ovat .md-tiedostoja ja "
                f"liitteet {', '.join(sorted(ATTACHMENTS))} -tiedostoja")
    if folder == DATA:
        if name in SINGLE_FILES:
            return None
        if suffix == ".yaml" and name[:-5] + ".yml" in SINGLE_FILES:
            return f"tiedoston nimen pitää olla {name[:-5]}.yml (pääte .yml, ei .yaml)"
        return (f"kansiossa data/ ovat vain tiedostot {', '.join(SINGLE_FILES)} ja kansiot: siirrä tiedosto "
                "oikeaan kansioon tai poista se")
    sub = folder[len(DATA) + 1:]
    if sub in FOLDERS:
        if suffix == ".yml":
            return None
        if suffix == ".yaml":
            return "tiedostopäätteen pitää olla .yml (ei .yaml): nimeä tiedosto uudelleen"
        return f"kansiossa {folder}/ on vain .yml-tiedostoja: siirrä tiedosto oikeaan kansioon tai poista se"
    if folder == NEWS:
        if suffix == ".md":
            return None
        if suffix in (".markdown", ".mdown", ".mkd", ".txt"):
            return "uutisen tiedostopäätteen pitää olla .md: nimeä tiedosto uudelleen"
        return f"kansiossa {NEWS}/ on vain .md-tiedostoja: siirrä tiedosto oikeaan kansioon tai poista se"
    return f"kansio {folder}/ ei kuulu sivuston tietoihin: siirrä tiedosto oikeaan kansioon tai poista se"


def content_files(root: Path, problems: list[Problem]) -> list[str]:
    """Every file under data/ and docs/ that the site may read (paths relative to root, sorted). A symbolic
    link, or a file of a kind that does not belong where it is, is a problem and is left out."""
    found = []
    for top in (DATA, DOCS):
        for folder, dirs, files in os.walk(root / top):
            here = Path(folder)
            for name in sorted(dirs + files):
                path = here / name
                relative = path.relative_to(root).as_posix()
                if name.startswith("."):
                    if name in dirs:
                        dirs.remove(name)
                    continue
                if path.is_symlink():
                    problems.append(Problem(relative, 1, 1, "tiedosto tai kansio on linkki toiseen paikkaan "
                                                            "(symbolinen linkki): lisää tiedosto itse, älä linkkiä"))
                    if name in dirs:
                        dirs.remove(name)
                    continue
                if name in dirs:
                    continue
                problem = _kind_problem(relative)
                if problem:
                    problems.append(Problem(relative, 1, 1, problem))
                else:
                    found.append(relative)
    return sorted(found)


def _guarded(file: str, problems: list[Problem], read, *args):
    """Run one file's reading; an unexpected error becomes a Finnish message naming the file."""
    try:
        return read(*args)
    except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
        problems.append(Problem(file, 1, 1, "tiedoston lukeminen keskeytyi odottamattomaan virheeseen "
                                            f"(tekninen tunnus: {type(exc).__name__}): tarkista tiedosto ja "
                                            "ilmoita sivuston kehittäjille"))
        return None


LOAD_COUNT = 0  # how many times the data was loaded in this process (the benchmark checks: once per build)


def load_site(root: Path) -> tuple[Site, list[Problem]]:
    """Load, validate and cross-check everything under root (the project folder)."""
    global LOAD_COUNT
    LOAD_COUNT += 1
    # Loading creates many objects that all stay alive: the cyclic garbage collector would scan them
    # again and again for nothing, so it waits until we are done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_site(Path(root))
    finally:
        if collecting:
            gc.enable()


def _load_site(root: Path) -> tuple[Site, list[Problem]]:
    problems: list[Problem] = []
    site = Site()
    files = content_files(root, problems)
    present = set(files)

    single = {}
    for name, (model, _schema) in SINGLE_FILES.items():
        file = f"{DATA}/{name}"
        if file not in present:
            if not (root / file).is_symlink():
                problems.append(Problem(file, 1, 1, "tiedosto puuttuu: palauta se versiohistoriasta"))
            continue
        single[name] = _guarded(file, problems, read_record, root / file, root, model, problems)
    site.region = single.get("alue.yml")
    site.supporters = single["tukiorganisaatiot.yml"].tukiorganisaatiot if single.get("tukiorganisaatiot.yml") else []
    site.price_tiers = single.get("hintatasot.yml")
    site.funding = single.get("rahoitus.yml")
    site.clock = single.get("vuosikello.yml")

    for folder, (model, _schema) in FOLDERS.items():
        records = []
        for file in files:
            if not file.startswith(f"{DATA}/{folder}/"):
                continue
            path = root / file
            if not FILE_NAME.match(path.name):
                problems.append(Problem(file, 1, 1, f"{NAME_RULE}, ja sen pitää päättyä .yml"))
                continue
            record = _guarded(file, problems, read_record, path, root, model, problems)
            if record is not None:
                record._id = path.stem
                records.append(record)
            else:
                site.broken_ids.add(f"{folder}/{path.stem}")
        setattr(site, {"osapuolet": "parties", "vastuuhenkilot": "contacts"}[folder], records)
    site.parties.sort(key=lambda p: p.nimi.casefold())

    for file in files:
        folder = file.rpartition("/")[0]
        if not file.endswith(".md") or folder not in (REPORTS, NEWS) and not file.startswith(DOCS + "/"):
            continue
        path = root / file
        if folder in (REPORTS, NEWS) and not FILE_NAME.match(path.stem + ".yml"):
            problems.append(Problem(file, 1, 1, f"{NAME_RULE}, ja sen pitää päättyä .md"))
            continue
        model = Report if folder == REPORTS else Article if folder == NEWS else None
        result = _guarded(file, problems, read_front_matter_file, path, root, model, problems, folder != NEWS,
                          "raportti" if folder == REPORTS else None)
        record, parts, broken = result or (None, None, True)
        if folder != NEWS and parts is not None:
            site.pages[file[len(DOCS) + 1:]] = parts
        if model is None:
            continue
        if broken:
            site.broken_ids.add(f"{folder.rsplit('/', 1)[-1]}/{path.stem}")
        if record is not None:
            record._id, record._body = path.stem, "".join(p for p in parts or [] if isinstance(p, str))
            (site.reports if model is Report else site.articles).append(record)

    if (root / REFERENCE_FILE).exists():
        site.reference = load_reference(root)
    else:
        problems.append(Problem(REFERENCE_FILE, 1, 1, "viitetiedosto puuttuu: palauta se versiohistoriasta"))

    from .checks import cross_check
    problems.extend(cross_check(site))
    return site, sorted(set(problems))


@lru_cache(maxsize=None)
def field_names(model: type) -> frozenset[str]:
    """Every field name a model and its nested models know (for advice on misplaced lines)."""
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for arg in (info.annotation, *get_args(info.annotation)):
            for inner in (arg, *get_args(arg)):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    names |= field_names(inner)
    return frozenset(names)
