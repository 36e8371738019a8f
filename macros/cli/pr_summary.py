"""What a pull request does to the data, in Finnish, for the check's summary page.

`python -m macros.cli.pr_summary BASE_DIR HEAD_DIR` compares two checkouts and prints Markdown: every changed
file under data/ and docs/ by name, what the change means (a party added, a signature recorded…) and
the check's problems. Everything taken from the files is escaped, so that no value can add a heading,
a link or a picture to the summary.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..data import versions
from ..data.finnish import fi_date
from ..data.loader import DATA, DOCS, load_site
from ..data.problems import NOTICE, WARNING, errors
from ..data.site import Site

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&:\"'=@$])")
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def md(value: object) -> str:
    """Text from the data as inert GitHub Markdown: on one line, every punctuation mark escaped."""
    return _MARKDOWN.sub(r"\\\1", _BREAKS.sub(" ", str(value)).strip())


def _diff(label: str, before: dict, after: dict, describe) -> list[str]:
    lines = []
    for key in sorted(after.keys() - before.keys()):
        lines.append(f"- Lisätty {label}: {md(describe(after[key]))}")
    for key in sorted(before.keys() - after.keys()):
        lines.append(f"- Poistettu {label}: {md(describe(before[key]))}")
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key].model_dump(), after[key].model_dump()
        changed = [name for name in new if old.get(name) != new.get(name)]
        if changed or getattr(before[key], "body", None) != getattr(after[key], "body", None):
            fields = ", ".join(
                changed + (["teksti"] if hasattr(after[key], "body") and before[key].body != after[key].body else [])
            )
            lines.append(f"- Muutettu {label}: {md(describe(after[key]))} (kentät: {md(fields)})")
    return lines


def changes(before: Site, after: Site) -> list[str]:
    lines = []
    lines += _diff("osapuoli", {p.id: p for p in before.parties}, {p.id: p for p in after.parties}, lambda p: p.nimi)
    old_signed = {p.id for p in before.parties if p.allekirjoitettu}
    for party in after.parties:
        if party.allekirjoitettu and party.id not in old_signed:
            lines.append(f"- Allekirjoitus kirjattu: {md(party.nimi)} ({fi_date(party.allekirjoitettu)})")
    lines += _diff(
        "vastuuhenkilö",
        {c.id: c for c in before.contacts},
        {c.id: c for c in after.contacts},
        lambda c: f"{c.nimi}, {c.tehtava}",
    )
    lines += _diff(
        "tunnistamisraportti",
        {r.id: r for r in before.reports},
        {r.id: r for r in after.reports},
        lambda r: f"{r.oppimisymparisto} ({r.tyopaja})",
    )
    old_clock = {a.tunnus: a for a in (before.clock.toiminnot if before.clock else [])}
    new_clock = {a.tunnus: a for a in (after.clock.toiminnot if after.clock else [])}
    lines += _diff("vuosikellon toiminto", old_clock, new_clock, lambda a: a.otsikko)
    lines += _diff(
        "uutinen", {a.id: a for a in before.articles}, {a.id: a for a in after.articles}, lambda a: a.otsikko
    )

    def supporters(site: Site) -> dict:
        return {s.nimi: s for s in (site.supporters.tukiorganisaatiot if site.supporters else ())}

    lines += _diff("tukiorganisaatio", supporters(before), supporters(after), lambda s: s.nimi)
    for name, attr in (
        ("hintatasot", "price_tiers"),
        ("rahoitusmallin luvut", "funding"),
        ("alueen tiedot", "region"),
        ("vuosikellon renkaat tai alkuvuosi", "clock"),
    ):
        old, new = getattr(before, attr), getattr(after, attr)
        if attr == "clock":
            old = old and old.model_dump(exclude={"toiminnot"})
            new = new and new.model_dump(exclude={"toiminnot"})
        else:
            old, new = old and old.model_dump(), new and new.model_dump()
        if old is not None and new is not None and old != new:
            lines.append(f"- Muutettu: {name}")
    return lines


def changed_files(base: Path, head: Path) -> list[tuple[str, str]]:
    """(path, 'lisätty' | 'muutettu' | 'poistettu') for every file under data/ and docs/ that differs."""

    def files(root: Path) -> dict[str, Path]:
        found = {}
        for top in (DATA, DOCS):
            for path in (root / top).rglob("*"):
                if path.is_file() or path.is_symlink():
                    found[path.relative_to(root).as_posix()] = path
        return found

    old, new = files(base), files(head)
    result = [(name, "lisätty") for name in new.keys() - old.keys()]
    result += [(name, "poistettu") for name in old.keys() - new.keys()]
    for name in old.keys() & new.keys():
        a, b = old[name], new[name]
        if a.is_symlink() or b.is_symlink():
            if a.is_symlink() != b.is_symlink() or a.readlink() != b.readlink():
                result.append((name, "muutettu"))
        elif a.read_bytes() != b.read_bytes():
            result.append((name, "muutettu"))
    return sorted(result)


def summary(base: Path, head: Path) -> str:
    before, _ = load_site(base)
    after, problems = load_site(head)
    if not errors(problems):  # compared only once the files themselves are valid
        problems = [*problems, *versions.check(head, after)]
    out = ["## Muutoksen vaikutus tietoihin", ""]
    files = changed_files(base, head)
    if files:
        out += ["Muuttuneet tiedostot:", ""]
        out += [f"- {md(name)} ({status})" for name, status in files]
        out.append("")
        found = changes(before, after)
        if found:
            out += ["Mitä muutos tekee:", "", *found]
        else:
            out.append("Muutos koskee vain sivujen tekstiä tai tiedostoja, joista ei koosteta taulukoita.")
    else:
        out.append("Muutos ei muuta sivuston tietoja eikä sivuja (vain koodia tai ohjeita).")
    out.append("")
    blocking = errors(problems)
    if blocking:
        out.append(
            f"**Tiedoissa on {len(blocking)} {'virhe' if len(blocking) == 1 else 'virhettä'}**, ja "
            "sivustoa ei julkaista ennen korjausta:"
        )
        out.append("")
        out += [f"- {md(p.file)} rivi {p.line}: {md(p.message)}" for p in blocking]
    else:
        out.append(
            "Tiedot ovat kunnossa. Esikatseltava sivusto on ladattavissa tämän tarkistuksen "
            "tiedostoista (*sivusto-esikatselu*)."
        )
    # Warnings wherever they are; notices only on the files this change touches (the rest are on the
    # site's "Ylläpidon tilanne" page).
    touched = {name for name, _status in files}
    advice = [p for p in problems if p.level == WARNING or (p.level == NOTICE and p.file in touched)]
    if advice:
        out += ["", "Varoitukset ja huomautukset (eivät estä julkaisua):", ""]
        out += [f"- {md(p.file)} rivi {p.line} ({p.level}): {md(p.message)}" for p in advice]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("käyttö: python -m macros.cli.pr_summary VANHA_KANSIO UUSI_KANSIO", file=sys.stderr)
        return 2
    try:
        print(summary(Path(argv[0]), Path(argv[1])), end="")
    except Exception as exc:  # noqa: BLE001 - the summary is for editors: never a traceback
        print(
            "## Muutoksen vaikutus tietoihin\n\nYhteenvetoa ei voitu koota odottamattoman virheen vuoksi "
            f"(tekninen tunnus: {type(exc).__name__}). Katso tietojen tarkistuksen viestit."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
