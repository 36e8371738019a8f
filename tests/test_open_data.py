"""Open data: every site publishes its data as JSON with JSON Schemas, and the documents validate."""

from __future__ import annotations

import json

import jsonschema
import pytest

from helpers import text_of
from macros.data import open_data
from macros.data.loader import load_site

FOLDER = "avoin-data/v1"


def published(site_dir, name):
    document = json.loads((site_dir / FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site_dir / FOLDER / f"{name}.schema.json").read_text(encoding="utf-8"))
    return document, schema


@pytest.mark.parametrize("name", sorted(open_data.KINDS))
def test_every_document_validates_against_its_published_schema(built_site, name):
    document, schema = published(built_site, name)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["muoto"] == "yhteistyon-linjaukset/avoin-data" and document["aineisto"] == name
    assert document["lisenssi"] == "CC BY 4.0" and document["alue"]["nimi"] == "Kuusilaakso"


def test_the_documents_hold_what_the_site_shows(built_site, root):
    site, _problems = load_site(root)
    parties, _ = published(built_site, "osapuolet")
    assert [p["tunnus"] for p in parties["tiedot"]] == [p.id for p in site.parties]
    contacts, _ = published(built_site, "vastuuhenkilot")
    assert len(contacts["tiedot"]) == len(site.contacts)
    assert set(contacts["tiedot"][0]) == {
        "osapuoli",
        "nimi",
        "tehtava",
        "vastuualue",
        "sahkoposti",
        "puhelin",
        "kielet",
        "ensisijainen",
    }  # fmt: skip  (work contact details only, as on the site)
    reports, _ = published(built_site, "tunnistamisraportit")
    bike = next(r for r in reports["tiedot"] if r["tunnus"] == "seudun-kierratyspaja-pyorahuolto")
    assert bike["sivu"] == "tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/"
    assert {"koodi": "106889", "nimi": "Polkupyörän huolto", "kattavuus": "kokonainen", "osat": None} in bike[
        "tutkinnot"
    ][0]["tutkinnon_osat"]
    quota, _ = published(built_site, "kiintiopaikat")
    assert len(quota["tiedot"]) == len(site.quota_terms) and "nimi" not in json.dumps(quota["tiedot"])


def test_a_document_that_breaks_its_schema_is_caught(built_site):
    document, schema = published(built_site, "kiintiopaikat")
    document["tiedot"][0]["sovittu"] = "neljä"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)


def test_the_open_data_page_lists_every_file_with_the_licence(built_site):
    text = text_of((built_site / "avoin-data/index.html").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in text
    for name in open_data.KINDS:
        assert f"{FOLDER}/{name}.json" in text and f"{name}.schema.json" in text


def test_documents_are_written_one_record_a_line_and_read_back_the_same():
    from macros.render.exports import _json_lines

    for document in ({"muoto": "x", "tiedot": [{"a": 1}, {"b": "ä\n"}]}, {"tiedot": []}, {"a": 1}):
        text = _json_lines(document)
        assert json.loads(text) == document
    assert _json_lines({"muoto": "x", "tiedot": [{"a": 1}, {"b": 2}]}).count("\n") == 4
