"""Versions of the agreement: what it prints (its text, price tiers, funding figures and original parties),
as it is now and as it was when each version was agreed, read from the repository's history.

A version is an entry in data/versiot.yml. Its content is the content of the files in the commit that first
listed it; the check compares the working tree with the latest version's content, so that a change to
anything the agreement prints needs a new version with a change note. Editorial notes ({{ huomautus(...) }})
are not the agreement's text and need no version.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
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
    text = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n"))
    text = _NOTE_LINE.sub("", _EDITORIAL_BOX.sub("", text if text.endswith("\n") else text + "\n"))
    return tuple(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())


def _folded(paragraphs) -> tuple[str, ...]:
    """Paragraphs compared as a reader reads them: line breaks and runs of spaces do not count."""
    return tuple(" ".join(p.split()) for p in paragraphs)


def _yaml(text: str | None) -> dict:
    try:
        data = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
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
        return file.read_text(encoding="utf-8") if file.is_file() and not file.is_symlink() else None

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


def version_commits(root: Path, days: dict[str, str] | None = None) -> dict[str, str] | None:
    """Version number → the commit that first listed it in data/versiot.yml; None when the project has no
    history to read (not a git repository or git missing). With days (number → its day, as the versions
    file gives it now), a version counts only with the same day: a new region made from this template
    starts its own 1.0, which the template's history does not have."""
    log = _git(root, "log", "--reverse", "--format=%H", "--", VERSIONS_FILE)
    if log is None:
        return None
    commits = log.split()
    texts = _blobs(root, [f"{c}:{VERSIONS_FILE}" for c in commits])
    found: dict[str, str] = {}
    for commit in commits:
        for entry in _yaml(texts[f"{commit}:{VERSIONS_FILE}"]).get("versiot") or ():
            if isinstance(entry, dict) and entry.get("numero") is not None:
                number = str(entry["numero"])
                if days is None or str(entry.get("paiva")) == days.get(number):
                    found.setdefault(number, commit)
    return found


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
    """Each version's content from the repository (None where the history does not reach it)."""

    contents: dict[str, Content | None]
    commits: dict[str, str]


def history(root: Path, versions) -> History | None:
    """The content of each version (models.Version) that the repository's history holds."""
    numbers = [v.numero for v in versions]
    commits = version_commits(root, {v.numero: v.paiva.isoformat() for v in versions})
    if commits is None:
        return None
    contents = git_contents(root, sorted({commits[n] for n in numbers if n in commits}))
    return History({n: contents[commits[n]] if n in commits else None for n in numbers}, commits)


def check(root: Path, site) -> list:
    """The latest version still describes what the agreement prints; otherwise a Finnish error at the version.
    (Run by `make check` and the pull-request check, which have the repository's history.)"""
    from .problems import NOTICE

    record = site.records.get("versiot")
    if record is None or not record.versiot:
        return []
    latest = record.versiot[-1]
    commits = version_commits(root, {v.numero: v.paiva.isoformat() for v in record.versiot})
    if commits is None:
        return [
            latest.problem(
                "linjausten sisältöä ei voitu verrata versioon, koska projektissa ei ole versiohistoriaa (git): "
                "vertailu tehdään muutospyynnön tarkistuksessa",
                "numero",
                level=NOTICE,
            )
        ]
    if latest.numero not in commits:
        return []  # a version added in this change: the content it describes is the one in the files now
    changed = differences(git_content(root, commits[latest.numero]), working_tree_content(root))
    if not changed:
        return []
    return [
        latest.problem(
            f"linjausten sisältö on muuttunut versiosta {latest.numero} ({'; '.join(changed)}): lisää tiedoston "
            "loppuun uusi versio (numero, paiva ja muutokset), kun osapuolet ovat sopineet muutoksesta kirjallisesti",
            "numero",
        )
    ]
