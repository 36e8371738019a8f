"""The committed JSON Schemas match the models, describe every field in Finnish and accept the data."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from macros.cli import schemas
from macros.data.registry import EDITABLE, vscode_schemas

GENERATED = schemas.all_schemas()


def data_files(root):
    """Every YAML data file with the name of its schema and the relative path to schemas/."""
    for kind in EDITABLE:
        if kind.front_matter:
            continue
        paths = sorted((root / kind.path).glob("*.yml")) if kind.many else [root / kind.path]
        for path in paths:
            up = "../" * (path.relative_to(root).as_posix().count("/"))
            yield path, kind.schema, up + "schemas"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_schema_is_up_to_date(root, name):
    committed = root / "schemas" / name
    assert committed.exists(), f"schemas/{name} is missing: run make schemas"
    assert committed.read_text(encoding="utf-8") == schemas.render(GENERATED[name]), (
        f"schemas/{name} is stale: run make schemas"
    )


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_schema_is_draft_07_and_every_field_has_a_description(name):
    schema = GENERATED[name]
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)

    def walk(node, where):
        for field, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{name}: {where}.{field} has no description"
        assert node.get("additionalProperties") is False, f"{name}: {where} accepts unknown fields"

    walk(schema, "(root)")
    for def_name, definition in schema.get("definitions", {}).items():
        walk(definition, def_name)


def test_every_data_file_names_its_schema_and_validates_against_it(root):
    files = list(data_files(root))
    assert len(files) >= 10
    for path, schema, prefix in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={prefix}/{schema}.schema.json", path
        data = json.loads(json.dumps(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)))
        validator = jsonschema.Draft7Validator(GENERATED[f"{schema}.schema.json"])
        # BaseLoader keeps every scalar as text, so only check the shape: required and unknown fields.
        errors = [e for e in validator.iter_errors(data) if e.validator in ("required", "additionalProperties")]
        assert not errors, (path, [e.message for e in errors])


def test_vscode_maps_every_yaml_kind_to_its_schema(root):
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert settings == vscode_schemas(), ".vscode/settings.json is stale: run make schemas"
    mapped = {key.removeprefix("./schemas/") for key in settings}
    # Report and news front matter lives in Markdown, which the YAML extension does not validate.
    assert mapped == {f"{k.schema}.schema.json" for k in EDITABLE if not k.front_matter}
