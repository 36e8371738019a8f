"""Read YAML (a data file or a Markdown file's front matter) with the line of every value.

PyYAML is wrapped so that editors get Finnish, line-numbered messages: duplicate keys, tabs in the
indentation, text that is not UTF-8, an empty file and syntax errors are all reported as Problems.
Dates are left as text so that the models can report an impossible date with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Problem

Path_ = tuple  # a path into the data: ("osapuolet", 0, "nimi")


# libyaml's C parser when PyYAML was built with it (ten times faster), the pure-Python one otherwise.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):
    """SafeLoader without the timestamp resolver (dates stay strings for the models to check) and without
    YAML 1.1's base-60 numbers: a time such as 9:30 stays the text "9:30", not the number 570."""


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DECIMAL_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")
_DECIMAL_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, _DECIMAL_INT if tag == _INT else _DECIMAL_FLOAT if tag == _FLOAT else rx)
        for tag, rx in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
assert None not in _Loader.yaml_implicit_resolvers and not _Loader.yaml_path_resolvers


def _resolve(self, kind, value, implicit):
    """PyYAML's Resolver.resolve for this loader (no wildcard or path resolvers), without its per-call list
    building: called once per scalar, it is a fifth of the time a national data set takes to read."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG
    return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


_Loader.resolve = _resolve


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

    def problem(self, path: Path_, message: str, at_key: bool = False, level: str = "virhe") -> Problem:
        """A problem at the value of path (or at its key, for a field that should not be there)."""
        line, col = self.at(path, at_key)
        return Problem(self.file, line, col, message, level)


_YAML_PROBLEMS = [
    ("found duplicate anchor", "sama ankkuri (&) on määritelty kahdesti"),
    (
        "mapping values are not allowed",
        "kaksoispiste on väärässä paikassa: jos arvossa on kaksoispiste, laita arvo lainausmerkkeihin",
    ),
    ("could not find expected ':'", "rivistä puuttuu kaksoispiste avaimen perästä tai sisennys on väärin"),
    ("found character '\\t'", "sarkain (tab) ei ole sallittu: käytä välilyöntejä"),
    ("did not find expected key", "sisennys on väärin: tarkista, että rivi on samalla tasolla kuin edelliset kentät"),
    (
        "did not find expected '-' indicator",
        "luettelon sisennys on väärin: jokaisen kohdan pitää alkaa samasta kohdasta merkillä '-'",
    ),
    ("found unexpected end of stream", "tiedosto päättyy kesken: tarkista lainausmerkit"),
    ("found undefined alias", "arvo alkaa merkillä *, jolla YAML viittaa toisaalle: laita arvo lainausmerkkeihin"),
    ("expected a single document", "tiedostossa saa olla vain yksi YAML-dokumentti (poista ylimääräinen '---')"),
    ("while scanning a quoted scalar", "lainausmerkit jäivät sulkematta"),
    (
        "expected ',' or ']'",
        "hakasulkeissa [ ] oleva luettelo jäi sulkematta tai sen arvossa on kaksoispiste: "
        "sulje luettelo merkillä ] tai laita arvo lainausmerkkeihin",
    ),
    ("expected ',' or '}'", "aaltosulkeissa { } oleva kenttäryhmä jäi sulkematta: sulje se merkillä }"),
    ("expected <block end>", "sisennys on väärin: tarkista, että rivi on samalla tasolla kuin edelliset kentät"),
    ("while scanning a simple key", "rivistä puuttuu kaksoispiste avaimen perästä"),
    (
        "found unknown escape character",
        "tuntematon kenoviivamerkintä (\\) lainausmerkeissä: käytä heittomerkkejä (') tai poista kenoviiva",
    ),
]


_KEY_LINE = re.compile(r"^(\s*)(?:- )?([^\s:#'\"\[\]{}]+):(?:\s|$)")


def _keys_before(lines: list[str], index: int) -> list[tuple[int, int, str]]:
    """(line number, indentation, key) of the lines before index that start a field."""
    found = []
    for number in range(index):
        match = _KEY_LINE.match(lines[number])
        if match:
            found.append((number + 1, len(match.group(1)), match.group(2)))
    return found


def _indent_advice(exc: yaml.MarkedYAMLError, text: str, fields: frozenset[str], line_offset: int) -> str | None:
    """When a field is at the wrong indentation, say which field and where it belongs."""
    mark = exc.problem_mark
    lines = text.split("\n")
    if mark is None or not fields or mark.line >= len(lines):
        return None
    match = _KEY_LINE.match(lines[mark.line])
    if not match or match.group(2) not in fields:
        return None
    key, indent = match.group(2), len(match.group(1))
    before = _keys_before(lines, mark.line)
    if not before:
        return None
    if "mapping values are not allowed" in str(exc.problem) and mark.column == match.end(2):
        number, _indent, previous = before[-1]
        return (
            f"kenttä '{key}' on sisennetty liikaa: siirrä se samaan kohtaan kuin rivin "
            f"{number + line_offset} kenttä '{previous}'"
        )
    levels: dict[int, tuple[int, str]] = {}
    for number, level, name in before:
        levels = {lvl: entry for lvl, entry in levels.items() if lvl < level}
        levels[level] = (number, name)
    options = [levels[lvl] for lvl in sorted(levels, key=lambda lvl: (abs(lvl - indent), -lvl)) if lvl != indent][:2]
    if not options:
        return None
    where = " tai ".join(f"rivin {number + line_offset} kenttä '{name}'" for number, name in options)
    return f"kenttä '{key}' on väärällä sisennyksellä: siirrä se samaan kohtaan kuin {where}"


def _yaml_message(
    exc: yaml.YAMLError, text: str = "", fields: frozenset[str] = frozenset(), line_offset: int = 0
) -> str:
    advice = _indent_advice(exc, text, fields, line_offset) if isinstance(exc, yaml.MarkedYAMLError) else None
    if advice:
        return f"YAML-muotovirhe: {advice}"
    message = str(exc)
    for needle, finnish in _YAML_PROBLEMS:
        if needle in message:
            return f"YAML-muotovirhe: {finnish}"
    return "YAML-muotovirhe: tiedostoa ei voi lukea: tarkista sisennykset, lainausmerkit ja sulkeet"


MAX_FILE_BYTES = 1_000_000  # a data file, page or report; the largest example file is 10 kB
MAX_DEPTH = 20  # nesting of lists and fields; the deepest model needs 5


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a byte-order mark is accepted) with Unix line ends; a non-UTF-8 byte is a located
    problem, and so is a file too large to be an editor's."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                file,
                1,
                1,
                f"tiedosto on liian suuri ({len(raw) // 1000} kt, enintään "
                f"{MAX_FILE_BYTES // 1000} kt): jaa tiedot useampaan tiedostoon",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
        return (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            Problem(
                file,
                line,
                col,
                "tiedosto ei ole UTF-8-muodossa: tallenna se UTF-8-merkistöllä "
                "(skandinaaviset kirjaimet ä, ö ja å muuten rikkoutuvat)",
            )
        ]


def _tab_problems(text: str, file: str, line_offset: int) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = re.match(r"[ \t]*", line).group(0)
        if "\t" in indent and line.strip():
            problems.append(
                Problem(
                    file,
                    number + line_offset,
                    indent.index("\t") + 1,
                    "sisennyksessä on sarkain (tab): käytä sisennykseen välilyöntejä",
                )
            )
    return problems


STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"


class _NeedsConstructor(Exception):  # noqa: N818 - a signal to take the slow path, not an error
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
    empty: tuple[str, int] | None = None  # the last key left without a value ("tunnistajat:" and nothing under it)
    for key_node, value_node in node.value:
        if key_node.tag == MERGE_TAG:
            raise _NeedsConstructor
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(
                    source.file,
                    key_node.start_mark.line + 1 + source.line_offset,
                    key_node.start_mark.column + 1,
                    "avaimen pitää olla yksinkertainen teksti",
                )
            )
            continue
        key = key_node.value
        key_line = key_node.start_mark.line + 1 + source.line_offset
        if key in seen:
            if empty is not None and seen[key] < empty[1] < key_line:
                # Most likely the lines under an empty key lost their indentation, not a field given twice.
                advice = (
                    f"jos se kuuluu kentän '{empty[0]}' (rivi {empty[1]}) alle, sisennä se ja sen jälkeiset "
                    f"kentän '{empty[0]}' rivit kahdella välilyönnillä; muuten poista toinen"
                )
            else:
                advice = "poista toinen"
            problems.append(
                Problem(
                    source.file,
                    key_line,
                    key_node.start_mark.column + 1,
                    f"kenttä '{key}' on kahdesti (ensimmäisen kerran rivillä {seen[key]}): {advice}",
                )
            )
            continue
        seen[key] = key_line
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag == NULL_TAG and not value_node.value:
            empty = (key, key_line)
        if key_node.tag != STR_TAG:
            key = loader.construct_object(key_node)
        mapping[key] = _walk(value_node, problems, source, loader, memo)
    return mapping


def _reader_problem(text: str, exc: yaml.reader.ReaderError, source: Source) -> Problem:
    """A control character that YAML does not allow, located by its position in the text."""
    before = text[: exc.position]
    line = before.count("\n") + 1 + source.line_offset
    col = exc.position - (before.rfind("\n") + 1) + 1
    return Problem(
        source.file,
        line,
        col,
        f"tiedostossa on merkki, jota ei sallita (koodi {exc.character:#06x}): "
        "poista se; se on voinut tulla mukaan kopioidessa",
    )


_PREFIX = re.compile(r"^[ \-?:]*", re.M)


def _needs_scan(text: str) -> bool:
    """Whether text could nest deeply or use anchors, aliases or tags (most files cannot: a quick test)."""
    if "&" in text or "*" in text or "!" in text:
        return True
    if text.count("[") + text.count("{") > MAX_DEPTH // 2:
        return True
    return max(map(len, _PREFIX.findall(text)), default=0) > MAX_DEPTH


def _limit_problems(text: str, source: Source) -> list[Problem]:
    """Depth, anchors, aliases and tags, found from libyaml's event stream, which (unlike building the
    node tree) does not recurse: 100,000 nested brackets are counted, not a crash."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE_LOADER):
        mark = event.start_mark
        where = (source.file, mark.line + 1 + source.line_offset, mark.column + 1)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return [
                Problem(
                    *where,
                    "merkit & ja * alussa ovat YAMLin viittauksia, joita tiedostoissa ei käytetä: "
                    "kirjoita arvo auki tai laita se lainausmerkkeihin",
                )
            ]
        tag = getattr(event, "tag", None)
        if tag and getattr(event, "implicit", (True,)) in (False, (False, False)) and tag != STR_TAG:
            return [
                Problem(
                    *where,
                    f"merkintä {tag.replace('tag:yaml.org,2002:', '!!')} ei ole käytössä: kirjoita "
                    "arvo tavallisena tekstinä",
                )
            ]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [
                    Problem(
                        *where,
                        f"tiedot ovat sisäkkäin liian monella tasolla (enintään {MAX_DEPTH}): "
                        "tarkista sisennykset ja sulkeet [ ] { }",
                    )
                ]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return []


