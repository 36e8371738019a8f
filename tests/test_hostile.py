"""Hostile input, tried as an attacker would, in every kind of file an editor can change.

Each case writes one hostile input into a copy of the project and states what must happen: the check
refuses it with a Finnish message at the right file and line (and never a traceback), or the input is
accepted and comes out inert (the built pages carry no script, no event attribute, no `javascript:` link,
and every take-away file parses back). The threat model is in SECURITY.md.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest
import vobject
from jinja2 import nodes

from helpers import ROOT, build_site, copy_project
from macros.data.loader import load_site
from macros.data.problems import errors

PARTY = "data/osapuolet/harjulan-tyopaja.yml"
CONTACT = "data/vastuuhenkilot/kirsi-hakanen.yml"
PAGE = "docs/linjaukset/salassapito.md"


def first(project: Path, folder: str, suffix: str) -> str:
    """The first file of a kind in the project (the tests do not depend on which)."""
    return sorted(p.relative_to(project).as_posix() for p in (project / folder).glob(f"*{suffix}"))[0]


def lines_of(project: Path, file: str) -> int:
    return (project / file).read_text(encoding="utf-8").count("\n")


def append(project: Path, file: str, text: str) -> int:
    """Append text to a file; returns the 1-based line where it starts."""
    path = project / file
    old = path.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def set_field(project: Path, file: str, key: str, value: str) -> int:
    """Set a top-level 'key: …' (in a data file or a front matter), replacing the old value with its
    continuation lines, or adding the key when it is not there; returns its line."""
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            end = index + 1
            while end < len(lines) and lines[end].startswith("  ") and not lines[index].rstrip().endswith(":"):
                end += 1
            lines[index:end] = [f"{key}: {value}"]
            break
    else:
        index = lines.index("---", 1) if file.endswith(".md") else len(lines) - 1
        lines.insert(index, f"{key}: {value}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def insert_after_front_matter(project: Path, file: str, text: str) -> int:
    path = project / file
    old = path.read_text(encoding="utf-8")
    end = old.index("\n---\n", 4) + 5
    path.write_text(old[:end] + text + old[end:], encoding="utf-8")
    return old[:end].count("\n") + 1


@dataclass
class Refusal:
    file: str
    line: int | None
    fragment: str


# --- the cases: each returns what the check must say ---------------------------------------------------


def page_jinja(expression):
    def case(project):
        return Refusal(PAGE, append(project, PAGE, expression + "\n"), "")

    return case


def report_jinja(expression):
    def case(project):
        report = first(project, "docs/tunnistamisraportit", ".md")
        return Refusal(report, append(project, report, expression + "\n"), "")

    return case


def page_text(text, fragment, line=0):
    def case(project):
        return Refusal(PAGE, append(project, PAGE, text + "\n") + line, fragment)

    return case


def report_text(text, fragment):
    def case(project):
        report = first(project, "docs/tunnistamisraportit", ".md")
        return Refusal(report, append(project, report, text + "\n"), fragment)

    return case


def news_text(text, fragment):
    def case(project):
        article = first(project, "data/ajankohtaista", ".md")
        return Refusal(article, append(project, article, text + "\n"), fragment)

    return case


def field(file, key, value, fragment):
    def case(project):
        return Refusal(file, set_field(project, file, key, value), fragment)

    return case


def report_field(key, value, fragment):
    def case(project):
        report = first(project, "docs/tunnistamisraportit", ".md")
        return Refusal(report, set_field(project, report, key, value), fragment)

    return case


def news_field(key, value, fragment):
    def case(project):
        article = first(project, "data/ajankohtaista", ".md")
        return Refusal(article, set_field(project, article, key, value), fragment)

    return case


def whole_file(file, text, fragment, line=1):
    def case(project):
        (project / file).write_text(text, encoding="utf-8")
        return Refusal(file, line, fragment)

    return case


def symlink(link, target, fragment="symbolinen linkki"):
    def case(project):
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        path.symlink_to(target if target.startswith("/") else project / target)
        return Refusal(link, 1, fragment)

    return case


def new_file(file, data, fragment, line=1):
    def case(project):
        (project / file).parent.mkdir(parents=True, exist_ok=True)
        (project / file).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return Refusal(file, line, fragment)

    return case


def renamed(folder, suffix, new_suffix, fragment):
    def case(project):
        old = first(project, folder, suffix)
        new = old[: -len(suffix)] + new_suffix
        (project / old).rename(project / new)
        return Refusal(new, 1, fragment)

    return case


HETU = "131052-308T"


def hetu(birth: str, sign: str, individual: str) -> str:
    """A henkilötunnus with its right check character (for the tests only)."""
    return birth + sign + individual + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(birth + individual) % 31]


SCHEMA = "# yaml-language-server: $schema=../../schemas/osapuoli.schema.json\n"


def replaced(file, old, new, fragment):
    """Replace the first line that starts with old (after its indentation) by new; the line is expected."""

    def case(project):
        lines = (project / file).read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(old))
        lines[index] = lines[index][: len(lines[index]) - len(lines[index].lstrip())] + new
        (project / file).write_text("\n".join(lines), encoding="utf-8")
        return Refusal(file, index + 1, fragment)

    return case


NESTED_DIVS = '<div markdown="1">\n\n' * 600 + "x" + "\n\n</div>" * 600

REFUSED = {
    # Jinja in a page or a report body: nothing but our macros with literal arguments.
    "page: os.popen through cycler": page_jinja("{{ cycler.__init__.__globals__.os.popen('id').read() }}"),
    "page: config": page_jinja("{{ config }}"),
    "page: environment": page_jinja("{{ environment }}"),
    "page: config attribute": page_jinja("{{ config.site_url }}"),
    "page: include of .git/config": page_jinja("{% include '../.git/config' %}"),
    "page: import": page_jinja("{% import 'x.html' as x %}"),
    "page: for loop": page_jinja("{% for i in range(3) %}x{% endfor %}"),
    "page: set": page_jinja("{% set x = 1 %}"),
    "page: filter": page_jinja("{{ 'x' | upper }}"),
    "page: unknown macro": page_jinja("{{ lipsum() }}"),
    "page: dunder of a macro": page_jinja("{{ laki.__globals__ }}"),
    "page: macro's item": page_jinja("{{ osapuolet['x'] }}"),
    "page: argument that is not a literal": page_jinja("{{ alue(config) }}"),
    "page: wrong argument type": page_jinja("{{ vuosikello(vuosi='2026') }}"),
    "page: unknown region field": page_jinja("{{ alue('salasana') }}"),
    "page: unknown law": page_jinja("{{ laki('1/2000') }}"),
    "page: star arguments": page_jinja("{{ vuosikello(*x) }}"),
    "page: unclosed expression": page_jinja("{{ osapuolet()"),
    "report body: popen": report_jinja(
        "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}"
    ),
    "report body: config": report_jinja("{{ config }}"),
    "report body: include": report_jinja("{% include 'index.md' %}"),
    # Raw HTML, links and attribute lists that a page or report may not carry.
    "page: script": page_text("<script>alert(1)</script>", "<script>"),
    "page: event attribute": page_text('<p onclick="alert(1)">x</p>', "onclick"),
    "page: javascript link": page_text("[Avaa](javascript:alert(1))", "javascript:"),
    "page: javascript link behind a tab entity": page_text('<a href="java&#9;script:alert(1)">x</a>', "javascript:"),
    "page: javascript link behind an entity": page_text("[Avaa](&#106;avascript:alert(1))", "javascript:"),
    "page: data link in HTML": page_text('<a href="data:text/html,x">x</a>', "data:"),
    "page: attr_list event": page_text("Teksti\n{: onclick=alert(1) }", "onclick", 1),
    "page: attr_list style": page_text("Teksti\n{: style='position:fixed' }", "style", 1),
    "page: iframe": page_text('<iframe src="https://x.example"></iframe>', "<iframe>"),
    "page: picture from another host": page_text("![x](https://seuranta.example/p.png)", "oma tiedosto"),
    "page: reference link to javascript": page_text("[x][y]\n\n[y]: javascript:alert(1)", "javascript:", 2),
    "report body: script": report_text("<script>alert(1)</script>", "<script>"),
    "report body: javascript link": report_text("[x](JAVASCRIPT:alert(1))", "javascript:"),
    "report body: img onerror": report_text("<img src=x onerror=alert(1)>", "onerror"),
    "news body: javascript link": news_text("[x](javascript:alert(1))", "javascript:"),
    "news body: script": news_text("<script>alert(1)</script>", "<script>"),
    # Found by the red team: things that reach Material's own scripts or the reader's privacy.
    "page: element with Material's config id": page_text('<p id="__config">{"search":"data:x"}</p>', "__config"),
    "page: element with a Material id": page_text('<div id="md-search">x</div>', "md-"),
    "page: mermaid class runs a diagram script": page_text('<pre class="mermaid">graph TD; A-->B</pre>', "mermaid"),
    "page: protocol-relative picture": page_text('<img src="//seuranta.example/p.png" alt="x">', "oma tiedosto"),
    "page: protocol-relative Markdown picture": page_text("![y](//seuranta.example/q.png)", "oma tiedosto"),
    "page: picture behind a backslash host": page_text('<img src="/\\seuranta.example/r.png" alt="z">', "oma tiedosto"),
    "page: whole agreement inside a section": page_jinja("{{ koko_asiakirja() }}"),
    "page: report macro outside a report": page_jinja("{{ raportti() }}"),
    "page: unknown editorial note": page_jinja('{{ huomautus("ei-ole") }}'),
    "page: 600 nested HTML elements": page_text(NESTED_DIVS, "sisäkkäin yli 20 tasoa", 2 * 20),
    "page: 5,000 brackets on a line": page_text("[" * 5000, "hakasulkua"),
    "page: quotes 50 deep": page_text(">" * 50 + " x", "lainaukset"),
    "page: link to a page that does not exist": page_text("[Katso](puuttuva-sivu.md)", "puuttuva-sivu.md"),
    "page: new page outside the navigation": new_file("docs/uusi-sivu.md", "# Uusi\n", "mkdocs.yml"),
    "hetu behind a Markdown escape": page_text("Tunnus 131052\\-308T", "henkilötunnus"),
    "hetu behind an HTML entity": page_text("Tunnus 131052&#45;308T", "henkilötunnus"),
    "hetu split by an element": page_text("Tunnus 131052<span>-</span>308T", "henkilötunnus"),
    "hetu in a news body behind an entity": news_text("Tunnus 131052&#45;308T.", "henkilötunnus"),
    "hetu with a zero-width space": report_field(
        "oppimisymparisto", '"Viherpalvelut 131052-308\\u200bT"', "ohjausmerkki"
    ),
    "hetu with a word joiner in the region": field(
        "data/alue.yml", "kuvaus", '"Tunnus 131052\\u2060-308T."', "ohjausmerkki"
    ),
    "clock: a date in the year 9999": replaced("data/vuosikello.yml", "paiva: 20", "paiva: 9999-12-31", "2000–2100"),
    "report: review in the year 9999": report_field("tarkistettava", "9999-12-31", "2000–2100"),
    "party: joined in the year 202": field(PARTY, "liittynyt", "0202-03-01", "2000–2100"),
    # Page settings an editor may give.
    "page front matter: markup in the description": whole_file(
        "docs/rahoitusmalli.md",
        "---\ndescription: 'x\"><script>alert(1)</script>'\n---\n\n# Rahoitusmalli\n",
        "{ } < >",
        2,
    ),
    "page: MultiMarkdown settings lines": whole_file(
        "docs/rahoitusmalli.md", 'description: `"><script>`\ntitle: x\n\n# Rahoitusmalli\n', "", 1
    ),
    "page front matter: Jinja in the title": whole_file(
        "docs/rahoitusmalli.md", "---\ntitle: '{{ config }}'\n---\n\n# Rahoitusmalli\n", "{ } < >", 2
    ),
    "page front matter: unknown setting": whole_file(
        "docs/rahoitusmalli.md", "---\ntemplate: main.html\n---\n\n# Rahoitusmalli\n", "tuntematon kenttä", 2
    ),
    # Data values that cannot be text.
    "party: newline in the name": field(PARTY, "nimi", '"Paja\\n# Otsikko"', "yhdellä rivillä"),
    "party: NEL in the name": field(PARTY, "nimi", '"Paja\\NEMAIL:x@y.example"', "ohjausmerkki"),
    "party: carriage return in the name": field(PARTY, "nimi", '"Paja\\rEMAIL:x@y.example"', "yhdellä rivillä"),
    "party: bidi override in the name": field(PARTY, "nimi", '"Paja\\u202Eajap"', "ohjausmerkki"),
    "party: javascript website": field(PARTY, "verkkosivu", "javascript:alert(1)", "https://"),
    "party: data website": field(PARTY, "verkkosivu", "'data:text/html,<script>'", "https://"),
    "party: website with a quote": field(
        PARTY, "verkkosivu", "'https://x.example/\" onmouseover=\"alert(1)'", "https://"
    ),
    "report: javascript original": report_field("alkuperainen_raportti", "javascript:alert(1)", "https://"),
    "news: bell character in the title": news_field("otsikko", '"Uutinen\\a"', "ohjausmerkki"),
    "region: markup in the name": field("data/alue.yml", "nimi_genetiivi", "'<script>alert(1)</script>'", "kirjaimia"),
    "region: link in the name": field("data/alue.yml", "nimi", "'[Avaa](javascript:alert(1))'", "kirjaimia"),
    # Files from outside the content.
    "symlink to /etc/passwd in data": symlink("data/osapuolet/salasanat.yml", "/etc/passwd"),
    "symlink to .git/config in docs": symlink("docs/git.md", ".git/config"),
    "symlinked folder in docs": symlink("docs/muualla", "/etc"),
    "symlink in place of a single file": symlink("data/rahoitus.yml", "/etc/hostname"),
    # YAML beyond its limits.
    "100,000 nested brackets": whole_file(PARTY, SCHEMA + "nimi: " + "[" * 100_000 + "\n", "sisäkkäin", 2),
    "20,000 nested brackets": whole_file(PARTY, SCHEMA + "nimi: " + "[" * 20_000 + "\n", "sisäkkäin", 2),
    "deep block nesting": whole_file(
        PARTY, SCHEMA + "".join(f"{'  ' * i}a{i}:\n" for i in range(40)), "sisäkkäin", None
    ),
    "nested dashes": whole_file(PARTY, SCHEMA + "kunnat:\n  " + "- " * 60 + "x\n", "sisäkkäin", 3),
    "billion laughs": whole_file(
        PARTY,
        SCHEMA
        + "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)),
        "viittauksia",
        2,
    ),
    "alias": whole_file(PARTY, SCHEMA + "a: &x 1\nb: *x\n", "viittauksia", 2),
    "binary tag": whole_file(PARTY, SCHEMA + "nimi: !!binary UGFqYQ==\n", "!!binary", 2),
    "python tag": whole_file(PARTY, SCHEMA + "nimi: !!python/object/apply:os.system ['id']\n", "ei ole käytössä", 2),
    "file of 2 MB": whole_file(PARTY, SCHEMA + "# " + "x" * 2_000_000 + "\n", "liian suuri"),
    # Henkilötunnus in any form and any file.
    "hetu, lower-case check character": field(PARTY, "yllapitaja", HETU.lower(), "henkilötunnus"),
    "hetu with an en dash": field(PARTY, "yllapitaja", HETU.replace("-", "\u2013"), "henkilötunnus"),
    "hetu with an em dash": field(PARTY, "yllapitaja", HETU.replace("-", "\u2014"), "henkilötunnus"),
    "hetu with a minus sign": field(PARTY, "yllapitaja", HETU.replace("-", "\u2212"), "henkilötunnus"),
    "hetu, 2000s century letter": field(PARTY, "yllapitaja", hetu("010203", "A", "123"), "henkilötunnus"),
    "hetu, new century letter": field(PARTY, "yllapitaja", hetu("131052", "Y", "308"), "henkilötunnus"),
    "hetu, 1800s": field(PARTY, "yllapitaja", hetu("311299", "+", "901"), "henkilötunnus"),
    "hetu through a YAML escape": field(PARTY, "yllapitaja", '"131052\\x2D308T"', "henkilötunnus"),
    "hetu inside !!binary": field(PARTY, "yllapitaja", "!!binary MTMxMDUyLTMwOFQ=", ""),
    "hetu in a comment": field(PARTY, "yllapitaja", f"Harjulan kunta  # {HETU}", "henkilötunnus"),
    "hetu in a docs page": page_text(f"Tunnus {HETU}", "henkilötunnus"),
    "hetu split by emphasis in a page": page_text("Tunnus 1310**52**-308T", "henkilötunnus"),
    "hetu split by a link in a page": page_text("Tunnus 131052[-](index.md)308T", "henkilötunnus"),
    "hetu split over lines by a comment": page_text("Tunnus 1310<!--\n-->52-308T", "henkilötunnus"),
    "hetu split over lines by a tag": page_text('Tunnus 1310<span\nclass="x">52</span>-308T', "henkilötunnus"),
    "hetu with a Cyrillic check letter": field(CONTACT, "tehtava", "opettaja 131052-308\u0422", "henkilötunnus"),
    "hetu with a combining grapheme joiner": page_text("Tunnus 131052-3\u034f08T", "henkilötunnus"),
    "hetu with a Mongolian vowel separator": page_text("Tunnus 1310\u180e52-308T", "henkilötunnus"),
    "hetu with a Hangul filler": page_text("Tunnus 1310\u316452-308T", "henkilötunnus"),
    "hetu with a tag character": page_text("Tunnus 1310\U000e004152-308T", "henkilötunnus"),
    "hetu with a two-em dash": page_text("Tunnus 131052\u2e3a308T", "henkilötunnus"),
    "hetu with a box-drawing line": page_text("Tunnus 131052\u2500308T", "henkilötunnus"),
    "hetu right after letters": page_text("HETU131052-308T", "henkilötunnus"),
    "hetu split by a long span in a page": page_text(
        '1310<span class="' + "a" * 60 + '">52</span>-308T', "henkilötunnus"
    ),
    "hetu with a soft hyphen in a page": page_text("Tunnus 1310\u00ad52-308T", "henkilötunnus"),
    "hetu with a soft hyphen escape": field(CONTACT, "tehtava", '"opettaja 1310\\u00AD52-308T"', "henkilötunnus"),
    "hetu with a hyphen bullet": field(PARTY, "yllapitaja", HETU.replace("-", "\u2043"), "henkilötunnus"),
    "hetu, full-width check character": field(PARTY, "yllapitaja", HETU[:-1] + "\uff34", "henkilötunnus"),
    "hetu in a report body": report_text(f"Tunnus {HETU}", "henkilötunnus"),
    "hetu in report front matter": report_field("kunta", f"Harjula {HETU}", "henkilötunnus"),
    "hetu in a news body": news_text(f"Tunnus {HETU}", "henkilötunnus"),
    "hetu in a contact": field(CONTACT, "tehtava", f"opettaja {HETU}", "henkilötunnus"),
    "control character in an address": field(PARTY, "verkkosivu", '"https://x.example/\\0a"', "ohjausmerkki"),
    "bidi override in an address": field(PARTY, "verkkosivu", '"https://x.example/\\u202Eevil"', "ohjausmerkki"),
    # Files of the wrong kind, or in the wrong place.
    "report saved as .markdown": renamed("docs/tunnistamisraportit", ".md", ".markdown", ".md"),
    "party saved as .yaml": renamed("data/osapuolet", ".yml", ".yaml", ".yml"),
    "stray text file among contacts": new_file("data/vastuuhenkilot/muistiinpanot.txt", "x", ".yml"),
    "HTML file in docs": new_file("docs/sivu.html", "<script>alert(1)</script>", ".html"),
    "SVG file in docs": new_file("docs/kuva.svg", "<svg onload='alert(1)'/>", ".svg"),
    "single file saved as .yaml": new_file("data/alue.yaml", "nimi: x\n", "alue.yml"),
    "folder of its own in data": new_file("data/muuta/tieto.yml", "x: 1\n", "ei kuulu"),
    "latin-1 docs page": new_file("docs/latin.md", "# Pöytä\n".encode("latin-1"), "UTF-8"),
    "latin-1 report": new_file(
        "docs/tunnistamisraportit/latin.md", "---\nkunta: Mäntyniemi\n---\n".encode("latin-1"), "UTF-8", 2
    ),
    "file name with a newline": new_file(
        "data/osapuolet/x\n::error file=a::b.yml", SCHEMA + "nimi: x\n", "pieniä kirjaimia"
    ),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_hostile_input_is_refused_with_a_located_finnish_message(tmp_path, case):
    project = copy_project(tmp_path / "project")
    expected = case(project)
    _site, problems = load_site(project)
    found = [p for p in problems if p.file == expected.file]
    assert found, f"no problem for {expected.file}; got {[p.plain() for p in problems][:5]}"
    if expected.line is not None:
        assert any(p.line == expected.line for p in found), [p.plain() for p in found]
    assert any(expected.fragment in p.message for p in found), [p.plain() for p in found]
    for problem in problems:
        assert "Traceback" not in problem.message and "Error" not in problem.message, problem.plain()


def test_there_are_sixty_hostile_cases_over_every_kind_of_file():
    assert len(REFUSED) + len(INERT) >= 60
    kinds = " ".join(REFUSED) + " " + " ".join(INERT)
    for kind in (
        "page",
        "report body",
        "report",
        "news",
        "party",
        "contact",
        "symlink",
        "hetu",
        "region",
        "price tier",
        "clock",
        "supporter",
        "funding",
    ):
        assert kind in kinds, kind


# --- accepted and inert -------------------------------------------------------------------------------

PAYLOAD = (
    "</title><script>alert(1)</script> [Avaa](javascript:alert(1)) {: onclick=alert(1) } <img src=x onerror=alert(2)>"
)
INERT = {
    "region description with a fake heading": (
        "data/alue.yml",
        "kuvaus",
        "|-\n  Teksti.\n\n  # Väärennetty otsikko\n  [Avaa](javascript:alert(1))",
    ),
    "price tier name with a link": ("data/hintatasot.yml", None, PAYLOAD),
    "price tier contents over lines": ("data/hintatasot.yml", None, "|-\n      Teksti\n\n      # Otsikko\n"),
    "funding source with HTML": ("data/rahoitus.yml", "lahde", PAYLOAD),
    "editorial note title and text with HTML": ("data/huomautukset.yml", None, PAYLOAD),
    "supporter role with a link": ("data/tukiorganisaatiot.yml", None, PAYLOAD),
    "party name that is a formula": (PARTY, "nimi", '\'=HYPERLINK("https://x.example";"Avaa")\''),
    "contact name starting with @": (CONTACT, "nimi", "'@SUM(1+1)*cmd|'' /C calc''!A0'"),
    "contact title starting with +": (CONTACT, "tehtava", "'+opettaja, ala; osa'"),
    "contact title with a tab and a minus": (CONTACT, "tehtava", "'-2+3'"),
    "clock activity with HTML": ("data/vuosikello.yml", None, PAYLOAD),
    "news title and summary with HTML": ("data/ajankohtaista", "otsikko", PAYLOAD),
    "report workshop unit with HTML": ("docs/tunnistamisraportit", "oppimisymparisto", PAYLOAD),
    "long contact title (folded vCard line)": (
        CONTACT,
        "tehtava",
        "Työpajakoordinaattori ja opinnollistamisen asiantuntija, ääkkösiä äöå " * 3,
    ),
}


def apply_inert(project: Path) -> None:
    for _name, (file, key, value) in INERT.items():
        if key is None:
            continue
        path = project / file
        if path.is_dir():
            file = first(project, file, ".md")
        if value.startswith("|"):
            text = (project / file).read_text(encoding="utf-8")
            text = re.sub(rf"^{key}:.*(?:\n  .*)*", f"{key}: {value}", text, count=1, flags=re.M)
            (project / file).write_text(text, encoding="utf-8")
        else:
            set_field(project, file, key, value if value.startswith("'") else repr_yaml(value))
    # Values inside lists.
    tiers = project / "data/hintatasot.yml"
    text = tiers.read_text(encoding="utf-8")
    text = text.replace("    nimi: Perustaso", f"    nimi: {repr_yaml(PAYLOAD)}", 1)
    text = re.sub(
        r"    sisalto: Perustaso.*",
        "    sisalto: |-\n      Teksti\n\n      # Otsikko\n      {: onclick=x }",
        text,
        count=1,
    )
    tiers.write_text(text, encoding="utf-8")
    supporters = project / "data/tukiorganisaatiot.yml"
    text = supporters.read_text(encoding="utf-8")
    supporters.write_text(re.sub(r"  - nimi: .*", f"  - nimi: {repr_yaml(PAYLOAD)}", text, count=1), encoding="utf-8")
    notes = project / "data/huomautukset.yml"
    text = notes.read_text(encoding="utf-8")
    text = re.sub(r"    otsikko: .*", f"    otsikko: {repr_yaml(PAYLOAD)}", text, count=1)
    text = re.sub(
        r"    teksti: \|-\n(?:(?:      .*)?\n)*?(?=    \w)", f"    teksti: {repr_yaml(PAYLOAD)}\n", text, count=1
    )
    notes.write_text(text, encoding="utf-8")
    clock = project / "data/vuosikello.yml"
    text = clock.read_text(encoding="utf-8")
    clock.write_text(re.sub(r"    otsikko: .*", f"    otsikko: {repr_yaml(PAYLOAD)}", text, count=1), encoding="utf-8")


def repr_yaml(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    apply_inert(project)
    _site, problems = load_site(project)
    assert [p.plain() for p in problems if p.level != "huomautus"] == []
    return build_site(project, tmp_path_factory.mktemp("hostile-site") / "site")


class Elements(HTMLParser):
    """Every element's tag and attributes, and the text inside script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.json_data: list[str] = []  # data the page's scripts read (the per-student agreement's)
        self._in_script = False
        self._json = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._json = tag == "script" and dict(attrs).get("type") == "application/json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and self._json:
            self.json_data.append(data)
        elif self._in_script:
            self.scripts.append(data)


def test_hostile_values_come_out_inert_on_every_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parsed = Elements()
        parsed.feed(html)
        for tag, attrs in parsed.elements:
            assert not [name for name in attrs if name.startswith("on")], (page, tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                value = re.sub(r"[\s\x00-\x1f]", "", attrs.get(name) or "").lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)
        assert not any("alert" in script for script in parsed.scripts), page
        for data in parsed.json_data:  # inert: JSON that nothing in it can end early
            assert "<" not in data and json.loads(data) is not None, page
        assert "Väärennetty otsikko</h" not in html and not re.search(r"<h\d[^>]*>Otsikko", html), page
    text = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "[Avaa](javascript:alert(1))" in unescape(text)  # the region's description, shown as text


def test_take_away_files_parse_back_with_the_hostile_values(hostile_site):
    rows = list(
        csv.reader(
            io.StringIO((hostile_site / "vastuuhenkilot/vastuuhenkilot.csv").read_text("utf-8-sig")), delimiter=";"
        )
    )
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), row
    assert any(cell.startswith("'@SUM") for row in rows for cell in row)
    cards = (hostile_site / "vastuuhenkilot/vastuuhenkilot.vcf").read_bytes().decode("utf-8")
    for line in cards.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    parsed = list(vobject.readComponents(cards))
    assert all(len(card.contents.get("email", [])) == 1 for card in parsed)
    assert any("Työpajakoordinaattori ja opinnollistamisen" in card.title.value for card in parsed)
    calendar = icalendar.Calendar.from_ical((hostile_site / "vuosikello/vuosikello.ics").read_bytes())
    assert any(str(event["summary"]) == PAYLOAD for event in calendar.walk("VEVENT"))
    ElementTree.fromstring((hostile_site / "ajankohtaista/feed.xml").read_bytes())


