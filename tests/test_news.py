"""Ajankohtaista: joinings and signatures from the data's dates, safe Markdown, a valid Atom feed."""

from __future__ import annotations

from datetime import date

import feedparser

from helpers import check, edit
from macros.data.loader import load_site
from macros.data.problems import errors
from macros.render import news
from macros.render.sanitise import editor_markdown

TODAY = date(2026, 11, 29)


def test_joinings_and_signatures_are_announced_up_to_today(root):
    site, _ = load_site(root)
    found = {item.id: item for item in news.items(site.parties, site.articles, TODAY)}
    assert found["liittyminen-mantyniemen-tyopaja"].day == date(2026, 3, 2)
    assert found["allekirjoitus-mantyniemen-tyopaja"].title == "Mäntyniemen nuorten työpaja allekirjoitti linjaukset"
    assert "liittyminen-harjulan-tyopaja" not in found  # original parties did not "join"
    assert "allekirjoitus-ammattiopisto-tuulikello" not in found  # not signed
    assert "uutinen-2026-10-08-syystapaaminen" in found
    days = [item.day for item in news.items(site.parties, site.articles, TODAY)]
    assert days == sorted(days, reverse=True)
    earlier = {item.id for item in news.items(site.parties, site.articles, date(2026, 3, 1))}
    assert "liittyminen-mantyniemen-tyopaja" not in earlier


def test_markdown_in_news_is_limited_to_a_safe_subset():
    html = editor_markdown(
        "**lihava** <script>alert(1)</script> [linkki](javascript:alert(1)) "
        "![kuva](https://x.example/a.png) <img src=x onerror=alert(1)>"
    )
    assert "<strong>lihava</strong>" in html
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "x.example" not in html  # no picture from another host: the reader's browser would fetch it


def test_feed_is_valid_atom_with_stable_ids(root):
    site, _ = load_site(root)
    text = news.atom(
        news.items(site.parties, site.articles, TODAY),
        site.region,
        TODAY,
        "https://linjaukset.example/",
        "linjaukset.example",
    )
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    ids = [entry.id for entry in parsed.entries]
    assert len(ids) == len(set(ids)) == len(news.items(site.parties, site.articles, TODAY))
    assert "tag:linjaukset.example,2026-03-02:liittyminen-mantyniemen-tyopaja" in ids
    again = feedparser.parse(
        news.atom(
            news.items(site.parties, site.articles, TODAY),
            site.region,
            TODAY,
            "https://linjaukset.example/",
            "linjaukset.example",
        )
    )
    assert [e.id for e in again.entries] == ids
    first = parsed.entries[0]
    assert first.link.startswith("https://linjaukset.example/ajankohtaista/#")


def test_new_party_appears_in_the_feed_on_its_joining_day(project):
    (project / "docs/osapuolet/uusi.md").write_text("{{ osapuoli() }}\n", encoding="utf-8")
    path = project / "data/osapuolet/uusi.yml"
    path.write_text(
        (project / "data/osapuolet/mantyniemen-tyopaja.yml")
        .read_text(encoding="utf-8")
        .replace("Mäntyniemen nuorten työpaja", "Uusi Paja")
        .replace("2987656-7", "2987660-4")
        .replace("liittynyt: 2026-03-02", "liittynyt: 2026-11-29")
        .replace("allekirjoitettu: 2026-03-20", "allekirjoitettu:")
        .replace("allekirjoituspaikka: Mäntyniemi", "allekirjoituspaikka:"),
        encoding="utf-8",
    )
    site, problems = load_site(project)
    assert errors(problems) == []
    entries = feedparser.parse(
        news.atom(news.items(site.parties, site.articles, TODAY), site.region, TODAY, "https://l.example/", "l.example")
    ).entries
    assert entries[0].title == "Uusi Paja liittyi linjauksiin"
    assert (
        feedparser.parse(
            news.atom(
                news.items(site.parties, site.articles, date(2026, 11, 28)),
                site.region,
                date(2026, 11, 28),
                "https://l.example/",
                "l.example",
            )
        )
        .entries[0]
        .title
        != "Uusi Paja liittyi linjauksiin"
    )


def test_built_page_and_feed(built_site):
    html = (built_site / "ajankohtaista/index.html").read_text(encoding="utf-8")
    assert 'id="liittyminen-mantyniemen-tyopaja"' in html
    # Linked from the page; not as <link rel="alternate">, which Material reads as another language version.
    assert 'href="../ajankohtaista/feed.xml" type="application/atom+xml"' in html
    parsed = feedparser.parse((built_site / "ajankohtaista/feed.xml").read_bytes())
    assert not parsed.bozo and parsed.entries


def test_article_needs_a_real_date(project):
    edit(project, "data/ajankohtaista/2026-10-08-syystapaaminen.md", "paivamaara: 2026-10-08", "paivamaara: 8.10.2026")
    assert check(project) == [
        "data/ajankohtaista/2026-10-08-syystapaaminen.md:3:13: kenttä 'paivamaara': pitää "
        "olla todellinen päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-15"
    ]
