"""The one loader: reads every editor's file once, validates it against the models, runs the cross-checks.

`load_site(root)` returns the Site and every Problem found, sorted by file and line. The build, the
`make check` command and the tests all go through it. What it reads comes from the registry of data
kinds (registry.KINDS) plus the pages under docs/, and it refuses what must not reach the site: links
to elsewhere on the disk, files of the wrong kind, oversized or deeply nested YAML, page code other than
the documented macro calls, henkilötunnus in any form. An unexpected error while reading one file
becomes a Finnish message that names the file; it never stops the others.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import finnish, pages, yamlsource
from .models import PageMeta, Record
from .problems import DataError, Problem, problems_from
from .reference import REFERENCE_FILE, load_reference
from .registry import EDITABLE, Kind
from .site import Site
from .yamlsource import Source

DATA, DOCS = "data", "docs"
M = TypeVar("M", bound=BaseModel)

# Folders the developers own (reviewed as code, see .github/CODEOWNERS): any file may be there.
DEVELOPER_FOLDERS = ("data/viitetiedot", "docs/assets", "docs/javascripts", "docs/stylesheets")
ATTACHMENTS = {".png", ".jpg", ".jpeg", ".webp", ".pdf"}  # files an editor may add beside the pages
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=")
FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NAME_RULE = "tiedoston nimessä saa olla vain pieniä kirjaimia a–z, numeroita ja väliviivoja"
SINGLE = {kind.path: kind for kind in EDITABLE if not kind.many}
FOLDERS = {kind.path.rstrip("/"): kind for kind in EDITABLE if kind.many}


def _attach(record: Record, source: Source, path: tuple = ()) -> None:
    """Give a record and its nested records their source, so that checks can point at a line."""
    record._source, record._path = source, path
    for name in record.nested_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, Record):
                _attach(item, source, path + ((name, index) if isinstance(value, list) else (name,)))


# --- henkilötunnus and other characters, in the text and in the decoded values ------------------------

HETU_MESSAGE = "rivillä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se"
# Control characters, line and paragraph separators, bidirectional overrides, and the invisible characters
# (zero-width space and joiners, word joiner, byte-order mark) that can hide a henkilötunnus from a search.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_MAY_HIDE = re.compile(r"[\\&<*_`~\[]")
_DIGIT = re.compile(r"\d")
# A henkilötunnus has nine digits on one line: split by markup or written as character references, they are
# still nine digits on that line. Texts without such a line need no closer look.
_NINE_DIGITS = re.compile(r"(?:\d[^\d\n]*){8}\d")


def scan_text(text: str, file: str, line_offset: int = 0, markdown: bool = False) -> list[Problem]:
    """Checks on the raw text: no henkilötunnus and no invisible control characters anywhere. In Markdown the
    henkilötunnus is also looked for in the text as shown (without escapes, character references and tags)."""
    problems = []
    shown = _joined(text) if markdown else text  # line for line, what a reader reads as one line
    hidden = markdown and _MAY_HIDE.search(text) and _NINE_DIGITS.search(shown)
    if hidden or finnish.may_contain_personal_identity_code(text):
        plain = True if finnish.is_plain(text) else None  # lines of a plain text are plain
        for number, (line, joined) in enumerate(
            zip(text.split("\n"), shown.split("\n"), strict=True), start=1 + line_offset
        ):
            column = finnish.find_personal_identity_code(line, plain)
            if column is None and markdown and (joined != line or _MAY_HIDE.search(line)) and _DIGIT.search(joined):
                column = finnish.find_personal_identity_code(pages.shown_text(joined))
            if column is not None:
                problems.append(Problem(file, number, column + 1, HETU_MESSAGE))
    for match in _CONTROL.finditer(text):
        before = text[: match.start()]
        problems.append(
            Problem(
                file,
                before.count("\n") + 1 + line_offset,
                match.start() - (before.rfind("\n") + 1) + 1,
                f"tekstissä on näkymätön ohjausmerkki (koodi {ord(match.group()):#06x}): poista "
                "se; se on voinut tulla mukaan kopioidessa",
            )
        )
        break
    return problems


# Comments and tags, also when they run over several lines.
_SPANNING = re.compile(r"<!--.*?-->|<[^<>]*>", re.S)


def _joined(text: str) -> str:
    """Markdown with each comment or tag that runs over lines taken out and its line breaks moved to the end of
    the line it joins: what it split ("1310<!--" / "-->52-308T") reads as one line, and every line keeps its
    number."""
    if "<" not in text:
        return text
    out, last, owed = [], 0, 0
    for match in _SPANNING.finditer(text):
        if "\n" not in match.group():
            continue
        out.append(_pay(text[last : match.start()], owed))
        owed = 0 if "\n" in text[last : match.start()] else owed
        owed += match.group().count("\n")
        last = match.end()
    out.append(_pay(text[last:], owed))
    return "".join(out)


def _pay(piece: str, owed: int) -> str:
    """piece with owed line breaks put back at its first line end (or at its end)."""
    if not owed:
        return piece
    at = piece.find("\n")
    return piece + "\n" * owed if at < 0 else piece[:at] + "\n" * owed + piece[at:]


def _values(data, path=()):
    """Every text in decoded YAML data (bytes from !!binary too), with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(key, path)
            yield from _values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, (*path, index))
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
    data, source, parse_problems = yamlsource.parse(text, file, line_offset=line_offset, fields=model.all_field_names)
    problems.extend(parse_problems)
    # Decoding can only make a henkilötunnus that the text itself does not show through an escape ("\x2D")
    # or a tag (!!binary): the scan of the raw text (scan_text) covers every other file.
    if not parse_problems and ("\\" in text or "!!" in text):
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
        raw_problems.append(
            Problem(
                file,
                1,
                1,
                "ensimmäisen rivin pitää olla '# yaml-language-server: $schema=…' (kopioi se toisesta tiedostosta)",
            )
        )
    raw_problems += scan_text(text, file)
    problems.extend(raw_problems)
    data, source = _parse_checked(text, file, model, 0, problems)
    return None if data is None else validate(model, data, source, problems)


