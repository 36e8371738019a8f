"""Reference code lists shipped as data: qualifications, their perusteet and units (read-only, trusted)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

REFERENCE_FILE = "data/viitetiedot/tutkintojen-rakenteet.json"
KINDS = {"pakollinen": "pakollinen", "osaamisalakohtainen": "osaamisalan pakollinen", "valinnainen": "valinnainen"}


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    points: int | None
    kind: str


@dataclass
class Peruste:
    code: str
    name: str
    diaarinumero: str
    units: dict[str, Unit] = field(default_factory=dict)


@dataclass
class Reference:
    perusteet: dict[tuple[str, str], Peruste]
    names: dict[str, str] = field(default_factory=dict)  # every qualification listed, structure or not

    def versions(self, code: str) -> list[Peruste]:
        return [p for (c, _d), p in self.perusteet.items() if c == code]

    def qualification_codes(self) -> list[str]:
        return sorted({c for (c, _d), p in self.perusteet.items() if p.units})

    def homes_of_unit(self, unit_code: str) -> list[Peruste]:
        return [p for p in self.perusteet.values() if unit_code in p.units]

    def closest(self, code: str, choices) -> str | None:
        """The likeliest intended code: a transposition of the same digits first, then the most similar."""
        choices = list(choices)
        same_digits = [c for c in choices if sorted(c) == sorted(code) and c != code]
        if same_digits:
            return get_close_matches(code, same_digits, n=1, cutoff=0)[0]
        found = get_close_matches(code, choices, n=1, cutoff=0.5)
        return found[0] if found else None


def load_reference(root: Path) -> Reference:
    """The reference list (read whole: it is trusted, developer-owned data)."""
    data = json.loads((Path(root) / REFERENCE_FILE).read_text(encoding="utf-8"))
    perusteet, names = {}, {}
    for entry in data["qualifications"]:
        code, diaari = str(entry["code"]), str(entry.get("diaarinumero", ""))
        names.setdefault(code, entry["name_fi"])
        if not diaari:
            continue
        units = {
            str(u["code"]): Unit(str(u["code"]), u["name_fi"], u.get("points"), u.get("kind", ""))
            for u in entry.get("units", [])
        }
        perusteet[(code, diaari)] = Peruste(code, entry["name_fi"], diaari, units)
    return Reference(perusteet, names)
