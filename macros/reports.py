"""Recognition reports: one page per report, and the coverage matrix with its finder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .reference import KINDS
from .templating import render


def slug(text: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().translate(table)).strip("-")


def is_overdue(report, today: date) -> bool:
    return report.tarkistettava < today


def title(report, site) -> str:
    workshop = site.party_by_id.get(report.tyopaja)
    return f"{report.oppimisymparisto}, {workshop.nimi if workshop else report.tyopaja}"


def qualification_views(report, reference) -> list[dict]:
    views = []
    for coverage in report.tutkinnot:
        peruste = next(p for p in reference.versions(coverage.koodi) if p.diaarinumero == coverage.diaarinumero)
        units = [{"unit": peruste.units[u.koodi], "kind": KINDS.get(peruste.units[u.koodi].kind, ""),
                  "coverage": u} for u in coverage.tutkinnon_osat]
        views.append({"code": coverage.koodi, "name": peruste.name, "diaarinumero": peruste.diaarinumero,
                      "units": units, "whole_points": sum(u["unit"].points or 0 for u in units
                                                          if u["coverage"].kattavuus == "kokonainen")})
    return views


def render_report(report, site, today: date) -> str:
    """The report's facts, units and review banner as HTML (the page's heading is title())."""
    return render("report.html", report=report, workshop=site.party_by_id.get(report.tyopaja),
                  provider=site.party_by_id.get(report.tunnistajat.koulutuksen_jarjestaja),
                  qualifications=qualification_views(report, site.reference), overdue=is_overdue(report, today),
                  today=today)


@dataclass
class Cover:
    report: object
    workshop: object
    coverage: object


def coverage_matrix(site) -> list[dict]:
    """Qualification → unit → which reports cover it, wholly or partly (computed once per site)."""
    if "coverage" not in site.memo:
        site.memo["coverage"] = _coverage_matrix(site)
    return site.memo["coverage"]


def _coverage_matrix(site) -> list[dict]:
    quals: dict[str, dict] = {}
    for report in site.reports:
        workshop = site.party_by_id.get(report.tyopaja)
        for view in qualification_views(report, site.reference):
            qual = quals.setdefault(view["code"], {"code": view["code"], "name": view["name"], "units": {}})
            for unit in view["units"]:
                row = qual["units"].setdefault(unit["unit"].code, {"unit": unit["unit"], "covers": []})
                row["covers"].append(Cover(report, workshop, unit["coverage"]))
    result = []
    for qual in sorted(quals.values(), key=lambda q: q["name"]):
        rows = sorted(qual["units"].values(), key=lambda r: r["unit"].name)
        for row in rows:
            row["covers"].sort(key=lambda c: (c.coverage.kattavuus != "kokonainen", c.workshop.nimi))
            row["municipalities"] = " ".join(sorted({slug(c.report.kunta) for c in row["covers"]}))
            row["text"] = " ".join([row["unit"].name, row["unit"].code, qual["name"],
                                    *(c.workshop.nimi for c in row["covers"]),
                                    *(c.report.oppimisymparisto for c in row["covers"]),
                                    *(c.report.kunta for c in row["covers"])]).casefold()
        result.append({"code": qual["code"], "name": qual["name"], "rows": rows})
    return result


def render_finder(site, today: date, base: str = "", qualifications: list[str] | None = None,
                  with_list: bool = True) -> str:
    """The finder; links are relative to the site root through base. qualifications limits the matrix,
    so that a national finder can be split by qualification; with_list adds the list of all reports."""
    matrix = [q for q in coverage_matrix(site) if not qualifications or q["code"] in qualifications]
    municipalities = sorted({c.report.kunta for q in matrix for row in q["rows"] for c in row["covers"]})
    units = sum(len(q["rows"]) for q in matrix)
    parties = site.party_by_id
    reports = sorted(site.reports, key=lambda r: (parties[r.tyopaja].nimi, r.oppimisymparisto)) if with_list else []
    shown = {c.report.id for q in matrix for row in q["rows"] for c in row["covers"]}
    return render("finder.html", matrix=matrix, municipalities=municipalities, slug=slug, unit_count=units,
                  report_count=len(shown), workshop_count=len({r.tyopaja for r in site.reports if r.id in shown}),
                  reports=reports, parties=parties,
                  overdue=lambda r: is_overdue(r, today), base=base + "tunnistamisraportit/")
