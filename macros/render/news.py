"""Ajankohtaista: joinings and signatures announced from the data's dates, editors' news, an Atom feed."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from markupsafe import Markup

from ..data.finnish import fi_date
from ..data.models import Article, Party, QuotaTerm, Region
from .sanitise import editor_markdown
from .templating import environment, render

# Characters that XML 1.0 does not allow anywhere in a document (most control characters, surrogates,
# U+FFFE and U+FFFF): a news title with one would make the whole feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Item:
    id: str  # stable anchor and feed id part
    day: date
    title: str
    summary: str
    body: Markup
    kind: str  # liittyminen | allekirjoitus | paattyminen | kiintiopaikat | uutinen


def items(
    parties: Sequence[Party], articles: Sequence[Article], today: date, quota: Sequence[QuotaTerm] = ()
) -> list[Item]:
    """Everything to announce up to today, newest first: joinings, signatures, quota places offered and the
    editors' news."""
    found = []
    names = {p.id: p.nimi for p in parties}
    for term in quota:
        workshop = names.get(term.tyopaja, term.tyopaja)
        provider = names.get(term.koulutuksen_jarjestaja, term.koulutuksen_jarjestaja)
        places = "kiintiöpaikan" if term.sovittu == 1 else "kiintiöpaikkaa"
        found.append(
            Item(
                f"kiintiopaikat-{term.tyopaja}-{term.alkaa.isoformat()}",
                term.ilmoitettu,
                f"{workshop} tarjoaa {term.sovittu} {places}",
                f"{workshop} varaa opiskelijoille {term.sovittu} {places} kaudelle {fi_date(term.alkaa)}–"
                f"{fi_date(term.paattyy)}; paikat täyttää {provider}."
                + (f" {term.lisatieto}." if term.lisatieto else ""),
                Markup(""),
                "kiintiopaikat",
            )
        )
    for party in parties:
        if not party.alkuperainen:
            found.append(
                Item(
                    f"liittyminen-{party.id}",
                    party.liittynyt,
                    f"{party.nimi} liittyi linjauksiin",
                    f"{party.nimi} ({party.tyyppi}) liittyi yhteistyön linjauksiin {fi_date(party.liittynyt)}.",
                    Markup(""),
                    "liittyminen",
                )
            )
        if party.paattyminen:
            ending = party.paattyminen
            found.append(
                Item(
                    f"paattyminen-{party.id}",
                    ending.paiva,
                    f"{party.nimi} ei ole enää mukana linjauksissa",
                    f"{party.nimi} lähti linjauksista {fi_date(ending.paiva)} alkaen ({ending.tapa})."
                    + (f" {ending.perustelu}" if ending.perustelu else ""),
                    Markup(""),
                    "paattyminen",
                )
            )
        if party.allekirjoitettu:
            found.append(
                Item(
                    f"allekirjoitus-{party.id}",
                    party.allekirjoitettu,
                    f"{party.nimi} allekirjoitti linjaukset",
                    f"{party.nimi} allekirjoitti yhteistyön linjaukset {fi_date(party.allekirjoitettu)}.",
                    Markup(""),
                    "allekirjoitus",
                )
            )
    for article in articles:
        found.append(
            Item(
                f"uutinen-{article.id}",
                article.paivamaara,
                article.otsikko,
                article.tiivistelma,
                editor_markdown(article.body),
                "uutinen",
            )
        )
    return sorted((i for i in found if i.day <= today), key=lambda i: (i.day, i.id), reverse=True)


# A link from a news text to a page of the site is written as the page's file, as in the pages themselves:
# [vuosikello](vuosikello.md). It becomes the page's address relative to where the news is shown.
PAGE_LINK = re.compile(r'href="(?!https?:|mailto:|tel:|#)([a-z0-9/_-]+)\.md(#[A-Za-z0-9_-]*)?"')


def page_links(body: Markup, base: str) -> Markup:
    """The body with its links to site pages (x.md, x/index.md) as addresses under base."""

    def address(match: re.Match) -> str:
        path = match.group(1)
        path = "" if path == "index" else path.removesuffix("/index") + "/"
        return f'href="{base}{path}{match.group(2) or ""}"'

    return Markup(PAGE_LINK.sub(address, str(body)))


@dataclass(frozen=True)
class Group:
    """Signatures announced one after another, shown together so that they do not bury the news."""

    id: str
    kind: str
    items: tuple[Item, ...]


def grouped(news: Sequence[Item]) -> list[Item | Group]:
    """Runs of two or more consecutive signature items as one group; everything else as it is."""
    result: list[Item | Group] = []
    run: list[Item] = []

    def flush():
        if len(run) > 1:
            result.append(Group(f"allekirjoitukset-{run[-1].day.isoformat()}", "allekirjoitukset", tuple(run)))
        else:
            result.extend(run)
        run.clear()

    for item in news:
        if item.kind == "allekirjoitus":
            run.append(item)
            continue
        flush()
        result.append(item)
    flush()
    return result


def render_news(news: Sequence[Item], limit: int | None = None, base: str = "", compact: bool = False) -> str:
    """The newest items (limit), signatures grouped; compact: titles only, linking to the news page."""
    chosen = list(news[:limit])
    if compact:
        return render("news_compact.html", items=chosen, base=base)
    shown = [
        g if isinstance(g, Group) else Item(g.id, g.day, g.title, g.summary, page_links(g.body, base), g.kind)
        for g in grouped(chosen)
    ]
    return render("news.html", items=shown)


FEED_ENTRIES = 100


def atom(news: Sequence[Item], region: Region, today: date, site_url: str, host: str) -> str:
    """Atom 1.0 (RFC 4287): the newest entries with stable tag: ids, newest first."""
    entries = news[:FEED_ENTRIES]
    base = site_url.rstrip("/") + "/"
    updated = max((i.day for i in entries), default=today)
    return (
        NOT_XML.sub(
            "",
            environment()
            .get_template("feed.xml")
            .render(
                items=[replace(i, body=page_links(i.body, base)) for i in entries],
                base=base,
                host=host,
                updated=stamp(updated),
                stamp=stamp,
                # content type="html" carries the HTML as escaped text
                html_as_text=lambda markup: Markup(html.escape(str.__str__(markup))),
                title=f"{region.nimi_genetiivi} työpaja- ja koulutusverkosto: ajankohtaista",
                contact=region.sahkoposti,
                author=region.yllapitaja,
            ),
        )
        + "\n"
    )


def stamp(day: date) -> str:
    return datetime.combine(day, time(8, 0), tzinfo=UTC).isoformat().replace("+00:00", "Z")
