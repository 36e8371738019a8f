"""Parties, cooperation status, signature blocks and supporting organisations: data in, HTML out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..data.models import Party, Supporter
from .templating import render

STATUS_PLANNING = "suunnittelee yhteistyötä"
STATUS_ACTIVE = "tekee yhteistyötä"


@dataclass(frozen=True)
class Status:
    active: bool
    word: str
    unsigned: tuple[Party, ...]
    signed_count: int
    total: int


def cooperation_status(parties: Sequence[Party]) -> Status:
    """The network's status word from the text, and who still has to sign."""
    unsigned = tuple(p for p in parties if p.allekirjoitettu is None)
    active = bool(parties) and not unsigned
    return Status(
        active, STATUS_ACTIVE if active else STATUS_PLANNING, unsigned, len(parties) - len(unsigned), len(parties)
    )


def render_status(status: Status, region_genitive: str, base_url: str = "") -> str:
    return render("status.html", status=status, region_genitive=region_genitive, base_url=base_url)


def render_party_tables(parties: Sequence[Party], base_url: str = "") -> str:
    workshops = [p for p in parties if p.is_workshop]
    providers = [p for p in parties if not p.is_workshop]
    maintainers: dict[str, list] = {}
    for party in parties:
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
        total=len(parties),
        shared=shared,
        base_url=base_url,
    )


def copies_sentence(parties: Sequence[Party]) -> str:
    """The text's 'Tästä asiakirjasta on tehty XX samansisältöistä kappaletta', XX computed."""
    n = len(parties)
    noun = "samansisältöinen kappale" if n == 1 else "samansisältöistä kappaletta"
    return f"Tästä asiakirjasta on tehty {n} {noun}: yksi kullekin sopijaosapuolelle."


def render_signatures(parties: Sequence[Party]) -> str:
    return render("signatures.html", parties=parties)


def render_supporters(supporters: Sequence[Supporter]) -> str:
    return render("supporters.html", supporters=sorted(supporters, key=lambda s: s.nimi.casefold()))
