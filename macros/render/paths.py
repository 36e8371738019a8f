"""The agreement's processes: the two transition paths as step lists, and quota places."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..data.models import Contact, Party, Path, QuotaTerm
from .templating import render

# Who does a step → the list of those persons at the end of the path's page.
ROLE_LINKS = {
    "työpajan vastuuhenkilö": "#tyopajojen-vastuuhenkilot",
    "koulutuksen järjestäjän vastuuhenkilö": "#koulutuksen-jarjestajien-vastuuhenkilot",
    "vastuuhenkilöt yhdessä": "#vastuuhenkilot",
}
AGREEMENT_PAGE = "linjaukset/osapuolten-vastuualueet/"


def path_contacts(
    parties: Sequence[Party], primary_of: Mapping[str, Contact], today: date
) -> tuple[list[tuple[Party, Contact | None]], list[tuple[Party, Contact | None]]]:
    """(workshops, providers) in the agreement today (signed, not left), each with its primary contact person."""
    signed = [p for p in parties if p.in_agreement_on(today)]
    pairs = [(p, primary_of.get(p.id)) for p in sorted(signed, key=lambda p: p.nimi.casefold())]
    return [x for x in pairs if x[0].is_workshop], [x for x in pairs if not x[0].is_workshop]


def render_path(
    path: Path,
    contacts: tuple[list[tuple[Party, Contact | None]], list[tuple[Party, Contact | None]]] = ([], []),
    base: str = "",
) -> str:
    workshops, providers = contacts
    return render(
        "path.html",
        path=path,
        role_links=ROLE_LINKS,
        base=base,
        agreement=AGREEMENT_PAGE,
        workshops=workshops,
        providers=providers,
    )


@dataclass(frozen=True)
class QuotaRow:
    term: QuotaTerm
    workshop: Party | None
    provider: Party | None

    @property
    def free(self) -> int:
        return self.term.sovittu - self.term.kaytossa


def quota_rows(terms: Sequence[QuotaTerm], parties: Mapping[str, Party], today: date) -> list[QuotaRow]:
    """Terms not yet over, by start day."""
    return [
        QuotaRow(t, parties.get(t.tyopaja), parties.get(t.koulutuksen_jarjestaja))
        for t in sorted(terms, key=lambda t: (t.alkaa, t.tyopaja))
        if t.paattyy >= today
    ]


def render_quota(
    terms: Sequence[QuotaTerm], parties: Mapping[str, Party], today: date, base: str = "", party: str | None = None
) -> str:
    """The quota places in force or ahead (for one party when party is given), with the free places."""
    rows = [
        r for r in quota_rows(terms, parties, today) if party in (None, r.term.tyopaja, r.term.koulutuksen_jarjestaja)
    ]
    return render("quota.html", rows=rows, free=sum(r.free for r in rows), today=today, base=base, one_party=party)
