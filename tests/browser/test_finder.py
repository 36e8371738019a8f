"""The report finder: pick a qualification and a unit, see which workshops cover it, open the report."""

from __future__ import annotations


def visible_units(page):
    return [t.split(" (")[0] for t in page.locator("tr[data-filter-item]:visible th").all_inner_texts()]


def test_pick_a_qualification_and_a_unit_and_open_the_report(open_page):
    page = open_page("tunnistamisraportit/", width=375)
    page.get_by_label("Tutkinto", exact=True).select_option(label="Ajoneuvoalan perustutkinto")
    assert "Polkupyörän huolto" in visible_units(page)
    assert "Piha- ja ulkoalueiden hoitaminen" not in visible_units(page)
    # Stacked on a phone, a row's heading (the unit) has the row's whole width, not a column's.
    widths = page.locator("tr[data-filter-item]:visible").first.evaluate(
        "row => [row.querySelector('th').getBoundingClientRect().width, row.getBoundingClientRect().width]"
    )
    assert widths[0] >= 0.9 * widths[1], widths
    page.get_by_label("Tutkinnon osa, ala tai työpaja").fill("polkupyö")
    assert visible_units(page) == ["Polkupyörän huolto"]
    status = page.locator("#finder-count")
    assert status.get_attribute("role") == "status" and status.inner_text().startswith("1 tutkinnon osa (")
    row = page.locator("tr[data-filter-item]:visible")
    assert row.get_by_text("kokonaan").count() == 1 and row.get_by_text("osittain").count() == 0
    row.get_by_role("link", name="Seudun Kierrätyspaja Oy: Pyörä- ja pienkonehuolto").click()
    page.wait_for_url("**/tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Pyörä- ja pienkonehuolto, Seudun Kierrätyspaja Oy"
    assert not page.problems


def test_a_unit_covered_by_two_workshops_lists_both(open_page):
    page = open_page("tunnistamisraportit/", width=375)
    page.get_by_label("Tutkinto", exact=True).select_option(label="Tutkintokoulutukseen valmentava koulutus")
    page.get_by_label("Tutkinnon osa, ala tai työpaja").fill("työelämätaidot")
    row = page.locator("tr[data-filter-item]:visible")
    assert row.count() == 1 and row.get_by_text("osittain").count() == 2
    assert row.get_by_role("link", name="Kuusilaakson nuorten työpaja Verstas: Mediapaja").is_visible()
    assert row.get_by_role("link", name="Nuorisoverstas Lahdenperä ry: Luontopaja").is_visible()


def test_municipality_filter(open_page):
    page = open_page("tunnistamisraportit/")
    page.get_by_label("Kunta", exact=True).select_option(label="Harjula")
    assert sorted(visible_units(page)) == [
        "Kiinteistön yleishoito ja valvonta",
        "Koneiden käsittely puhtaus- ja kiinteistöpalvelualalla",
        "Piha- ja ulkoalueiden hoitaminen",
    ]
    assert page.locator("section[data-filter-group]:visible").count() == 1


def test_without_javascript_the_whole_matrix_is_usable(open_page):
    page = open_page("tunnistamisraportit/", javascript=False)
    assert not page.get_by_label("Tutkinto", exact=True).is_visible()
    assert page.locator("tr[data-filter-item]:visible").count() == page.locator("tr[data-filter-item]").count() > 10


def test_overdue_report_shows_a_banner(open_page):
    page = open_page("tunnistamisraportit/harjulan-tyopaja-viherpalvelut/")
    assert page.get_by_text("Raportin tarkistus on myöhässä").is_visible()
