"""`python -m macros.cross_region OUT_DIR REGION...`: one finder across regions, from their open data.

Each REGION is a folder with a region's open data: a built site (its avoin-data/v1/ is used) or that folder
itself. Fetching the published files from the regions' addresses is the operator's own step; this command
reads folders. Each region's documents are validated against the format's JSON Schemas first; a region
whose data does not validate is named, with the reason, and left out, and the others are built.

The page (OUT_DIR/index.html) is the same unit-level matrix as a region's own finder, with the region named
in every row, filters by region and municipality, and links to each region's report pages.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .data import open_data
from .render.reports import slug
from .render.templating import render

NEEDED = ("osapuolet", "tunnistamisraportit")
ASSETS = Path(__file__).resolve().parents[1] / "docs"


@dataclass(frozen=True)
class Region:
    name: str
    address: str
    municipalities: tuple[str, ...]
    parties: dict  # id → party document
    reports: tuple[dict, ...]


@dataclass(frozen=True)
class Row:
    unit: str
    code: str
    covers: tuple[tuple[Region, dict, dict, str], ...]  # (region, report, unit, workshop name)


def _folder(path: Path) -> Path:
    inner = path / open_data.FOLDER
    return inner if inner.is_dir() else path


def _schema_problem(error: jsonschema.ValidationError) -> str:
    """What a schema error means, in Finnish."""
    kind, value = error.validator, error.validator_value
    if kind == "required":
        missing = [k for k in value if isinstance(error.instance, dict) and k not in error.instance] or list(value)
        return f"kenttä {', '.join(repr(k) for k in missing)} puuttuu"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"ylimääräinen kenttä {', '.join(repr(k) for k in extra)}"
    texts = {
        "type": "arvo on väärää tyyppiä",
        "enum": "arvo ei ole sallittu",
        "const": "arvo ei ole sallittu",
        "pattern": "arvo on väärässä muodossa",
        "format": "arvo on väärässä muodossa",
        "minItems": "luettelossa on liian vähän kohtia",
        "minLength": "arvo on tyhjä",
    }
    return texts.get(kind, "arvo ei kelpaa")


def region_name(path: Path) -> str:
    """The region's name as its data gives it (for messages about data that is left out), else the folder's."""
    try:
        document = json.loads((_folder(path) / "osapuolet.json").read_text(encoding="utf-8"))
        name = document["alue"]["nimi"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return _folder_name(path)
    # Unvalidated data: its name is used only when it looks like a region's name (letters, spaces, hyphens).
    ok = isinstance(name, str) and len(name) <= 60 and _NAME.fullmatch(name) is not None
    return name if ok else _folder_name(path)


_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _folder_name(path: Path) -> str:
    return path.resolve().name or str(path)


def read_region(path: Path) -> tuple[Region | None, str]:
    """A region's documents, validated; (None, the reason in Finnish) when they do not do."""
    folder = _folder(path)
    schemas = open_data.schemas()
    documents = {}
    for name in NEEDED:
        file = folder / f"{name}.json"
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return None, f"tiedostoa {name}.json ei voitu lukea ({type(exc).__name__})"
        validator = jsonschema.Draft202012Validator(
            schemas[f"{name}.schema.json"], format_checker=jsonschema.FormatChecker()
        )
        error = next(iter(sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "(koko tiedosto)"
            return None, (
                f"tiedosto {name}.json ei vastaa avoimen datan skeemaa kohdassa {where}: {_schema_problem(error)}"
            )
        documents[name] = document
    region = documents["osapuolet"]["alue"]
    if documents["tunnistamisraportit"]["alue"] != region:
        return None, "tiedostojen alueen tiedot eivät täsmää keskenään"
    return (
        Region(
            region["nimi"],
            region["osoite"].rstrip("/") + "/",
            tuple(region["kunnat"]),
            {p["tunnus"]: p for p in documents["osapuolet"]["tiedot"]},
            tuple(documents["tunnistamisraportit"]["tiedot"]),
        ),
        "",
    )


def matrix(regions: list[Region]) -> list[tuple[str, str, list[Row]]]:
    """Qualification → unit → every region's report that covers it; by name."""
    qualifications: dict[str, dict] = {}
    for region in regions:
        for report in region.reports:
            workshop = region.parties.get(report["tyopaja"], {}).get("nimi", report["tyopaja"])
            for q in report["tutkinnot"]:
                entry = qualifications.setdefault(q["koodi"], {"name": q["nimi"], "units": {}})
                for unit in q["tutkinnon_osat"]:
                    entry["units"].setdefault(unit["koodi"], [unit["nimi"], []])[1].append(
                        (region, report, unit, workshop)
                    )
    result = []
    for code, entry in sorted(qualifications.items(), key=lambda item: item[1]["name"]):
        rows = [
            Row(name, unit_code, tuple(sorted(covers, key=lambda c: (c[0].name, c[3]))))
            for unit_code, (name, covers) in sorted(entry["units"].items(), key=lambda item: item[1][0])
        ]
        result.append((code, entry["name"], rows))
    return result


def build(out: Path, sources: list[Path]) -> tuple[int, list[str]]:
    """Write the finder; returns (regions in it, messages about those left out)."""
    regions, left_out = [], []
    for path in sources:
        region, reason = read_region(path)
        if region is None:
            left_out.append(f"Alue {region_name(path)} ({_folder_name(path)}) jätettiin pois: {reason}.")
        elif any(r.address.casefold() == region.address.casefold() for r in regions):  # a site is its address
            left_out.append(
                f"Alue {region.name} ({_folder_name(path)}) jätettiin pois: sen tiedot annettiin jo kertaalleen."
            )
        else:
            regions.append(region)
    out.mkdir(parents=True, exist_ok=True)
    page = render(
        "cross_region.html",
        regions=sorted(regions, key=lambda r: r.name),
        matrix=matrix(regions),
        municipalities=sorted({m for r in regions for m in r.municipalities}, key=str.casefold),
        slug=slug,
        left_out=left_out,
        filter_text=lambda row: " ".join(
            [row.unit, row.code, *(c[3] for c in row.covers), *(c[0].name for c in row.covers)]
        ).casefold(),
    )
    (out / "index.html").write_text("<!doctype html>\n" + page, encoding="utf-8")
    shutil.copy2(ASSETS / "javascripts/enhancements.js", out / "enhancements.js")
    shutil.copy2(ASSETS / "stylesheets/archive.css", out / "alueet.css")
    return len(regions), left_out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2:
        print("käyttö: python -m macros.cross_region KOHDEKANSIO ALUEEN_KANSIO...", file=sys.stderr)
        return 2
    count, left_out = build(Path(argv[0]), [Path(a) for a in argv[1:]])
    for message in left_out:
        print(message, file=sys.stderr)
    print(f"Haku koottiin {count} alueen tiedoista kansioon {argv[0]}.")
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
