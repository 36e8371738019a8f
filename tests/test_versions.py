"""The agreement's versions: what needs a new version, the history page, each version's own text, signatures
by version, joining and leaving."""

from __future__ import annotations

import subprocess
from datetime import date

import helpers as samples
from helpers import edit, text_of
from macros.data import versions
from macros.data.loader import load_site
from macros.documents import archive_pages
from macros.render import news, parties

PRICES = "data/hintatasot.yml"
VERSIONS = "data/versiot.yml"
NEW_VERSION = '  - numero: "1.2"\n    paiva: 2026-11-20\n    muutokset: Keskitason yläraja 70 euroa.\n'


def git(project, *args):
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)


def commit(project, message):
    git(project, "add", "-A")
    git(project, "-c", "user.name=Testi", "-c", "user.email=testi@example.invalid", "commit", "-qm", message)


def with_history(project):
    """The project as a repository whose first commit holds its versions (1.0 and 1.1) as they are."""
    git(project, "init", "-q", "-b", "main")
    commit(project, "versio 1.0")
    return project


def version_problems(project):
    site, _problems = load_site(project)
    return [p.plain() for p in versions.check(project, site)]


def test_a_price_change_without_a_version_is_an_error_that_says_what_changed(project):
    with_history(project)
    assert version_problems(project) == []
    edit(project, PRICES, "    enintaan: 75", "    enintaan: 70")
    found = version_problems(project)
    assert len(found) == 1
    assert found[0].startswith(f"{VERSIONS}:9:13: linjausten sisältö on muuttunut versiosta 1.1 (hintataso Keskitaso:")
    assert "40–75 €/päivä → 40–70 €/päivä" in found[0] and "lisää tiedoston loppuun uusi versio" in found[0]
    # With a new version (not yet in the history), the check is content: the files are the new version.
    (project / VERSIONS).write_text((project / VERSIONS).read_text(encoding="utf-8") + NEW_VERSION, encoding="utf-8")
    assert version_problems(project) == []
    commit(project, "versio 1.2")
    assert version_problems(project) == []


def test_the_order_of_a_changes_commits_does_not_matter(project, monkeypatch):
    """In the web editor each file is a commit of its own: the version may come before the change it records."""
    monkeypatch.delenv("LINJAUKSET_VERTAILUKOHTA", raising=False)
    with_history(project)
    git(project, "checkout", "-q", "-b", "muutos")
    (project / VERSIONS).write_text((project / VERSIONS).read_text(encoding="utf-8") + NEW_VERSION, encoding="utf-8")
    commit(project, "versio ensin")
    assert version_problems(project) == [
        f"{VERSIONS}:14:13: uusi versio 1.2 ei muuta linjausten tekstiä eikä lukuja: tee muutos samassa "
        "muutospyynnössä (esimerkiksi hintatasot.yml tai linjausten luku) tai poista uusi versio"
    ]
    edit(project, PRICES, "    enintaan: 75", "    enintaan: 70")
    commit(project, "hinta sitten")
    assert version_problems(project) == []  # compared with where the branch left main
    # Merged (the main line sees one step), the history gives 1.2 its new price and 1.1 its old one.
    git(project, "checkout", "-q", "main")
    git(project, "-c", "user.name=Testi", "-c", "user.email=t@example.invalid", "merge", "-q", "--no-ff", "muutos")
    assert version_problems(project) == []
    site, _problems = load_site(project)
    found = versions.history(project, site.versions)
    assert ("Keskitaso", 40, 75) in found.contents["1.1"].tiers
    assert ("Keskitaso", 40, 70) in found.contents["1.2"].tiers
    # The workflows name the base: compared with the commit before the merge, the change has its version.
    monkeypatch.setenv("LINJAUKSET_VERTAILUKOHTA", "HEAD^1")
    assert version_problems(project) == []
    # A base that the history does not have (a force-push): compared where the branch left main, and said.
    monkeypatch.setenv("LINJAUKSET_VERTAILUKOHTA", "1234abcd")
    assert [p.split(": ", 2)[2] for p in version_problems(project)] == [
        "vertailukohtaa 1234abcd ei löytynyt versiohistoriasta: muutosta verrattiin kohtaan, jossa haara erkani "
        "päähaarasta"
    ]


