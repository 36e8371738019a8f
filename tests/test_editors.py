"""The editors' guide, forms and pull-request summary: examples validate, forms are valid, changes listed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

import pytest
import yaml

from helpers import build_site, copy_project
from macros.cli.pr_summary import changes, summary
from macros.data.loader import load_site
from macros.data.models import Step

EXAMPLE = re.compile(r'^```(yaml|markdown) title="([^"]+)"\n(.*?)^```', re.S | re.M)
APPEND = re.compile(r"^(?P<path>\S+): lisää (\S+-luettelon|sivun|tiedoston) loppuun$")


def guide_examples(root):
    return EXAMPLE.findall((root / "docs/sivuston-yllapito.md").read_text(encoding="utf-8"))


def test_guide_covers_every_common_task(root):
    titles = [title for _lang, title, _text in guide_examples(root)]
    for needed in (
        "data/osapuolet/",
        "data/vastuuhenkilot/",
        "data/vuosikello.yml",
        "docs/tunnistamisraportit/",
        "data/ajankohtaista/",
        "data/huomautukset.yml",
    ):
        assert any(needed in title for title in titles), needed
    text = (root / "docs/sivuston-yllapito.md").read_text(encoding="utf-8")
    for step in ("Commit changes", "pull request", "Files changed", "Merge pull request", "työyhteystietoja"):
        assert step in text


def test_every_example_in_the_guide_validates_and_builds(root, tmp_path):
    project = copy_project(tmp_path / "project")
    applied = 0
    for _lang, title, text in guide_examples(root):
        append = APPEND.match(title)
        if append:
            path = project / append.group("path")
            path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
        elif "/" in title:
            (project / title).write_text(text, encoding="utf-8")
        elif title == "vaihe polkujen tiedostossa":
            # A step of data/polut.yml: valid as a step, and in place it quotes the agreement correctly.
            step = Step.model_validate(yaml.safe_load(textwrap.dedent(text))[0])
            assert step.tekija == "koulutuksen järjestäjän vastuuhenkilö"
            assert any(
                s.linjauksissa == step.linjauksissa for p in load_site(root)[0].paths.values() for s in p.vaiheet
            )
            continue
        else:
            continue
        applied += 1
    assert applied >= 8
    site, problems = load_site(project)
    # Notices are allowed: a joining party's contact person comes later, and the reference data does not
    # hold every peruste's units. Errors and warnings are not.
    assert [p.plain() for p in problems if p.level != "huomautus"] == []
    assert "koivurannan-kierratyspaja" in site.party_by_id
    assert site.party_by_id["koivurannan-kierratyspaja"].paattyminen.tapa == "irtisanominen"
    assert any(n.tunnus == "ohjaamo" for n in site.notes.values())
    assert any(a.tunnus == "opo-paiva" for a in site.clock.toiminnot)
    assert site.price_tiers.tasot[0].vahintaan == 32
    assert any(s.nimi == "Kuusilaakson seudun kehittämisyhtiö" for s in site.supporters.tukiorganisaatiot)
    built = build_site(project, tmp_path / "site")
    assert (built / "tunnistamisraportit/mantyniemen-tyopaja-kiinteistohuolto/index.html").exists()


def test_guide_page_on_the_site_shows_the_guide(built_site):
    html = (built_site / "sivuston-yllapito/index.html").read_text(encoding="utf-8")
    assert "Sivuston ylläpito-ohje" in html and "{{ raportti() }}" in html


def suggest_links(html: str) -> list[str]:
    """The links of the page's "Ehdota muutosta" box."""
    box = re.search(r'<aside class="suggest-change".*?</aside>', html, re.S)
    assert box, "no Ehdota muutosta box"
    return re.findall(r'href="([^"]+)"', box.group(0))


def test_every_page_ends_with_suggest_a_change_opening_its_text_and_its_data(built_site):
    repo = "https://github.com/alue-example/yhteistyon-linjaukset"
    expected = {
        "linjaukset/sopijaosapuolet": [
            f"{repo}/tree/main/data/osapuolet/",
            f"{repo}/edit/main/data/tukiorganisaatiot.yml",
        ],
        "hinnoittelu": [f"{repo}/edit/main/data/hintatasot.yml"],
        "vuosikello": [f"{repo}/edit/main/data/vuosikello.yml"],
        "vastuuhenkilot": [f"{repo}/tree/main/data/vastuuhenkilot/"],
        "": [f"{repo}/edit/main/data/alue.yml", f"{repo}/tree/main/data/osapuolet/"],
        # Pages that print data in running text: the appendix's price example and the status word.
        "linjaukset/liite": [f"{repo}/edit/main/data/hintatasot.yml"],
        "linjaukset/voimaantulo-ja-voimassaolo": [
            f"{repo}/edit/main/data/alue.yml",
            f"{repo}/tree/main/data/osapuolet/",
        ],
    }
    for page, urls in expected.items():
        links = suggest_links((built_site / page / "index.html").read_text(encoding="utf-8"))
        assert links[0].startswith(f"{repo}/edit/main/docs/"), page  # the page's own text first
        for url in urls:
            assert url in links, (page, url, links)
    salassapito = suggest_links((built_site / "linjaukset/salassapito/index.html").read_text(encoding="utf-8"))
    assert salassapito[0] == f"{repo}/edit/main/docs/linjaukset/salassapito.md"
    assert not any("/data/" in link for link in salassapito)


