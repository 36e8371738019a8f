"""Versions of the agreement: what it prints (its text, price tiers, funding figures and original parties),
as it is now and as it was when each version was agreed, read from the repository's history.

A version is an entry in data/versiot.yml. Its content is the files as they were just before the next
version was first listed (on the main line of history: merges count as one step); the latest version's content
is the files as they are. The check compares a change with its base (the pull request's base commit, or where
this branch left main): a change to anything the agreement prints needs a new version with a change note, and a
new version needs a change, in whatever order the change's commits add them. Editorial notes
({{ huomautus(...) }}) are not the agreement's text and need no version.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import yaml

from .pages import AGREEMENT_SECTIONS

VERSIONS_FILE = "data/versiot.yml"
SECTION_FILE = "docs/linjaukset/{}.md"
PRICES_FILE = "data/hintatasot.yml"
FUNDING_FILE = "data/rahoitus.yml"
PARTIES_FOLDER = "data/osapuolet/"
SECTION_TITLES = {
    "sopijaosapuolet": "Sopijaosapuolet",
    "voimaantulo-ja-voimassaolo": "Voimaantulo ja voimassaolo",
    "tarkoitus-ja-lahtokohdat": "Tarkoitus ja lähtökohdat",
    "yhteistyon-toimintamalli": "Yhteistyön toimintamalli",
    "osapuolten-vastuualueet": "Osapuolten vastuualueet",
    "rahoitus": "Rahoitus",
    "salassapito": "Salassapito",
    "irtisanominen-muuttaminen-tai-purkaminen": "Irtisanominen/muuttaminen tai purkaminen",
    "asiakirjojen-lukumaara": "Asiakirjojen lukumäärä",
    "allekirjoitukset": "Allekirjoitukset",
    "liite": "Liite",
}
_NOTE_LINE = re.compile(r"^\s*\{\{\s*huomautus\(.*\)\s*\}\}\s*$", re.M)
# An editorial box in a section ("!!! info toimitus …" and its indented lines): the site's, not the text's.
_EDITORIAL_BOX = re.compile(r"^!!! [^\n]*\btoimitus\b[^\n]*\n(?:[ \t]*\n|    [^\n]*\n)*", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass(frozen=True)
class Content:
    """What the agreement prints, in a form that compares and reads well."""

    sections: tuple[tuple[str, tuple[str, ...]], ...]  # section → its Markdown paragraphs
    tiers: tuple[tuple[str, object, object], ...]  # (name, lowest, highest) euros a day
    funding: tuple[tuple[str, object], ...]  # (share, percent), and the special support percentage last
    originals: tuple[str, ...]  # the original parties' names, sorted


def _paragraphs(markdown: str) -> tuple[str, ...]:
    text = _FRONT_MATTER.sub("", markdown.removeprefix("\ufeff").replace("\r\n", "\n"))
    text = _NOTE_LINE.sub("", _EDITORIAL_BOX.sub("", text if text.endswith("\n") else text + "\n"))
    return tuple(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())


def _folded(paragraphs) -> tuple[str, ...]:
    """Paragraphs compared as a reader reads them: line breaks and runs of spaces do not count."""
    return tuple(" ".join(p.split()) for p in paragraphs)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(text: str | None) -> dict:
    try:
        data = yaml.load(text, Loader=_Loader) if text else None
    except (yaml.YAMLError, RecursionError, MemoryError):
        return {}
    return data if isinstance(data, dict) else {}


def content_of(read: Callable[[str], str | None], party_files: list[str]) -> Content:
    """The content from files read by path (relative to the project); lenient with old files."""
    sections = tuple((name, _paragraphs(read(SECTION_FILE.format(name)) or "")) for name in AGREEMENT_SECTIONS)
    prices = _yaml(read(PRICES_FILE))
    tiers = tuple(
        (str(t.get("nimi", "")), t.get("vahintaan"), t.get("enintaan"))
        for t in prices.get("tasot") or ()
        if isinstance(t, dict)
    )
    funding_data = _yaml(read(FUNDING_FILE))
    shares = [
        (str(s.get("nimi", "")), s.get("prosentti")) for s in funding_data.get("osuudet") or () if isinstance(s, dict)
    ]
    funding = (*shares, ("erityinen tuki", funding_data.get("erityinen_tuki_prosentti")))
    originals = []
    for file in party_files:
        party = _yaml(read(file))
        if party.get("alkuperainen") is True and party.get("nimi"):
            originals.append(str(party["nimi"]))
    return Content(sections, tiers, funding, tuple(sorted(originals)))


def working_tree_content(root: Path) -> Content:
    def read(path: str) -> str | None:
        file = root / path
        if not file.is_file() or file.is_symlink():
            return None
        return file.read_bytes().decode("utf-8", errors="replace")

    parties = sorted(f"{PARTIES_FOLDER}{p.name}" for p in (root / PARTIES_FOLDER).glob("*.yml"))
    return content_of(read, parties)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _blobs(root: Path, specs: list[str]) -> dict[str, str | None]:
    """Many files at once ("commit:path" → text, None when missing), with one `git cat-file --batch`."""
    if not specs:
        return {}
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "cat-file", "--batch"],
            input="".join(f"{s}\n" for s in specs).encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return dict.fromkeys(specs)
    out, position, found = result.stdout, 0, {}
    for spec in specs:
        end = out.find(b"\n", position)
        header = out[position:end].split()
        if end < 0 or len(header) != 3:  # "<spec> missing"
            found[spec] = None
            position = end + 1
            continue
        size = int(header[2])
        found[spec] = out[end + 1 : end + 1 + size].decode("utf-8", errors="replace")
        position = end + 1 + size + 1
    return found


def git_contents(root: Path, commits: list[str]) -> dict[str, Content]:
    """The content at each commit, read with one batch of file reads."""
    parties = {}
    for commit in commits:
        listing = _git(root, "ls-tree", "--name-only", commit, PARTIES_FOLDER) or ""
        parties[commit] = sorted(line for line in listing.splitlines() if line.endswith(".yml"))
    files = [SECTION_FILE.format(name) for name in AGREEMENT_SECTIONS] + [PRICES_FILE, FUNDING_FILE]
    specs = [f"{c}:{path}" for c in commits for path in [*files, *parties[c]]]
    texts = _blobs(root, specs)
    return {c: content_of(lambda path, c=c: texts.get(f"{c}:{path}"), parties[c]) for c in commits}


def git_content(root: Path, commit: str) -> Content:
    return git_contents(root, [commit])[commit]


def _own_repository(root: Path) -> bool:
    """Whether root is a git repository's own top folder (not a folder inside another project, whose history
    is not the history of these files)."""
    top = _git(root, "rev-parse", "--show-toplevel")
    return top is not None and Path(top.strip()).resolve() == root.resolve()


def version_commits(root: Path, days: dict[str, str] | None = None) -> dict[str, str | None] | None:
    """Version number → the last commit before data/versiot.yml first listed it on the main line of history
    (the first parent of the commit that added it; None for a root commit); None when the project has no
    history to read (not a git repository of its own, or git missing). With days (number → its day, as the
    versions file gives it now), a version counts only with the same day: a new region made from this
    template starts its own 1.0, which the template's history does not have."""
    if not _own_repository(root):
        return None
    log = _git(root, "log", "--first-parent", "--reverse", "--format=%H %P", "--", VERSIONS_FILE)
    if log is None:
        return None
    commits = [[*line.split(), None][:2] for line in log.splitlines() if line.strip()]
    texts = _blobs(root, [f"{c}:{VERSIONS_FILE}" for c, _ in commits])
    found: dict[str, str | None] = {}
    for commit, parent in commits:
        for number, day in _listed(texts[f"{commit}:{VERSIONS_FILE}"]):
            if days is None or day == days.get(number):
                found.setdefault(number, parent)
    return found