def test_an_agreed_version_keeps_its_number_and_day(project, monkeypatch):
    monkeypatch.delenv("LINJAUKSET_VERTAILUKOHTA", raising=False)
    with_history(project)
    # Its day changed, with a price: not a new version, and said so (no advice to delete the version).
    edit(project, VERSIONS, "paiva: 2026-10-08", "paiva: 2026-11-20")
    edit(project, PRICES, "    enintaan: 75", "    enintaan: 70")
    found = version_problems(project)
    assert len(found) == 1 and "sovitun version 1.1 päivää on muutettu (2026-10-08 → 2026-11-20)" in found[0]
    # Renumbered: the agreed 1.1 would vanish from the history.
    edit(project, VERSIONS, 'numero: "1.1"', 'numero: "1.2"')
    found = version_problems(project)
    assert any("versio 1.1 on poistettu tai sen numeroa on muutettu" in p for p in found), found


def test_a_text_change_needs_a_version_but_an_editorial_note_does_not(project):
    with_history(project)
    page = "docs/linjaukset/salassapito.md"
    edit(project, page, "# Salassapito\n", '# Salassapito\n\n{{ huomautus("into") }}\n')
    assert version_problems(project) == []
    edit(project, page, "luottamuksellista tietoa", "luottamuksellisia tietoja")
    assert "luvun Salassapito teksti" in version_problems(project)[0]


def test_a_byte_order_mark_or_windows_line_ends_change_nothing(project):
    with_history(project)
    for name in ("salassapito", "rahoitus"):
        path = project / f"docs/linjaukset/{name}.md"
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert version_problems(project) == []


def test_without_history_the_check_says_so(project):
    assert version_problems(project) == [
        f"{VERSIONS}:9:13: huomautus: linjausten sisältöä ei voitu verrata versioon, koska projektissa ei ole "
        "versiohistoriaa (git): vertailu tehdään muutospyynnön tarkistuksessa"
    ]


def two_versions(project):
    with_history(project)
    edit(project, PRICES, "    enintaan: 75", "    enintaan: 70")
    edit(project, "docs/linjaukset/salassapito.md", "luottamuksellista tietoa", "luottamuksellisia tietoja")
    (project / VERSIONS).write_text((project / VERSIONS).read_text(encoding="utf-8") + NEW_VERSION, encoding="utf-8")
    commit(project, "versio 1.2")
    return project


def test_history_shows_each_version_its_changes_and_its_own_text(project, tmp_path):
    two_versions(project)
    site, _problems = load_site(project)
    found = versions.history(project, site.versions)
    from macros.render import versions as pages

    html = pages.render_history(site.versions, found, "../../")
    assert html.index("Versio 1.2") < html.index("Versio 1.1") < html.index("Versio 1.0")
    assert "hintataso Keskitaso: 40–75 €/päivä → 40–70 €/päivä" in html and "luvun Salassapito teksti" in html
    assert "luottamuksellista tietoa" in html and "luottamuksellisia tietoja" in html  # before and after
    assert 'href="../../linjaukset/versiot/1.1/"' in html and 'linjaukset-1.1.pdf"' in html
    written = dict(archive_pages(project, tmp_path))
    old = text_of((written["1.1"] / "index.html").read_text(encoding="utf-8"))
    new = text_of((written["1.2"] / "index.html").read_text(encoding="utf-8"))
    assert "Keskitaso 40-75 euroa / päivä" in old and "ei ole enää voimassa" in old
    assert "Keskitaso 40-70 euroa / päivä" in new and "voimassa oleva versio" in new
    assert "luottamuksellista tietoa" in old and "luottamuksellisia tietoja" in new
    assert "{{" not in old and "toimitus" not in old  # no macro calls, no editorial boxes
    # Nor what the site shows beside the text (supporting organisations); subheadings sit under their section.
    assert "{ #" not in old and "Verkostoa tukevat" not in old
    page = (written["1.1"] / "index.html").read_text(encoding="utf-8")
    assert "<h2>Osapuolten vastuualueet</h2>" in page and "<h3>Valmentautujat</h3>" in page