def test_no_edit_buttons_or_repository_widget_for_the_public_reader(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "md-content__button" not in html and "md-source" not in html


def test_pull_request_template_mentions_public_data(root):
    text = (root / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "julkista" in text and "työyhteystietoja" in text


@pytest.mark.parametrize("name", ["uusi-osapuoli.yml", "vastuuhenkilo-muuttuu.yml", "virhe-sivustolla.yml"])
def test_issue_forms_are_valid(root, name):
    path = root / ".github/ISSUE_TEMPLATE" / name
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))


def test_issue_template_config_is_valid(root):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-config",
            str(root / ".github/ISSUE_TEMPLATE/config.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_codeowners_covers_data(root):
    text = (root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert re.search(r"^/data/\s+@", text, re.M) and re.search(r"^\*\s+@", text, re.M)


def test_summary_lists_the_changes_between_two_data_states(root, tmp_path):
    after = copy_project(tmp_path / "after")
    party = after / "data/osapuolet/ammattiopisto-tuulikello.yml"
    party.write_text(
        party.read_text(encoding="utf-8").replace("allekirjoitettu:\n", "allekirjoitettu: 2026-11-20\n"),
        encoding="utf-8",
    )
    shutil.copy(after / "data/osapuolet/harjulan-tyopaja.yml", after / "data/osapuolet/uusi-paja.yml")
    (after / "docs/osapuolet/uusi-paja.md").write_text("{{ osapuoli() }}\n", encoding="utf-8")
    new = after / "data/osapuolet/uusi-paja.yml"
    new.write_text(
        new.read_text(encoding="utf-8")
        .replace("Harjulan kunnan työpaja", "Uusi paja")
        .replace("2987652-4", "2987660-4"),
        encoding="utf-8",
    )
    contact = after / "data/vastuuhenkilot/minna-lahtela.yml"
    (after / "data/vastuuhenkilot/ulla-uusi.yml").write_text(
        contact.read_text(encoding="utf-8")
        .replace("osapuoli: harjulan-tyopaja", "osapuoli: uusi-paja")
        .replace("Minna Lahtela", "Ulla Uusi")
        .replace("minna.lahtela@", "ulla.uusi@"),
        encoding="utf-8",
    )
    (after / "data/vastuuhenkilot/kirsi-hakanen.yml").unlink()
    found = changes(load_site(root)[0], load_site(after)[0])
    assert found == [
        "- Lisätty osapuoli: Uusi paja",
        "- Muutettu osapuoli: Ammattiopisto Tuulikello (kentät: allekirjoitettu)",
        "- Allekirjoitus kirjattu: Ammattiopisto Tuulikello (20.11.2026)",
        "- Allekirjoitus kirjattu: Uusi paja (18.9.2025)",
        "- Lisätty vastuuhenkilö: Ulla Uusi, pajaohjaaja",
        "- Poistettu vastuuhenkilö: Kirsi Hakanen, opettaja",
    ]
    text = summary(root, after)
    assert text.startswith("## Muutoksen vaikutus tietoihin") and "Tiedot ovat kunnossa" in text


def test_summary_of_a_broken_change_lists_the_errors(root, tmp_path):
    after = copy_project(tmp_path / "after")
    party = after / "data/osapuolet/harjulan-tyopaja.yml"
    party.write_text(party.read_text(encoding="utf-8").replace("2987652-4", "2987652-5"), encoding="utf-8")
    text = summary(root, after)
    assert "**Tiedoissa on 1 virhe**" in text
    assert r"- data/osapuolet/harjulan\-tyopaja\.yml rivi 4: kenttä \'y\_tunnus\'" in text
    assert r"- data/osapuolet/harjulan\-tyopaja\.yml (muutettu)" in text


def test_summary_escapes_markdown_from_data_and_names_every_changed_file(root, tmp_path):
    after = copy_project(tmp_path / "after")
    supporters = after / "data/tukiorganisaatiot.yml"
    supporters.write_text(
        supporters.read_text(encoding="utf-8").replace(
            "  - nimi: ALU-koordinaattorit",
            "  - nimi: '# Otsikko ![kuva](https://x.example/a.png) [linkki](https://x.example)'",
        ),
        encoding="utf-8",
    )
    (after / "docs/linjaukset/salassapito.md").write_text("# Salassapito\n\nMuutettu.\n", encoding="utf-8")
    text = summary(root, after)
    assert r"- Lisätty tukiorganisaatio: \# Otsikko \!\[kuva\]\(https\:" in text
    assert "](https://" not in text and "\n#" not in text
    from macros.cli.pr_summary import md

    assert md("$x$ ja 5 €") == r"\$x\$ ja 5 €"  # no math in the summary
    assert r"- data/tukiorganisaatiot\.yml (muutettu)" in text
    assert r"- docs/linjaukset/salassapito\.md (muutettu)" in text


def test_what_feeds_what_page_lists_every_macro_and_data_file(built_site):
    from macros.data.pages import PAGE_MACROS

    html = (built_site / "mita-mista/index.html").read_text(encoding="utf-8")
    for name in PAGE_MACROS:
        assert f"<code>{name}()</code>" in html
    for path in ("data/osapuolet/", "data/vuosikello.yml", "docs/tunnistamisraportit/", "data/ajankohtaista/"):
        assert f"<code>{path}</code>" in html
    supporters_row = html.split("<code>data/tukiorganisaatiot.yml</code>")[1].split("</tr>")[0]
    assert "docs/linjaukset/sopijaosapuolet.md" in supporters_row
