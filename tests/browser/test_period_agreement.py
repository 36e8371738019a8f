"""The per-student agreement on a phone: filled in the browser, printed to PDF, saved and opened as a draft,
and nothing leaves the browser."""

from __future__ import annotations

import io
import json

from playwright.sync_api import expect
from pypdf import PdfReader


def fill_in(page):
    page.get_by_label("Koulutuksen järjestäjä", exact=True).select_option(label="Kuusilaakson ammattiopisto")
    page.get_by_label("Työpaja", exact=True).select_option(label="Seudun Kierrätyspaja Oy")
    page.get_by_label("Opiskelijan nimi").fill("Testi Opiskelija")
    page.get_by_label("Tutkinto (työpajan tunnistamisraporteista)").select_option(label="Ajoneuvoalan perustutkinto")
    page.get_by_label("Polkupyörän huolto", exact=False).check()
    page.get_by_label("Metsä- ja puutarhakoneiden huolto", exact=False).check()
    page.get_by_label("Alkaa").fill("2027-01-11")
    page.get_by_label("Päättyy").fill("2027-02-05")
    page.get_by_label("Pajapäiviä viikossa").select_option("4")
    page.get_by_label("Hintataso", exact=False).select_option(label="Keskitaso (40–75\u00a0€\u00a0/\u00a0päivä)")
    page.get_by_label("Sovittu päivähinta (euroa)").fill("50")
    page.get_by_label("Tukitoimet pajajakson aikana").fill("Yksilövalmennus kerran viikossa.")


def test_a_coach_makes_an_agreement_on_a_phone_and_nothing_leaves_the_browser(open_page):
    page = open_page("pajajakson-sopimus/", width=375)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    # The primary contact persons are chosen for the reader.
    fill_in(page)
    assert (
        page.get_by_label("Työpajan vastuuhenkilö")
        .evaluate("s => s.selectedOptions[0].text")
        .startswith("Timo Heinola")
    )
    assert page.locator("[data-sopimus-paivat]").inner_text() == "Pajapäiviä yhteensä: 16"
    assert page.locator("[data-sopimus-hinta]").inner_text() == "Yhteensä 16 päivää × 50\u00a0€ = 800\u00a0€"
    # The income check is required: a located, linked Finnish message, and the field marked invalid.
    page.get_by_role("button", name="Näytä sopimus").click()
    errors = page.locator("[data-sopimus-errors]")
    assert errors.is_visible() and "Varmista opiskelijan toimeentulo" in errors.inner_text()
    assert page.get_by_label("Opiskelijan toimeentulo", exact=False).get_attribute("aria-invalid") == "true"
    page.get_by_label("Opiskelijan toimeentulo", exact=False).check()
    page.get_by_label("Opiskelija on alle 18-vuotias", exact=False).check()
    page.get_by_role("button", name="Näytä sopimus").click()
    document = page.locator("[data-sopimus-asiakirja]")
    assert document.is_visible() and not errors.is_visible()
    text = document.inner_text()
    for expected in (
        "Kuusilaakson ammattiopisto (Y-tunnus 2987651-6)",
        "Seudun Kierrätyspaja Oy (Y-tunnus 2987655-9)",
        "Timo Heinola",
        "11.1.2027–5.2.2027, 4 päivää viikossa, yhteensä 16 pajapäivää.",
        "Polkupyörän huolto (106889), kokonaan",
        "Metsä- ja puutarhakoneiden huolto (106887), osittain",
        "Keskitaso: 50\u00a0€ päivässä, yhteensä 16 × 50\u00a0€ = 800\u00a0€.",
        "Koulutuksen järjestäjä vastaa opiskelijan vakuutuksista pajajakson aikana.",
        "Työpaja vastaa opiskelijan työturvallisuudesta",
        "531/2017",
        "Huoltaja",
    ):
        assert expected in text, expected
    # Printed to PDF on A4: the document, not the form.
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert "Pajajakson sopimus" in printed and "Testi Opiskelija" in printed and "800" in printed
    assert "Näytä sopimus" not in printed and "Tallenna luonnos" not in printed
    page.emulate_media(media="screen")
    # Insurance arranged otherwise: the template's default duty gives way to the arrangement.
    page.get_by_label("Vakuutukset").select_option(index=1)
    page.get_by_role("button", name="Näytä sopimus").click()
    text = document.inner_text()
    assert "vastaa opiskelijan vakuutuksista" not in text and "Vakuutukset: muu järjestely" in text
    assert requests == [], requests
    assert not page.problems