def test_who_still_has_to_sign_the_current_version():
    signed = {"alfa-paja": "1.0", "beta-opisto": "1.1"}
    status = parties.cooperation_status(samples.parties(), date(2026, 11, 1), "1.1", signed)
    assert [p.id for p in status.outdated] == ["alfa-paja"]
    html = parties.render_status(status, "Esimerkin")
    assert "Linjausten nykyinen versio on 1.1. Sen allekirjoitus puuttuu vielä:" in html
    assert "(allekirjoittanut version 1.0)" in html
    standing = parties.standing(samples.parties()[0], date(2026, 11, 1), "1.1", "1.0")
    assert "allekirjoittanut linjausten version 1.0" in standing and "Nykyisen version 1.1" in standing


def test_the_signed_version_follows_the_signing_day(root):
    site, _problems = load_site(root)
    party = site.party_by_id["harjulan-tyopaja"]
    assert site.signed_version(party) == site.versions[0].numero
    assert site.signed_version(site.party_by_id["ammattiopisto-tuulikello"]) is None  # not signed


def test_a_later_party_gets_an_accession_document_for_the_version_it_joins():
    from macros.data.models import Version

    later = samples.parties()[2]
    agreed = [
        Version.model_validate({"numero": "1.0", "paiva": "2025-01-01", "muutokset": "Ensimmäinen."}),
        Version.model_validate({"numero": "1.1", "paiva": "2026-10-08", "muutokset": "Hinnat."}),
    ]
    html = parties.render_party_page(later, [], [], [], samples.reference(), date(2026, 11, 1), "", agreed, "Esimerkin")
    assert 'id="liittymisasiakirja"' in html
    assert "Gamma &amp; paja (Y-tunnus 2987651-6) liittyy Esimerkin työpajojen" in html
    assert "versio 1.0 (1.1.2025), 1.6.2025 alkaen" in html and "data-print-only" in html
    original = parties.render_party_page(samples.parties()[0], [], [], [], samples.reference(), date(2026, 11, 1))
    assert "liittymisasiakirja" not in original


def test_a_party_that_leaves_is_announced_on_its_end_day():
    leaving = samples.party("pois", nimi="Pois-paja", paattyminen={"paiva": "2026-10-01", "tapa": "irtisanominen"})
    found = {i.id: i for i in news.items([leaving], [], date(2026, 11, 1))}
    item = found["paattyminen-pois"]
    assert item.day == date(2026, 10, 1) and item.title == "Pois-paja ei ole enää mukana linjauksissa"
    assert "paattyminen-pois" not in {i.id for i in news.items([leaving], [], date(2026, 9, 30))}


def test_versions_are_checked(project):
    (project / VERSIONS).write_text(
        (project / VERSIONS).read_text(encoding="utf-8")
        + '  - numero: "0.9"\n    paiva: 2025-01-01\n    muutokset: Väärä.\n',
        encoding="utf-8",
    )
    found = samples.check(project)
    assert any("version pitää olla suurempi kuin edellinen (1.1)" in p for p in found)
    assert any("päivä on ennen edellisen version päivää" in p for p in found)
    edit(project, VERSIONS, '  - numero: "0.9"', "  - numero: 1.10")
    assert any('kirjoita versionumero lainausmerkeissä, esim. "1.1"' in p for p in samples.check(project))


def test_a_folder_inside_another_repository_is_not_compared_with_its_history(project):
    """The benchmark's national set lives inside this repository: that history is not the set's own."""
    git(project.parent, "init", "-q", "-b", "main")
    commit(project.parent, "ulompi")
    edit(project, PRICES, "    enintaan: 75", "    enintaan: 70")
    assert version_problems(project) == [
        f"{VERSIONS}:9:13: huomautus: linjausten sisältöä ei voitu verrata versioon, koska projektissa ei ole "
        "versiohistoriaa (git): vertailu tehdään muutospyynnön tarkistuksessa"
    ]
