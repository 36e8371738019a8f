"""The macros pages call, bound to the loaded site. Plain callables: any Jinja host can register them."""

from __future__ import annotations

from markupsafe import Markup

from . import funding, parties, pricing
from .text import law_link


def build_macros(site, page_base) -> dict:
    """Name → callable. page_base() gives the relative path from the current page to the site root."""

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
        "laki": law_link,
    }
