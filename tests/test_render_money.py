"""Price tiers and the funding chart: the data's numbers, and only those, in the output."""

from __future__ import annotations

import re

import helpers as samples
from macros.render import funding, pricing


def test_price_table(golden):
    html = pricing.render_price_table(samples.price_tiers())
    golden("price-table.html", html)
    assert "30–45\u00a0€\u00a0/\u00a0päivä" in html and "alkaen 70\u00a0€\u00a0/\u00a0päivä" in html
    assert "vuonna 2026" in html
    assert "Hinnat koskevat vuotta 2026. Hinnat ovat arvonlisäverottomia. Hinnat tarkistetaan syksyllä." in html


def test_price_terms_follow_the_vat_choice():
    for choice, sentence in (("sisältyy", "sisältävät arvonlisäveron"), ("lisätään", "lisätään arvonlisävero")):
        prices = samples.price_tiers().model_copy(update={"arvonlisavero": choice})
        assert sentence in pricing.render_price_table(prices)


def test_price_examples_are_computed(golden):
    html = pricing.render_price_examples(samples.price_tiers())
    golden("price-examples.html", html)
    for cost in ("300\u00a0€ – 450\u00a0€", "600\u00a0€ – 900\u00a0€", "alkaen 700\u00a0€", "alkaen 1\u00a0400\u00a0€"):
        assert cost in html


def test_appendix_example_is_from_the_same_data():
    html = pricing.render_price_example(samples.price_tiers())
    assert re.findall(r"<li>(.*?)</li>", html) == ["Perus 30-45 euroa / päivä", "Vaativa alkaen 70 euroa / päivä"]
    assert "Hinnoitteluesimerkki tasoittain:" in html


def test_funding_bars_add_up_to_the_width():
    bars = funding.share_bars(samples.funding().osuudet, width=600)
    assert [b["width"] for b in bars] == [300.0, 210.0, 90.0]
    assert [b["x"] for b in bars] == [0.0, 300.0, 510.0]


def test_funding_chart_has_a_text_alternative_with_the_same_numbers(golden):
    html = funding.render_funding_chart(samples.funding())
    golden("funding-chart.html", html)
    assert 'role="img"' in html and 'aria-labelledby="funding-title funding-desc"' in html
    desc = re.search(r'<desc id="funding-desc">(.*?)</desc>', html).group(1)
    assert desc == "Perus 50\u00a0%, Suoritus 35\u00a0%, Vaikuttavuus 15\u00a0%."
    assert "150\u00a0%" in html and "toimitus" not in html  # the notes are the page's, with their sources
