"""The filters work as a reader types, announce the count, survive instant navigation and need no JS."""

from __future__ import annotations


def visible_names(page):
    return page.locator("[data-filter-item]:visible .contact-card__name strong").all_inner_texts()


def test_contact_filter_narrows_and_announces(open_page):
    page = open_page("vastuuhenkilot/", width=375)
    box = page.get_by_label("Nimi, organisaatio, ala tai kunta")
    assert page.locator("[data-filter-status]").get_attribute("role") == "status"
    total = page.locator("[data-filter-item]").count()
    box.focus()
    page.keyboard.type("valmentava")
    assert visible_names(page) == ["Marko Hiltula"]
    assert page.locator("[data-filter-status]").inner_text() == f"1 henkilö ({total} yhteensä)"
    assert page.locator("#org-harjun-koulutuskuntayhtyma").is_visible()
    assert not page.locator("#org-kuusilaakson-ammattiopisto").is_visible()
    box.fill("mäntyniemi")
    names = visible_names(page)
    assert "Hanna Rantala" in names and "Leena Peltonen" in names and "Minna Lahtela" not in names
    box.fill("zzzz")
    assert page.get_by_text("Hakuehdoilla ei löytynyt ketään").is_visible()
    box.fill("")
    assert len(visible_names(page)) == total
    assert page.locator("[data-filter-status]").inner_text() == f"{total} henkilöä"


def test_filter_works_after_instant_navigation(open_page):
    page = open_page("")
    page.locator(".md-nav a", has_text="Vastuuhenkilöt").first.click()
    page.wait_for_url("**/vastuuhenkilot/")
    page.get_by_label("Nimi, organisaatio, ala tai kunta").fill("Tuulikello")
    assert sorted(visible_names(page)) == ["Eero Manninkoski", "Paula Honkala"]
    assert not page.problems


def test_without_javascript_the_full_list_shows_and_no_dead_box(open_page, built_site):
    page = open_page("vastuuhenkilot/", javascript=False)
    assert not page.locator("[data-filter-input]").is_visible()
    assert page.locator("[data-filter-item]:visible").count() == page.locator("[data-filter-item]").count() >= 20


def test_contacts_by_kind_of_organisation_and_field(open_page):
    page = open_page("vastuuhenkilot/", width=375)
    page.get_by_label("Organisaatio", exact=True).select_option(label="Työpajat")
    groups = page.locator("[data-filter-group]:visible h2").all_inner_texts()
    assert groups and all("opisto" not in g and "kuntayhtymä" not in g for g in groups)
    page.get_by_label("Organisaatio", exact=True).select_option(label="Kaikki")
    page.get_by_label("Ala", exact=True).select_option(label="Tutkintokoulutukseen valmentava koulutus (TUVA)")
    names = visible_names(page)
    # The field's own contact and the primary contact of the organisation that has the field.
    assert "Marko Hiltula" in names and len(page.locator("[data-filter-group]:visible").all()) == 1
    assert not page.problems
