"""The agreement's versions for readers: the history page, and each version's full text as a page of its
own at a stable address (linjaukset/versiot/<numero>/), made from the version's content in the history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..data.finnish import fi_date
from ..data.models import Version
from ..data.versions import SECTION_TITLES, Content, History, changed_paragraphs, differences
from .sanitise import document_markdown
from .templating import render

ARCHIVE = "linjaukset/versiot/{}/"
PDF = "linjaukset-{}.pdf"


@dataclass(frozen=True)
class VersionView:
    version: Version
    changes: tuple[str, ...]  # what changed from the previous version, in Finnish ("" for the first)
    paragraphs: tuple[tuple[str, list[str], list[str]], ...]  # changed sections: title, before, after
    archived: bool  # its content is in the history (so its page and PDF exist)


def views(versions: Sequence[Version], history: History | None) -> list[VersionView]:
    """Newest first, each with its differences from the one before."""
    result = []
    for index, version in enumerate(versions):
        content = history.contents.get(version.numero) if history else None
        previous = history.contents.get(versions[index - 1].numero) if history and index else None
        changes = tuple(differences(previous, content)) if content and previous else ()
        paragraphs = tuple(changed_paragraphs(previous, content)) if content and previous else ()
        result.append(VersionView(version, changes, paragraphs, content is not None))
    return result[::-1]


def render_history(versions: Sequence[Version], history: History | None, base: str = "") -> str:
    return render(
        "version_history.html",
        views=views(versions, history),
        have_history=history is not None,
        archive=ARCHIVE,
        pdf=PDF,
        base=base,
    )


# --- a version's full text ------------------------------------------------------------------------------

_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")
# A link between the agreement's pages ([liite](liite.md#x)) points into the same document in an archive.
_PAGE_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[^)\s]*)?\)")
_STRING = re.compile(r"[\"']([^\"']*)[\"']")
_SITE_ONLY = re.compile(r'<div class="no-print"[^>]*>.*?</div>', re.S)


def _call_text(name: str, args: str, content: Content, region: dict[str, str]) -> str:
    """A macro call in an archived text, as the text it stood for (from the version's own figures)."""
    first = (_STRING.findall(args) or [""])[0]
    if name == "laki":
        return first
    if name == "alue":
        return region.get(first, "")
    if name == "osapuolet":
        return "\n\n" + "\n".join(f"- {n}" for n in content.originals) + "\n\n"
    if name == "kappalemaara":
        count = len(content.originals)
        noun = "samansisältöinen kappale" if count == 1 else "samansisältöistä kappaletta"
        return f"Tästä asiakirjasta on tehty {count} {noun}: yksi kullekin alkuperäiselle sopijaosapuolelle."
    if name == "allekirjoitukset":
        lines = "\n".join(f"- {n}: ______________________________" for n in content.originals)
        return f"\n\n{lines}\n\n"
    if name == "hinnoitteluesimerkki":
        rows = [
            f"- {tier} {low}-{high} euroa / päivä" if high is not None else f"- {tier} alkaen {low} euroa / päivä"
            for tier, low, high in content.tiers
        ]
        return "\n\nHinnoitteluesimerkki tasoittain:\n\n" + "\n".join(rows) + "\n\n"
    if name == "rahoituskaavio":
        return "\n\n" + "\n".join(f"- {share}: {percent} %" for share, percent in content.funding) + "\n\n"
    return ""  # the site's own boxes (status, supporting organisations) are not the agreement's text


def archive_html(content: Content, region: dict[str, str]) -> Markup:
    """The version's sections as HTML: its own text, with the figures it printed."""
    parts = []
    for name, paragraphs in content.sections:
        # What the site shows beside the text and leaves out of print is not the agreement's text either.
        text = _SITE_ONLY.sub("", "\n\n".join(paragraphs))
        text = _CALL.sub(lambda m: _call_text(m.group(1), m.group(2), content, region), text)
        text = _PAGE_LINK.sub(lambda m: f"]({m.group(2) or '#' + m.group(1)})", text)
        # Every heading one level down: the section's own heading is the second level under the document's title.
        text = (
            re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.M)
            if text.startswith("# ")
            else f"## {SECTION_TITLES[name]}\n\n{text}"
        )
        # Old texts passed the checks of their day: cleaned again with today's rules, like any editor's text.
        parts.append(f'<section class="version-section" id="{name}">{document_markdown(text)}</section>')
    return Markup("\n".join(parts))


def render_archive(version: Version, content: Content, region: dict[str, str], is_current: bool, site_name: str) -> str:
    """A whole HTML document for one version (written beside the site's pages; the PDF is printed from it)."""
    return render(
        "version_archive.html",
        version=version,
        body=archive_html(content, region),
        is_current=is_current,
        region=region,
        site_name=site_name,
        date=fi_date(version.paiva),
        pdf=PDF.format(version.numero),
    )