def test_holidays_are_not_workshop_days_and_a_new_tier_resets_its_price(open_page):
    page = open_page("pajajakson-sopimus/", width=375)
    fill_in(page)
    page.get_by_label("Pajapäiviä viikossa").select_option("5")
    page.get_by_label("Alkaa").fill("2026-12-21")
    page.get_by_label("Päättyy").fill("2027-01-08")
    # 15 weekdays less Christmas Eve, Christmas Day, New Year's Day and Epiphany (St Stephen's is a Saturday).
    assert page.locator("[data-sopimus-paivat]").inner_text() == (
        "Pajapäiviä yhteensä: 11 (arkipyhiä ei lasketa: jouluaatto 24.12.2026, joulupäivä 25.12.2026, "
        "uudenvuodenpäivä 1.1.2027, loppiainen 6.1.2027)"
    )
    page.get_by_label("Alkaa").fill("2027-03-22")
    page.get_by_label("Päättyy").fill("2027-04-02")
    # Easter 2027: Good Friday 26.3., Easter Monday 29.3.
    assert page.locator("[data-sopimus-paivat]").inner_text().startswith("Pajapäiviä yhteensä: 8 (")
    page.get_by_label("Hintataso", exact=False).select_option(label="Perustaso (30–45\u00a0€\u00a0/\u00a0päivä)")
    assert page.get_by_label("Sovittu päivähinta (euroa)").input_value() == "30"


def test_a_workshop_without_reports_says_so(open_page):
    page = open_page("pajajakson-sopimus/", width=375)
    page.get_by_label("Työpaja", exact=True).select_option(label="Mäntyniemen nuorten työpaja")
    assert "ei ole vielä tunnistamisraporttia" in page.locator("[data-sopimus-tutkintoohje]").inner_text()


def test_a_draft_goes_to_a_file_and_back(open_page, tmp_path):
    page = open_page("pajajakson-sopimus/", width=375)
    fill_in(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Tallenna luonnos tiedostoon").click()
    saved = tmp_path / "luonnos.json"
    download.value.save_as(saved)
    draft = json.loads(saved.read_text(encoding="utf-8"))
    assert draft["muoto"] == "pajajakson-sopimus-luonnos" and draft["opiskelija"] == "Testi Opiskelija"
    fresh = open_page("pajajakson-sopimus/", width=375)
    fresh.locator("[data-sopimus-avaa]").set_input_files(str(saved))
    expect(fresh.get_by_label("Opiskelijan nimi")).to_have_value("Testi Opiskelija")  # read asynchronously
    assert fresh.get_by_label("Polkupyörän huolto", exact=False).is_checked()
    assert fresh.locator("[data-sopimus-hinta]").inner_text() == "Yhteensä 16 päivää × 50\u00a0€ = 800\u00a0€"
    # A file that is not a draft is refused in Finnish.
    other = tmp_path / "muu.json"
    other.write_text('{"x": 1}', encoding="utf-8")
    fresh.locator("[data-sopimus-avaa]").set_input_files(str(other))
    expect(fresh.locator("[data-sopimus-errors]")).to_contain_text("ei ole tämän sivun tallentama luonnos")


def test_without_javascript_the_page_says_what_to_do(open_page):
    page = open_page("pajajakson-sopimus/", javascript=False, width=375)
    assert page.get_by_text("Sopimuspohja toimii selaimessa").is_visible()
    assert not page.locator("[data-sopimus-form]").is_visible()
