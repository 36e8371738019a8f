"""Parties, cooperation status, signature blocks and supporting organisations: data in, HTML out."""

from __future__ import annotations

from .templating import render

STATUS_PLANNING = "suunnittelee yhteistyötä"
STATUS_ACTIVE = "tekee yhteistyötä"


def cooperation_status(parties) -> dict:
    """The network's status word from the text, and who still has to sign."""
    unsigned = [p for p in parties if p.allekirjoitettu is None]
    return {
        "active": bool(parties) and not unsigned,
        "word": STATUS_ACTIVE if parties and not unsigned else STATUS_PLANNING,
        "unsigned": unsigned,
        "signed_count": len(parties) - len(unsigned),
        "total": len(parties),
    }


def render_status(parties, region, base_url: str = "") -> str:
    return render("status.html", status=cooperation_status(parties), region=region, base_url=base_url)


def render_party_tables(parties, base_url: str = "") -> str:
    workshops = [p for p in parties if p.is_workshop]
    providers = [p for p in parties if not p.is_workshop]
    maintainers: dict[str, list] = {}
    for party in parties:
        maintainers.setdefault(party.yllapitaja, []).append(party)
    shared = {name: group for name, group in maintainers.items()
              if len(group) > 1 and len({p.is_workshop for p in group}) == 2}
    return render("parties.html", groups=[("Työpajat", "tyopajat", workshops),
                                          ("Ammatillisen koulutuksen järjestäjät", "koulutuksen-jarjestajat",
                                           providers)],
                  total=len(parties), shared=shared, base_url=base_url)


def copies_sentence(parties) -> str:
    """The text's 'Tästä asiakirjasta on tehty XX samansisältöistä kappaletta', XX computed."""
    n = len(parties)
    noun = "samansisältöinen kappale" if n == 1 else "samansisältöistä kappaletta"
    return f"Tästä asiakirjasta on tehty {n} {noun}: yksi kullekin sopijaosapuolelle."


def render_signatures(parties) -> str:
    return render("signatures.html", parties=parties)


def render_supporters(supporters) -> str:
    return render("supporters.html", supporters=sorted(supporters, key=lambda s: s.nimi.casefold()))
