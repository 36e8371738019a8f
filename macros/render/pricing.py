"""Price tiers: the table, the appendix's example and worked examples for typical period lengths."""

from __future__ import annotations

from ..data.finnish import euros
from ..data.models import PriceTier, PriceTiers
from .templating import render


def price_range(tier: PriceTier) -> str:
    """'30–45 €/päivä', or 'alkaen 70 €/päivä' for an open top tier."""
    if tier.enintaan is None:
        return f"alkaen {euros(tier.vahintaan)}\u00a0/\u00a0päivä"
    return f"{tier.vahintaan}–{euros(tier.enintaan)}\u00a0/\u00a0päivä"


def period_cost(tier: PriceTier, days: int) -> str:
    if tier.enintaan is None:
        return f"alkaen {euros(tier.vahintaan * days)}"
    return f"{euros(tier.vahintaan * days)} – {euros(tier.enintaan * days)}"


VAT_SENTENCES = {
    "veroton": "Hinnat ovat arvonlisäverottomia.",
    "sisältyy": "Hinnat sisältävät arvonlisäveron.",
    "lisätään": "Hintoihin lisätään arvonlisävero.",
}


def render_price_table(prices: PriceTiers) -> str:
    rows = [{"tier": t, "range": price_range(t)} for t in prices.tasot]
    terms = f"Hinnat koskevat vuotta {prices.vuosi}. {VAT_SENTENCES[prices.arvonlisavero]} {prices.tarkistus}"
    return render("price_table.html", rows=rows, source=prices.lahde, year=prices.vuosi, terms=terms)


def render_price_examples(prices: PriceTiers) -> str:
    rows = [{"tier": t, "costs": [period_cost(t, d) for d in prices.esimerkkijaksot]} for t in prices.tasot]
    return render("price_examples.html", rows=rows, days=prices.esimerkkijaksot)


def render_price_example(prices: PriceTiers) -> str:
    """The appendix's 'Hinnoitteluesimerkki tasoittain' as in the text, from the same data."""
    return render("price_example.html", tiers=prices.tasot)
