"""Annual clock (vuosikello): geometry of the wheel, the same year as text, and the calendar feed."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..data.finnish import MONTHS, fi_date
from ..data.models import Activity, AnnualClock, Party
from .templating import render

SIZE = 300  # the SVG's viewBox is -SIZE..SIZE in both directions
INNER = 62  # radius of the empty centre
OUTER = 232  # outer radius of the outermost ring
LABEL = 262  # radius of the month labels
RING_COLOURS = 6  # CSS classes clock-ring-0 … clock-ring-5


# --- geometry -------------------------------------------------------------------------------------


def month_angle(month: int) -> float:
    """Degrees clockwise from 12 o'clock where a month (1–12) starts: January at the top."""
    return (month - 1) * 30.0


def polar(radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    # "+ 0.0" turns -0.0 into 0.0 so that paths stay tidy and stable.
    return round(radius * math.sin(radians), 2) + 0.0, round(-radius * math.cos(radians), 2) + 0.0


def span(activity: Activity) -> tuple[int, int]:
    """(first month, number of months) of an activity; a range may cross the year end."""
    if activity.paiva is not None:
        return activity.paiva.month, 1
    if activity.kuukausi is not None:
        return activity.kuukausi, 1
    return activity.alku, (activity.loppu - activity.alku) % 12 + 1


def months_of(activity: Activity) -> list[int]:
    first, count = span(activity)
    return [(first - 1 + i) % 12 + 1 for i in range(count)]


def annular_sector(r0: float, r1: float, start: float, end: float) -> str:
    """SVG path of the ring piece between radii r0 < r1 and angles start < end (degrees)."""
    if end - start >= 360:
        end = start + 359.99
    large = 1 if end - start > 180 else 0
    (ax, ay), (bx, by) = polar(r1, start), polar(r1, end)
    (cx, cy), (dx, dy) = polar(r0, end), polar(r0, start)
    return f"M{ax} {ay} A{r1} {r1} 0 {large} 1 {bx} {by} L{cx} {cy} A{r0} {r0} 0 {large} 0 {dx} {dy} Z"


def assign_lanes(activities) -> dict[str, tuple[int, int]]:
    """Lane of each activity inside its ring so that overlapping ones sit side by side: id → (lane, lanes)."""
    lanes: list[set[int]] = []
    placed = {}
    for activity in sorted(activities, key=lambda a: (span(a)[0], -span(a)[1], a.tunnus)):
        months = set(months_of(activity))
        for index, taken in enumerate(lanes):
            if not taken & months:
                taken |= months
                placed[activity.tunnus] = index
                break
        else:
            lanes.append(set(months))
            placed[activity.tunnus] = len(lanes) - 1
    return {key: (lane, max(len(lanes), 1)) for key, lane in placed.items()}


# --- what one clock shows ---------------------------------------------------------------------------


@dataclass
class Item:
    number: int
    activity: object
    ring_index: int
    ring_name: str
    owner: str
    when: str
    path: str
    label_x: float
    label_y: float
    months: list[int]


def when_text(activity: Activity) -> str:
    if activity.paiva is not None:
        return fi_date(activity.paiva)
    first, count = span(activity)
    year = f" {activity.vuosi}" if activity.vuosi else ""
    if count == 1:
        return MONTHS[first - 1] + year
    last = (first + count - 2) % 12 + 1
    return f"{MONTHS[first - 1]}–{MONTHS[last - 1]}{year}"


def owner_text(activity: Activity, parties_by_id: dict[str, Party]) -> str:
    if activity.vastuuosapuoli:
        party = parties_by_id.get(activity.vastuuosapuoli)
        return party.nimi if party else activity.vastuuosapuoli
    return activity.vastuurooli or ""


def activity_year(activity: Activity) -> int | None:
    if activity.toistuvuus == "vuosittain":
        return None
    return activity.paiva.year if activity.paiva else activity.vuosi


def years(clock: AnnualClock) -> list[int | None]:
    """One clock per year that has one-off activities; a single yearless clock otherwise."""
    found = sorted({y for a in clock.toiminnot if (y := activity_year(a)) is not None})
    return found or [None]


def select(clock: AnnualClock, owner: str | None = None, rings: list[str] | None = None, year: int | None = None):
    """The activities one clock shows: by owner (party id or role), rings and year."""
    chosen = []
    for activity in clock.toiminnot:
        if owner and owner not in (activity.vastuuosapuoli, activity.vastuurooli):
            continue
        if rings and activity.rengas not in rings:
            continue
        if year is not None and activity_year(activity) not in (None, year):
            continue
        chosen.append(activity)
    return chosen


def layout(clock, activities, parties_by_id) -> tuple[list[dict], list[Item]]:
    ring_order = [r for r in clock.renkaat if any(a.rengas == r.tunnus for a in activities)]
    width = (OUTER - INNER) / max(len(ring_order), 1)
    rings, items = [], []
    ordered = sorted(activities, key=lambda a: (span(a)[0], a.otsikko.casefold()))
    numbers = {a.tunnus: n for n, a in enumerate(ordered, start=1)}
    for index, ring in enumerate(ring_order):
        r0 = INNER + index * width
        rings.append({"ring": ring, "index": index % RING_COLOURS, "r0": r0, "r1": r0 + width})
        members = [a for a in activities if a.rengas == ring.tunnus]
        lanes = assign_lanes(members)
        for activity in members:
            lane, count = lanes[activity.tunnus]
            lane_width = width / count
            inner = r0 + lane * lane_width + 1.5
            outer = inner + lane_width - 3
            first, months = span(activity)
            start = month_angle(first) + 1
            end = month_angle(first) + months * 30 - 1
            label_x, label_y = polar((inner + outer) / 2, (start + end) / 2)
            items.append(
                Item(
                    numbers[activity.tunnus],
                    activity,
                    index % RING_COLOURS,
                    ring.nimi,
                    owner_text(activity, parties_by_id),
                    when_text(activity),
                    annular_sector(inner, outer, start, end),
                    label_x,
                    label_y,
                    months_of(activity),
                )
            )
    items.sort(key=lambda item: item.number)
    return rings, items


def month_sectors() -> list[dict]:
    sectors = []
    for month in range(1, 13):
        start = month_angle(month)
        x, y = polar(LABEL, start + 15)
        sectors.append(
            {
                "month": month,
                "name": MONTHS[month - 1],
                "path": annular_sector(INNER, OUTER + 6, start, start + 30),
                "label_x": x,
                "label_y": y,
                "tick": polar(OUTER + 6, start),
            }
        )
    return sectors


def render_clock(
    clock: AnnualClock,
    parties: Sequence[Party],
    owner: str | None = None,
    rings: list[str] | None = None,
    year: int | None = None,
    key: str = "vuosikello",
    title: str | None = None,
) -> str:
    parties_by_id = {p.id: p for p in parties}
    activities = select(clock, owner, rings, year)
    ring_layout, items = layout(clock, activities, parties_by_id)
    heading = title or ("Vuosikello" + (f" {year}" if year else ""))
    by_month = {m: [item for item in items if m in item.months] for m in range(1, 13)}
    return render(
        "clock.html",
        key=key,
        heading=heading,
        rings=ring_layout,
        items=items,
        sectors=month_sectors(),
        by_month=by_month,
        months=MONTHS,
        size=SIZE,
        inner=INNER,
    )


def render_clocks(
    clock: AnnualClock, parties: Sequence[Party], owner: str | None = None, rings: list[str] | None = None
) -> str:
    """One clock per year when the data spans several years, else one."""
    suffix = "-".join(filter(None, [owner, *(rings or [])])) or "kaikki"
    return "\n".join(
        render_clock(clock, parties, owner, rings, year, key=f"vk-{suffix}-{year or 'vuosi'}") for year in years(clock)
    )


# --- calendar feed ------------------------------------------------------------------------------------


def event_dates(activity: Activity, first_year: int) -> tuple[date, date]:
    """All-day start and exclusive end of an activity's first occurrence."""
    if activity.paiva is not None:
        return activity.paiva, date.fromordinal(activity.paiva.toordinal() + 1)
    year = activity.vuosi or first_year
    first, count = span(activity)
    end_month_index = first - 1 + count  # months since January of `year`, exclusive
    return date(year, first, 1), date(year + end_month_index // 12, end_month_index % 12 + 1, 1)


_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def ical_text(value: str) -> str:
    """Every kind of line break as LF (which icalendar writes as \\n), other control characters dropped."""
    return _CONTROL.sub("", _BREAKS.sub("\n", value))


def ics(clock: AnnualClock, parties: Sequence[Party], host: str) -> bytes:
    """The whole year as an RFC 5545 calendar: one all-day VEVENT per activity, stable UIDs. icalendar
    escapes TEXT values and folds lines at 75 octets."""
    from icalendar import Calendar, Event

    parties_by_id = {p.id: p for p in parties}
    rings = {r.tunnus: r.nimi for r in clock.renkaat}
    calendar = Calendar()
    calendar.add("prodid", "-//Yhteistyon linjaukset//Vuosikello//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Yhteistyön vuosikello")
    stamp = datetime(clock.alkuvuosi, 1, 1, tzinfo=UTC)
    for activity in clock.toiminnot:
        start, end = event_dates(activity, clock.alkuvuosi)
        event = Event()
        event.add("uid", f"{activity.tunnus}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", ical_text(activity.otsikko))
        event.add("description", ical_text(f"{activity.kuvaus}\nVastuu: {owner_text(activity, parties_by_id)}"))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("categories", [ical_text(rings.get(activity.rengas, activity.rengas))])
        event.add("transp", "TRANSPARENT")
        if activity.toistuvuus == "vuosittain":
            event.add("rrule", {"freq": "yearly"})
        if activity.linkki:
            event.add("url", activity.linkki)
        calendar.add_component(event)
    return calendar.to_ical()
