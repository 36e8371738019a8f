"""`make schemas`: the JSON Schemas (draft-07) and the VS Code mapping, generated from the registry and models.

Writes schemas/<kind>.schema.json for every kind of data and the "yaml.schemas" setting of
.vscode/settings.json; a test fails when the committed files are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..data.registry import EDITABLE, vscode_schemas

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _tidy(node: dict) -> None:
    """Pydantic's titles repeat the names; the descriptions (Finnish docstrings) are what editors read."""
    node.pop("title", None)
    if "description" in node:
        node["description"] = " ".join(node["description"].split())
    for prop in node.get("properties", {}).values():
        prop.pop("title", None)


def schema_for(model) -> dict:
    schema = model.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for node in (schema, *definitions.values()):
        _tidy(node)
        for prop in node.get("properties", {}).values():
            # Pydantic leaves out a field's description when it repeats its model's: put it back.
            ref = prop.get("$ref", "").rpartition("/")[2]
            if ref in definitions and "description" not in prop:
                prop["description"] = " ".join(definitions[ref].get("description", "").split())
    result = {"$schema": DRAFT_07, **schema}
    if definitions:
        result["definitions"] = dict(sorted(definitions.items()))
    return result


def all_schemas() -> dict[str, dict]:
    """File name in schemas/ → schema."""
    return {f"{kind.schema}.schema.json": schema_for(kind.model) for kind in EDITABLE}


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def vscode_settings(current: dict) -> dict:
    """The VS Code settings with the schema mapping from the registry (other settings kept)."""
    return {**current, "yaml.schemas": vscode_schemas()}


def main() -> int:
    root = Path.cwd()
    target = root / "schemas"
    target.mkdir(exist_ok=True)
    for name, schema in all_schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
        print(f"schemas/{name}")
    settings_file = root / ".vscode/settings.json"
    current = json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.exists() else {}
    settings_file.parent.mkdir(exist_ok=True)
    settings_file.write_text(
        json.dumps(vscode_settings(current), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(".vscode/settings.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
