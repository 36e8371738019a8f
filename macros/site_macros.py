"""The macros pages call, bound to the loaded site. Plain callables: any Jinja host can register them."""

from __future__ import annotations

from markupsafe import Markup, escape

from datetime import date

from . import clock, contacts, funding, parties, pricing, reports
from .text import law_link


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
        return Markup(text)

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
        "vastuuhenkilot": lambda: html(contacts.render_directory(site.parties, site.contacts)),
        "vuosikello": lambda omistaja=None, renkaat=None, vuosi=None: html(
            clock.render_clock(site.clock, site.parties, omistaja, renkaat, vuosi,
                               key="vk-" + "-".join(map(str, filter(None, [omistaja, *(renkaat or []), vuosi]))))
            if vuosi else clock.render_clocks(site.clock, site.parties, omistaja, renkaat)),
        "raportti": lambda: reports.render_report(reports_by_file[page_file()], site, today),
        "raporttihaku": lambda: html(reports.render_finder(site, today)),
        "laki": law_link,
    }
