"""Untrusted text on its way into a page: data values as inert text, editors' Markdown cleaned to an allowlist.

- `inline_text(value)`: a value from data that goes into a page's Markdown (a region's name in a heading,
  a status word). Every character that Markdown, attr_list or HTML could read as syntax becomes a numeric
  character reference, and every line break a space, so the value can only ever be text.
- `clean_html(html)`: the HTML that Python-Markdown made of an editor's page or news item, cleaned to the
  same tags, attributes and URL schemes that `macros.pages` checks (nh3, an allowlist sanitiser).
- `editor_markdown(text)`: Markdown written by an editor outside ordinary pages (news bodies), rendered
  and cleaned.
"""

from __future__ import annotations

import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup

from ..data.pages import (
    ALLOWED_TAGS,
    GENERIC_ATTRIBUTES,
    TAG_ATTRIBUTES,
    URL_SCHEMES,
    class_problem,
    id_problem,
    is_remote,
)

# Letters, digits and spaces stay as they are; everything else is written as &#N;.
_PLAIN = re.compile(r"[\w ]")
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def inline_text(value: object) -> Markup:
    """A data value as text that neither Markdown nor HTML can read as anything but text."""
    text = _BREAKS.sub(" ", _INVISIBLE.sub("", str(value))).strip()
    return Markup("".join(c if _PLAIN.match(c) and c != "_" else f"&#{ord(c)};" for c in text))


_ATTRIBUTES = {"*": set(GENERIC_ATTRIBUTES), **{tag: set(attrs) - {"type"} for tag, attrs in TAG_ATTRIBUTES.items()}}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """A picture must be the site's own file (one from another host would be fetched by every reader), and the
    ids and classes the theme's script looks for (#__config, class="mermaid") are not an editor's to use."""
    if tag == "img" and attribute == "src" and is_remote(value):
        return None
    if attribute == "id" and id_problem(value):
        return None
    if attribute == "class":
        return " ".join(name for name in value.split() if not class_problem(name)) or None
    return value


def clean_html(html: str) -> str:
    """HTML reduced to the allowlist: no scripts, event attributes, styles (but text-align), other schemes
    or pictures from other hosts."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_attribute_filter,
        tag_attribute_values={"button": {"type": {"button"}}},
        filter_style_properties={"text-align"},
        link_rel=None,
        clean_content_tags={"script", "style"},
        strip_comments=True,
    )


def document_markdown(text: str) -> Markup:
    """A page's Markdown (an archived version's section) as cleaned HTML, its heading levels kept."""
    return Markup(clean_html(markdown_lib.markdown(text, extensions=["attr_list"], output_format="html")))


def editor_markdown(text: str) -> Markup:
    """An editor's Markdown (a news body) as cleaned HTML, with headings kept below the item's own."""
    html = markdown_lib.markdown(text, output_format="html")
    html = re.sub(r"<(/?)h[12]\b", r"<\1h3", html)
    return Markup(clean_html(html))
