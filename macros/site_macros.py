"""The macros pages call, bound to the loaded site and to the page being rendered. Plain callables.

Every macro returns Markup that is safe to put into page Markdown: a block of HTML goes into the build's
stash and leaves a placeholder (macros.markdown_extension), and a value from data comes out as inert text
(macros.sanitise.inline_text). The names and parameters are those of macros.data.pages.PAGE_MACROS; a test
holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .data import open_data, pages
from .data.finnish import fi_date
from .data.registry import KINDS, generic_macros, kinds_shown_by
from .data.site import Site
from .data.versions import History
from .markdown_extension import Stash
from .render import clock, contacts, funding, news, parties, paths, period_agreement, pricing, reports
from .render import versions as version_pages
from .render.laws import law_link
from .render.sanitise import inline_text
from .render.templating import render


def sources_table() -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]:
    """For the "Mitä mistä" page: (path, what it holds) of every kind of data, and macro → (what it shows,
    the data it shows)."""
    files = [(kind.path, kind.description) for kind in KINDS]
    macros = {
        name: (macro.doc, ", ".join(kind.path for kind in kinds_shown_by(name)) or "–")
        for name, macro in pages.PAGE_MACROS.items()
    }
    return files, macros


def sources_by_page(site_pages) -> dict[str, list[str]]:
    """Page (path under docs/) → the editable data files and folders it shows: the page's data edit links.
    A report page shows its own file, which the page's own edit link opens."""
    found: dict[str, list[str]] = {}
    for page, parts in site_pages.items():
        if page.startswith("tunnistamisraportit/"):
            continue
        for part in parts:
            if isinstance(part, pages.Call):
                for kind in kinds_shown_by(part.name):
                    if kind.model is not None and kind.path not in found.setdefault(page, []):
                        found[page].append(kind.path)
    return {page: paths for page, paths in found.items() if paths}


def pages_by_source(site_pages) -> dict[str, list[str]]:
    """Data file or folder → the pages that call a macro showing it (from the checked pages).
    The report pages all call the same macro, so they are one line, not hundreds."""
    found: dict[str, set[str]] = {}
    for page, parts in sorted(site_pages.items()):
        shown = "tunnistamisraportit/*.md" if page.startswith("tunnistamisraportit/") else page
        for part in parts:
            if isinstance(part, pages.Call):
                for kind in kinds_shown_by(part.name):
                    found.setdefault(kind.path, set()).add(shown)
    return {source: sorted(names) for source, names in found.items()}


@dataclass(frozen=True)
class PageInfo:
    """What a macro needs to know of the page that calls it."""

    src: str  # path under docs/, e.g. 'tunnistamisraportit/x.md'
    url: str  # the page's URL relative to the site root, e.g. 'tunnistamisraportit/x/'

    @property
    def base(self) -> str:
        """Relative path from the page to the site root ('' or '../…')."""
        return "../" * self.url.count("/")


_HEADING = re.compile(r"^(#{1,5})(?= )", re.M)


def demote_headings(markdown: str) -> str:
    """Shift every ATX heading one level down, so a page can be included under another heading."""
    return _HEADING.sub(lambda m: m.group(1) + "#", markdown)


def _region_value(region, field: str) -> Markup:
    value = getattr(region, field)
    if field in ("sahkoposti", "palaute_sahkoposti"):
        return Markup('<a href="mailto:{0}">{0}</a>').format(value)
    if isinstance(value, list):
        value = ", ".join(value)
    return inline_text(value)


def missing_data(site: Site, today: date) -> list[str]:
    """What a region's data still lacks, in Finnish, for the front page of a site still being filled in."""
    items = []
    if not site.parties:
        items.append(
            "Lisää sopijaosapuolet: kullekin tiedosto kansioon data/osapuolet/ ja sivu kansioon docs/osapuolet/."
        )
    with_contacts = {c.osapuoli for c in site.contacts}
    without = [p.nimi for p in site.parties if p.id not in with_contacts]
    if without:
        items.append(f"Lisää vastuuhenkilöt osapuolille: {', '.join(without)}.")
    if site.parties and not site.reports:
        items.append("Lisää työpajojen tunnistamisraportit kansioon docs/tunnistamisraportit/.")
    if site.region and site.region.koordinaattori is None:
        items.append("Lisää verkoston koordinaattorin työyhteystiedot tiedostoon data/alue.yml (koordinaattori).")
    if site.price_tiers and site.price_tiers.vuosi < today.year:
        items.append(f"Tarkista opiskelijapäivähinnat ja merkitse vuodeksi {today.year} (data/hintatasot.yml).")
    if not any(p.allekirjoitettu for p in site.parties):
        items.append(
            "Tarkistakaa ennen allekirjoitusta, että päivähinnat ja rahoituksen osuudet ovat alueella sovitut "
            "(data/hintatasot.yml, data/rahoitus.yml): uusi alue saa ne mallipohjasta."
        )
    if site.clock and not site.clock.toiminnot:
        items.append("Lisää vuosikelloon verkoston tapaamiset ja muut toiminnot (data/vuosikello.yml).")
    return items


