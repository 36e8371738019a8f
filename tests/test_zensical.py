"""The site builds on Zensical, Material's successor, to the same pages with the same text as on MkDocs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, main_html, text_of

ZENSICAL = Path(sys.executable).parent / "zensical"
CHROME = re.compile(r'<aside class="suggest-change".*?</aside>|<a [^>]*class="md-content__button[^"]*".*?</a>', re.S)


def page_text(page: Path) -> str:
    """The page's own text: the article without the theme's buttons and our suggest-a-change box."""
    return text_of(CHROME.sub(" ", main_html(page))).strip()


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    # With the repository's history too, as the MkDocs build has it (the agreement's versions are read there).
    if (ROOT / ".git").is_dir():
        shutil.copytree(ROOT / ".git", project / ".git")
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--clean"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    # Zensical has no build hook: the take-away files are written by the project's own step.
    files = subprocess.run(
        [sys.executable, "-m", "macros.host", "site"], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert files.returncode == 0, files.stderr
    documents = subprocess.run(
        [sys.executable, "-m", "macros.documents", "site", "--no-pdf"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert documents.returncode == 0, documents.stderr
    return project / "site"


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}


def test_zensical_builds_the_same_set_of_pages(built_site, zensical_site):
    assert pages(zensical_site) == pages(built_site)
    assert len(pages(built_site)) > 25


def test_every_page_has_the_same_text_on_both_hosts(built_site, zensical_site):
    different = []
    for name in sorted(pages(built_site)):
        ours, theirs = page_text(built_site / name), page_text(zensical_site / name)
        if ours != theirs:
            words_a, words_b = ours.split(), theirs.split()
            at = next(
                (i for i, (a, b) in enumerate(zip(words_a, words_b, strict=False)) if a != b),
                min(len(words_a), len(words_b)),
            )
            different.append(
                f"{name}: MkDocs {' '.join(words_a[at : at + 8])!r} / Zensical {' '.join(words_b[at : at + 8])!r}"
            )
    assert not different, "\n".join(different)


def test_the_take_away_files_are_the_same(built_site, zensical_site):
    for name in ("vastuuhenkilot/vastuuhenkilot.csv", "vastuuhenkilot/vastuuhenkilot.vcf", "vuosikello/vuosikello.ics"):
        assert (zensical_site / name).read_bytes() == (built_site / name).read_bytes(), name


def test_zensical_pages_are_cleaned_and_carry_no_placeholder(zensical_site):
    for name in pages(zensical_site):
        html = (zensical_site / name).read_text(encoding="utf-8")
        assert "LINJAUKSETHTML" not in html and "{{" not in main_html(zensical_site / name).replace("{{ ", ""), name
