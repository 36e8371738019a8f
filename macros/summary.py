"""What a pull request does to the data, in Finnish, for the check's summary page.

`python -m macros.summary BASE_DIR HEAD_DIR` compares two checkouts and prints Markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .finnish import fi_date
from .loader import Site, load_site


def _diff(label: str, before: dict, after: dict, describe) -> list[str]:
    lines = []
    for key in sorted(after.keys() - before.keys()):
        lines.append(f"- Lisätty {label}: {describe(after[key])}")
    for key in sorted(before.keys() - after.keys()):
        lines.append(f"- Poistettu {label}: {describe(before[key])}")
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key].model_dump(), after[key].model_dump()
        changed = [name for name in new if old.get(name) != new.get(name)]
        if changed:
            lines.append(f"- Muutettu {label}: {describe(after[key])} (kentät: {', '.join(changed)})")
    return lines


def changes(before: Site, after: Site) -> list[str]:
    lines = []
    lines += _diff("osapuoli", {p.id: p for p in before.parties}, {p.id: p for p in after.parties},
                   lambda p: p.nimi)
    old_signed = {p.id for p in before.parties if p.allekirjoitettu}
    for party in after.parties:
        if party.allekirjoitettu and party.id not in old_signed:
            lines.append(f"- Allekirjoitus kirjattu: {party.nimi} ({fi_date(party.allekirjoitettu)})")
    lines += _diff("vastuuhenkilö", {c.id: c for c in before.contacts}, {c.id: c for c in after.contacts},
                   lambda c: f"{c.nimi}, {c.tehtava}")
    lines += _diff("tunnistamisraportti", {r.id: r for r in before.reports}, {r.id: r for r in after.reports},
                   lambda r: f"{r.oppimisymparisto} ({r.tyopaja})")
    old_clock = {a.tunnus: a for a in (before.clock.toiminnot if before.clock else [])}
    new_clock = {a.tunnus: a for a in (after.clock.toiminnot if after.clock else [])}
    lines += _diff("vuosikellon toiminto", old_clock, new_clock, lambda a: a.otsikko)
    lines += _diff("uutinen", {a.id: a for a in before.articles}, {a.id: a for a in after.articles},
                   lambda a: a.otsikko)
    for name, attr in (("hintatasot", "price_tiers"), ("rahoitusmallin luvut", "funding"), ("alueen tiedot", "region")):
        old, new = getattr(before, attr), getattr(after, attr)
        if old is not None and new is not None and old.model_dump() != new.model_dump():
            lines.append(f"- Muutettu: {name}")
    return lines


def summary(base: Path, head: Path) -> str:
    before, _ = load_site(base)
    after, problems = load_site(head)
    out = ["## Muutoksen vaikutus tietoihin", ""]
    found = changes(before, after)
    out += found or ["Muutos ei muuta sivuston tietoja (vain tekstiä tai koodia)."]
    out.append("")
    if problems:
        out.append(f"**Tiedoissa on {len(problems)} virhettä**, ja sivustoa ei julkaista ennen korjausta:")
        out.append("")
        out += [f"- `{p.file}` rivi {p.line}: {p.message}" for p in problems]
    else:
        out.append("Tiedot ovat kunnossa. Esikatseltava sivusto on ladattavissa tämän tarkistuksen "
                   "tiedostoista (*sivusto-esikatselu*).")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("käyttö: python -m macros.summary VANHA_KANSIO UUSI_KANSIO", file=sys.stderr)
        return 2
    print(summary(Path(argv[0]), Path(argv[1])), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
