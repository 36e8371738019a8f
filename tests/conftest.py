"""Fixtures: the project root, one strict build of the example site, throwaway copies, golden files.
Helpers are in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, build_site, copy_project


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The example region's site, built once per test run, with the agreement's version pages and the search
    index beside it (as `make build` makes them; the PDFs, printed by Chromium, are tested in
    tests/browser/test_documents.py)."""
    from macros.documents import archive_pages
    from macros.search_index import build_search_index

    site = build_site(ROOT, tmp_path_factory.mktemp("site"))
    archive_pages(ROOT, site)
    build_search_index(site)
    return site


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ is a browser test: `make test-fast` leaves them out by this mark."""
    for item in items:
        if "browser" in Path(str(item.path)).relative_to(ROOT).parts:
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the renderers")


@pytest.fixture
def golden(request):
    """Compare rendered text with tests/golden/<name>; --update-golden rewrites the file instead."""

    def compare(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"tests/golden/{name} is missing: run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return compare