def build_macros(
    site: Site,
    page: Callable[[], PageInfo],
    stash: Stash | None,
    today: date,
    site_url: str = "",
    problems: tuple = (),
    history: Callable[[], History | None] = lambda: None,
) -> dict[str, Callable[..., Markup]]:
    """Name → callable. page() tells which page is being rendered; stash receives the HTML blocks (None:
    the blocks go into the Markdown as raw HTML, as a plain site would have them: the benchmark's baseline).
    What several pages share (the status, the coverage matrix, the news) is worked out here, once;
    history() reads the agreement's versions from the repository, only for the page that shows them."""
    site_url = site_url or "https://linjaukset.example/"
    reports_by_file = {f"tunnistamisraportit/{r.id}.md": r for r in site.reports}
    current_version = site.versions[-1].numero if site.versions else None
    signed_versions = {p.id: v for p in site.parties if (v := site.signed_version(p))}
    status = parties.cooperation_status(site.parties, today, current_version, signed_versions)
    matrix = reports.coverage_matrix(site.reports, site.party_by_id, site.reference)
    news_items = news.items(site.parties, site.articles, today, site.quota_terms)
    supporters = site.supporters.tukiorganisaatiot if site.supporters else ()

    def html(text: str) -> Markup:
        """A block of generated HTML: the page gets a placeholder, the HTML goes in after Markdown."""
        return Markup(stash.put(text) if stash is not None else "\n\n" + text + "\n\n")

    # Who belongs to which party, worked out once: a party page and a report page each scanning every contact
    # and report would be quadratic at national scale.
    contacts_of: dict[str, list] = {}
    primary_of: dict = {}
    for person in site.contacts:
        contacts_of.setdefault(person.osapuoli, []).append(person)
        if person.ensisijainen:
            primary_of.setdefault(person.osapuoli, person)
    reports_of_workshop: dict[str, list] = {}
    reports_of_provider: dict[str, list] = {}
    for one in site.reports:
        reports_of_workshop.setdefault(one.tyopaja, []).append(one)
        reports_of_provider.setdefault(one.tunnistajat.koulutuksen_jarjestaja, []).append(one)

    def primary_contact(party_id: str):
        return primary_of.get(party_id)

    def report() -> Markup:
        chosen = reports_by_file[page().src]
        workshop = site.party_by_id.get(chosen.tyopaja)
        provider = site.party_by_id.get(chosen.tunnistajat.koulutuksen_jarjestaja)
        # The page's title as a Markdown heading (MkDocs takes the page title from it), then the report.
        return (
            Markup("# ")
            + inline_text(reports.title(chosen, workshop))
            + html(
                reports.render_report(
                    chosen, workshop, provider, site.reference, today, primary_contact(chosen.tyopaja)
                )
            )
        )

    def party_page() -> Markup:
        chosen = site.party_by_id[page().src.removeprefix("osapuolet/").removesuffix(".md")]
        quota = ""
        if any(chosen.id in (t.tyopaja, t.koulutuksen_jarjestaja) for t in site.quota_terms):
            quota = '<h2 id="kiintiopaikat">Kiintiöpaikat</h2>' + paths.render_quota(
                site.quota_terms, site.party_by_id, today, page().base, chosen.id
            )
        # The page's title as a Markdown heading, as on a report page.
        return (
            Markup("# ")
            + inline_text(chosen.nimi)
            + html(
                parties.render_party_page(
                    chosen,
                    contacts_of.get(chosen.id, []),
                    reports_of_workshop.get(chosen.id, []),
                    reports_of_provider.get(chosen.id, []),
                    site.reference,
                    today,
                    page().base,
                    site.versions,
                    site.region.nimi_genetiivi,
                    signed_versions.get(chosen.id),
                )
                + quota
            )
        )

    def calendar_links() -> Markup:
        address = site_url + "vuosikello/vuosikello.ics"
        return html(
            render(
                "calendar_links.html",
                file=page().base + "vuosikello/vuosikello.ics",
                address=address,
                webcal=re.sub(r"^https?://", "webcal://", address),
            )
        )

    def feed_links() -> Markup:
        return html(
            render(
                "feed_links.html",
                file=page().base + "ajankohtaista/feed.xml",
                address=site_url + "ajankohtaista/feed.xml",
            )
        )

    def whole_agreement() -> Markup:
        sections = []
        for name in pages.AGREEMENT_SECTIONS:
            body = pages.render(site.pages[f"linjaukset/{name}.md"], macros)
            sections.append(
                f'<section class="document-section document-section--{name}" markdown>\n\n'
                f"{demote_headings(body)}\n\n</section>\n"
            )
        return Markup("\n".join(sections))

    macros = {
        "alue": lambda kentta: _region_value(site.region, kentta),
        "valvontaviranomainen": lambda: html(render("authority.html", authority=site.region.valvontaviranomainen)),
        "rekisterinpitaja": lambda: html(render("controller.html", controller=site.region.rekisterinpitaja)),
        "osapuolet": lambda: html(parties.render_party_tables(site.parties, today, page().base)),
        "osapuoli": party_page,
        "koordinaattori": lambda: html(render("coordinator.html", person=site.region.koordinaattori)),
        "aloituslista": lambda: html(render("getting_started.html", items=missing_data(site, today), base=page().base)),
        "avoin_data": lambda: html(
            render(
                "open_data.html",
                files=list(open_data.TITLES.items()),
                folder=open_data.FOLDER,
                licence=open_data.LICENCE,
                licence_url=open_data.LICENCE_URL,
                region_genitive=site.region.nimi_genetiivi,
                base=page().base,
            )
        ),
        "versio": lambda: inline_text(
            f"versio {site.versions[-1].numero} ({fi_date(site.versions[-1].paiva)})" if site.versions else ""
        ),
        "versiohistoria": lambda: html(version_pages.render_history(site.versions, history(), page().base)),
        "polku": lambda tunnus: html(
            paths.render_path(site.paths[tunnus], paths.path_contacts(site.parties, primary_of, today), page().base)
        ),
        "kiintiopaikat": lambda: html(paths.render_quota(site.quota_terms, site.party_by_id, today, page().base)),
        "pajajaksosopimus": lambda: html(
            period_agreement.render_builder(
                period_agreement.builder_data(
                    site.parties,
                    site.contacts,
                    site.reports,
                    site.price_tiers.tasot if site.price_tiers else (),
                    site.paths,
                    site.reference,
                    today,
                ),
                site.region.nimi_genetiivi,
                site.price_tiers.vuosi if site.price_tiers else None,
                page().base,
            )
        ),
        "yhteistyon_tila": lambda: html(parties.render_status(status, site.region.nimi_genetiivi, page().base)),
        "tilasana": lambda: inline_text(status.word),
        "kappalemaara": lambda: inline_text(parties.copies_sentence(site.parties, today)),
        "allekirjoitukset": lambda: html(parties.render_signatures(site.parties, today, signed_versions)),
        "tukiorganisaatiot": lambda: html(parties.render_supporters(supporters)),
        "hintataulukko": lambda: html(pricing.render_price_table(site.price_tiers)),
        "esimerkkihinnat": lambda: html(pricing.render_price_examples(site.price_tiers)),
        "hinnoitteluesimerkki": lambda: html(pricing.render_price_example(site.price_tiers)),
        "rahoituskaavio": lambda: html(funding.render_funding_chart(site.funding)),
        "vastuuhenkilot": lambda alku=None, loppu=None: html(
            contacts.render_directory(
                site.parties, site.contacts, page().base + "vastuuhenkilot/", alku, loppu, page().base
            )
        ),
        "vuosikello": lambda omistaja=None, renkaat=None, vuosi=None: html(
            clock.render_clock(
                site.clock,
                site.parties,
                omistaja,
                renkaat,
                vuosi,
                key="vk-" + "-".join(map(str, filter(None, [omistaja, *(renkaat or []), vuosi]))),
                base=page().base,
            )
            if vuosi
            else clock.render_clocks(site.clock, site.parties, omistaja, renkaat, today, page().base)
        ),
        "kalenterilinkit": calendar_links,
        "seuraavaksi": lambda maara=5: html(clock.render_upcoming(site.clock, site.parties, today, maara, page().base)),
        "raportti": report,
        "raporttihaku": lambda tutkinnot=None, luettelo=True: html(
            reports.render_finder(matrix, site.reports, site.party_by_id, today, page().base, tutkinnot, luettelo)
        ),
        "ajankohtaista": lambda maara=50, tiivis=False: html(news.render_news(news_items, maara, page().base, tiivis)),
        "syotelinkit": feed_links,
        "tietolahdetaulukko": lambda: html(
            render(
                "sources.html", files=sources_table()[0], macros=sources_table()[1], pages=pages_by_source(site.pages)
            )
        ),
        "laki": lambda numero, teksti=None: law_link(numero, teksti),
        "koko_asiakirja": whole_agreement,
        "huomautus": lambda tunnus: html(
            render("note.html", note=site.notes[tunnus], paragraphs=site.notes[tunnus].teksti.split("\n\n"))
        ),
        "yllapidon_tilanne": lambda: html(
            render(
                "maintenance.html",
                notes=site.notes,
                stale=[n for n in site.notes.values() if (today - n.tarkistettu).days > 365],
                overdue=sorted(
                    (r for r in site.reports if reports.is_overdue(r, today)), key=lambda r: r.tarkistettava
                ),
                problems=[p for p in problems if not p.is_error],
                base=page().base,
            )
        ),
    }
    for name, kind in generic_macros().items():
        macros[name] = lambda kind=kind: html(render(kind.template, records=site.records.get(kind.name)))
    return macros
