"""Recognition reports: one page per report, and the coverage matrix with its finder."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..data.models import Contact, CoveredUnit, Party, Report
from ..data.reference import KINDS, Peruste, Reference, Unit, Validity, validity
from .templating import render


def slug(text: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(table)).strip("-")


def is_overdue(report: Report, today: date) -> bool:
    return report.tarkistettava < today


def title(report: Report, workshop: Party | None) -> str:
    return f"{report.oppimisymparisto}, {workshop.nimi if workshop else report.tyopaja}"


@dataclass(frozen=True)
class UnitView:
    unit: Unit
    kind: str  # pakollinen, osaamisalan pakollinen, valinnainen, or "" when not known
    coverage: CoveredUnit
    verified: bool  # found in the peruste's structure in the reference data


@dataclass(frozen=True)
class QualificationView:
    code: str
    name: str
    diaarinumero: str
    peruste: Peruste | None  # None when the reference data does not know it (the check has said so)
    validity: Validity | None
    units: tuple[UnitView, ...]

    @property
    def whole_points(self) -> int:
        return sum(u.unit.points or 0 for u in self.units if u.coverage.kattavuus == "kokonainen")

    @property
    def all_verified(self) -> bool:
        return all(u.verified for u in self.units)


def qualification_views(report: Report, reference: Reference, today: date | None = None) -> list[QualificationView]:
    """The report's qualifications with their units; today, when given, judges each peruste's validity."""
    views = []
    for coverage in report.tutkinnot:
        peruste = reference.peruste(coverage.koodi, coverage.diaarinumero)
        units = []
        for covered in coverage.tutkinnon_osat:
            if peruste is not None and covered.koodi in peruste.units:
                unit = peruste.units[covered.koodi]
                units.append(UnitView(unit, KINDS.get(unit.kind, ""), covered, True))
            else:
                name = covered.nimi or reference.unit_names.get(covered.koodi, covered.koodi)
                units.append(UnitView(Unit(covered.koodi, name), "", covered, False))
        views.append(
            QualificationView(
                coverage.koodi,
                peruste.name if peruste else reference.name(coverage.koodi),
                coverage.diaarinumero,
                peruste,
                validity(reference, peruste, coverage.koodi, today) if peruste and today else None,
                tuple(units),
            )
        )
    return views


def render_report(
    report: Report,
    workshop: Party | None,
    provider: Party | None,
    reference: Reference,
    today: date,
    contact: Contact | None = None,
) -> str:
    """The report's facts, units and review banner as HTML (the page's heading is title()); contact is the
    workshop's primary contact person, shown with a way back to the finder."""
    return render(
        "report.html",
        report=report,
        workshop=workshop,
        provider=provider,
        contact=contact,
        qualifications=qualification_views(report, reference, today),
        overdue=is_overdue(report, today),
        today=today,
    )


@dataclass(frozen=True)
class Cover:
    report: Report
    workshop: Party
    coverage: CoveredUnit


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    covers: tuple[Cover, ...]
    municipalities: str  # slugs, space-separated, for the municipality filter
    text: str  # what the text filter searches


@dataclass(frozen=True)
class QualificationRows:
    code: str
    name: str
    rows: tuple[UnitRow, ...]


def coverage_matrix(
    reports: Sequence[Report], parties: Mapping[str, Party], reference: Reference
) -> tuple[QualificationRows, ...]:
    """Qualification → unit → which reports cover it, wholly or partly."""
    quals: dict[str, dict] = {}
    for report in reports:
        workshop = parties[report.tyopaja]
        for view in qualification_views(report, reference):
            qual = quals.setdefault(view.code, {"name": view.name, "units": {}})
            for unit in view.units:
                qual["units"].setdefault(unit.unit.code, (unit.unit, []))[1].append(
                    Cover(report, workshop, unit.coverage)
                )
    result = []
    for code, qual in sorted(quals.items(), key=lambda item: item[1]["name"]):
        rows = []
        for unit, covers in sorted(qual["units"].values(), key=lambda pair: pair[0].name):
            covers.sort(key=lambda c: (c.coverage.kattavuus != "kokonainen", c.workshop.nimi))
            text = " ".join(
                [
                    unit.name,
                    unit.code,
                    qual["name"],
                    *(c.workshop.nimi for c in covers),
                    *(c.report.oppimisymparisto for c in covers),
                    *(c.report.kunta for c in covers),
                ]
            )
            rows.append(
                UnitRow(unit, tuple(covers), " ".join(sorted({slug(c.report.kunta) for c in covers})), text.casefold())
            )
        result.append(QualificationRows(code, qual["name"], tuple(rows)))
    return tuple(result)


def render_finder(
    matrix: Sequence[QualificationRows],
    reports: Sequence[Report],
    parties: Mapping[str, Party],
    today: date,
    base: str = "",
    qualifications: list[str] | None = None,
    with_list: bool = True,
) -> str:
    """The finder; links are relative to the site root through base. qualifications limits the matrix,
    so that a national finder can be split by qualification; with_list adds the list of all reports."""
    matrix = [q for q in matrix if not qualifications or q.code in qualifications]
    municipalities = sorted({c.report.kunta for q in matrix for row in q.rows for c in row.covers})
    units = sum(len(q.rows) for q in matrix)
    listed = sorted(reports, key=lambda r: (parties[r.tyopaja].nimi, r.oppimisymparisto)) if with_list else []
    shown = {c.report.id for q in matrix for row in q.rows for c in row.covers}
    return render(
        "finder.html",
        matrix=matrix,
        municipalities=municipalities,
        slug=slug,
        unit_count=units,
        report_count=len(shown),
        workshop_count=len({r.tyopaja for r in reports if r.id in shown}),
        reports=listed,
        parties=parties,
        overdue=lambda r: is_overdue(r, today),
        base=base + "tunnistamisraportit/",
    )
