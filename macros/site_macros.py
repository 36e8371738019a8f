"""The macros pages call, bound to the loaded site and to the page being rendered. Plain callables.

Every macro returns Markup that is safe to put into page Markdown: a block of HTML goes into the build's
stash and leaves a placeholder (macros.rawhtml), and a value from data comes out as inert text
(macros.sanitise.inline_text). The names and parameters are those of macros.pages.PAGE_MACROS; a test
holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from . import clock, contacts, funding, news, pages, parties, pricing, reports
from .rawhtml import Stash
from .sanitise import inline_text
from .templating import render
from .text import law_link


def data_files() -> list[tuple[str, str]]:
    """(path, what it holds) for every data file kind, from the loader's registry and the models."""
    from .loader import FOLDERS, NEWS, REPORTS, SINGLE_FILES
    from .models import Article, Report
    from .reference import REFERENCE_FILE
    from .schemas import MODEL_DESCRIPTIONS

    rows = [(f"data/{name}", MODEL_DESCRIPTIONS[model.__name__]) for name, (model, _) in SINGLE_FILES.items()]
    rows += [(f"data/{folder}/", MODEL_DESCRIPTIONS[model.__name__]) for folder, (model, _) in FOLDERS.items()]
    rows.append((f"{REPORTS}/", MODEL_DESCRIPTIONS[Report.__name__]))
    rows.append((f"{NEWS}/", MODEL_DESCRIPTIONS[Article.__name__]))
    rows.append((REFERENCE_FILE, "Tutkintojen ja tutkinnon osien viralliset koodit (viitetieto, ei muokata käsin)."))
    return rows


def pages_by_source(site_pages: dict[str, list]) -> dict[str, list[str]]:
    """Data file or folder → the pages that call a macro showing it (from the checked pages).
    The report pages all call the same macro, so they are one line, not hundreds."""
    found: dict[str, set[str]] = {}
    for page, parts in sorted(site_pages.items()):
        shown = "tunnistamisraportit/*.md" if page.startswith("tunnistamisraportit/") else page
        for part in parts:
            if isinstance(part, pages.Call) and part.name in MACRO_DOCS:
                for source in MACRO_DOCS[part.name][1].split(", "):
                    found.setdefault(source, set()).add(shown)
    return {source: sorted(names) for source, names in found.items()}


# What each macro shows, and from which data: the "Mitä mistä" page lists this for editors.
MACRO_DOCS = {
    "alue": ("Alueen tieto tekstinä: alue(\"nimi\"), \"nimi_genetiivi\", \"kunnat\", \"kuvaus\", \"yllapitaja\"; "
             "\"sahkoposti\" ja \"palaute_sahkoposti\" linkkeinä", "data/alue.yml"),
    "osapuolet": ("Sopijaosapuolten taulukot (työpajat ja koulutuksen järjestäjät)", "data/osapuolet/"),
    "yhteistyon_tila": ("Yhteistyön tila ja ketkä eivät ole vielä allekirjoittaneet", "data/osapuolet/"),
    "tilasana": ("Tilasana: suunnittelee yhteistyötä / tekee yhteistyötä", "data/osapuolet/"),
    "kappalemaara": ("Virke asiakirjan kappalemäärästä (yksi kullekin osapuolelle)", "data/osapuolet/"),
    "allekirjoitukset": ("Allekirjoituslohkot, yksi kullekin osapuolelle", "data/osapuolet/"),
    "tukiorganisaatiot": ("Verkostoa tukevat organisaatiot, jotka eivät ole osapuolia", "data/tukiorganisaatiot.yml"),
    "hintataulukko": ("Opiskelijapäivähinnan tasot", "data/hintatasot.yml"),
    "esimerkkihinnat": ("Pajajakson hinnat esimerkkipituuksille", "data/hintatasot.yml"),
    "hinnoitteluesimerkki": ("Liitteen hinnoitteluesimerkki", "data/hintatasot.yml"),
    "rahoituskaavio": ("Rahoitusosuuksien kaavio ja taulukko", "data/rahoitus.yml"),
    "vastuuhenkilot": ("Vastuuhenkilöhakemisto hakuineen sekä vCard- ja CSV-tiedostot; valinnat alku= ja "
                       "loppu= rajaavat organisaatiot alkukirjaimen mukaan", "data/vastuuhenkilot/"),
    "vuosikello": ("Vuosikello kuvana ja taulukkona; valinnat omistaja=, renkaat=, vuosi=", "data/vuosikello.yml"),
    "kalenterilinkit": ("Vuosikellon kalenteritiedoston lataus- ja tilauslinkit", "data/vuosikello.yml"),
    "raportti": ("Yhden tunnistamisraportin tiedot (raportin omassa tiedostossa)", "docs/tunnistamisraportit/"),
    "raporttihaku": ("Tunnistamisraporttien kattavuustaulukko ja haku; valinta tutkinnot= rajaa tutkintoihin, "
                     "luettelo=false jättää raporttiluettelon pois", "docs/tunnistamisraportit/"),
    "ajankohtaista": ("Ajankohtaista-luettelo: liittymiset, allekirjoitukset ja uutiset (uusimmat 50; maara=)",
                      "data/osapuolet/, data/ajankohtaista/"),
    "syotelinkit": ("Ajankohtaista-syötteen (Atom) linkki ja osoite", "data/ajankohtaista/"),
    "tietolahdetaulukko": ("Tämä taulukko: mikä tieto tulee mistäkin", "docs/"),
    "laki": ("Linkki lakiin Finlexissä, esim. laki(\"531/2017\")", "macros/text.py"),
    "koko_asiakirja": ("Linjausten kaikki luvut ja liite yhtenä asiakirjana tulostusta varten", "docs/linjaukset/"),
}

