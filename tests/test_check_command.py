"""`make check` (python -m macros.cli.check) and the build report the same problems and publish nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from helpers import ROOT, build_site

BAD_BUSINESS_ID = (
    "data/osapuolet/harjulan-tyopaja.yml:4:11: kenttä 'y_tunnus': Y-tunnuksen tarkistusnumero ei "
    "täsmää: tarkista tunnus YTJ:stä (ytj.fi)"
)


def run_check(project, **env):
    return subprocess.run(
        [sys.executable, "-m", "macros.cli.check", str(project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "GITHUB_ACTIONS": "false", **env},
        check=False,
    )


def break_business_id(project):
    path = project / "data/osapuolet/harjulan-tyopaja.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("2987652-4", "2987652-5"), encoding="utf-8")


def test_clean_data_exits_zero(root):
    result = run_check(root)
    assert result.returncode == 0
    # The example region has notices about the reference data: counted and pointed to, not printed.
    assert result.stdout.strip() == (
        "Tiedot ovat kunnossa: 0 virhettä. Huomautuksia on 5: ne näkyvät sivuston sivulla Ylläpidon tilanne "
        "(yllapidon-tilanne)."
    )


def test_problems_exit_one_with_a_count(project):
    break_business_id(project)
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        BAD_BUSINESS_ID,
        # With an error in the files the versions are not compared (so no notice about the missing history).
        "1 virhe. Korjaa tiedostot ja tarkista uudelleen. Huomautuksia on 5: ne näkyvät sivuston sivulla "
        "Ylläpidon tilanne (yllapidon-tilanne).",
    ]
    assert "Traceback" not in result.stderr


def test_github_annotations(project):
    break_business_id(project)
    result = run_check(project, GITHUB_ACTIONS="true")
    assert result.stdout.splitlines()[1] == (
        "::error file=data/osapuolet/harjulan-tyopaja.yml,line=4,col=11::kenttä 'y_tunnus': Y-tunnuksen "
        "tarkistusnumero ei täsmää: tarkista tunnus YTJ:stä (ytj.fi)"
    )


def test_build_fails_with_the_same_message_and_writes_no_site(project, tmp_path):
    break_business_id(project)
    site = tmp_path / "site"
    with pytest.raises(Abort) as failure:
        build_site(project, site)
    assert BAD_BUSINESS_ID in str(failure.value)
    assert "1 virhe tiedoissa; sivustoa ei julkaistu." in str(failure.value)
    assert not (site / "index.html").exists()