def _listed(text: str | None) -> list[tuple[str, str]]:
    """(number, day) of each version a versions file lists."""
    entries = _yaml(text).get("versiot") or ()
    return [
        (str(e["numero"]), str(e.get("paiva"))) for e in entries if isinstance(e, dict) and e.get("numero") is not None
    ]


def base_commit(root: Path) -> tuple[str | None, str]:
    """The commit a change is compared with, and the name LINJAUKSET_VERTAILUKOHTA gave if history has no such
    commit ("" otherwise). The workflows set it to the pull request's base or the commit before a push; without
    it (or when it is not found), where this branch left main (origin's or the local one), else the last
    commit. (None, "") without history."""
    if not _own_repository(root):
        return None, ""
    named = os.environ.get("LINJAUKSET_VERTAILUKOHTA", "").strip()
    unknown = ""
    if named and set(named) != {"0"}:  # all zeros: a push that created the branch
        found = None if named.startswith("-") else _git(root, "rev-parse", "--verify", "--quiet", f"{named}^{{commit}}")
        if found:
            return found.strip(), ""
        unknown = re.sub(r"[^0-9A-Za-z._/-]", "", named)[:40]
    for branch in ("origin/main", "origin/master", "main", "master"):
        found = _git(root, "merge-base", "HEAD", branch)
        if found:
            return found.strip(), unknown
    found = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    return (found.strip() if found else None), unknown


