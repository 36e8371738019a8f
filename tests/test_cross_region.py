"""A finder across regions, built from several regions' open data; a region with invalid data is named and
left out."""

from __future__ import annotations

import json
import shutil
from datetime import date

from bench.generate import generate
from helpers import text_of
from macros import cross_region
from macros.data import open_data
from macros.data.loader import load_site


def region_data(tmp_path, seed: int, name: str, genitive: str, address: str):
    """A generated region's open data, as its site would publish it."""
    project = generate(tmp_path / f"alue-{seed}", seed=seed, scale=0.02) and tmp_path / f"alue-{seed}"
    region = project / "data/alue.yml"
    text = region.read_text(encoding="utf-8")
    region.write_text(
        text.replace("nimi: Kuusilaakso\n", f"nimi: {name}\n").replace(
            "nimi_genetiivi: Kuusilaakson\n", f"nimi_genetiivi: {genitive}\n"
        ),
        encoding="utf-8",
    )
    site, _problems = load_site(project, date(2026, 11, 29))
    folder = tmp_path / f"data-{seed}"
    folder.mkdir()
    for file, document in open_data.documents(site, address, date(2026, 11, 29)).items():
        (folder / file).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return folder, site


def test_three_regions_in_one_finder_and_a_broken_one_left_out(tmp_path, built_site):
    north, north_site = region_data(tmp_path, 11, "Pohjolanmaa", "Pohjolanmaan", "https://pohjola.example/")
    east, _east_site = region_data(tmp_path, 12, "Itälaakso", "Itälaakson", "https://ita.example/linjaukset/")
    broken = tmp_path / "rikki"
    shutil.copytree(built_site / "avoin-data/v1", broken)
    parties = json.loads((broken / "osapuolet.json").read_text(encoding="utf-8"))
    parties["alue"]["osoite"] = "javascript:alert(1)"
    (broken / "osapuolet.json").write_text(json.dumps(parties), encoding="utf-8")
    out = tmp_path / "haku"
    count, left_out = cross_region.build(out, [built_site, north, east, broken])
    assert count == 3
    # Named as its data names it (and its folder); what is wrong, in Finnish.
    assert left_out == [
        "Alue Kuusilaakso (rikki) jätettiin pois: tiedosto osapuolet.json ei vastaa avoimen datan skeemaa kohdassa "
        "alue/osoite: arvo on väärässä muodossa."
    ]
    html = (out / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "Alue Kuusilaakso (rikki) jätettiin pois" in text and "javascript:" not in html
    for value, name in (("kuusilaakso", "Kuusilaakso"), ("pohjolanmaa", "Pohjolanmaa"), ("italaakso", "Itälaakso")):
        assert f'<option value="{value}">{name}</option>' in html
    # Every row names its region; links go to each region's own report pages.
    assert 'href="https://linjaukset.kuusilaakso.example/tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/"' in html
    some = north_site.reports[0]
    assert f'href="https://pohjola.example/tunnistamisraportit/{some.id}/"' in html
    assert html.count("<li><span class=\"region\">") == sum(
        len(q["tutkinnon_osat"]) for d in (built_site, north, east) for r in json.loads(
            (cross_region._folder(d) / "tunnistamisraportit.json").read_text(encoding="utf-8")
        )["tiedot"] for q in r["tutkinnot"]
    )  # fmt: skip
    assert (out / "enhancements.js").exists()


def test_a_region_without_files_is_named(tmp_path, built_site):
    count, left_out = cross_region.build(tmp_path / "haku", [built_site, tmp_path / "tyhja"])
    assert count == 1 and left_out == [
        "Alue tyhja (tyhja) jätettiin pois: tiedostoa osapuolet.json ei voitu lukea (FileNotFoundError)."
    ]


def test_a_missing_field_is_named_and_a_region_given_twice_is_left_out_once(tmp_path, built_site):
    broken = tmp_path / "puuttuu"
    shutil.copytree(built_site / "avoin-data/v1", broken)
    reports = json.loads((broken / "tunnistamisraportit.json").read_text(encoding="utf-8"))
    del reports["tiedot"][0]["kunta"]
    (broken / "tunnistamisraportit.json").write_text(json.dumps(reports), encoding="utf-8")
    count, left_out = cross_region.build(tmp_path / "haku", [built_site, broken, built_site])
    assert count == 1
    assert left_out[0].endswith("kohdassa tiedot/0: kenttä 'kunta' puuttuu."), left_out
    assert left_out[1] == f"Alue Kuusilaakso ({built_site.name}) jätettiin pois: sen tiedot annettiin jo kertaalleen."


def test_a_left_out_region_is_named_by_its_folder_when_its_name_is_not_a_name(tmp_path, built_site):
    bad = tmp_path / "huono"
    shutil.copytree(built_site / "avoin-data/v1", bad)
    parties = json.loads((bad / "osapuolet.json").read_text(encoding="utf-8"))
    parties["alue"]["nimi"] = "<img src=x> 131052-308T"
    parties["tiedot"][0]["ylimaarainen"] = 1
    (bad / "osapuolet.json").write_text(json.dumps(parties), encoding="utf-8")
    _count, left_out = cross_region.build(tmp_path / "haku", [built_site, bad])
    assert left_out[0].startswith("Alue huono (huono) jätettiin pois:") and "131052" not in left_out[0]
    assert "ylimääräinen kenttä 'ylimaarainen'" in left_out[0]
