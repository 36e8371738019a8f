"""The agreement's processes: the two transition paths as step lists, and quota places."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..data.models import Party, Path, QuotaTerm
from .templating import render

# Who does a step → the directory, narrowed to the contact persons of that kind of party.
ROLE_LINKS = {
    "työpajan vastuuhenkilö": "vastuuhenkilot/?laji=tyopaja",
    "koulutuksen järjestäjän vastuuhenkilö": "vastuuhenkilot/?laji=koulutuksen-jarjestaja",
    "vastuuhenkilöt yhdessä": "vastuuhenkilot/",
}
AGREEMENT_PAGE = "linjaukset/osapuolten-vastuualueet/"


def render_path(path: Path, base: str = "") -> str:
    return render("path.html", path=path, role_links=ROLE_LINKS, base=base, agreement=AGREEMENT_PAGE)


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
