"""Annual clock: geometry, the golden wheel, the text version and the calendar feed."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

import helpers as samples
from helpers import check, edit
from macros.render import clock


def activity(**fields):
    return samples.annual_clock(
        [
            {
                "tunnus": "x",
                "otsikko": "X",
                "kuvaus": "X.",
                "rengas": "raha",
                "toistuvuus": "vuosittain",
                "vastuurooli": "R",
                **fields,
            }
        ]
    ).toiminnot[-1]


def test_month_angles_start_at_the_top_and_go_clockwise():
    assert [clock.month_angle(m) for m in (1, 4, 7, 10, 12)] == [0, 90, 180, 270, 330]
    assert clock.polar(100, 0) == (0, -100)
    assert clock.polar(100, 90) == (100, 0)
    assert clock.polar(100, 180) == (0, 100)


def test_range_across_the_year_end():
    across = activity(alku=11, loppu=2)
    assert clock.span(across) == (11, 4)
    assert clock.months_of(across) == [11, 12, 1, 2]
    assert clock.when_text(across) == "marraskuu–helmikuu"
    assert clock.event_dates(across, 2026) == (date(2026, 11, 1), date(2027, 3, 1))


def test_single_month_and_day():
    assert clock.span(activity(kuukausi=12)) == (12, 1)
    assert clock.event_dates(activity(kuukausi=12), 2026) == (date(2026, 12, 1), date(2027, 1, 1))
    day = activity(paiva="2026-05-12", toistuvuus="kerran")
    assert clock.span(day) == (5, 1) and clock.when_text(day) == "12.5.2026"
    assert clock.event_dates(day, 2026) == (date(2026, 5, 12), date(2026, 5, 13))


def test_arc_paths():
    # A quarter of the ring from 12 to 3 o'clock: small arc, outer then inner edge.
    assert (
        clock.annular_sector(50, 100, 0, 90)
        == "M0.0 -100.0 A100 100 0 0 1 100.0 0.0 L50.0 0.0 A50 50 0 0 0 0.0 -50.0 Z"
    )
    assert " 1 1 " in clock.annular_sector(50, 100, 0, 200)  # large-arc flag past 180 degrees


def test_overlapping_activities_get_their_own_lanes():
    year = samples.annual_clock(
        [
            {
                "tunnus": "y",
                "otsikko": "Y",
                "kuvaus": "Y.",
                "rengas": "raha",
                "alku": 1,
                "loppu": 3,
                "toistuvuus": "vuosittain",
                "vastuurooli": "R",
            }
        ]
    )
    raha = [a for a in year.toiminnot if a.rengas == "raha"]
    lanes = clock.assign_lanes(raha)
    assert lanes["laskutus"][1] == 2 and lanes["laskutus"][0] != lanes["y"][0]
    assert lanes["raportti"][0] != lanes["laskutus"][0]


def test_one_clock_per_year_and_narrowed_clocks():
    year = samples.annual_clock()
    assert clock.years(year) == [2027]
    assert [a.tunnus for a in clock.select(year, owner="Talous")] == ["laskutus", "raportti"]
    assert [a.tunnus for a in clock.select(year, rings=["tapaamiset"])] == ["kevat", "vierailu"]
    assert [a.tunnus for a in clock.select(year, year=2026)] == ["kevat", "laskutus", "raportti"]


def test_golden_wheel_and_text(golden):
    html = clock.render_clock(samples.annual_clock(), samples.parties(), key="vk-test")
    golden("clock.html", html)
    assert 'role="img"' in html and '<title id="vk-test-title">' in html
    assert html.count('class="clock__item') == 4
    assert "Laskutus &lt;vuodenvaihde&gt;" in html
    # The month table lists the year-end activity in each of its months.
    for month in ("Marraskuu", "Joulukuu", "Tammikuu", "Helmikuu"):
        row = html.split(f'<th scope="row">{month}</th>')[1].split("</tr>")[0]
        assert "Laskutus" in row, month


def test_ics_round_trip():
    data = samples.annual_clock()
    calendar = icalendar.Calendar.from_ical(clock.ics(data, samples.parties(), "linjaukset.example"))
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"{a.tunnus}@linjaukset.example" for a in data.toiminnot}
    laskutus = events["laskutus@linjaukset.example"]
    assert laskutus.decoded("dtstart") == date(2026, 11, 1) and laskutus.decoded("dtend") == date(2027, 3, 1)
    assert laskutus["rrule"]["FREQ"] == ["YEARLY"]
    assert str(laskutus["summary"]) == "Laskutus <vuodenvaihde>"
    visit = events["vierailu@linjaukset.example"]
    assert "rrule" not in visit and visit.decoded("dtstart") == date(2027, 5, 12)
    assert "Vastuu: Beta-opisto" in str(visit["description"]) and str(visit["url"]) == "https://paja.example/vierailu"


def test_built_feed_has_every_activity(built_site, root):
    from macros.data.loader import load_site

    site, _ = load_site(root)
    calendar = icalendar.Calendar.from_ical((built_site / "vuosikello/vuosikello.ics").read_bytes())
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == sorted(a.otsikko for a in site.clock.toiminnot)
    html = (built_site / "vuosikello/index.html").read_text(encoding="utf-8")
    assert 'href="../vuosikello/vuosikello.ics"' in html and 'href="webcal://' in html
    for a in site.clock.toiminnot:
        assert a.otsikko in html


CLOCK = "data/vuosikello.yml"


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "    kuukausi: 3\n",
            "    kuukausi: 13\n",
            f"{CLOCK}:33:15: kenttä 'toiminnot[3. kohta].kuukausi': saa olla enintään 12",
        ),
        (
            "    rengas: henkilosto\n    kuukausi: 4",
            "    rengas: henkilöstö\n    kuukausi: 4",
            f"{CLOCK}:39:13: kenttä 'toiminnot[4. kohta].rengas': saa sisältää vain pieniä kirjaimia a–z, numeroita ja "
            "väliviivoja, esim. kuusilaakson-paja",
        ),
        (
            "    rengas: henkilosto\n    kuukausi: 4",
            "    rengas: henkilo\n    kuukausi: 4",
            f"{CLOCK}:39:13: rengasta 'henkilo' ei ole renkaiden luettelossa (tarkoititko 'henkilosto'?)",
        ),
        (
            "    kuukausi: 1\n",
            "    kuukausi: 1\n    alku: 2\n    loppu: 3\n",
            f"{CLOCK}:14:13: anna ajankohdaksi täsmälleen yksi näistä: 'kuukausi', 'alku' ja 'loppu' yhdessä, "
            "tai 'paiva'",
        ),
        ("    vuosi: 2027\n", "", f"{CLOCK}:106:17: kerran tapahtuvalle toiminnolle pitää antaa 'vuosi' tai 'paiva'"),
        (
            "    vastuuosapuoli: harjun-koulutuskuntayhtyma",
            "    vastuuosapuoli: harjun-koulutus",
            f"{CLOCK}:35:21: osapuolta 'harjun-koulutus' ei ole kansiossa data/osapuolet (tarkoititko "
            "'harjun-koulutuskuntayhtyma'?)",
        ),
        (
            "  - tunnus: syystapaaminen",
            "  - tunnus: kevattapaaminen",
            f"{CLOCK}:59:13: toiminnon tunnus 'kevattapaaminen' on jo käytössä: anna jokaiselle toiminnolle oma tunnus",
        ),
    ],
)
def test_clock_data_rules(project, old, new, expected):
    edit(project, CLOCK, old, new)
    assert check(project) == [expected]


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "    vuosi: 2027\n",
            "    vuosi: 2027\n    vastuuosapuoli: harjulan-tyopaja\n",
            f"{CLOCK}:101:13: anna vastuu joko osapuolena ('vastuuosapuoli') tai roolina ('vastuurooli'), ei molempia",
        ),
        (
            "    kuukausi: 1\n    toistuvuus: vuosittain\n",
            "    kuukausi: 1\n    toistuvuus: vuosittain\n    vuosi: 2026\n",
            f"{CLOCK}:20:12: vuosittain toistuvalle toiminnolle ei anneta vuotta: poista 'vuosi'",
        ),
        ("    alku: 2\n    loppu: 3\n", "    alku: 2\n", f"{CLOCK}:21:13: 'alku' ja 'loppu' annetaan aina yhdessä"),
    ],
)
def test_more_clock_rules(project, old, new, expected):
    edit(project, CLOCK, old, new)
    assert check(project) == [expected]


# --- numbering, years, what comes next, times of day --------------------------------------------------


def test_numbers_are_the_same_in_every_clock():
    data = samples.annual_clock()
    everything = clock.numbers(data)
    assert everything == {"kevat": 1, "vierailu": 2, "laskutus": 3, "raportti": 4}
    for year in (2026, 2027):
        _rings, items = clock.layout(data, clock.select(data, year=year), {})
        assert all(everything[i.activity.tunnus] == i.number for i in items)
    _rings, meetings = clock.layout(data, clock.select(data, rings=["tapaamiset"]), {})
    assert [i.number for i in meetings] == [1, 2]


def test_one_year_at_a_time_with_a_switch():
    html = clock.render_clocks(samples.annual_clock(), samples.parties(), today=date(2026, 11, 29))
    assert html.count("data-year-panel=") == 2 and 'data-year-panel="2026" data-current' in html
    assert 'aria-pressed="true" aria-controls="vk-kaikki-2026"' in html
    # Past years drop out: in 2027 one clock is left, without a switch.
    later = clock.render_clocks(samples.annual_clock(), samples.parties(), today=date(2027, 3, 1))
    assert "data-year-panel" not in later and ">Vuosikello 2027</h2>" in later


def test_what_comes_next():
    data = samples.annual_clock()
    found = clock.upcoming(data, samples.parties(), date(2027, 1, 15))
    # The billing period (November–February) is under way and comes first; then by start day.
    assert [(o.activity.tunnus, o.ongoing) for o in found] == [
        ("laskutus", True),
        ("kevat", False),
        ("vierailu", False),
        ("raportti", False),
    ]
    assert found[0].when == "marraskuu 2026–helmikuu 2027"
    assert found[2].when == "12.5.2027" and not found[2].this_week
    week = clock.upcoming(data, samples.parties(), date(2027, 5, 10))
    assert next(o for o in week if o.activity.tunnus == "vierailu").this_week
    # The list is headed by what it holds: this week's items first when there are any.
    assert '">Tällä viikolla ja seuraavaksi</h2>' in clock.render_upcoming(data, samples.parties(), date(2027, 5, 10))
    assert '">Seuraavaksi</h2>' in clock.render_upcoming(data, samples.parties(), date(2027, 1, 15))
    assert len(clock.upcoming(data, samples.parties(), date(2027, 1, 15), limit=2)) == 2
    after = clock.upcoming(data, samples.parties(), date(2027, 6, 1))
    assert "vierailu" not in [o.activity.tunnus for o in after]  # once, and over


def test_a_meeting_with_a_time_and_place_is_a_timed_event():
    data = samples.annual_clock(
        [
            {
                "tunnus": "kokous",
                "otsikko": "Kokous",
                "kuvaus": "K.",
                "rengas": "tapaamiset",
                "paiva": "2026-12-03",
                "alkaa_klo": "9:00",
                "paattyy_klo": "10:30",
                "paikka": "Opisto, B-talo; sali 2",
                "toistuvuus": "kerran",
                "vastuurooli": "R",
            }
        ]
    )
    calendar = icalendar.Calendar.from_ical(clock.ics(data, samples.parties(), "l.example"))
    event = next(e for e in calendar.walk("VEVENT") if str(e["uid"]) == "kokous@l.example")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 0, 10, 30)
    assert str(start.tzinfo) == "Europe/Helsinki" and event["dtstart"].params["TZID"] == "Europe/Helsinki"
    assert str(event["location"]) == "Opisto, B-talo; sali 2" and str(event["transp"]) == "OPAQUE"
    assert any(str(tz["tzid"]) == "Europe/Helsinki" for tz in calendar.walk("VTIMEZONE"))
    assert clock.when_text(data.toiminnot[-1]) == "3.12.2026 klo 9:00–10:30"


TIMES = {
    "time without a day": (
        "    kuukausi: 3\n",
        "    kuukausi: 3\n    alkaa_klo: 9:00\n",
        "kellonaika annetaan vain tiettynä päivänä olevalle toiminnolle",
    ),
    "end before start": (
        "    alkaa_klo: 13:00\n",
        "    alkaa_klo: 15:00\n",
        "päättymisajan pitää olla alkamisajan jälkeen",
    ),
    "end without start": ("    alkaa_klo: 13:00\n", "", "anna myös alkamisaika"),
    "not a time": ("    alkaa_klo: 13:00\n", "    alkaa_klo: 25:00\n", "pitää olla kellonaika muodossa TT:MM"),
}


@pytest.mark.parametrize("old,new,fragment", TIMES.values(), ids=TIMES.keys())
def test_times_of_day_are_checked(project, old, new, fragment):
    edit(project, CLOCK, old, new)
    problems = check(project)
    assert len(problems) == 1 and fragment in problems[0], problems