# The agreement's sections in order: the one-page document shows them all.
AGREEMENT_SECTIONS = ("sopijaosapuolet", "voimaantulo-ja-voimassaolo", "tarkoitus-ja-lahtokohdat",
                      "yhteistyon-toimintamalli", "osapuolten-vastuualueet", "rahoitus", "salassapito",
                      "irtisanominen-muuttaminen-tai-purkaminen", "asiakirjojen-lukumaara", "allekirjoitukset",
                      "liite")


@dataclass(frozen=True)
class PageInfo:
    """What a macro needs to know of the page that calls it."""

    src: str   # path under docs/, e.g. 'tunnistamisraportit/x.md'
    url: str   # the page's URL relative to the site root, e.g. 'tunnistamisraportit/x/'

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


def build_macros(site, page: Callable[[], PageInfo], stash: Stash | None, today: date | None = None,
                 site_url: str = "") -> dict[str, Callable[..., Markup]]:
    """Name → callable. page() tells which page is being rendered; stash receives the HTML blocks (None:
    the blocks go into the Markdown as raw HTML, for a host that runs no stash)."""
    today = today or date.today()
    site_url = site_url or "https://linjaukset.example/"
    reports_by_file = {f"tunnistamisraportit/{r.id}.md": r for r in site.reports}

    def html(text: str) -> Markup:
        """A block of generated HTML: the page gets a placeholder, the HTML goes in after Markdown."""
        return Markup(stash.put(text) if stash is not None else "\n\n" + text + "\n\n")

    def report() -> Markup:
        chosen = reports_by_file[page().src]
        # The page's title as a Markdown heading (MkDocs takes the page title from it), then the report.
        return Markup("# ") + inline_text(reports.title(chosen, site)) + html(reports.render_report(chosen, site, today))

    def calendar_links() -> Markup:
        address = site_url + "vuosikello/vuosikello.ics"
        return html(render("calendar_links.html", file=page().base + "vuosikello/vuosikello.ics", address=address,
                           webcal=re.sub(r"^https?://", "webcal://", address)))

    def feed_links() -> Markup:
        return html(render("feed_links.html", file=page().base + "ajankohtaista/feed.xml",
                           address=site_url + "ajankohtaista/feed.xml"))

    def whole_agreement() -> Markup:
        sections = []
        for name in AGREEMENT_SECTIONS:
            body = pages.render(site.pages[f"linjaukset/{name}.md"], macros)
            sections.append(f'<section class="document-section document-section--{name}" markdown>\n\n'
                            f"{demote_headings(body)}\n\n</section>\n")
        return Markup("\n".join(sections))

    macros = {
        "alue": lambda kentta: _region_value(site.region, kentta),
        "osapuolet": lambda: html(parties.render_party_tables(site.parties, page().base)),
        "yhteistyon_tila": lambda: html(parties.render_status(site.parties, site.region, page().base)),
        "tilasana": lambda: inline_text(parties.cooperation_status(site.parties)["word"]),
        "kappalemaara": lambda: inline_text(parties.copies_sentence(site.parties)),
        "allekirjoitukset": lambda: html(parties.render_signatures(site.parties)),
        "tukiorganisaatiot": lambda: html(parties.render_supporters(site.supporters)),
        "hintataulukko": lambda: html(pricing.render_price_table(site.price_tiers)),
        "esimerkkihinnat": lambda: html(pricing.render_price_examples(site.price_tiers)),
        "hinnoitteluesimerkki": lambda: html(pricing.render_price_example(site.price_tiers)),
        "rahoituskaavio": lambda: html(funding.render_funding_chart(site.funding)),
        "vastuuhenkilot": lambda alku=None, loppu=None: html(contacts.render_directory(
            site.parties, site.contacts, page().base + "vastuuhenkilot/", alku, loppu)),
        "vuosikello": lambda omistaja=None, renkaat=None, vuosi=None: html(
            clock.render_clock(site.clock, site.parties, omistaja, renkaat, vuosi,
                               key="vk-" + "-".join(map(str, filter(None, [omistaja, *(renkaat or []), vuosi]))))
            if vuosi else clock.render_clocks(site.clock, site.parties, omistaja, renkaat)),
        "kalenterilinkit": calendar_links,
        "raportti": report,
        "raporttihaku": lambda tutkinnot=None, luettelo=True: html(
            reports.render_finder(site, today, page().base, tutkinnot, luettelo)),
        "ajankohtaista": lambda maara=50: html(news.render_news(site, today, maara)),
        "syotelinkit": feed_links,
        "tietolahdetaulukko": lambda: html(render("sources.html", macros=MACRO_DOCS, files=data_files(),
                                                  pages=pages_by_source(site.pages))),
        "laki": lambda numero, teksti=None: law_link(numero, teksti),
        "koko_asiakirja": whole_agreement,
    }
    return macros
