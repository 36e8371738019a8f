"""The macros pages call, bound to the loaded site. Plain callables: any Jinja host can register them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from . import clock, contacts, funding, news, parties, pricing, rawhtml, reports
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


MACRO_CALL = re.compile(r"\{\{\s*([a-z_]+)\(")


def pages_by_source(docs_dir: Path) -> dict[str, list[str]]:
    """Data file or folder → the pages whose text calls a macro that shows it (found by reading docs/).
    The report pages all call the same macro, so they are one line, not hundreds."""
    found: dict[str, set[str]] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        relative = page.relative_to(docs_dir).as_posix()
        if relative.startswith("tunnistamisraportit/"):
            names, relative = {"raportti"}, "tunnistamisraportit/*.md"
        else:
            text = page.read_text(encoding="utf-8")
            names = set(MACRO_CALL.findall(text))
            if "{{ alue." in text:
                found.setdefault("data/alue.yml", set()).add(relative)
        for name in names & MACRO_DOCS.keys():
            for source in MACRO_DOCS[name][1].split(", "):
                found.setdefault(source, set()).add(relative)
    return {source: sorted(pages) for source, pages in found.items()}


# What each macro shows, and from which data: the "Mitä mistä" page lists this for editors.
MACRO_DOCS = {
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
    "raportti": ("Yhden tunnistamisraportin tiedot (raportin omassa tiedostossa)", "docs/tunnistamisraportit/"),
    "raporttihaku": ("Tunnistamisraporttien kattavuustaulukko ja haku; valinta tutkinnot= rajaa tutkintoihin, "
                     "luettelo=False jättää raporttiluettelon pois", "docs/tunnistamisraportit/"),
    "ajankohtaista": ("Ajankohtaista-luettelo: liittymiset, allekirjoitukset ja uutiset (uusimmat 50; maara=)",
                      "data/osapuolet/, data/ajankohtaista/"),
    "tietolahdetaulukko": ("Tämä taulukko: mikä tieto tulee mistäkin", "docs/"),
    "laki": ("Linkki lakiin Finlexissä, esim. laki(\"531/2017\")", "macros/text.py"),
}


class Escaped:
    """Read-only view of a record for pages: every text value comes out HTML-escaped.

    Page Markdown is rendered by Jinja without autoescape, so `{{ alue.nimi }}` must not be able to
    smuggle HTML into the page.
    """

    def __init__(self, record):
        self._record = record

    def __getattr__(self, name):
        return _escaped(getattr(self._record, name))

    def __str__(self):
        return str(escape(str(self._record)))


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        return [_escaped(item) for item in value]
    if hasattr(value, "model_fields"):
        return Escaped(value)
    return value


def variables(site) -> dict:
    """Data the pages may print directly, escaped."""
    return {"alue": Escaped(site.region)}


def build_macros(site, page_base, page_file, today: date | None = None) -> dict:
    """Name → callable. page_base() gives the relative path from the current page to the site root;
    page_file() the current page's source path (e.g. 'tunnistamisraportit/x.md')."""
    today = today or date.today()
    reports_by_file = {f"tunnistamisraportit/{r.id}.md": r for r in site.reports}

    def html(text: str) -> Markup:
        """A block of generated HTML: the page gets a placeholder, the HTML goes in after Markdown."""
        return Markup(rawhtml.stash(text))

    return {
        "osapuolet": lambda: html(parties.render_party_tables(site.parties, page_base())),
        "yhteistyon_tila": lambda: html(parties.render_status(site.parties, site.region, page_base())),
        "tilasana": lambda: parties.cooperation_status(site.parties)["word"],
        "kappalemaara": lambda: parties.copies_sentence(site.parties),
        "allekirjoitukset": lambda: html(parties.render_signatures(site.parties)),
        "tukiorganisaatiot": lambda: html(parties.render_supporters(site.supporters)),
        "hintataulukko": lambda: html(pricing.render_price_table(site.price_tiers)),
        "esimerkkihinnat": lambda: html(pricing.render_price_examples(site.price_tiers)),
        "hinnoitteluesimerkki": lambda: pricing.price_example_markdown(site.price_tiers),
        "rahoituskaavio": lambda: html(funding.render_funding_chart(site.funding)),
        "vastuuhenkilot": lambda alku=None, loppu=None: html(contacts.render_directory(
            site.parties, site.contacts, page_base() + "vastuuhenkilot/", alku, loppu)),
        "vuosikello": lambda omistaja=None, renkaat=None, vuosi=None: html(
            clock.render_clock(site.clock, site.parties, omistaja, renkaat, vuosi,
                               key="vk-" + "-".join(map(str, filter(None, [omistaja, *(renkaat or []), vuosi]))))
            if vuosi else clock.render_clocks(site.clock, site.parties, omistaja, renkaat)),
        # The page's title as a Markdown heading (MkDocs takes the page title from it), then the report.
        "raportti": lambda: (f"# {escape(reports.title(reports_by_file[page_file()], site))}\n"
                             + html(reports.render_report(reports_by_file[page_file()], site, today))),
        "raporttihaku": lambda tutkinnot=None, luettelo=True: html(
            reports.render_finder(site, today, page_base(), tutkinnot, luettelo)),
        "ajankohtaista": lambda maara=50: html(news.render_news(site, today, maara)),
        "tietolahdetaulukko": lambda docs_dir: html(render("sources.html", macros=MACRO_DOCS, files=data_files(),
                                                           pages=pages_by_source(Path(docs_dir)))),
        "laki": law_link,
    }