def test_content_from_outside_docs_and_data_never_reaches_the_site(hostile_site):
    secrets = [(ROOT / ".git/config").read_text(encoding="utf-8").split("\n")[0], "root:x:0:0"]
    for path in hostile_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt", ".csv", ".vcf", ".ics"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for secret in secrets:
                assert secret not in text, (path, secret)


def test_a_snippet_line_is_only_text(tmp_path):
    project = copy_project(tmp_path / "project")
    append(project, PAGE, '\n--8<-- ".git/config"\n')
    site = build_site(project, tmp_path / "site")
    html = (site / "linjaukset/salassapito/index.html").read_text(encoding="utf-8")
    assert "[core]" not in html and "repositoryformatversion" not in html


# --- the check's output and exit code ---------------------------------------------------------------------


def run_check(project, **env):
    return subprocess.run(
        [sys.executable, "-m", "macros.cli.check", str(project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


@pytest.mark.parametrize(
    "file,text,fragment",
    [
        (PARTY, "nimi: " + "[" * 100_000 + "\n", "sisäkkäin"),
        ("data/rahoitus.yml", "x: " + "[" * 900 + "]" * 900 + "\n", "sisäkkäin"),
        (PAGE, "\xe4\n", "UTF-8"),
        ("data/rahoitus.yml", "\xe4\n", "UTF-8"),
    ],
    ids=["deep brackets in a party", "balanced brackets in funding", "latin-1 agreement page", "latin-1 funding"],
)
def test_make_check_with_history_answers_in_finnish(tmp_path, file, text, fragment):
    """With the repository's history the check also compares versions: hostile files never crash it."""
    project = copy_project(tmp_path / "project")
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@e.invalid", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)
    path = project / file
    data = text.encode("latin-1") if "\xe4" in text else text.encode("utf-8")
    path.write_bytes(path.read_bytes() + data)
    result = run_check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "keskeytyi" not in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert any(line.startswith(f"{file}:") and fragment in line for line in result.stdout.splitlines()), result.stdout


def test_no_data_can_start_a_line_of_check_output(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / PARTY
    path.write_text(
        path.read_text(encoding="utf-8") + '"x\\n::error file=a.yml::väärennetty\\r::warning::y": 1\n', encoding="utf-8"
    )
    (project / "data/osapuolet/y\n::error::z.yml").write_text("x", encoding="utf-8")
    for github in ("false", "true"):
        result = run_check(project, GITHUB_ACTIONS=github)
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        assert lines and "Traceback" not in result.stdout + result.stderr
        located = tuple(
            f"{prefix}{folder}/"
            for prefix in ("", "::error file=", "::warning file=", "::notice file=")
            for folder in ("data", "docs")
        )
        for line in lines[:-1]:
            assert line.startswith(located), line
        assert re.match(r"\d+ virhe(ttä)?\. Korjaa tiedostot ja tarkista uudelleen\.", lines[-1]), lines[-1]
        assert not any(line.startswith(("::warning::", "::error file=a.yml")) for line in lines)


def test_make_check_ends_with_the_finnish_messages(tmp_path):
    project = copy_project(tmp_path / "project")
    set_field(project, PARTY, "y_tunnus", "2987652-5")
    result = subprocess.run(
        ["make", "-s", "check", f"CHECK_ROOT={project}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert result.stdout.strip().splitlines()[-1].startswith("1 virhe. Korjaa tiedostot ja tarkista uudelleen.")
    assert result.stdout.strip().splitlines()[-2].startswith(f"{PARTY}:")
    assert "Error" not in result.stderr and "make:" not in result.stderr, result.stderr


# --- valid input is accepted ------------------------------------------------------------------------


def test_crlf_and_byte_order_marks_are_accepted_everywhere(tmp_path):
    project = copy_project(tmp_path / "project")
    for top in ("data", "docs"):
        for path in (project / top).rglob("*"):
            if path.suffix in (".yml", ".md") and "viitetiedot" not in path.parts:
                text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
                path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _site, problems = load_site(project)
    assert [p.plain() for p in problems if p.level != "huomautus"] == []
    site = build_site(project, tmp_path / "site")
    assert (site / "tunnistamisraportit/index.html").exists()


def test_the_words_of_the_pages_are_accepted_in_the_data(tmp_path):
    project = copy_project(tmp_path / "project")
    report = project / first(project, "docs/tunnistamisraportit", ".md")
    text = report.read_text(encoding="utf-8")
    assert "kattavuus: kokonainen" in text
    report.write_text(text.replace("kattavuus: kokonainen", "kattavuus: kokonaan"), encoding="utf-8")
    site, problems = load_site(project)
    assert errors(problems) == []
    units = [u for r in site.reports for q in r.tutkinnot for u in q.tutkinnon_osat]
    assert {u.kattavuus for u in units} <= {"kokonainen", "osittainen"}


# --- the commonest mistakes get the right advice ------------------------------------------------------

INDENTATION = {
    "over-indented field": (
        "  tyyppi: työpaja",
        "nimi: Harjulan kunnan työpaja\n  tyyppi: työpaja",
        "kenttä 'tyyppi' on sisennetty liikaa: siirrä se samaan kohtaan kuin rivin 2 kenttä 'nimi'",
    ),
    "out-dented field of a nested block": (
        "  tehtava: sivistysjohtaja",
        "tehtava: sivistysjohtaja",
        "kenttä 'tehtava' kuuluu kohdan 'allekirjoittaja' alle: sisennä se",
    ),
    "top-level field indented into a block": (
        "allekirjoituspaikka: Harjula",
        "",
        "kenttä 'allekirjoituspaikka' on sisennetty liikaa",
    ),
}


@pytest.mark.parametrize("old,new,expected", INDENTATION.values(), ids=INDENTATION.keys())
def test_indentation_mistakes_name_the_field_and_where_it_belongs(tmp_path, old, new, expected):
    project = copy_project(tmp_path / "project")
    path = project / PARTY
    text = path.read_text(encoding="utf-8")
    if old == "allekirjoituspaikka: Harjula":
        text = text.replace("allekirjoituspaikka: Harjula\n", "") + "  allekirjoituspaikka: Harjula\n"
    else:
        text = (
            text.replace(old + "\n", "").replace("nimi: Harjulan kunnan työpaja\n", "", 1)
            if "tyyppi" in old
            else text.replace(old, new)
        )
        if "tyyppi" in old:
            text = text.replace(
                "# yaml-language-server: $schema=../../schemas/osapuoli.schema.json\n",
                "# yaml-language-server: $schema=../../schemas/osapuoli.schema.json\n" + new + "\n",
            )
    path.write_text(text, encoding="utf-8")
    _site, problems = load_site(project)
    messages = [p.plain() for p in problems if p.file == PARTY]
    assert any(expected in m for m in messages), messages
    assert not any("tuntematon kenttä" in m for m in messages), messages
    assert len(messages) == 1, messages


def test_an_autolink_is_a_link_and_its_address_is_checked(tmp_path):
    project = copy_project(tmp_path / "project")
    append(project, PAGE, "Lisätietoa: <https://www.oph.example/ohje>\n")
    _site, problems = load_site(project)
    assert [p.plain() for p in problems if p.file == PAGE] == []
    append(project, PAGE, "<javascript:alert(1)>\n")
    _site, problems = load_site(project)
    assert [p.file for p in problems if p.level == "virhe"] == [PAGE]


@pytest.mark.parametrize(
    "text",
    [
        "{{ osapuoli() }}",
        "# Otsikko\r\n\r\n{{ osapuoli() }}\r\n\r\nTeksti { #id } ja {{raportti()}}\n",
        "Alku\n{{ vuosikello() }}{{ kalenterilinkit() }}\n\nLoppu\n\n",
        "{{ tuntematon() }}",  # not a macro: the template parser's path, and its refusal
        "{{{ osapuoli() }}",  # a brace before a call: the parser's path, and its refusal
        "# Otsikko\n\n{{\n  vastuuhenkilot()\n}}\n\nTekstiä\n\n{{ vastuuhenkilot() }}\n",  # a call over lines
    ],
)
def test_the_quick_reading_of_bare_calls_matches_the_template_parser(text):
    from macros.data import pages

    def shape(parts):
        return "".join(p if isinstance(p, str) else f"<{p.name}{p.args}{p.kwargs}@{p.line}>" for p in parts)

    quick = pages._bare_calls(text)
    if quick is None:
        with pytest.raises(pages.PageError):
            pages.parse(text)
        return
    template = pages._JINJA.parse(text)
    slow = [n.data if isinstance(n, nodes.TemplateData) else pages._call(n) for s in template.body for n in s.nodes]
    assert shape(quick) == shape(slow)
