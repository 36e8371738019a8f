"""Links to the laws the agreement names, on Finlex."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..data.pages import LAWS

FINLEX = "https://www.finlex.fi/fi/lainsaadanto/"


def law_link(number: str, text: str | None = None) -> Markup:
    """A link to a law on Finlex; text is how the agreement writes the number (e.g. '621/99')."""
    title, path = LAWS[number]
    return Markup('<a href="{}" title="{} ({}) Finlexissä">{}</a>').format(
        FINLEX + path, title, number, escape(text or number)
    )
