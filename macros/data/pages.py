"""What an editor's page may contain, checked before any build and enforced again when it is rendered.

A page (docs/**/*.md, report files included) is Markdown with macro calls. The template language is
cut down to one construct: `{{ name(literal, key=literal) }}` where `name` is one of PAGE_MACROS and
every argument is a literal of the documented type. Anything else Jinja offers (variables, attribute or
item access, filters, tests, blocks, includes, imports) is refused with a Finnish `file:line` message.
The same parsed page is what the build renders (`render`): it knows no node but text and those calls,
so a page that slipped past the check still cannot reach Python objects.

Raw HTML and links in a page are checked against one allowlist (tags, attributes, URL schemes); the
rendered page is also cleaned with the same allowlist (macros/sanitise.py), so the check is there to
tell the editor, and the cleaning to make sure.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from jinja2 import Environment, TemplateSyntaxError, nodes

from .problems import Problem
from .registry import generic_macros

# --- the page language -------------------------------------------------------------------------------

# Laws and decrees the agreement names: number → (title, path on Finlex).
LAWS = {
    "531/2017": ("Laki ammatillisesta koulutuksesta", "2017/531"),
    "673/2017": ("Valtioneuvoston asetus ammatillisesta koulutuksesta", "2017/673"),
    "621/1999": ("Laki viranomaisten toiminnan julkisuudesta", "1999/621"),
}


@dataclass(frozen=True)
class Macro:
    """A macro a page may call: its parameters in order (name → accepted literal type: str, int, bool or
    list, or a tuple of the texts it accepts) and what it shows, in Finnish, for the "Mitä mistä" page."""

    params: dict
    doc: str


PAGE_MACROS: dict[str, Macro] = {
    "alue": Macro(
        {
            "kentta": (
                "nimi",
                "nimi_genetiivi",
                "nimi_inessiivi",
                "kunnat",
                "kuvaus",
                "sahkoposti",
                "yllapitaja",
                "palaute_sahkoposti",
            )
        },
        'Alueen tieto tekstinä: alue("nimi"), "nimi_genetiivi", "kunnat", "kuvaus", "yllapitaja"; '
        '"sahkoposti" ja "palaute_sahkoposti" linkkeinä',
    ),
    "valvontaviranomainen": Macro(
        {}, "Saavutettavuusvaatimusten valvontaviranomainen lähteineen (data/alue.yml, valvontaviranomainen)"
    ),
    "rekisterinpitaja": Macro(
        {}, "Vastuuhenkilöhakemiston rekisterinpitäjä ja tietosuojavastaava (data/alue.yml, rekisterinpitaja)"
    ),
    "osapuolet": Macro({}, "Sopijaosapuolten taulukot (työpajat ja koulutuksen järjestäjät)"),
    "versio": Macro({}, "Linjausten voimassa olevan version numero ja päivä (data/versiot.yml)"),
    "avoin_data": Macro({}, "Avoimen datan tiedostot, niiden skeemat ja lisenssi"),
    "koordinaattori": Macro({}, "Verkoston koordinaattorin työyhteystiedot (data/alue.yml)"),
    "aloituslista": Macro(
        {}, "Uuden alueen etusivulla: mitä tiedoista vielä puuttuu (katoaa, kun kaikki on paikallaan)"
    ),
    "versiohistoria": Macro({}, "Linjausten versiot, muutokset ja vanhojen versioiden tekstit ja PDF-tiedostot"),
    "osapuoli": Macro(
        {},
        "Yhden osapuolen sivu: tila, kunnat, vastuuhenkilöt ja tunnistamisraportit (osapuolen omassa "
        "tiedostossa docs/osapuolet/<tunnus>.md)",
    ),
    "yhteistyon_tila": Macro({}, "Yhteistyön tila ja ketkä eivät ole vielä allekirjoittaneet"),
    "tilasana": Macro({}, "Tilasana: suunnittelee yhteistyötä / tekee yhteistyötä"),
    "kappalemaara": Macro({}, "Virke asiakirjan kappalemäärästä (yksi kullekin osapuolelle)"),
    "allekirjoitukset": Macro({}, "Allekirjoituslohkot, yksi kullekin osapuolelle"),
    "tukiorganisaatiot": Macro({}, "Verkostoa tukevat organisaatiot, jotka eivät ole osapuolia"),
    "hintataulukko": Macro({}, "Opiskelijapäivähinnan tasot"),
    "esimerkkihinnat": Macro({}, "Pajajakson hinnat esimerkkipituuksille"),
    "hinnoitteluesimerkki": Macro({}, "Liitteen hinnoitteluesimerkki"),
    "rahoituskaavio": Macro({}, "Rahoitusosuuksien kaavio ja taulukko"),
    "vastuuhenkilot": Macro(
        {"alku": str, "loppu": str},
        "Vastuuhenkilöhakemisto hakuineen sekä vCard- ja CSV-tiedostot; valinnat alku= ja loppu= rajaavat "
        "organisaatiot alkukirjaimen mukaan",
    ),
    "vuosikello": Macro(
        {"omistaja": str, "renkaat": list, "vuosi": int},
        "Vuosikello kuvana ja taulukkona; valinnat omistaja=, renkaat=, vuosi=",
    ),
    "kalenterilinkit": Macro({}, "Vuosikellon kalenteritiedoston lataus- ja tilauslinkit"),
    "polku": Macro(
        {"tunnus": str}, 'Siirtymäpolku vaiheittain tiedostosta data/polut.yml, esim. polku("pajalta-opintoihin")'
    ),
    "kiintiopaikat": Macro({}, "Kiintiöpaikat ja vapaat paikat (data/kiintiopaikat.yml)"),
    "pajajaksosopimus": Macro(
        {}, "Pajajakson sopimuksen laatija: täytetään selaimessa, mitään ei lähetetä eikä tallenneta sivustolle"
    ),
    "seuraavaksi": Macro(
        {"maara": int}, "Vuosikellon seuraavat toiminnot julkaisupäivän tilanteen mukaan (oletuksena 5; maara=)"
    ),
    "raportti": Macro({}, "Yhden tunnistamisraportin tiedot (raportin omassa tiedostossa)"),
    "raporttihaku": Macro(
        {"tutkinnot": list, "luettelo": bool},
        "Tunnistamisraporttien kattavuustaulukko ja haku; valinta tutkinnot= rajaa tutkintoihin, luettelo=false "
        "jättää raporttiluettelon pois",
    ),
    "ajankohtaista": Macro(
        {"maara": int, "tiivis": bool},
        "Ajankohtaista-luettelo: liittymiset, allekirjoitukset ja uutiset (uusimmat 50; maara=); tiivis=true "
        "näyttää vain otsikot linkkeinä",
    ),
    "syotelinkit": Macro({}, "Ajankohtaista-syötteen (Atom) linkki ja osoite"),
    "tietolahdetaulukko": Macro({}, "Tämä taulukko: mikä tieto tulee mistäkin"),
    "laki": Macro({"numero": tuple(sorted(LAWS)), "teksti": str}, 'Linkki lakiin Finlexissä, esim. laki("531/2017")'),
    "koko_asiakirja": Macro({}, "Linjausten kaikki luvut ja liite yhtenä asiakirjana tulostusta varten"),
    "huomautus": Macro(
        {"tunnus": str},
        'Toimituksen huomautus lähteineen tiedostosta data/huomautukset.yml, esim. huomautus("tuva")',
    ),
    "yllapidon_tilanne": Macro(
        {}, "Ylläpidon tilanne: vanhentuneet huomautukset, tarkistamattomat raportit ja tarkistuksen varoitukset"
    ),
}

# Kinds of data shown by a template of their own get a macro of their name (no parameters).
PAGE_MACROS.update({name: Macro({}, kind.description) for name, kind in generic_macros().items()})

# Front matter keys a page may use (Material's and MkDocs' own); report and news files have models instead.
PAGE_META_KEYS = {"title", "description", "hide", "search", "render_macros", "hakusanat"}

REPORT_MACRO = "{{ raportti() }}"

_JINJA = Environment(autoescape=False)


@dataclass(frozen=True)
class Call:
    """One macro call in a page, with its literal arguments."""

    name: str
    args: tuple
    kwargs: tuple  # ((name, value), …)
    line: int


Part = str | Call  # a page is text and calls, in order


class PageError(Exception):
    """A construct that pages may not use; line is 1-based within the page body."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


