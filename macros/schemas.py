"""JSON Schemas (draft-07) generated from the models, for completion and validation in editors.

`python -m macros.schemas` writes them to schemas/; a test fails when the committed ones are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .loader import FOLDERS, SINGLE_FILES
from .models import Article, Report

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

# Finnish descriptions of the models themselves (field descriptions live on the fields).
MODEL_DESCRIPTIONS = {
    "Region": "Alueen perustiedot (data/alue.yml).",
    "Party": "Yksi sopijaosapuoli (data/osapuolet/<tunnus>.yml). Tiedoston nimi on osapuolen tunnus.",
    "Signatory": "Linjaukset allekirjoittava henkilö.",
    "Supporters": "Verkostoa tukevat organisaatiot, jotka eivät ole sopijaosapuolia.",
    "Supporter": "Yksi tukiorganisaatio.",
    "PriceTiers": "Opiskelijapäivähinnan tasot ja esimerkkijaksot.",
    "PriceTier": "Yksi hintataso.",
    "Funding": "Rahoitusmallin osuudet linjausten pohjan mukaan.",
    "FundingShare": "Yksi rahoitusosuus.",
    "Contact": "Yksi vastuuhenkilö (data/vastuuhenkilot/<tunnus>.yml). Vain työyhteystiedot.",
    "Scope": "Vastuuhenkilön vastuualue.",
    "AnnualClock": "Toiminnan vuosikello (data/vuosikello.yml): renkaat ja toiminnot.",
    "Ring": "Yksi vuosikellon rengas eli toiminnan laji.",
    "Activity": "Yksi vuosikellon toiminto.",
    "Report": "Tunnistamisraportin tiedot (docs/tunnistamisraportit/<tunnus>.md, rivien '---' välissä).",
    "QualificationCoverage": "Yksi tutkinto ja sen tunnistetut tutkinnon osat.",
    "CoveredUnit": "Yksi tutkinnon osa ja kuinka suuren osan siitä voi suorittaa työpajalla.",
    "Recognisers": "Oppimisympäristön tunnistajat.",
    "Article": "Uutinen (data/ajankohtaista/<päivä>-<aihe>.md, rivien '---' välissä).",
}


def _describe(node: dict, name: str) -> None:
    node.pop("title", None)
    for prop in node.get("properties", {}).values():
        prop.pop("title", None)
    if name in MODEL_DESCRIPTIONS:
        node["description"] = MODEL_DESCRIPTIONS[name]


def schema_for(model) -> dict:
    schema = model.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for name, definition in definitions.items():
        _describe(definition, name)
    _describe(schema, model.__name__)
    result = {"$schema": DRAFT_07, **schema}
    if definitions:
        result["definitions"] = dict(sorted(definitions.items()))
    return result


def all_schemas() -> dict[str, dict]:
    """File name in schemas/ → schema."""
    models = list(SINGLE_FILES.values()) + list(FOLDERS.values()) + [(Report, "tunnistamisraportti"),
                                                                       (Article, "uutinen")]
    return {f"{name}.schema.json": schema_for(model) for model, name in models}


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    target = Path.cwd() / "schemas"
    target.mkdir(exist_ok=True)
    for name, schema in all_schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
        print(f"schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