def read_front_matter_file(
    path: Path, root: Path, model: type[M] | None, problems: list[Problem], templated: bool, required: str | None = None
) -> tuple[M | None, list | None, bool]:
    """A Markdown file: its front matter (validated against model, or page settings when model is None)
    and its body (checked as a page when templated; required names a macro the body must call).
    Returns (record, body parts, whether it had errors, lines before the body)."""
    file = path.relative_to(root).as_posix()
    before = len(problems)
    text, decode_problems = yamlsource.decode(path.read_bytes(), file)
    if text is None:
        problems.extend(decode_problems)
        return None, None, True, 0
    front, body, offset = yamlsource.split_front_matter(text)
    if front is None and model is not None:
        problems.append(
            Problem(
                file, 1, 1, "tiedoston pitää alkaa tiedoilla rivien '---' välissä (kopioi malli toisesta tiedostosta)"
            )
        )
        return None, None, True, 0
    body_line = text[: len(text) - len(body)].count("\n")
    problems.extend(scan_text(text, file, markdown=True))
    record = None
    if front is not None:
        data, source = _parse_checked(front, file, model or PageMeta, offset, problems)
        if data is not None:
            record = validate(model or PageMeta, data, source, problems)
    if model is None and record is not None and record.render_macros is False:
        templated = False
    parts, body_problems = pages.check_body(body, file, body_line, templated, front is not None)
    problems.extend(body_problems)
    if required and not body_problems and not any(isinstance(p, pages.Call) and p.name == required for p in parts):
        problems.append(
            Problem(
                file,
                body_line + 1,
                1,
                f"tekstiosasta puuttuu rivi {{{{ {required}() }}}}, joka "
                "näyttää raportin tiedot: lisää se heti toisen '---'-rivin alle",
            )
        )
    return record, parts, len(problems) > before, body_line


# --- the tree ----------------------------------------------------------------------------------------

_MARKDOWN_LIKE = (".markdown", ".mdown", ".mkd", ".txt")


