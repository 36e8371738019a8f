"""Deterministic synthetic national data set: ~230 workshops, 140 providers, 1,500 contacts, 700 reports
with real codes, 60 annual-clock activities. Written into a project directory of its own.

    python -m bench.generate OUT_DIR [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from macros.data.finnish import business_id_check_digit
from macros.data.loader import build_date, load_site

ROOT = Path(__file__).resolve().parents[1]
COPY = ("macros", "overrides", "schemas", "CONTRIBUTING.md")
COUNTS = {"workshops": 230, "providers": 140, "contacts": 1500, "reports": 700, "activities": 60}
PREFIXES = [
    "Kuusi",
    "Koivu",
    "Mänty",
    "Harju",
    "Lahti",
    "Järvi",
    "Kallio",
    "Niemi",
    "Salmi",
    "Mäki",
    "Ranta",
    "Vaara",
    "Lehto",
    "Suo",
    "Kivi",
    "Pelto",
    "Joki",
    "Saari",
    "Laakso",
    "Metsä",
    "Ahven",
    "Haapa",
    "Kataja",
    "Leppä",
    "Paju",
    "Tammi",
    "Vaher",
    "Kuha",
    "Siika",
    "Lohi",
]
SUFFIXES = ["la", "nen", "vaara", "joki", "lahti", "mäki", "ranta", "salo", "koski", "niemi"]
FIRST_NAMES = [
    "Aino",
    "Eino",
    "Helmi",
    "Ilmari",
    "Kerttu",
    "Lauri",
    "Mirja",
    "Niilo",
    "Oona",
    "Pentti",
    "Riikka",
    "Sulo",
    "Tyyne",
    "Urho",
    "Veera",
    "Väinö",
    "Elli",
    "Onni",
    "Siiri",
    "Toivo",
]
LAST_PARTS = ["Esimerk", "Kokeil", "Mallin", "Testil", "Näyttel", "Kuvitel", "Harjoitu", "Luonno"]
LAST_ENDS = ["ainen", "ä", "a", "inen", "o", "ola", "uri"]
SCHEMA = "# yaml-language-server: $schema=../../schemas/{}.schema.json\n"


def ascii_slug(text: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(table)).strip("-")


def business_ids(rng: random.Random):
    seen = set()
    while True:
        first = f"{rng.randrange(1000000, 3300000):07d}"
        digit = business_id_check_digit(first)
        if digit is not None and first not in seen:
            seen.add(first)
            yield f"{first}-{digit}"


def municipalities() -> list[str]:
    return [p + s for p in PREFIXES for s in SUFFIXES[:2]]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def party_yaml(name, kind, business_id, maintainer, towns, website, original, joined, signed, signer):
    return (
        SCHEMA.format("osapuoli") + f"nimi: {name}\ntyyppi: {kind}\ny_tunnus: {business_id}\n"
        f"yllapitaja: {maintainer}\nkunnat: [{', '.join(towns)}]\nverkkosivu: {website}\n"
        f"alkuperainen: {'true' if original else 'false'}\nliittynyt: {joined}\n"
        f"allekirjoitettu: {signed}\nallekirjoituspaikka: {towns[0]}\n"
        f"allekirjoittaja:\n  nimi: {signer}\n  tehtava: johtaja\n"
    )


def generate(out: Path, seed: int = 2026, scale: float = 1.0) -> dict:
    """Write the data set (scale 1.0 = national) into out, replacing what was there."""
    rng = random.Random(seed)
    counts = {key: max(1, round(value * scale)) for key, value in COUNTS.items()}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in COPY:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, out / part)
    shutil.copytree(ROOT / "docs", out / "docs", ignore=shutil.ignore_patterns("tunnistamisraportit", "osapuolet"))
    shutil.copytree(ROOT / "data", out / "data", ignore=shutil.ignore_patterns("osapuolet", "vastuuhenkilot"))
    towns = municipalities()
    ids = business_ids(rng)
    people = (f"{f} {p}{e}" for f in FIRST_NAMES for p in LAST_PARTS for e in LAST_ENDS)

    parties = []
    for kind, count in (("työpaja", counts["workshops"]), ("koulutuksen järjestäjä", counts["providers"])):
        for index in range(count):
            town = towns[(index * 7 + (0 if kind == "työpaja" else 3)) % len(towns)]
            name = f"{town}n nuorten työpaja {index + 1}" if kind == "työpaja" else f"{town}n ammattiopisto {index + 1}"
            slug = ascii_slug(name)
            served = sorted({town, rng.choice(towns)})
            joined = date(2025, 9, 1) + timedelta(days=rng.randrange(0, 400))
            signed = joined + timedelta(days=rng.randrange(5, 40))
            write(
                out / "data/osapuolet" / f"{slug}.yml",
                party_yaml(
                    name,
                    kind,
                    next(ids),
                    f"{town}n kunta",
                    served,
                    f"https://{slug}.example",
                    joined <= date(2025, 9, 30),
                    joined.isoformat(),
                    signed.isoformat(),
                    next(people),
                ),
            )
            write(out / "docs/osapuolet" / f"{slug}.md", "{{ osapuoli() }}\n")
            parties.append((slug, name, kind, served))

    workshops = [p for p in parties if p[2] == "työpaja"]
    providers = [p for p in parties if p[2] != "työpaja"]
    contact_names = (
        f"{f} {p}{e}{n}" for n in ("", "-Testi") for f in FIRST_NAMES for p in LAST_PARTS for e in LAST_ENDS
    )
    owners = list(parties) + [rng.choice(parties) for _ in range(max(0, counts["contacts"] - len(parties)))]
    primary_done = set()
    for index, (slug, _name, _kind, served) in enumerate(owners):
        person = next(contact_names)
        primary = slug not in primary_done
        primary_done.add(slug)
        scope = (
            "  tyyppi: organisaatio\n"
            if primary
            else f"  tyyppi: toimipiste\n  kuvaus: {rng.choice(served)}n toimipiste\n"
        )
        write(
            out / "data/vastuuhenkilot" / f"{ascii_slug(person)}-{index}.yml",
            SCHEMA.format("vastuuhenkilo") + f"osapuoli: {slug}\nnimi: {person}\ntehtava: koordinaattori\n"
            f"vastuualue:\n{scope}sahkoposti: {ascii_slug(person).replace('-', '.')}@{slug}.example\n"
            f"puhelin: +358 40 {index // 10000:03d} {index % 10000:04d}\nkielet: [fi]\n"
            f"ensisijainen: {'true' if primary else 'false'}\n",
        )

    # Reports use the perusteet in force on the build date (basic and vocational qualifications, TUVA), with
    # the units of the peruste's structure when the reference data has it. Otherwise the units are named,
    # as editors name them: from the qualification's previous structure when there is one, else a sample
    # of the national list of units (a synthetic pairing: the check cannot tell, and it costs the same).
    today = build_date()
    reference = load_site(ROOT)[0].reference  # with the supplement (data/viitetiedot/lisaykset.yml)
    national_units = sorted(reference.unit_names)
    choices = []
    for code in sorted({c for p in reference.perusteet for c in p.qualifications}):
        current = reference.current(code, today)
        if current is None or current.kind not in ("perustutkinto", "ammattitutkinto", "tuva"):
            continue
        structured = [p for p in reference.versions(code) if len(p.units) >= 6]
        if current.units:
            pool, named = sorted(current.units), False
        elif structured:
            pool, named = sorted(c for c in structured[-1].units if c in reference.unit_names), True
        else:
            pool, named = rng.sample(national_units, 12), True
        choices.append((current, code, pool, named))
    qualifications = sorted({code for _p, code, _u, _n in choices})
    for index in range(counts["reports"]):
        slug, name, _kind, served = workshops[index % len(workshops)]
        peruste, qualification, pool, named = choices[index % len(choices)]
        lines = []
        for code in rng.sample(pool, rng.randrange(2, min(7, len(pool)))):
            label = f"        nimi: {json.dumps(reference.unit_names[code], ensure_ascii=False)}\n" if named else ""
            unit = f'      - koodi: "{code}"\n{label}'
            if rng.random() < 0.5:
                lines.append(f"{unit}        kattavuus: kokonainen\n")
            else:
                lines.append(f"{unit}        kattavuus: osittainen\n        osat: Osa työtehtävistä.\n")
        recognised = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 1700))
        provider = rng.choice(providers)[0]
        write(
            out / "docs/tunnistamisraportit" / f"{slug}-{index}.md",
            f"---\ntyopaja: {slug}\nkunta: {served[0]}\noppimisymparisto: Työyksikkö {index}\n"
            f"tyotehtavat:\n  - Asiakastyöt\n  - Huolto ja ylläpito\ntutkinnot:\n  - koodi: {qualification}\n"
            f"    diaarinumero: {peruste.diaarinumero}\n    tutkinnon_osat:\n{''.join(lines)}"
            f"osaamistodistus: {'true' if index % 2 else 'false'}\nnaytot: true\n"
            f"tunnistajat:\n  tyopaja: Työvalmentaja {index}\n  opettaja: Opettaja {index}\n"
            f"  koulutuksen_jarjestaja: {provider}\ntunnistettu: {recognised}\n"
            f"tarkistettava: {recognised + timedelta(days=730)}\n---\n\n{{{{ raportti() }}}}\n\n"
            f"## Oppimisympäristön kuvaus\n\nTyöyksikössä {index} tehdään {name}n asiakastöitä.\n",
        )

    # Quota places: a term for every tenth workshop with a provider of its area.
    terms = []
    for index, (slug, _name, _kind, _served) in enumerate(workshops[::10]):
        agreed = 2 + index % 4
        terms.append(
            f"  - tyopaja: {slug}\n    koulutuksen_jarjestaja: {providers[index % len(providers)][0]}\n"
            f"    alkaa: 2027-01-11\n    paattyy: 2027-05-28\n    sovittu: {agreed}\n"
            f"    kaytossa: {index % (agreed + 1)}\n    ilmoitettu: 2026-11-02\n"
        )
    write(
        out / "data/kiintiopaikat.yml",
        SCHEMA.format("kiintiopaikat").replace("../../", "../") + "kaudet:\n" + "".join(terms),
    )

    rings = ["tapaamiset", "henkilosto", "opiskelijat", "rahoitus"]
    activities = []
    for index in range(counts["activities"]):
        start = rng.randrange(1, 13)
        timing = f"    kuukausi: {start}\n" if index % 3 else f"    alku: {start}\n    loppu: {(start + 1) % 12 + 1}\n"
        activities.append(
            f"  - tunnus: toiminto-{index}\n    otsikko: Toiminto {index}\n    kuvaus: Kuvaus {index}.\n"
            f"    rengas: {rings[index % 4]}\n{timing}    toistuvuus: vuosittain\n"
            f"    vastuurooli: Rooli {index % 7}\n"
        )
    clock = (ROOT / "data/vuosikello.yml").read_text(encoding="utf-8").split("toiminnot:\n")[0]
    write(out / "data/vuosikello.yml", clock + "toiminnot:\n" + "".join(activities))

    split_pages(out, qualifications, reference)
    return {
        "parties": len(parties),
        "contacts": len(owners),
        "reports": counts["reports"],
        "activities": counts["activities"],
        "qualifications": len(qualifications),
    }


LETTER_GROUPS = [("a", "h"), ("i", "k"), ("l", "m"), ("n", "r"), ("s", "ö")]


def split_pages(out: Path, qualifications: list[str], reference) -> None:
    """At national scale the directory and the finder are split over pages (each well under 500 KB)."""
    directory_nav, finder_nav = [], []
    for first, last in LETTER_GROUPS:
        page = f"vastuuhenkilot/{first}-{last}.md"
        write(
            out / "docs" / page,
            f"# Vastuuhenkilöt {first.upper()}–{last.upper()}\n\n"
            f'{{{{ vastuuhenkilot(alku="{first}", loppu="{last}") }}}}\n',
        )
        directory_nav.append(f"          - {first.upper()}–{last.upper()}: {page}\n")
    for code in qualifications:
        name = reference.name(code)
        page = f"tutkinnot/{code}.md"
        write(out / "docs" / page, f'# {name}\n\n{{{{ raporttihaku(tutkinnot=["{code}"], luettelo=False) }}}}\n')
        finder_nav.append(f"          - {name}: {page}\n")
    (out / "docs/tunnistamisraportit.md").write_text(
        "# Tunnistamisraportit\n\nValitse tutkinto valikosta: jokaisella tutkinnolla on oma hakusivunsa.\n",
        encoding="utf-8",
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      - Vastuuhenkilöt: vastuuhenkilot.md\n",
        "      - Vastuuhenkilöt:\n          - vastuuhenkilot.md\n" + "".join(directory_nav),
    )
    config = config.replace(
        "      - Tunnistamisraportit: tunnistamisraportit.md\n",
        "      - Tunnistamisraportit:\n          - tunnistamisraportit.md\n" + "".join(finder_nav),
    )
    (out / "docs/vastuuhenkilot.md").write_text(
        "# Vastuuhenkilöt\n\nValitse organisaation alkukirjain valikosta. Koko hakemisto: "
        '<a href="vastuuhenkilot/vastuuhenkilot.csv">CSV</a>, <a href="vastuuhenkilot/vastuuhenkilot.vcf">vCard</a>.\n',
        encoding="utf-8",
    )
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    print(generate(args.out, args.seed, args.scale))


if __name__ == "__main__":
    main()
