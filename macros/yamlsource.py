"""Read YAML (a data file or a Markdown file's front matter) with the line of every value.

PyYAML is wrapped so that editors get Finnish, line-numbered messages: duplicate keys, tabs in the
indentation, text that is not UTF-8, an empty file and syntax errors are all reported as Problems.
Dates are left as text so that the models can report an impossible date with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem

Path_ = tuple  # a path into the data: ("osapuolet", 0, "nimi")


# libyaml's C parser when PyYAML was built with it (ten times faster), the pure-Python one otherwise.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):
    """SafeLoader without the timestamp resolver: dates stay strings for the models to check."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Source:
    """Where a record came from: the file (relative to the project) and its YAML node tree, from which
    the line and column of any value are found when a problem needs them (not before: loading stays fast)."""

    file: str
    root: yaml.Node | None = None
    line_offset: int = 0  # lines before the YAML starts (front matter after '---')

    def _node(self, path: Path_, at_key: bool = False) -> yaml.Node | None:
        """The node at path, or at its nearest existing parent; with at_key, the key node of the last step."""
        node = self.root
        for depth, step in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                        if last and at_key:
                            return key_node
                        node = value_node
                        break
                else:
                    return node
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
            else:
                return node
        return node

    def at(self, path: Path_, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path, or of its nearest parent that exists."""
        node = self._node(tuple(path), at_key)
        if node is None:
            return 1 + self.line_offset, 1
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def problem(self, path: Path_, message: str, at_key: bool = False) -> Problem:
        """A problem at the value of path (or at its key, for a field that should not be there)."""
        line, col = self.at(path, at_key)
        return Problem(self.file, line, col, message)


_YAML_PROBLEMS = [
    ("found duplicate anchor", "sama ankkuri (&) on määritelty kahdesti"),
    ("mapping values are not allowed",
     "kaksoispiste on väärässä paikassa: jos arvossa on kaksoispiste, laita arvo lainausmerkkeihin"),
    ("could not find expected ':'",
     "rivistä puuttuu kaksoispiste avaimen perästä tai sisennys on väärin"),
    ("found character '\\t'", "sarkain (tab) ei ole sallittu: käytä välilyöntejä"),
    ("did not find expected key", "sisennys on väärin: tarkista, että rivi on samalla tasolla kuin edelliset kentät"),
    ("did not find expected '-' indicator", "luettelon sisennys on väärin: jokaisen kohdan pitää alkaa samasta kohdasta merkillä '-'"),
    ("found unexpected end of stream", "tiedosto päättyy kesken: tarkista lainausmerkit"),
    ("found undefined alias", "viittaus (*) ankkuriin, jota ei ole määritelty"),
    ("expected a single document", "tiedostossa saa olla vain yksi YAML-dokumentti (poista ylimääräinen '---')"),
    ("while scanning a quoted scalar", "lainausmerkit jäivät sulkematta"),
    ("expected ',' or ']'", "hakasulkeissa [ ] oleva luettelo jäi sulkematta tai sen arvossa on kaksoispiste: "
     "sulje luettelo merkillä ] tai laita arvo lainausmerkkeihin"),
    ("expected ',' or '}'", "aaltosulkeissa { } oleva kenttäryhmä jäi sulkematta: sulje se merkillä }"),
    ("expected <block end>", "sisennys on väärin: tarkista, että rivi on samalla tasolla kuin edelliset kentät"),
    ("while scanning a simple key", "rivistä puuttuu kaksoispiste avaimen perästä"),
    ("found unknown escape character", "tuntematon kenoviivamerkintä (\\) lainausmerkeissä: käytä heittomerkkejä (') tai poista kenoviiva"),
]


def _yaml_message(exc: yaml.YAMLError) -> str:
    text = str(exc)
    for needle, finnish in _YAML_PROBLEMS:
        if needle in text:
            return f"YAML-muotovirhe: {finnish}"
    problem = getattr(exc, "problem", None) or "tuntematon virhe"
    return f"YAML-muotovirhe: tiedostoa ei voi lukea ({problem}); tarkista sisennykset ja lainausmerkit"


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a byte-order mark is accepted); a non-UTF-8 byte is a located problem."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(file, line, col,
                              "tiedosto ei ole UTF-8-muodossa: tallenna se UTF-8-merkistöllä "
                              "(skandinaaviset kirjaimet ä, ö ja å muuten rikkoutuvat)")]


def _tab_problems(text: str, file: str, line_offset: int) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = re.match(r"[ \t]*", line).group(0)
        if "\t" in indent and line.strip():
            problems.append(Problem(file, number + line_offset, indent.index("\t") + 1,
                                    "sisennyksessä on sarkain (tab): käytä sisennykseen välilyöntejä"))
    return problems


STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"


class _NeedsConstructor(Exception):
    """A YAML feature (merge keys) that the fast path leaves to PyYAML's constructor."""


def _walk(node: yaml.Node, problems: list[Problem], source: Source, loader, memo: dict):
    """Build the value of node, rejecting duplicate keys (PyYAML would silently keep the last one)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == STR_TAG else loader.construct_object(node, deep=True)
    if id(node) in memo:  # an alias: the same node again
        return memo[id(node)]
    if isinstance(node, yaml.SequenceNode):
        items: list = []
        memo[id(node)] = items
        items.extend(_walk(item, problems, source, loader, memo) for item in node.value)
        return items
    mapping: dict = {}
    memo[id(node)] = mapping
    seen: dict = {}
    for key_node, value_node in node.value:
        if key_node.tag == MERGE_TAG:
            raise _NeedsConstructor
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(source.file, key_node.start_mark.line + 1 + source.line_offset,
                                    key_node.start_mark.column + 1, "avaimen pitää olla yksinkertainen teksti"))
            continue
        key = key_node.value
        key_line = key_node.start_mark.line + 1 + source.line_offset
        if key in seen:
            problems.append(Problem(source.file, key_line, key_node.start_mark.column + 1,
                                    f"kenttä '{key}' on kahdesti (ensimmäisen kerran rivillä {seen[key]}): "
                                    "poista toinen"))
            continue
        seen[key] = key_line
        if key_node.tag != STR_TAG:
            key = loader.construct_object(key_node)
        mapping[key] = _walk(value_node, problems, source, loader, memo)
    return mapping


def _reader_problem(text: str, exc: yaml.reader.ReaderError, source: Source) -> Problem:
    """A control character that YAML does not allow, located by its position in the text."""
    before = text[: exc.position]
    line = before.count("\n") + 1 + source.line_offset
    col = exc.position - (before.rfind("\n") + 1) + 1
    return Problem(source.file, line, col, f"tiedostossa on merkki, jota ei sallita (koodi {exc.character:#06x}): "
                                           "poista se; se on voinut tulla mukaan kopioidessa")


def parse(text: str, file: str, line_offset: int = 0) -> tuple[object, Source, list[Problem]]:
    """Parse YAML text; returns the data (None on failure), its Source and the problems found."""
    source = Source(file=file, line_offset=line_offset)
    problems = _tab_problems(text, file, line_offset)
    if problems:
        return None, source, problems
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return None, source, [_reader_problem(text, exc, source)]
    try:
        node = loader.get_single_node()
        if node is None:
            return None, source, [Problem(file, 1 + line_offset, 1,
                                          "tiedosto on tyhjä: kopioi mallitiedosto ja täytä sen kentät")]
        source.root = node
        try:
            data = _walk(node, problems, source, loader, {})
        except _NeedsConstructor:
            data = loader.construct_document(node)
        if problems:
            return None, source, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        return None, source, [Problem(file, line, col, _yaml_message(exc))]
    except yaml.reader.ReaderError as exc:
        return None, source, [_reader_problem(text, exc, source)]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        return None, source, [Problem(file, 1 + line_offset, 1, f"YAML-muotovirhe: tiedostoa ei voi lukea ({exc})")]
    finally:
        loader.dispose()
    return data, source, []


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, Markdown body, number of lines before the YAML)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end():], 1