def _euros(low, high) -> str:
    return f"{low}–{high} €/päivä" if high is not None else f"alkaen {low} €/päivä"


def differences(old: Content, new: Content) -> list[str]:
    """What changed, in Finnish, one line per change."""
    found = []
    old_sections, new_sections = dict(old.sections), dict(new.sections)
    for name in AGREEMENT_SECTIONS:
        if _folded(old_sections.get(name, ())) != _folded(new_sections.get(name, ())):
            found.append(f"luvun {SECTION_TITLES[name]} teksti")
    old_tiers = {t[0]: t for t in old.tiers}
    new_tiers = {t[0]: t for t in new.tiers}
    for name in sorted(old_tiers.keys() | new_tiers.keys()):
        if name not in new_tiers:
            found.append(f"hintataso {name} poistettu")
        elif name not in old_tiers:
            found.append(f"hintataso {name} lisätty ({_euros(*new_tiers[name][1:])})")
        elif old_tiers[name] != new_tiers[name]:
            found.append(f"hintataso {name}: {_euros(*old_tiers[name][1:])} → {_euros(*new_tiers[name][1:])}")
    old_funding, new_funding = dict(old.funding), dict(new.funding)
    for name in sorted(old_funding.keys() | new_funding.keys()):
        if old_funding.get(name) != new_funding.get(name):
            found.append(f"rahoitus {name}: {old_funding.get(name, '–')} % → {new_funding.get(name, '–')} %")
    for name in sorted(set(old.originals) - set(new.originals)):
        found.append(f"alkuperäinen osapuoli {name} poistettu tai nimi muuttunut")
    for name in sorted(set(new.originals) - set(old.originals)):
        found.append(f"alkuperäinen osapuoli {name} lisätty tai nimi muuttunut")
    return found


def changed_paragraphs(old: Content, new: Content) -> list[tuple[str, list[str], list[str]]]:
    """For each changed section: (title, paragraphs only in the old text, paragraphs only in the new)."""
    result = []
    old_sections, new_sections = dict(old.sections), dict(new.sections)
    for name in AGREEMENT_SECTIONS:
        before, after = old_sections.get(name, ()), new_sections.get(name, ())
        folded_before, folded_after = _folded(before), _folded(after)
        if folded_before != folded_after:
            result.append(
                (
                    SECTION_TITLES[name],
                    [p for p, f in zip(before, folded_before, strict=True) if f not in folded_after],
                    [p for p, f in zip(after, folded_after, strict=True) if f not in folded_before],
                )
            )
    return result


@dataclass(frozen=True)
class History:
    """Each version's content (None where the history does not reach it); the latest is the files as they are."""

    contents: dict[str, Content | None]