def _kind_problem(relative: str) -> str | None:
    """None when a file may be in this place under data/ or docs/; otherwise what to do."""
    folder, _, name = relative.rpartition("/")
    suffix = Path(name).suffix.lower()
    if folder.startswith(DEVELOPER_FOLDERS):
        return None
    kind = FOLDERS.get(folder)
    if kind is not None:
        if suffix == kind.suffix:
            return None
        if suffix == ".yaml" and kind.suffix == ".yml":
            return "tiedostopäätteen pitää olla .yml (ei .yaml): nimeä tiedosto uudelleen"
        if suffix in _MARKDOWN_LIKE and kind.suffix == ".md":
            return "tiedostopäätteen pitää olla .md: nimeä tiedosto uudelleen"
        return f"kansiossa {folder}/ on vain {kind.suffix}-tiedostoja: siirrä tiedosto oikeaan kansioon tai poista se"
    if relative.startswith(DOCS + "/"):
        if suffix == ".md" or suffix in ATTACHMENTS:
            return None
        if suffix in _MARKDOWN_LIKE:
            return "sivun tiedostopäätteen pitää olla .md: nimeä tiedosto uudelleen"
        return (
            f"tiedostotyyppi {suffix or '(ei päätettä)'} ei kuulu kansioon docs/: sivut ovat .md-tiedostoja ja "
            f"liitteet {', '.join(sorted(ATTACHMENTS))} -tiedostoja"
        )
    if relative in SINGLE:
        return None
    if folder == DATA:
        if suffix == ".yaml" and relative[:-5] + ".yml" in SINGLE:
            return f"tiedoston nimen pitää olla {name[:-5]}.yml (pääte .yml, ei .yaml)"
        names = ", ".join(path.rpartition("/")[2] for path in SINGLE)
        return f"kansiossa data/ ovat vain tiedostot {names} ja kansiot: siirrä tiedosto oikeaan kansioon tai poista se"
    return f"kansio {folder}/ ei kuulu sivuston tietoihin: siirrä tiedosto oikeaan kansioon tai poista se"


def content_files(root: Path, problems: list[Problem]) -> list[str]:
    """Every file under data/ and docs/ that the site may read (paths relative to root, sorted). A symbolic
    link, or a file of a kind that does not belong where it is, is a problem and is left out."""
    found = []
    for top in (DATA, DOCS):
        base = os.path.join(root, top)
        for folder, dirs, files in os.walk(base):
            # Plain strings, not Path objects: a national site has thousands of files.
            inside = os.path.relpath(folder, root).replace(os.sep, "/")
            for name in sorted(dirs + files):
                relative = f"{inside}/{name}"
                if name.startswith("."):
                    if name in dirs:
                        dirs.remove(name)
                    continue
                if os.path.islink(os.path.join(folder, name)):
                    problems.append(
                        Problem(
                            relative,
                            1,
                            1,
                            "tiedosto tai kansio on linkki toiseen paikkaan "
                            "(symbolinen linkki): lisää tiedosto itse, älä linkkiä",
                        )
                    )
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
        problems.append(
            Problem(
                file,
                1,
                1,
                "tiedoston lukeminen keskeytyi odottamattomaan virheeseen "
                f"(tekninen tunnus: {type(exc).__name__}): tarkista tiedosto ja "
                "ilmoita sivuston kehittäjille",
            )
        )
        return None


