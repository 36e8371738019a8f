"""`python -m macros.cli.reference SOURCE_DIR`: the reference data the site ships, from the national lists.

SOURCE_DIR holds the code lists taken from Opetushallitus' public data (perusteet.yml,
koulutus-ammatillinen.yml, tutkinnonosat.yml, as in the project's shared reference folder). This writes
data/viitetiedot/viitetiedot.json: every peruste with its ePerusteet id, diaarinumero, qualifications,
validity dates (with the date they are known as of) and units where the source has them; the names of
all qualifications and units; the common units; and the source lines of every file. Versions of one
diaarinumero (several ePerusteet ids) are merged: the dates span all versions, the units are the newest
version's. Run it when a newer export arrives; never edit the JSON by hand (additions with a source go to
data/viitetiedot/lisaykset.yml).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

OUTPUT = "data/viitetiedot/viitetiedot.json"


def _header(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return [f"{path.name}: {line}" for line in lines if line]


def _unit(raw: dict) -> dict:
    """A unit: code, name, extent (osaamispisteet, or TUVA's weeks as a range), kind and group."""
    unit = {"koodi": str(raw["code"]), "nimi": raw["name_fi"]}
    for ours, theirs in (("laajuus", "points"), ("laji", "kind"), ("ryhma", "group")):
        if raw.get(theirs) is not None:
            unit[ours] = raw[theirs]
    if raw.get("points_unit") == "viikkoa":
        unit["laajuus_teksti"] = f"{raw.get('points_min', 0)}–{raw.get('points_max', '')} viikkoa"
    return unit


def _merge(versions: list[dict]) -> dict:
    """One diaarinumero's versions as one peruste: dates over all versions, the newest version's units."""
    versions = sorted(versions, key=lambda v: str(v.get("voimassaolo_alkaa") or ""))
    newest = versions[-1]
    with_units = [v for v in versions if v.get("units")]
    starts = [str(v["voimassaolo_alkaa"]) for v in versions if v.get("voimassaolo_alkaa")]
    merged = {
        "diaarinumero": newest["diaarinumero"],
        "eperusteet_id": newest["eperusteet_id"],
        "nimi": newest["name_fi"],
        "tyyppi": newest["tyyppi"],
        "koulutusvienti": any(v.get("koulutusvienti") for v in versions),
        "tutkinnot": sorted({str(k["code"]) for v in versions for k in v.get("koulutukset") or []}),
        "alkaa": min(starts) if starts else None,
        "loppuu": newest.get("voimassaolo_loppuu"),
        "siirtyma_paattyy": newest.get("siirtyma_paattyy"),
        "tiedot_ajalta": newest.get("dates_as_of"),
        "korvaa": sorted({d for v in versions for d in v.get("korvattavat_diaarinumerot") or []}),
        "osat": [_unit(u) for u in with_units[-1]["units"]] if with_units else [],
        "lahde": ", ".join(sorted({s for v in versions for s in v.get("dates_from") or []})),
    }
    return merged


def build(source: Path) -> dict:
    perusteet = yaml.safe_load((source / "perusteet.yml").read_text(encoding="utf-8"))
    qualifications = yaml.safe_load((source / "koulutus-ammatillinen.yml").read_text(encoding="utf-8"))
    units = yaml.safe_load((source / "tutkinnonosat.yml").read_text(encoding="utf-8"))
    by_diaari: dict[str, list[dict]] = {}
    for entry in perusteet["perusteet"]:
        by_diaari.setdefault(entry["diaarinumero"], []).append(entry)
    sources = (
        _header(source / "perusteet.yml")
        + [f"perusteet.yml source: {s['key']} = {s['file']} (as of {s['as_of']})" for s in perusteet["sources"]]
        + _header(source / "koulutus-ammatillinen.yml")
        + _header(source / "tutkinnonosat.yml")
    )
    common = [
        {
            "uudistus": group["reform"],
            "lahde": group["source"],
            "tiedot_ajalta": group["as_of"],
            "osat": [_unit(u) for u in group["units"]],
        }
        for group in perusteet["yhteiset_tutkinnon_osat"]
    ]
    return {
        "kuvaus": "Viitetiedot: ammatillisten tutkintojen perusteet, tutkinnot ja tutkinnon osat Opetushallituksen "
        "julkisista tiedoista. Tiedosto tehdään komennolla python -m macros.cli.reference; älä muokkaa "
        "käsin.",
        "lahteet": sources,
        "perusteet": sorted((_merge(v) for v in by_diaari.values()), key=lambda p: (p["tutkinnot"], p["alkaa"] or "")),
        "tutkinnot": {
            str(q["code"]): {"nimi": q["name_fi"], "taso": q["level"]} for q in qualifications["qualifications"]
        },
        "tutkinnon_osat": {str(u["code"]): u["name_fi"] for u in units["units"]},
        "yhteiset_tutkinnon_osat": common,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("käyttö: python -m macros.cli.reference VIITETIETOKANSIO", file=sys.stderr)
        return 2
    data = build(Path(argv[0]))
    Path(OUTPUT).write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8"
    )
    print(
        f"{OUTPUT}: {len(data['perusteet'])} perustetta, {len(data['tutkinnot'])} tutkintoa, "
        f"{len(data['tutkinnon_osat'])} tutkinnon osaa"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