def history(root: Path, versions) -> History | None:
    """The content of each version (models.Version): the files just before the next version was first listed,
    the latest version's the files as they are now."""
    numbers = [v.numero for v in versions]
    if not numbers:
        return History({})
    listed = version_commits(root, {v.numero: v.paiva.isoformat() for v in versions})
    if listed is None:
        return None
    frozen = {number: listed[following] for number, following in pairwise(numbers) if listed.get(following)}
    contents = git_contents(root, sorted(set(frozen.values())))
    found: dict[str, Content | None] = {n: contents[frozen[n]] if n in frozen else None for n in numbers[:-1]}
    found[numbers[-1]] = working_tree_content(root)
    return History(found)


def check(root: Path, site) -> list:
    """Compared with its base, a change to what the agreement prints comes with a new version, and a new version
    with a change; otherwise a Finnish error at the version. (Run by `make check` and the pull-request check.)"""
    from .problems import NOTICE

    record = site.records.get("versiot")
    if record is None or not record.versiot:
        return []
    latest = record.versiot[-1]
    base, unknown = base_commit(root)
    if base is None:
        return [
            latest.problem(
                "linjausten sisältöä ei voitu verrata versioon, koska projektissa ei ole versiohistoriaa (git): "
                "vertailu tehdään muutospyynnön tarkistuksessa",
                "numero",
                level=NOTICE,
            )
        ]
    listed_before = _listed(_blobs(root, [f"{base}:{VERSIONS_FILE}"])[f"{base}:{VERSIONS_FILE}"])
    days_before = dict(listed_before)
    now = [(v.numero, v.paiva.isoformat()) for v in record.versiot]
    days_now = dict(now)
    if listed_before and len(now) == 1 and now[0] not in listed_before:
        # A region made from the template (make uusi-alue) starts its own history: said, so a reviewer sees it.
        return [
            latest.problem(
                f"linjausten versiohistoria alkaa alusta versiosta {latest.numero} (uusi alue): aiempia versioita "
                "ei verrata",
                "numero",
                level=NOTICE,
            )
        ]
    problems = []
    if unknown:
        problems.append(
            latest.problem(
                f"vertailukohtaa {unknown} ei löytynyt versiohistoriasta: muutosta verrattiin kohtaan, jossa haara "
                "erkani päähaarasta",
                "numero",
                level=NOTICE,
            )
        )
    for number, _day in listed_before:
        if number not in days_now:
            problems.append(
                latest.problem(
                    f"versio {number} on poistettu tai sen numeroa on muutettu: sovittu versio pysyy "
                    "historiassa, palauta se",
                    "numero",
                )
            )
    for version in record.versiot:
        old_day = days_before.get(version.numero)
        if old_day is not None and old_day != version.paiva.isoformat():
            problems.append(
                version.problem(
                    f"sovitun version {version.numero} päivää on muutettu ({old_day} → {version.paiva.isoformat()}): "
                    "palauta päivä; jos se oli kirjattu väärin, korjatkaa se ylläpitäjän kanssa omana muutoksenaan",
                    "paiva",
                )
            )
    if any(p.level != NOTICE for p in problems):
        return problems
    added = [v for v in record.versiot if v.numero not in days_before]
    changed = differences(git_content(root, base), working_tree_content(root))
    if changed and not added:
        problems.append(
            latest.problem(
                f"linjausten sisältö on muuttunut versiosta {latest.numero} ({'; '.join(changed)}): lisää tiedoston "
                "loppuun uusi versio (numero, paiva ja muutokset), kun osapuolet ovat sopineet muutoksesta "
                "kirjallisesti",
                "numero",
            )
        )
    elif added and not changed:
        problems.append(
            added[-1].problem(
                f"uusi versio {added[-1].numero} ei muuta linjausten tekstiä eikä lukuja: tee muutos samassa "
                "muutospyynnössä (esimerkiksi hintatasot.yml tai linjausten luku) tai poista uusi versio",
                "numero",
            )
        )
    return problems
