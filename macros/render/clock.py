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
        day = fi_date(activity.paiva)
        if activity.alkaa_klo:
            day += f" klo {activity.alkaa_klo}" + (f"–{activity.paattyy_klo}" if activity.paattyy_klo else "")
        return day
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


def numbers(clock: AnnualClock) -> dict[str, int]:
    """Each activity's number, over the whole clock in calendar order: the same in every year's clock and in
    every narrowed clock, so that "3." always means the same activity."""
    ordered = sorted(clock.toiminnot, key=lambda a: (span(a)[0], a.otsikko.casefold(), a.tunnus))
    return {a.tunnus: n for n, a in enumerate(ordered, start=1)}


def layout(clock, activities, parties_by_id) -> tuple[list[dict], list[Item]]:
    ring_order = [r for r in clock.renkaat if any(a.rengas == r.tunnus for a in activities)]
    width = (OUTER - INNER) / max(len(ring_order), 1)
    rings, items = [], []
    number_of = numbers(clock)
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
                    number_of[activity.tunnus],
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
    base: str = "",
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
        party_ids=frozenset(parties_by_id),
        base=base,
    )


def render_clocks(
    clock: AnnualClock,
    parties: Sequence[Party],
    owner: str | None = None,
    rings: list[str] | None = None,
    today: date | None = None,
    base: str = "",
) -> str:
    """One clock per year when the data has one-off activities in several years, shown one year at a time
    with a year switch (without JavaScript every year is shown); else one clock. As of today, the years
    shown are this year and those ahead of it."""
    suffix = "-".join(filter(None, [owner, *(rings or [])])) or "kaikki"
    shown = years(clock)
    if today is not None and shown != [None]:
        shown = sorted({today.year, *(year for year in shown if year >= today.year)})
    clocks = [
        (year, render_clock(clock, parties, owner, rings, year, key=f"vk-{suffix}-{year or 'vuosi'}", base=base))
        for year in shown
    ]
    if len(clocks) == 1:
        return clocks[0][1]
    current = today.year if today is not None and today.year in shown else shown[0]
    return render("clock_years.html", clocks=clocks, current=current, key=f"vk-{suffix}")


# --- what comes next -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occurrence:
    """One activity on the calendar: its days (end exclusive) and how a reader sees it."""

    start: date
    end: date
    activity: Activity
    number: int
    owner: str
    when: str
    ongoing: bool  # started before today, not yet over
    this_week: bool  # a dated activity in today's week (Monday to Sunday)


def occurrence_dates(activity: Activity, year: int) -> tuple[date, date] | None:
    """The activity's days in the given year (a range may run into the next), or None if it has none."""
    if activity.toistuvuus == "kerran":
        own = activity.paiva.year if activity.paiva else activity.vuosi
        return event_dates(activity, own) if own == year else None
    if activity.paiva is not None:
        day = activity.paiva.replace(year=year, day=min(activity.paiva.day, 28 if activity.paiva.month == 2 else 31))
        return day, date.fromordinal(day.toordinal() + 1)
    return event_dates(activity, year)


def _span_text(start: date, end: date, activity: Activity) -> str:
    if activity.paiva is not None:
        return when_text(activity.model_copy(update={"paiva": start}))
    last = date.fromordinal(end.toordinal() - 1)
    if (start.year, start.month) == (last.year, last.month):
        return f"{MONTHS[start.month - 1]} {start.year}"
    first_year = f" {start.year}" if start.year != last.year else ""
    return f"{MONTHS[start.month - 1]}{first_year}–{MONTHS[last.month - 1]} {last.year}"


def upcoming(clock: AnnualClock, parties: Sequence[Party], today: date, limit: int = 5) -> list[Occurrence]:
    """The next activities as of today: those under way first, then by start day; each activity once."""
    parties_by_id = {p.id: p for p in parties}
    number_of = numbers(clock)
    monday = date.fromordinal(today.toordinal() - today.weekday())
    sunday = date.fromordinal(monday.toordinal() + 6)
    found = []
    for activity in clock.toiminnot:
        days = [
            dates
            for year in (today.year - 1, today.year, today.year + 1)
            if (dates := occurrence_dates(activity, year)) is not None and dates[1] > today
        ]
        if not days:
            continue
        start, end = min(days)
        found.append(
            Occurrence(
                start,
                end,
                activity,
                number_of[activity.tunnus],
                owner_text(activity, parties_by_id),
                _span_text(start, end, activity),
                start < today,
                activity.paiva is not None and monday <= start <= sunday,
            )
        )
    found.sort(key=lambda o: (not o.ongoing, o.end if o.ongoing else o.start, o.number))
    return found[:limit]


def render_upcoming(clock: AnnualClock, parties: Sequence[Party], today: date, limit: int = 5, base: str = "") -> str:
    return render("upcoming.html", items=upcoming(clock, parties, today, limit), today=today, base=base)


# --- calendar feed ------------------------------------------------------------------------------------


def event_dates(activity: Activity, first_year: int) -> tuple[date, date]:
    """All-day start and exclusive end of an activity's first occurrence."""
    if activity.paiva is not None:
        return activity.paiva, date.fromordinal(activity.paiva.toordinal() + 1)
    year = activity.vuosi or first_year
    first, count = span(activity)
    end_month_index = first - 1 + count  # months since January of `year`, exclusive
    return date(year, first, 1), date(year + end_month_index // 12, end_month_index % 12 + 1, 1)


HELSINKI = "Europe/Helsinki"


def timed_dates(activity: Activity) -> tuple[datetime, datetime]:
    """Start and end of an activity with a time of day, in Finnish time (one hour when no end is given)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(HELSINKI)
    hours, minutes = map(int, activity.alkaa_klo.split(":"))
    start = datetime(activity.paiva.year, activity.paiva.month, activity.paiva.day, hours, minutes, tzinfo=zone)
    if activity.paattyy_klo:
        hours, minutes = map(int, activity.paattyy_klo.split(":"))
        return start, start.replace(hour=hours, minute=minutes)
    return start, start.replace(hour=min(hours + 1, 23), minute=minutes if hours < 23 else 59)


_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def ical_text(value: str) -> str:
    """Every kind of line break as LF (which icalendar writes as \\n), other control characters dropped."""
    return _CONTROL.sub("", _BREAKS.sub("\n", value))


def ics(clock: AnnualClock, parties: Sequence[Party], host: str) -> bytes:
    """The whole year as an RFC 5545 calendar: one VEVENT per activity with a stable UID, all-day, or in
    Finnish time (with its VTIMEZONE) when the activity has a time of day. icalendar escapes TEXT values and
    folds lines at 75 octets."""
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
        start, end = timed_dates(activity) if activity.alkaa_klo else event_dates(activity, clock.alkuvuosi)
        event = Event()
        event.add("uid", f"{activity.tunnus}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", ical_text(activity.otsikko))
        event.add("description", ical_text(f"{activity.kuvaus}\nVastuu: {owner_text(activity, parties_by_id)}"))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("categories", [ical_text(rings.get(activity.rengas, activity.rengas))])
        event.add("transp", "OPAQUE" if activity.alkaa_klo else "TRANSPARENT")  # a meeting takes the time
        if activity.toistuvuus == "vuosittain":
            event.add("rrule", {"freq": "yearly"})
        if activity.paikka:
            event.add("location", ical_text(activity.paikka))
        if activity.linkki:
            event.add("url", activity.linkki)
        calendar.add_component(event)
    calendar.add_missing_timezones()  # a VTIMEZONE for Europe/Helsinki when an event has a time of day
    return calendar.to_ical()