_NODE_NAMES = {
    nodes.Getattr: "pisteellä haettu ominaisuus (esim. config.site_url)",
    nodes.Getitem: "hakasulkeilla haettu arvo",
    nodes.Filter: "suodatin (|)",
    nodes.Test: "testi (is)",
    nodes.For: "silmukka ({% for %})",
    nodes.If: "ehto ({% if %})",
    nodes.Include: "sisällytys ({% include %})",
    nodes.Import: "tuonti ({% import %})",
    nodes.FromImport: "tuonti ({% from %})",
    nodes.Macro: "oma makro ({% macro %})",
    nodes.Assign: "muuttujan asetus ({% set %})",
    nodes.AssignBlock: "muuttujan asetus ({% set %})",
    nodes.FilterBlock: "suodatinlohko ({% filter %})",
    nodes.Name: "muuttuja",
    nodes.Block: "lohko ({% block %})",
    nodes.Extends: "periytys ({% extends %})",
    nodes.With: "{% with %}-lohko",
    nodes.CallBlock: "{% call %}-lohko",
    nodes.Call: "kutsu, joka ei ole sallittu makro",
    nodes.Concat: "tekstien yhdistäminen (~)",
    nodes.BinExpr: "laskutoimitus",
    nodes.UnaryExpr: "laskutoimitus",
    nodes.Compare: "vertailu",
    nodes.CondExpr: "ehtolauseke (if … else)",
    nodes.Slice: "leikkaus ([:])",
    nodes.List: "luettelo ([…])",
    nodes.Tuple: "monikko ((…))",
    nodes.Dict: "sanakirja ({…})",
}

