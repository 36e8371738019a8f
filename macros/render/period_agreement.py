"""The per-student agreement (valmentautujakohtainen sopimus) for a workshop period: the data the form in
the reader's browser needs, embedded in the page. Nothing the reader types leaves the browser."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from ..data.models import Contact, Party, Path, PriceTier, Report
from ..data.reference import Reference
from .pricing import price_range
from .reports import qualification_views
from .templating import render

PATH = "opinnoista-pajajaksolle"  # the path whose obligations the agreement lists


def _contacts(party: Party, contacts: Sequence[Contact]) -> list[dict]:
    people = sorted((c for c in contacts if c.osapuoli == party.id), key=lambda c: (not c.ensisijainen, c.nimi))
    return [
        {
            "nimi": c.nimi,
            "tehtava": c.tehtava,
            "sahkoposti": c.sahkoposti,
            "puhelin": c.puhelin,
            "ensisijainen": c.ensisijainen,
        }
        for c in people
    ]


def _units(report: Report, reference: Reference, today: date) -> list[dict]:
    return [
        {
            "koodi": q.code,
            "nimi": q.name,
            "osat": [
                {
                    "koodi": u.unit.code,
                    "nimi": u.unit.name,
                    "kattavuus": u.coverage.kattavuus,
                    "tarkennus": u.coverage.osat or "",
                }
                for u in q.units
            ],
        }
        for q in qualification_views(report, reference, today)
    ]


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
    the price tiers and the template's obligations for each side."""
    signed = [p for p in parties if p.allekirjoitettu and p.allekirjoitettu <= today and not p.ended_by(today)]

    def party(p: Party) -> dict:
        return {"tunnus": p.id, "nimi": p.nimi, "y_tunnus": p.y_tunnus, "henkilot": _contacts(p, contacts)}

    path = paths.get(PATH)
    duties = path.velvoitteet if path else ()
    return {
        "koulutuksen_jarjestajat": [party(p) for p in signed if not p.is_workshop],
        "tyopajat": [
            {
                **party(p),
                "raportit": [
                    {"tunnus": r.id, "oppimisymparisto": r.oppimisymparisto, "tutkinnot": _units(r, reference, today)}
                    for r in sorted(reports, key=lambda r: r.oppimisymparisto)
                    if r.tyopaja == p.id
                ],
            }
            for p in signed
            if p.is_workshop
        ],
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


def render_builder(data: dict, region_genitive: str, price_year: int | None, base: str = "") -> str:
    """The form, the data as an attribute (inert text: the template escapes it) and the document's frame."""
    return render(
        "period_agreement.html",
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        region_genitive=region_genitive,
        price_year=price_year,
        base=base,
    )
