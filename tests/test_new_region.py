"""A new region from a fresh clone: one command with an answer file gives an empty region that checks and
builds green and tells its coordinator what to fill in next."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from helpers import PROJECT_PARTS, ROOT, build_site, copy_project, text_of
from macros.data import versions
from macros.data.loader import load_site

ANSWERS = """\
nimi: Pohjolanmaa
nimi_genetiivi: Pohjolanmaan
nimi_inessiivi: Pohjolanmaalla
kunnat: [Pohjola, Revontuli, Tunturikylä]
kuvaus: Pohjolanmaan työpajat ja ammattiopistot tekevät yhteistyötä nuorten siirtymissä.
sahkoposti: verkosto@pohjolanmaa.example
palaute_sahkoposti: palaute@pohjolanmaa.example
yllapitaja: Pohjolan kaupungin nuorisopalvelut
koordinaattori_nimi: Aila Kettunen
koordinaattori_tehtava: verkoston koordinaattori
koordinaattori_sahkoposti: aila.kettunen@pohjolanmaa.example
rekisterinpitaja: Pohjolan kaupunki
rekisterinpitaja_y_tunnus: 2987650-8
rekisterinpitaja_postiosoite: PL 1, 99990 Pohjola
tietosuojavastaava: tietosuoja@pohjolanmaa.example
sivuston_osoite: https://pohjolanmaa.example/linjaukset/
repositorio: pohjolanmaa/linjaukset
"""


def run(clone, *args):
    env = {**os.environ, "PYTHONPATH": str(clone), "LINJAUKSET_PAIVA": "2026-11-29"}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=clone, env=env, capture_output=True, text=True, check=False
    )


def fresh_clone(target):
    """A clone of the repository with its history, carrying the working tree's files as they are now (in CI
    the same as the commit: the suite runs on a fresh clone)."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
    for part in PROJECT_PARTS:
        path = target / part
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    copy_project(target)
    return target


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh clone of the repository, as a region gets it from "Use this template"."""
    target = fresh_clone(tmp_path_factory.mktemp("uusi") / "linjaukset")
    (target / "vastaukset.yml").write_text(ANSWERS, encoding="utf-8")
    result = run(target, "macros.cli.new_region", "vastaukset.yml")
    assert result.returncode == 0, result.stderr
    assert "Valmis." in result.stdout
    return target


def test_the_new_region_checks_green_with_no_example_left(clone):
    site, problems = load_site(clone)
    assert [p.plain() for p in problems if p.level != "huomautus"] == []
    assert site.region.nimi == "Pohjolanmaa" and site.region.koordinaattori.nimi == "Aila Kettunen"
    assert not site.parties and not site.contacts and not site.reports and not site.quota_terms
    assert [v.numero for v in site.versions] == ["1.0"] and site.versions[0].paiva.isoformat() == "2026-11-29"
    # Its own 1.0: the template's history does not bind it, and the check says so for the reviewer.
    assert [p.plain() for p in versions.check(clone, site)] == [
        "data/versiot.yml:4:13: huomautus: linjausten versiohistoria alkaa alusta versiosta 1.0 (uusi alue): "
        "aiempia versioita ei verrata"
    ]
    assert not list((clone / "docs/osapuolet").glob("*.md"))
    assert "Kuusilaakso" not in (clone / "data/tukiorganisaatiot.yml").read_text(encoding="utf-8")
    check = run(clone, "macros.cli.check")
    assert check.returncode == 0 and "Tiedot ovat kunnossa" in check.stdout, check.stdout + check.stderr


def test_the_new_region_builds_and_says_what_to_fill_in(clone, tmp_path):
    site_dir = build_site(clone, tmp_path / "site")
    front = text_of((site_dir / "index.html").read_text(encoding="utf-8"))
    assert "Pohjolanmaan työpajojen ja ammatillisen koulutuksen järjestäjien yhteistyön linjaukset" in front
    assert "Sivusto on vielä kesken: seuraavaksi täytettävää" in front
    assert "Lisää sopijaosapuolet" in front
    assert "päivähinnat ja rahoituksen osuudet ovat alueella sovitut" in front
    assert "ei ole vielä lisätty" in front and "0/0" not in front  # the status of a region with no parties yet
    assert "Kuusilaakso" not in front
    config = (clone / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [SITE_URL, "https://pohjolanmaa.example/linjaukset/"]' in config
    assert 'repo_url: !ENV [REPO_URL, "https://github.com/pohjolanmaa/linjaukset"]' in config


def test_wrong_answers_get_finnish_messages_and_change_nothing(tmp_path):
    target = fresh_clone(tmp_path / "linjaukset")
    (target / "vastaukset.yml").write_text(
        ANSWERS.replace("2987650-8", "2987650-9").replace("https://pohjolanmaa", "http://pohjolanmaa"), encoding="utf-8"
    )
    result = run(target, "macros.cli.new_region", "vastaukset.yml")
    assert result.returncode == 1 and "Vastauksissa on korjattavaa" in result.stderr
    assert "rekisterinpitaja_y_tunnus" in result.stderr and "sivuston_osoite" in result.stderr
    assert "Traceback" not in result.stderr
    assert list((target / "data/osapuolet").glob("*.yml"))  # nothing removed
