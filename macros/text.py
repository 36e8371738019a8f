"""Helpers for the agreement's text: law links and heading levels for the one-page agreement."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Laws and decrees named in the agreement, with their Finlex pages.
LAWS = {
    "531/2017": ("Laki ammatillisesta koulutuksesta", "2017/531"),
    "673/2017": ("Valtioneuvoston asetus ammatillisesta koulutuksesta", "2017/673"),
    "621/1999": ("Laki viranomaisten toiminnan julkisuudesta", "1999/621"),
}
FINLEX = "https://www.finlex.fi/fi/lainsaadanto/"


def law_link(number: str, text: str | None = None) -> Markup:
    """A link to a law on Finlex; text is how the agreement writes the number (e.g. '621/99')."""
    title, path = LAWS[number]
    return Markup('<a href="{}" title="{} ({}) Finlexissä">{}</a>').format(
        FINLEX + path, title, number, escape(text or number))


_HEADING = re.compile(r"^(#{1,5})(?= )", re.M)


def demote_headings(markdown: str) -> str:
    """Shift every ATX heading one level down, so a page can be included under another heading."""
    return _HEADING.sub(lambda m: m.group(1) + "#", str(markdown))