def _read_kind(
    kind: Kind, files: list[str], root: Path, problems: list[Problem], broken: set[str], pages_found: dict
) -> object:
    """One kind's record, or its records in file-name order."""
    if not kind.many:
        if kind.path not in files:
            if not (root / kind.path).is_symlink():
                problems.append(Problem(kind.path, 1, 1, "tiedosto puuttuu: palauta se versiohistoriasta"))
            return None
        record = _guarded(kind.path, problems, read_record, root / kind.path, root, kind.model, problems)
        if record is None:
            broken.add(kind.name)  # an invalid single file: what refers into it is not reported as well
        return record
    records = []
    for file in files:
        if file.rpartition("/")[0] + "/" != kind.path:
            continue
        path = root / file
        record_id = f"{kind.name}/{path.stem}"
        if not FILE_NAME.match(path.stem):
            problems.append(Problem(file, 1, 1, f"{NAME_RULE}, ja sen pitää päättyä {kind.suffix}"))
            continue
        if kind.front_matter:
            required = "raportti" if kind.name == "tunnistamisraportit" else None
            result = _guarded(
                file,
                problems,
                read_front_matter_file,
                path,
                root,
                kind.model,
                problems,
                file.startswith(DOCS + "/"),
                required,
            )
            record, parts, failed, body_line = result or (None, None, True, 0)
            if parts is not None and file.startswith(DOCS + "/"):
                pages_found[file[len(DOCS) + 1 :]] = (tuple(parts), body_line)
            if record is not None:
                record._body = "".join(p for p in parts or () if isinstance(p, str))
                record._body_line = body_line
        else:
            before = len(problems)
            record = _guarded(file, problems, read_record, path, root, kind.model, problems)
            failed = len(problems) > before
        if failed or record is None:
            broken.add(record_id)
        if record is not None:
            record._id = path.stem
            records.append(record)
    return tuple(records)


def load_site(root: Path, today: date | None = None) -> tuple[Site, list[Problem]]:
    """Load, validate and cross-check everything under root (the project folder); the data is judged as of
    today (by default the build date)."""
    root = Path(root)
    problems: list[Problem] = []
    files = content_files(root, problems)
    broken: set[str] = set()  # records whose file exists but is invalid: references to them are not reported
    pages_found: dict[str, tuple] = {}
    records = {kind.name: _read_kind(kind, files, root, problems, broken, pages_found) for kind in EDITABLE}
    owned = {kind.path for kind in EDITABLE if kind.front_matter}
    for file in files:
        if file.startswith(DOCS + "/") and file.endswith(".md") and file.rpartition("/")[0] + "/" not in owned:
            result = _guarded(file, problems, read_front_matter_file, root / file, root, None, problems, True)
            if result and result[1] is not None:
                pages_found[file[len(DOCS) + 1 :]] = (tuple(result[1]), result[3])
    reference = None
    if (root / REFERENCE_FILE).exists():
        reference = load_reference(root, records.get("viitetietolisaykset"))
    else:
        problems.append(Problem(REFERENCE_FILE, 1, 1, "viitetiedosto puuttuu: palauta se versiohistoriasta"))
    navigation, not_in_nav = read_navigation(root)
    site = Site(
        records,
        reference,
        {p: v[0] for p, v in pages_found.items()},
        {p: v[1] for p, v in pages_found.items()},
        navigation,
        not_in_nav,
    )

    from .crosschecks import cross_check

    problems.extend(cross_check(site, frozenset(broken), today or build_date()))
    return site, sorted(set(problems))


def read_navigation(root: Path) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The pages of mkdocs.yml's nav and its not_in_nav patterns (mkdocs.yml is the developers' file)."""
    config_file = root / "mkdocs.yml"
    if not config_file.exists():
        return None, ()

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and other tags: not needed here
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                yield from walk(value)

    nav = config.get("nav")
    patterns = tuple(line.strip().lstrip("/") for line in (config.get("not_in_nav") or "").splitlines() if line.strip())
    return (frozenset(walk(nav)) if nav else None), patterns


def build_date() -> date:
    """The day the data is judged on: LINJAUKSET_PAIVA (YYYY-MM-DD) or SOURCE_DATE_EPOCH when set (tests and
    reproducible builds), otherwise today."""
    try:
        if os.environ.get("LINJAUKSET_PAIVA"):
            return date.fromisoformat(os.environ["LINJAUKSET_PAIVA"])
        if os.environ.get("SOURCE_DATE_EPOCH"):
            return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC).date()
    except ValueError:
        raise DataError(
            [
                Problem(
                    "LINJAUKSET_PAIVA",
                    1,
                    1,
                    "ympäristömuuttujan LINJAUKSET_PAIVA pitää olla päivä "
                    "muodossa VVVV-KK-PP ja SOURCE_DATE_EPOCHin sekunteja",
                )
            ]
        ) from None
    return date.today()