_ADVICE = (
    'sivuilla saa käyttää vain makroja muodossa {{ nimi() }} tai {{ nimi("arvo") }}; katso luettelo sivulta Mitä mistä'
)


def _what(node: nodes.Node) -> str:
    for kind, name in _NODE_NAMES.items():
        if isinstance(node, kind):
            return name
    return "rakenne, joka ei ole sallittu"


def _literal(node: nodes.Node, line: int):
    """The value of a literal argument: text, number, true/false or a list of those."""
    if isinstance(node, nodes.Const) and isinstance(node.value, (str, int, bool)) and not isinstance(node.value, float):
        return node.value
    if isinstance(node, nodes.List):
        return [_literal(item, line) for item in node.items]
    raise PageError(
        getattr(node, "lineno", line),
        f"makron arvon pitää olla teksti lainausmerkeissä, luku, true tai false, ei {_what(node)}: {_ADVICE}",
    )


def _type_ok(value, expected) -> bool:
    if isinstance(expected, tuple):
        return value in expected
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is list:
        return isinstance(value, list) and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value)
    return isinstance(value, expected)


_TYPE_WORDS = {
    str: "teksti lainausmerkeissä",
    int: "kokonaisluku",
    bool: "true tai false",
    list: 'luettelo hakasulkeissa, esim. ["a", "b"]',
}


def _call(node: nodes.Node) -> Call:
    line = node.lineno
    if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
        raise PageError(line, f"sivulla on {_what(node)}: {_ADVICE}")
    name = node.node.name
    if name not in PAGE_MACROS:
        from difflib import get_close_matches

        near = get_close_matches(name, PAGE_MACROS, n=1)
        hint = f" (tarkoititko '{near[0]}'?)" if near else ""
        raise PageError(line, f"tuntematon makro '{name}'{hint}: {_ADVICE}")
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        raise PageError(line, f"makrolle '{name}' ei voi antaa arvoja *- tai **-merkinnällä: {_ADVICE}")
    params = PAGE_MACROS[name].params
    if len(node.args) > len(params):
        raise PageError(line, f"makrolle '{name}' annettiin liian monta arvoa (enintään {len(params)})")
    args = tuple(_literal(arg, line) for arg in node.args)
    kwargs = tuple((kw.key, _literal(kw.value, line)) for kw in node.kwargs)
    given = dict(zip(params, args, strict=False))
    for key, value in kwargs:
        if key not in params:
            allowed = ", ".join(params) or "ei yhtään"
            raise PageError(line, f"makrolla '{name}' ei ole valintaa '{key}' (sallitut: {allowed})")
        if key in given:
            raise PageError(line, f"makron '{name}' valinta '{key}' on annettu kahdesti")
        given[key] = value
    for key, value in given.items():
        if not _type_ok(value, params[key]):
            expected = params[key]
            words = (
                "jokin näistä: " + ", ".join(f'"{v}"' for v in expected)
                if isinstance(expected, tuple)
                else _TYPE_WORDS[expected]
            )
            raise PageError(line, f"makron '{name}' valinnan '{key}' pitää olla {words}")
    return Call(name, args, kwargs, line)


