"""The funding model's shares as an accessible SVG bar with the same numbers as text."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.models import Funding, FundingShare
from .templating import render

COLOURS = ("#00695c", "#b34700", "#3949ab", "#6a1b9a", "#37474f")


def share_bars(shares: Sequence[FundingShare], width: int = 600) -> list[dict]:
    """Horizontal stacked bar geometry: x offset and width of each share, in SVG units."""
    total = sum(s.prosentti for s in shares) or 1
    bars, x = [], 0.0
    for index, share in enumerate(shares):
        w = width * share.prosentti / total
        bars.append(
            {
                "share": share,
                "x": round(x, 2),
                "width": round(w, 2),
                "colour": COLOURS[index % len(COLOURS)],
                "label_x": round(x + w / 2, 2),
            }
        )
        x += w
    return bars


def fmt_percent(value: float) -> str:
    return f"{value:g}".replace(".", ",") + "\u00a0%"


def render_funding_chart(funding: Funding) -> str:
    bars = share_bars(funding.osuudet)
    summary = ", ".join(f"{b['share'].nimi} {fmt_percent(b['share'].prosentti)}" for b in bars)
    return render(
        "funding_chart.html",
        funding=funding,
        bars=bars,
        summary=summary,
        percent=fmt_percent,
        special=fmt_percent(funding.erityinen_tuki_prosentti),
    )