def parse(
    text: str, file: str, line_offset: int = 0, fields: frozenset[str] = frozenset()
) -> tuple[object, Source, list[Problem]]:
    """Parse YAML text; returns the data (None on failure), its Source and the problems found. fields, the
    field names the file's model knows, let a misplaced line be named in the message."""
    source = Source(file=file, line_offset=line_offset)
    problems = _tab_problems(text, file, line_offset)
    if problems:
        return None, source, problems
    if _needs_scan(text):
        try:
            problems = _limit_problems(text, source)
        except yaml.MarkedYAMLError:
            problems = []  # the parse below reports the syntax error with its Finnish message
        except yaml.reader.ReaderError as exc:
            return None, source, [_reader_problem(text, exc, source)]
        if problems:
            return None, source, problems
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        return None, source, [_reader_problem(text, exc, source)]
    try:
        node = loader.get_single_node()
        if node is None:
            return (
                None,
                source,
                [Problem(file, 1 + line_offset, 1, "tiedosto on tyhjä: kopioi mallitiedosto ja täytä sen kentät")],
            )
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
        return None, source, [Problem(file, line, col, _yaml_message(exc, text, fields, line_offset))]
    except yaml.reader.ReaderError as exc:
        return None, source, [_reader_problem(text, exc, source)]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, OverflowError):
        return (
            None,
            source,
            [
                Problem(
                    file,
                    1 + line_offset,
                    1,
                    "YAML-muotovirhe: tiedostoa ei voi lukea: tarkista sisennykset, lainausmerkit ja sulkeet",
                )
            ],
        )
    finally:
        loader.dispose()
    return data, source, []


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, Markdown body, number of lines before the YAML)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end() :], 1