# The common page: text and calls without arguments ({{ osapuoli() }}). Read without the template parser, with
# its rules (line ends as "\n", one final line end dropped); anything else goes to the parser.
_BARE_CALL = re.compile(r"\{\{\s*([a-z_]+)\(\s*\)\s*\}\}")
_LINE_ENDS = re.compile(r"\r\n|\r")


def _bare_calls(text: str) -> list[Part] | None:
    text = _LINE_ENDS.sub("\n", text)
    text = text[:-1] if text.endswith("\n") else text
    parts: list[Part] = []
    last = 0
    for match in _BARE_CALL.finditer(text):
        before = text[last : match.start()]
        if match.group(1) not in PAGE_MACROS or _unclear(before):
            return None
        if before:
            parts.append(before)
        # The call's line is its name's line, as the template parser counts it.
        parts.append(Call(match.group(1), (), (), text.count("\n", 0, match.start(1)) + 1))
        last = match.end()
    rest = text[last:]
    if _unclear(rest):
        return None
    if rest:
        parts.append(rest)
    return parts


def _unclear(piece: str) -> bool:
    """Text the template parser reads differently from plain text: let the parser read the page."""
    return "{{" in piece or "{%" in piece or "{#" in piece or piece.endswith("{")


def parse(text: str) -> list[Part]:
    """The page body as text and macro calls; PageError at the first construct pages may not use."""
    if "{" not in text:
        return [text]
    simple = _bare_calls(text)
    if simple is not None:
        return simple
    try:
        template = _JINJA.parse(text)
    except TemplateSyntaxError as exc:
        raise PageError(
            exc.lineno or 1,
            "sivun {{ }}- tai {% %}-merkinnät ovat rikki (esim. sulkeva }} "
            "puuttuu): korjaa merkintä; jos tarkoitat näyttää aaltosulkeet "
            "tekstinä, kirjoita ne {% raw %}…{% endraw %} -merkintöjen väliin",
        ) from None
    parts: list[Part] = []
    for statement in template.body:
        if not isinstance(statement, nodes.Output):
            raise PageError(statement.lineno, f"sivulla on {_what(statement)}: {_ADVICE}")
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
            else:
                parts.append(_call(node))
    return parts


def render(parts: list[Part], macros: dict) -> str:
    """The page with each call replaced by what its macro returns. Knows nothing but text and calls."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Call) and part.name in PAGE_MACROS:
            out.append(str(macros[part.name](*part.args, **dict(part.kwargs))))
        else:  # pragma: no cover - parse() produces nothing else
            raise TypeError(f"not a page part: {part!r}")
    return "".join(out)


# --- raw HTML and links in a page ---------------------------------------------------------------------

# Tags and attributes an editor's Markdown may produce (also the sanitiser's allowlist).
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "button",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang"}
TAG_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "details": {"open"},
    "button": {"type", "data-print"},
    "div": {"markdown"},
    "section": {"markdown"},
    "p": {"markdown"},
    "span": {"markdown"},
}
URL_ATTRIBUTES = {"href", "src"}
URL_SCHEMES = {"https", "mailto", "tel"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
# Names the theme's own script looks for (Material reads its settings from the element #__config, and loads
# a diagram library from another host for class="mermaid"): an editor's element must not take them.
RESERVED_ID = re.compile(r"^(__|md[-_])", re.I)
RESERVED_CLASSES = {"mermaid", "arithmatex"}
ALLOWED_MD_CLASSES = {"md-button", "md-button--primary"}


def url_problem(url: str) -> str | None:
    """None for a relative URL or one with an allowed scheme; otherwise why not."""
    # Browsers decode character references and ignore control and invisible characters inside a scheme
    # ("java&#9;script:", "&#106;avascript:").
    scheme = _SCHEME.match(_INVISIBLE.sub("", html.unescape(url)))
    if scheme and scheme.group(1).lower() not in URL_SCHEMES:
        return (
            f"osoitteen alku '{scheme.group(1).lower()}:' ei ole sallittu: käytä osoitetta, joka alkaa "
            "https://, mailto: tai tel:, tai sivuston sisäistä linkkiä"
        )
    return None


def is_remote(url: str) -> bool:
    """Whether a picture's address points to another host: a scheme, or // (also written /\\ or \\\\)."""
    clean = _INVISIBLE.sub("", html.unescape(url or "")).replace("\\", "/")
    return bool(_SCHEME.match(clean)) or clean.startswith("//")


