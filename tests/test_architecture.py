"""The layers hold: imports run only downwards, the macro table matches the page language, and a new kind
of data needs one registry entry, one model, one template and one test."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys

import pytest

import helpers
from helpers import ROOT, copy_project, edit
from macros.data import pages, registry
from macros.data.loader import load_site
from macros.data.problems import errors
from macros.site_macros import PageInfo, build_macros

PACKAGE = ROOT / "macros"
GLUE = {"macros", "macros.host", "macros.site_macros", "macros.markdown_extension"}
HOSTS = ("mkdocs", "mkdocs_macros", "material", "zensical")


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[1] in ("data", "render", "cli") else "glue"


def imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every import inside the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                    names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
                else:
                    names = [node.module]
                found += [(module, name, node.lineno) for name in names]
            elif isinstance(node, ast.Import):
                found += [(module, alias.name, node.lineno) for alias in node.names]
    return found


ALLOWED = {"data": {"data"}, "render": {"data", "render"}, "cli": {"data", "cli"}, "glue": {"data", "render", "glue"}}


def test_imports_run_only_downwards():
    wrong = []
    for module, target, line in imports():
        if target.startswith("macros"):
            if layer(target) not in ALLOWED[layer(module)]:
                wrong.append(f"{module}:{line} imports {target}")
        elif target.split(".")[0] in HOSTS and module != "macros":
            wrong.append(f"{module}:{line} imports the host ({target}); only macros/__init__.py may")
    assert not wrong, "\n".join(wrong)
    assert len({(layer(m), layer(t)) for m, t, _ in imports() if t.startswith("macros")}) >= 5


def test_no_module_level_mutable_state():
    """Module-level names in the package are constants: no lists, dicts or sets written after import."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Global) or any(isinstance(n, ast.Global) for n in ast.walk(node)):
                pytest.fail(f"{path.relative_to(ROOT)}: 'global' statement")
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", "") in ("lru_cache", "cache"):
                        pytest.fail(f"{path.relative_to(ROOT)}: a cache holds state between builds")
            for decorator in getattr(node, "decorator_list", []):
                name = getattr(decorator, "attr", getattr(decorator, "id", ""))
                if isinstance(decorator, ast.Call):
                    name = getattr(decorator.func, "attr", getattr(decorator.func, "id", ""))
                assert name not in ("lru_cache", "cache"), f"{path.relative_to(ROOT)}: {node.name} is cached"


def test_every_macro_has_the_parameters_the_page_language_declares():
    site, problems = load_site(ROOT)
    assert errors(problems) == []
    macros = build_macros(site, lambda: PageInfo("index.md", ""), None, helpers_today())
    assert set(macros) == set(pages.PAGE_MACROS)
    for name, macro in pages.PAGE_MACROS.items():
        params = list(inspect.signature(macros[name]).parameters)
        assert params == list(macro.params), (name, params, list(macro.params))
        assert macro.doc, name


def helpers_today():
    from datetime import date

    return date.fromisoformat(helpers.TODAY)


def test_every_file_in_data_belongs_to_a_kind_of_the_registry(root):
    kinds = {kind.path for kind in registry.KINDS}
    for path in (root / "data").iterdir():
        relative = path.relative_to(root).as_posix() + ("/" if path.is_dir() else "")
        assert relative in kinds or any(kind.startswith(relative) for kind in kinds), relative
    for kind in registry.KINDS:
        assert (root / kind.path).exists(), kind.path
        if kind.model is not None:
            assert kind.description and kind.schema, kind.name


# --- a new kind of data, as a newcomer would add it -----------------------------------------------------

NEW_MODEL = '''

class Vehicle(Record):
    """Yksi työpajan ajoneuvo."""

    tyopaja: Slug = Field(description="Työpaja (osapuolen tunnus).")
    paikkoja: int = Field(ge=0, description="Matkustajapaikat.")


class Vehicles(Record):
    """Työpajojen ajoneuvot opiskelijoiden kuljetuksiin."""

    ajoneuvot: list[Vehicle] = Field(description="Ajoneuvot työpajoittain.")
'''
NEW_KIND = """    Kind("ajoneuvot", "data/ajoneuvot.yml", models.Vehicles, "ajoneuvot",
         macros=("ajoneuvot",), template="ajoneuvot.html"),
"""
NEW_TEMPLATE = (
    '<ul class="vehicles">{% for row in records.ajoneuvot %}<li>{{ row.tyopaja }}: {{ row.paikkoja }}</li>'
    "{% endfor %}</ul>\n"
)
NEW_DATA = """# yaml-language-server: $schema=../schemas/ajoneuvot.schema.json
ajoneuvot:
  - tyopaja: harjulan-tyopaja
    paikkoja: 3
"""


def test_a_new_kind_of_data_is_one_entry_one_model_one_template(tmp_path):
    project = copy_project(tmp_path / "project")
    with open(project / "macros/data/models.py", "a", encoding="utf-8") as models_file:
        models_file.write(NEW_MODEL)
    edit(project, "macros/data/registry.py", '    Kind("viitetiedot"', NEW_KIND + '    Kind("viitetiedot"')
    (project / "macros/render/templates/ajoneuvot.html").write_text(NEW_TEMPLATE, encoding="utf-8")
    (project / "data/ajoneuvot.yml").write_text(NEW_DATA, encoding="utf-8")
    with open(project / "docs/hinnoittelu.md", "a", encoding="utf-8") as page:
        page.write("\n## Ajoneuvot\n\n{{ ajoneuvot() }}\n")
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "macros.cli.schemas"], cwd=project, env=env, check=True, capture_output=True)
    assert (project / "schemas/ajoneuvot.schema.json").exists()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    html = (tmp_path / "site/hinnoittelu/index.html").read_text(encoding="utf-8")
    assert '<ul class="vehicles"><li>harjulan-tyopaja: 3</li></ul>' in html
    assert "data/ajoneuvot.yml" in html  # the page's data edit link, from the registry
    (project / "data/ajoneuvot.yml").write_text(NEW_DATA.replace("3", "-1"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.cli.check", str(project)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "data/ajoneuvot.yml:4:15: kenttä 'ajoneuvot[1. kohta].paikkoja': pitää olla vähintään 0" in result.stdout


# --- the build's date ----------------------------------------------------------------------------------


@pytest.mark.parametrize("day,announced", [("2026-03-01", False), ("2026-03-02", True)])
def test_date_driven_output_follows_the_build_date(tmp_path, monkeypatch, day, announced):
    monkeypatch.setenv("LINJAUKSET_PAIVA", day)
    site = helpers.build_site(ROOT, tmp_path / "site")
    news = (site / "ajankohtaista/index.html").read_text(encoding="utf-8")
    assert ('id="liittyminen-mantyniemen-tyopaja"' in news) is announced
    assert errors(load_site(ROOT)[1]) == []


def test_a_build_date_that_is_not_a_date_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("LINJAUKSET_PAIVA", "huomenna")
    with pytest.raises(Exception) as failure:
        helpers.build_site(ROOT, tmp_path / "site")
    assert "LINJAUKSET_PAIVA" in str(failure.value)
