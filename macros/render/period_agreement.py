"""The per-student agreement (valmentautujakohtainen sopimus) for a workshop period: the data the form in
the reader's browser needs, embedded in the page. Nothing the reader types leaves the browser."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from markupsafe import Markup

from ..data.models import Contact, Party, Path, PriceTier, Report
from ..data.reference import Reference
from .pricing import price_range
from .reports import qualification_views
from .templating import render

PATH = "opinnoista-pajajaksolle"  # the path whose obligations the agreement lists


def _contacts(people: Sequence[Contact]) -> list[list]:
    """[name, title, email, phone, primary] for each of a party's contact persons, the primary first (compact: a
    national site has thousands)."""
    ordered = sorted(people, key=lambda c: (not c.ensisijainen, c.nimi))
    return [[c.nimi, c.tehtava, c.sahkoposti, c.puhelin, c.ensisijainen] for c in ordered]


def builder_data(
    parties: Sequence[Party],
    contacts: Sequence[Contact],
    reports: Sequence[Report],
    tiers: Sequence[PriceTier],
    paths: Mapping[str, Path],
    reference: Reference,
    today: date,
) -> dict:
    """Signed parties in the agreement today, their contact persons, the workshops' reports with their units,
    the price tiers and the template's obligations for each side. Names of qualifications and units are
    given once ("tutkinnot", "osat") and referred to by code."""
    signed = [p for p in parties if p.in_agreement_on(today)]
    qualification_names: dict[str, str] = {}
    unit_names: dict[str, str] = {}

    def units(report: Report) -> list:
        found = []
        for q in qualification_views(report, reference, today):
            qualification_names[q.code] = q.name
            rows = []
            for u in q.units:
                unit_names[u.unit.code] = u.unit.name
                rows.append([u.unit.code, "k" if u.coverage.kattavuus == "kokonainen" else "o", u.coverage.osat or ""])
            found.append([q.code, rows])
        return found

    by_workshop: dict[str, list] = {}
    for r in sorted(reports, key=lambda r: r.oppimisymparisto):
        by_workshop.setdefault(r.tyopaja, []).append([r.id, r.oppimisymparisto, units(r)])

    people_of: dict[str, list[Contact]] = {}  # each party's contact persons, found in one pass
    for c in contacts:
        people_of.setdefault(c.osapuoli, []).append(c)

    def party(p: Party) -> dict:
        return {"tunnus": p.id, "nimi": p.nimi, "y_tunnus": p.y_tunnus, "henkilot": _contacts(people_of.get(p.id, []))}

    path = paths.get(PATH)
    duties = path.velvoitteet if path else ()
    return {
        "koulutuksen_jarjestajat": [party(p) for p in signed if not p.is_workshop],
        "tyopajat": [{**party(p), "raportit": by_workshop.get(p.id, [])} for p in signed if p.is_workshop],
        "tutkinnot": qualification_names,
        "osat": unit_names,
        "hintatasot": [
            {
                "tunnus": t.tunnus,
                "nimi": t.nimi,
                "vahintaan": t.vahintaan,
                "enintaan": t.enintaan,
                "teksti": price_range(t),
            }
            for t in tiers
        ],
        "velvoitteet": {
            "koulutuksen_jarjestaja": [d.teksti for d in duties if d.osapuoli == "koulutuksen järjestäjä"],
            "tyopaja": [d.teksti for d in duties if d.osapuoli == "työpaja"],
        },
    }


def script_json(data: dict) -> Markup:
    """JSON to put in a <script type="application/json"> element: inert there, because no "<" is left to
    end the element early (each is written as \\u003c, which JSON reads back as "<")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_builder(data: dict, region_genitive: str, price_year: int | None, base: str = "") -> str:
    """The form, the data as JSON in the page (inert: see script_json) and the document's frame."""
    return render(
        "period_agreement.html",
        data=script_json(data),
        region_genitive=region_genitive,
        price_year=price_year,
        base=base,
    )
