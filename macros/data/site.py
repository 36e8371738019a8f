"""Site: everything the site shows, validated, immutable once the loader has made it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .models import (
    AnnualClock,
    Article,
    Contact,
    EditorialNote,
    Funding,
    Party,
    Path,
    PriceTiers,
    QuotaTerm,
    Region,
    Report,
    Supporters,
    Version,
)
from .pages import Part
from .reference import Reference


@dataclass(frozen=True)
class Site:
    # Every kind of the registry by its name: one record, a tuple of records, or None when the file is
    # missing or invalid (the load then also has problems, and nothing is published).
    records: Mapping[str, object]
    reference: Reference | None = None
    # Every page under docs/ (reports too) as checked text and macro calls, by its path under docs/, and the
    # number of lines before its text (its front matter).
    pages: Mapping[str, tuple[Part, ...]] = field(default_factory=lambda: MappingProxyType({}))
    page_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # The pages in mkdocs.yml's nav, and its not_in_nav patterns (None when there is no nav to check).
    navigation: frozenset[str] | None = None
    not_in_nav: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "records", MappingProxyType(dict(self.records)))
        object.__setattr__(self, "pages", MappingProxyType(dict(self.pages)))
        object.__setattr__(self, "page_lines", MappingProxyType(dict(self.page_lines)))
        parties = sorted(self.records.get("osapuolet") or (), key=lambda p: p.nimi.casefold())
        object.__setattr__(self, "_party_by_id", MappingProxyType({p.id: p for p in parties}))
        object.__setattr__(self, "_parties", tuple(parties))

    # Typed views of the kinds the code uses by name.
    @property
    def region(self) -> Region | None:
        return self.records.get("alue")

    @property
    def supporters(self) -> Supporters | None:
        return self.records.get("tukiorganisaatiot")

    @property
    def price_tiers(self) -> PriceTiers | None:
        return self.records.get("hintatasot")

    @property
    def funding(self) -> Funding | None:
        return self.records.get("rahoitus")

    @property
    def clock(self) -> AnnualClock | None:
        return self.records.get("vuosikello")

    @property
    def parties(self) -> tuple[Party, ...]:
        """In name order."""
        return self._parties

    @property
    def party_by_id(self) -> Mapping[str, Party]:
        return self._party_by_id

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return self.records.get("vastuuhenkilot") or ()

    @property
    def reports(self) -> tuple[Report, ...]:
        return self.records.get("tunnistamisraportit") or ()

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.records.get("ajankohtaista") or ()

    @property
    def versions(self) -> tuple[Version, ...]:
        """The agreement's versions, oldest first (the current one last)."""
        versions = self.records.get("versiot")
        return tuple(versions.versiot) if versions else ()

    def signed_version(self, party: Party) -> str | None:
        """The version a party signed: its 'versio', or else the version in force on its signing day."""
        if not party.allekirjoitettu:
            return None
        if party.versio:
            return party.versio
        agreed = [v for v in self.versions if v.paiva <= party.allekirjoitettu]
        return (agreed[-1] if agreed else self.versions[0]).numero if self.versions else None

    @property
    def paths(self) -> Mapping[str, Path]:
        """The transition paths by their id."""
        paths = self.records.get("polut")
        return MappingProxyType({p.tunnus: p for p in paths.polut} if paths else {})

    @property
    def quota_terms(self) -> tuple[QuotaTerm, ...]:
        quota = self.records.get("kiintiopaikat")
        return tuple(quota.kaudet) if quota else ()

    @property
    def notes(self) -> Mapping[str, EditorialNote]:
        """Editorial notes by their id."""
        notes = self.records.get("huomautukset")
        return MappingProxyType({n.tunnus: n for n in notes.huomautukset} if notes else {})