def class_problem(value: str) -> str | None:
    for name in value.split():
        if name.lower() in RESERVED_CLASSES or (name.lower().startswith("md-") and name not in ALLOWED_MD_CLASSES):
            return f"luokka '{name}' on varattu sivuston teemalle: poista se"
    return None


def id_problem(value: str) -> str | None:
    if RESERVED_ID.match(value.strip()):
        return f"tunnus '{value}' on varattu sivuston teemalle: valitse tunnus, joka ei ala __ tai md-"
    return None


REMOTE_PICTURE = (
    "kuvan pitää olla sivuston oma tiedosto (esim. kuvat/kartta.png), ei toisen sivuston osoite: "
    "lukijan selain hakisi sen sieltä"
)
VOID_TAGS = {"br", "hr", "img", "input", "wbr", "source", "area", "col", "embed", "link", "meta", "param", "track"}
MAX_NESTING = 20


class _TagScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []  # (line, column, message)
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        if tag not in VOID_TAGS:
            self.depth += 1
            if self.depth == MAX_NESTING + 1:
                self.found.append(
                    (line, col, f"HTML-elementit ovat sisäkkäin yli {MAX_NESTING} tasoa: poista ylimääräiset elementit")
                )
        if tag not in ALLOWED_TAGS:
            self.found.append(
                (
                    line,
                    col,
                    f"HTML-elementti <{tag}> ei ole sallittu sivuilla: poista se (tekstin muotoiluun riittää Markdown)",
                )
            )
            return
        allowed = GENERIC_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.found.append((line, col, f"HTML-elementin <{tag}> määre '{name}' ei ole sallittu: poista se"))
            elif name in URL_ATTRIBUTES and (problem := url_problem(value)):
                self.found.append((line, col, problem))
            elif tag == "img" and name == "src" and is_remote(value):
                self.found.append((line, col, REMOTE_PICTURE))
            elif name == "type" and value.lower() != "button":
                self.found.append((line, col, 'painikkeen tyypin pitää olla type="button"'))
            elif name in ("id", "class") and (problem := (id_problem if name == "id" else class_problem)(value)):
                self.found.append((line, col, problem))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.depth -= 1

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS:
            self.depth = max(0, self.depth - 1)


_FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})")
_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_MD_REF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*?)\s*\}")
_ATTR_KEY = re.compile(r"(?:^|\s)([^\s=#.\"']+)\s*=")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_ATTR_CLASS = re.compile(r"(?:^|\s)\.([^\s}]+)")
ATTR_LIST_KEYS = {"title", "lang", "markdown"}


def _blank(text: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in text)


def _blank_fences(text: str) -> str:
    """Fenced code blocks as blanks, line by line (a regular expression over the whole text can take
    minutes on a few thousand backticks)."""
    out, fence = [], None
    for line in text.split("\n"):
        match = _FENCE_OPEN.match(line)
        if fence is None:
            if match:
                fence = (match.group(1), match.group(2)[0], len(match.group(2)))
                out.append(" " * len(line))
            else:
                out.append(line)
        else:
            out.append(" " * len(line))
            if (
                match
                and match.group(2)[0] == fence[1]
                and len(match.group(2)) >= fence[2]
                and not line[match.end() :].strip()
            ):
                fence = None
    return "\n".join(out)


