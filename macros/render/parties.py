"""Parties, cooperation status, signature blocks and supporting organisations: data in, HTML out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..data.models import Party, Supporter
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


def cooperation_status(parties: Sequence[Party], today: date) -> Status:
    """The status word from the text ("suunnittelee yhteistyötä" until every original party has signed)."""
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


def render_signatures(parties: Sequence[Party], today: date) -> str:
    return render("signatures.html", parties=in_agreement(parties, today))


def render_supporters(supporters: Sequence[Supporter]) -> str:
    return render("supporters.html", supporters=sorted(supporters, key=lambda s: s.nimi.casefold()))
