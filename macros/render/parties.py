"""Parties, cooperation status, signature blocks and supporting organisations: data in, HTML out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..data.finnish import fi_date
from ..data.models import Contact, Party, Report, Supporter, Version
from ..data.reference import Reference
from .contacts import LANGUAGES, scope_text
from .reports import qualification_views
from .templating import render

STATUS_PLANNING = "suunnittelee yhteistyötä"
STATUS_ACTIVE = "tekee yhteistyötä"


@dataclass(frozen=True)
class Status:
    """The network's status as the agreement defines it: the original parties decide when the guidelines
    take effect; a party that joins later joins an agreement already in force, and a party that has left is
    counted out from its end date."""

    active: bool
    word: str
    unsigned: tuple[Party, ...]  # original parties still to sign
    joining: tuple[Party, ...]  # later parties still to sign their joining
    signed_count: int  # original parties that have signed
    total: int  # original parties in the network today
    ended: tuple[Party, ...]  # parties that have left
    version: str | None = None  # the current version of the agreement
    outdated: tuple[Party, ...] = ()  # parties in the agreement that signed an older version
    signed: Mapping[str, str] | None = None  # party id → the version it signed


def cooperation_status(
    parties: Sequence[Party], today: date, version: str | None = None, signed: Mapping[str, str] | None = None
) -> Status:
    """The status word from the text ("suunnittelee yhteistyötä" until every original party has signed);
    with the current version and the version each party signed (id → number), who has signed only an
    older one."""
    signed = signed or {}
    present = [p for p in parties if not p.ended_by(today)]
    originals = [p for p in present if p.alkuperainen]
    unsigned = tuple(p for p in originals if p.allekirjoitettu is None)
    joining = tuple(p for p in present if not p.alkuperainen and p.allekirjoitettu is None)
    active = bool(originals) and not unsigned
    return Status(
        active,
        STATUS_ACTIVE if active else STATUS_PLANNING,
        unsigned,
        joining,
        len(originals) - len(unsigned),
        len(originals),
        tuple(p for p in parties if p.ended_by(today)),
        version,
        tuple(p for p in present if version and p.id in signed and signed[p.id] != version),
        signed,
    )


def in_agreement(parties: Sequence[Party], today: date) -> list[Party]:
    """The parties the agreement's copies and signature blocks are for: present, and original or joined."""
    return [p for p in parties if not p.ended_by(today) and (p.alkuperainen or p.allekirjoitettu)]


def render_status(status: Status, region_genitive: str, base_url: str = "") -> str:
    return render("status.html", status=status, region_genitive=region_genitive, base_url=base_url)


def render_party_tables(parties: Sequence[Party], today: date, base_url: str = "") -> str:
    """The present parties in two tables (workshops, providers); parties that have left listed after them."""
    present = [p for p in parties if not p.ended_by(today)]
    workshops = [p for p in present if p.is_workshop]
    providers = [p for p in present if not p.is_workshop]
    maintainers: dict[str, list] = {}
    for party in present:
        maintainers.setdefault(party.yllapitaja, []).append(party)
    shared = {
        name: group
        for name, group in maintainers.items()
        if len(group) > 1 and len({p.is_workshop for p in group}) == 2
    }
    return render(
        "parties.html",
        groups=[
            ("Työpajat", "tyopajat", workshops),
            ("Ammatillisen koulutuksen järjestäjät", "koulutuksen-jarjestajat", providers),
        ],
        total=len(present),
        ended=[p for p in parties if p.ended_by(today)],
        shared=shared,
        base_url=base_url,
        today=today,
    )


def copies_sentence(parties: Sequence[Party], today: date) -> str:
    """The text's 'Tästä asiakirjasta on tehty XX samansisältöistä kappaletta', XX computed."""
    n = len(in_agreement(parties, today))
    noun = "samansisältöinen kappale" if n == 1 else "samansisältöistä kappaletta"
    return f"Tästä asiakirjasta on tehty {n} {noun}: yksi kullekin sopijaosapuolelle."


def render_signatures(parties: Sequence[Party], today: date, signed: Mapping[str, str] | None = None) -> str:
    """A block per party in the agreement; signed (id → version) adds the version each signed."""
    return render("signatures.html", parties=in_agreement(parties, today), signed=signed or {})


def render_supporters(supporters: Sequence[Supporter]) -> str:
    return render("supporters.html", supporters=sorted(supporters, key=lambda s: s.nimi.casefold()))


def version_on(versions: Sequence[Version], day: date) -> Version | None:
    """The version in force on a day: the newest agreed by then (the first, for a day before any)."""
    agreed = [v for v in versions if v.paiva <= day]
    return agreed[-1] if agreed else (versions[0] if versions else None)


def standing(party: Party, today: date, version: str | None = None, signed: str | None = None) -> str:
    """The party's place in the agreement today, in one Finnish sentence (with the version it signed when
    that is not the current one)."""
    if party.ended_by(today):
        return f"Lähtenyt linjauksista {fi_date(party.paattyminen.paiva)} alkaen ({party.paattyminen.tapa})."
    if party.allekirjoitettu:
        kind = "Alkuperäinen sopijaosapuoli" if party.alkuperainen else "Liittynyt myöhemmin"
        if version and signed and signed != version:
            return (
                f"{kind}; allekirjoittanut linjausten version {signed} {fi_date(party.allekirjoitettu)}. "
                f"Nykyisen version {version} allekirjoitus puuttuu."
            )
        return f"{kind}; allekirjoittanut linjaukset {fi_date(party.allekirjoitettu)}."
    if party.alkuperainen:
        return "Alkuperäinen sopijaosapuoli; allekirjoitus puuttuu vielä."
    return f"Liittymässä linjauksiin ({fi_date(party.liittynyt)}); liittymisen allekirjoitus puuttuu vielä."


def render_party_page(
    party: Party,
    people: Sequence[Contact],
    own_reports: Sequence[Report],
    recognised: Sequence[Report],
    reference: Reference,
    today: date,
    base: str = "",
    versions: Sequence[Version] = (),
    region_genitive: str = "",
    signed_version: str | None = None,
) -> str:
    """A party's own page: standing, facts, contact persons (the primary first), the recognition reports
    of its workshop (or those its teachers took part in, for a provider) with the units they cover, and for
    a party that joined later its accession document (liittymisasiakirja) to print and sign."""
    people = sorted(people, key=lambda c: (not c.ensisijainen, c.nimi.casefold()))
    views = [
        (r, qualification_views(r, reference, today)) for r in sorted(own_reports, key=lambda r: r.oppimisymparisto)
    ]
    fields = sorted(
        {q.name for _r, qs in views for q in qs}
        | {c.vastuualue.kuvaus for c in people if c.vastuualue.tyyppi == "ala" and c.vastuualue.kuvaus}
    )
    return render(
        "party_page.html",
        party=party,
        standing=standing(party, today, versions[-1].numero if versions else None, signed_version),
        joined_version=version_on(versions, party.liittynyt),
        region_genitive=region_genitive,
        people=people,
        views=views,
        recognised=sorted(recognised, key=lambda r: r.oppimisymparisto),
        fields=fields,
        scope_text=scope_text,
        languages=LANGUAGES,
        files=base + "vastuuhenkilot/",
        base=base,
    )