def _blank_code_spans(text: str) -> str:
    """Code spans (`…`, ``…``) as blanks: a run of n backticks opens, the next run of exactly n closes."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pieces, last, index = [], 0, 0
    position = dict.fromkeys(by_length, 0)
    while index < len(runs):
        start, end = runs[index]
        length = end - start
        queue = by_length[length]
        while position[length] < len(queue) and queue[position[length]] <= index:
            position[length] += 1
        if position[length] < len(queue):
            closer = queue[position[length]]
            close_end = runs[closer][1]
            pieces += [text[last:start], _blank(text[start:close_end])]
            last = close_end
            index = closer + 1
        else:
            index += 1
    pieces.append(text[last:])
    return "".join(pieces)


def _blank_code(text: str) -> str:
    """Code blocks and spans show text literally, and macro calls are checked on their own: keep their
    lines, drop their content from the scan."""
    return _JINJA_TAG.sub(lambda m: _blank(m.group(0)), _blank_code_spans(_blank_fences(text)))


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# How much a page may hold: enough for any agreement or guide page (the largest is 11 kB), little enough
# that Python-Markdown stays quick whatever the text (its link, heading and list handling slow down
# sharply on thousands of brackets, headings or nesting levels).
MAX_PAGE_BYTES = 200_000
MAX_HEADINGS = 300
MAX_BRACKETS_PER_LINE = 40
MAX_QUOTE_DEPTH = 10
MAX_INDENT = 48
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")


def size_problems(text: str) -> list[tuple[int, int, str]]:
    found = []
    if len(text.encode("utf-8")) > MAX_PAGE_BYTES:
        found.append((1, 1, f"sivu on liian pitkä (yli {MAX_PAGE_BYTES // 1000} kt): jaa se useammaksi sivuksi"))
    headings = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if _HEADING.match(line):
            headings += 1
            if headings == MAX_HEADINGS + 1:
                found.append((number, 1, f"sivulla on yli {MAX_HEADINGS} otsikkoa: jaa se useammaksi sivuksi"))
        if line.count("[") > MAX_BRACKETS_PER_LINE:
            found.append((number, 1, f"rivillä on yli {MAX_BRACKETS_PER_LINE} hakasulkua [: poista ylimääräiset"))
        quote = len(re.match(r"^[ >]*", line).group(0).replace(" ", ""))
        if quote > MAX_QUOTE_DEPTH:
            found.append((number, 1, f"lainaukset (>) ovat sisäkkäin yli {MAX_QUOTE_DEPTH} tasoa: poista ylimääräiset"))
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT and line.strip():
            found.append(
                (
                    number,
                    1,
                    "rivi on sisennetty liian syvälle: luettelot ja lohkot saavat olla sisäkkäin vain muutaman tason",
                )
            )
    return found


def markup_problems(text: str) -> list[tuple[int, int, str]]:
    """Raw HTML, links and attribute lists in page Markdown that the site does not allow."""
    found = size_problems(text)
    if found and found[0][2].startswith("sivu on liian pitkä"):
        return found
    scan = _blank_code(text)
    if "<" in scan:
        scanner = _TagScanner()
        # An autolink (<https://…>) is a link, not an element: its address is checked below.
        scanner.feed(_AUTOLINK.sub(lambda m: " " * len(m.group()), scan))
        scanner.close()
        found += [(line, col + 1, message) for line, col, message in scanner.found]
    for pattern in (_MD_LINK, _MD_REF, _AUTOLINK):
        for match in pattern.finditer(scan):
            problem = url_problem(match.group(1))
            if problem:
                found.append((*_line_col(scan, match.start(1)), problem))
    for match in _MD_IMAGE.finditer(scan):
        if is_remote(match.group(1)):
            found.append((*_line_col(scan, match.start(1)), REMOTE_PICTURE))
    for match in _ATTR_LIST.finditer(scan):
        where = _line_col(scan, match.start())
        for key in _ATTR_KEY.findall(match.group(1)):
            if key.lower() not in ATTR_LIST_KEYS:
                found.append(
                    (
                        *where,
                        f"määre '{key}' ei ole sallittu {{ }}-merkinnässä: poista se (sallittuja "
                        "ovat #tunnus ja .luokka)",
                    )
                )
        for value in _ATTR_ID.findall(match.group(1)):
            if problem := id_problem(value):
                found.append((*where, problem))
        for value in _ATTR_CLASS.findall(match.group(1)):
            if problem := class_problem(value):
                found.append((*where, problem))
    return sorted(set(found))


# --- henkilötunnus in what the page will show ----------------------------------------------------------

_TAGS = re.compile(r"<[^<>]*>")
# What a reader does not see between two characters (spaces and line breaks they do see).
_UNSEEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


# Markdown that runs on inside a word: emphasis and code marks, and a link's target ("[-](x.md)" shows "-").
_INLINE_MARKS = re.compile(r"[*_`~]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def shown_text(line: str) -> str:
    """A line of Markdown as a reader sees it: without backslash escapes, emphasis and code marks, link
    targets, tags and invisible characters, with character references decoded (so '131052\\-308T',
    '1310**52**-308T' and '131052&#45;308T' are found as what they are)."""
    line = _INLINE_MARKS.sub("", _LINK.sub(r"\1", line.replace("\\", "")))
    return _UNSEEN.sub("", html.unescape(_TAGS.sub("", line))).replace("\u00a0", " ")


# --- where a macro may be called --------------------------------------------------------------------------

AGREEMENT_SECTIONS = (
    "sopijaosapuolet",
    "voimaantulo-ja-voimassaolo",
    "tarkoitus-ja-lahtokohdat",
    "yhteistyon-toimintamalli",
    "osapuolten-vastuualueet",
    "rahoitus",
    "salassapito",
    "irtisanominen-muuttaminen-tai-purkaminen",
    "asiakirjojen-lukumaara",
    "allekirjoitukset",
    "liite",
)
REPORT_FOLDER = "docs/tunnistamisraportit/"
PARTY_FOLDER = "docs/osapuolet/"
# Macros that draw a whole page section: once a page is enough, and more would only make the build slow.
ONCE_PER_PAGE = {
    "koko_asiakirja",
    "vastuuhenkilot",
    "raporttihaku",
    "ajankohtaista",
    "tietolahdetaulukko",
    "raportti",
    "osapuoli",
    "osapuolet",
    "polku",
    "kiintiopaikat",
    "pajajaksosopimus",
    "versiohistoria",
    "allekirjoitukset",
    "yllapidon_tilanne",
}
MAX_CALLS = 60


def placement_problems(parts: list[Part], file: str) -> list[tuple[int, str]]:
    """(line, message) for calls in the wrong place: a report line outside a report page, the whole agreement
    inside one of its own sections, a large macro twice on one page."""
    found, seen = [], {}
    calls = [p for p in parts if isinstance(p, Call)]
    if len(calls) > MAX_CALLS:
        found.append((calls[MAX_CALLS].line, f"sivulla on yli {MAX_CALLS} makroa: jaa sivu useammaksi"))
    is_report = file.startswith(REPORT_FOLDER)
    is_section = file in {f"docs/linjaukset/{name}.md" for name in AGREEMENT_SECTIONS}
    for call in calls:
        if call.name == "raportti" and not is_report:
            found.append((call.line, "makroa raportti() käytetään vain tunnistamisraportin omassa tiedostossa"))
        if call.name == "osapuoli" and not file.startswith(PARTY_FOLDER):
            found.append((call.line, "makroa osapuoli() käytetään vain osapuolen omassa tiedostossa docs/osapuolet/"))
        if call.name == "koko_asiakirja" and (is_section or is_report):
            found.append((call.line, "makroa koko_asiakirja() ei voi käyttää linjausten omilla sivuilla"))
        if call.name in ONCE_PER_PAGE:
            if call.name in seen:
                found.append(
                    (call.line, f"makro {call.name}() on sivulla jo rivillä {seen[call.name]}: käytä sitä vain kerran")
                )
            seen.setdefault(call.name, call.line)
    return found


# --- one page, checked -------------------------------------------------------------------------------

MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")  # how MkDocs reads settings without '---'


def check_body(
    body: str, file: str, line_offset: int, templated: bool = True, had_front_matter: bool = True
) -> tuple[list[Part], list[Problem]]:
    """Parse and check a page body (after its front matter); line_offset lines precede it in the file."""
    problems = [Problem(file, line + line_offset, col, message) for line, col, message in markup_problems(body)]
    first = body.split("\n", 1)[0]
    if not had_front_matter and MULTIMARKDOWN_META.match(first):
        problems.append(
            Problem(
                file,
                1 + line_offset,
                1,
                "sivun ensimmäinen rivi muotoa 'sana: teksti' luetaan sivun "
                "asetukseksi eikä näy sivulla: aloita sivu otsikolla (# …)",
            )
        )
    parts: list[Part] = [body]
    if templated and not any(p.line - line_offset == 1 and "liian pitkä" in p.message for p in problems):
        try:
            # Each call knows its line in the file, for the cross-checks' messages.
            parts = [replace(p, line=p.line + line_offset) if isinstance(p, Call) else p for p in parse(body)]
        except PageError as exc:
            problems.append(Problem(file, exc.line + line_offset, 1, exc.message))
        problems += [Problem(file, line, 1, message) for line, message in placement_problems(parts, file)]
    return parts, problems
