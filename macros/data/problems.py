"""Validation problems: one line-numbered, Finnish message an editor can act on, and the Finnish messages
for pydantic's validation errors (which field is wrong, how to fix it, and where a misplaced field belongs)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from .yamlsource import Source

# Line breaks and other control characters in a file name or message (they can come from data) are shown
# as visible escapes: no data can start a new line of the check's output, or a workflow command.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]")


def one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: "\\n" if m.group() == "\n" else f"\\x{ord(m.group()):02x}", text)


ERROR, WARNING, NOTICE = "virhe", "varoitus", "huomautus"
_COMMANDS = {ERROR: "error", WARNING: "warning", NOTICE: "notice"}


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in one data file, at a line and column (both 1-based). An error stops the check and the
    build; a warning (something to fix soon) and a notice (what the check could not judge) are shown but
    publish."""

    file: str
    line: int
    column: int
    message: str
    level: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def plain(self) -> str:
        prefix = "" if self.is_error else f"{self.level}: "
        return one_line(f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}")

    def github(self) -> str:
        """A GitHub workflow command (an annotation on the line), escaped as GitHub documents: %, CR and LF
        in the message, and also : and , in the properties."""

        def data(text: str) -> str:
            return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        command = _COMMANDS[self.level]
        return f"::{command} file={prop(self.file)},line={self.line},col={self.column}::{data(self.message)}"


def count_text(n: int, level: str = ERROR) -> str:
    """'1 virhe', '3 virhettä', '2 varoitusta' (Finnish partitive after numbers other than one)."""
    if n == 1:
        return f"1 {level}"
    return f"{n} {level}{'ttä' if level == ERROR else 'ta'}"


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.is_error]


class DataError(Exception):
    """Raised by the build when the data has errors; carries them (warnings and notices do not stop it)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(errors(problems))
        lines = [p.plain() for p in self.problems]
        lines.append(f"{count_text(len(self.problems))} tiedoissa; sivustoa ei julkaistu.")
        super().__init__("\n".join(lines))


# --- pydantic's errors in Finnish ------------------------------------------------------------------

_TYPES = {
    "string_type": "pitää olla tekstiä (jos arvo on pelkkiä numeroita, laita se lainausmerkkeihin)",
    "string_too_short": "ei saa olla tyhjä",
    "int_type": "pitää olla kokonaisluku",
    "int_parsing": "pitää olla kokonaisluku, esim. 40",
    "int_from_float": "pitää olla kokonaisluku ilman desimaaleja",
    "float_type": "pitää olla luku, esim. 35 tai 12.5",
    "float_parsing": "pitää olla luku, esim. 35 tai 12.5",
    "bool_type": "pitää olla true tai false",
    "bool_parsing": "pitää olla true tai false",
    "list_type": "pitää olla luettelo, jonka jokainen kohta alkaa omalla rivillään merkillä '-'",
    "dict_type": "pitää sisältää kenttiä muodossa 'avain: arvo'",
    "model_type": "pitää sisältää kenttiä muodossa 'avain: arvo'",
    "model_attributes_type": "pitää sisältää kenttiä muodossa 'avain: arvo'",
    "date_type": "pitää olla päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-15",
    "date_parsing": "pitää olla päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-15",
    "date_from_datetime_parsing": "pitää olla todellinen päivämäärä muodossa VVVV-KK-PP, esim. 2026-08-15",
    "date_from_datetime_inexact": "pitää olla pelkkä päivämäärä muodossa VVVV-KK-PP",
    "none_required": "pitää jättää tyhjäksi",
}


def _allowed(ctx: dict | None) -> str:
    expected = (ctx or {}).get("expected", "")
    return expected.replace("'", "").replace(" or ", " tai ")


def finnish_message(error: dict) -> str:
    """One pydantic error (from ValidationError.errors()) in Finnish, without the field name."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return "pakollinen kenttä puuttuu: lisää se (katso mallia ylläpito-ohjeesta)"
    if kind == "extra_forbidden":
        return "tuntematon kenttä: poista se tai tarkista kirjoitusasu (sallitut kentät: katso ylläpito-ohje)"
    if kind == "literal_error":
        return f"arvon pitää olla jokin näistä: {_allowed(ctx)}"
    if kind == "fi_value":
        return error["msg"]
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern", "").startswith("^[^{}"):
            return 'ei saa sisältää merkkejä { } < > " & `'
        if "https" in ctx.get("pattern", ""):
            return "pitää olla verkko-osoite, joka alkaa https://"
        if ctx.get("pattern") == r"^(\d{3}|\d{6})$":
            return (
                "pitää olla kuusinumeroinen koodi, esim. 106945 (TUVAn koulutuksen osilla kolminumeroinen, esim. 102)"
            )
        return "saa sisältää vain pieniä kirjaimia a–z, numeroita ja väliviivoja, esim. kuusilaakson-paja"
    if kind == "too_short":
        return f"luettelossa pitää olla vähintään {ctx.get('min_length', 1)} kohta(a)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"pitää olla vähintään {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"saa olla enintään {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _TYPES.get(kind, f"arvo ei kelpaa ({error['msg']})")


def field_label(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}. kohta]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _homes(model: type, key: str) -> tuple[tuple[str, ...], ...]:
    """Where in model's tree (paths of field names) a field named key exists."""
    found = [()] if key in model.model_fields else []
    for name, info in model.model_fields.items():
        for arg in (info.annotation, *get_args(info.annotation)):
            for inner in (arg, *get_args(arg)):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    found += [(name, *path) for path in _homes(inner, key)]
    return tuple(dict.fromkeys(found))


def _place(path: tuple[str, ...]) -> str:
    return f"kohdan '{path[-1]}'" if path else "tiedoston ylimmän tason"


def misplaced(model: type | None, loc: tuple, key: str) -> str | None:
    """Advice for a field that exists in the model, but at another level than where it was written."""
    if model is None:
        return None
    here = tuple(part for part in loc if isinstance(part, str))
    homes = [home for home in _homes(model, key) if home != here]
    if not homes:
        return None
    home = min(homes, key=lambda h: (h[: len(here)] != here and here[: len(h)] != h, abs(len(h) - len(here))))
    if len(home) > len(here) and home[: len(here)] == here:
        return (
            f"kenttä '{key}' kuuluu kohdan '{home[-1]}' alle: sisennä se kahdella välilyönnillä samaan kohtaan "
            f"kuin muut '{home[-1]}'-kohdan kentät"
        )
    if len(home) < len(here) and here[: len(home)] == home:
        return f"kenttä '{key}' on sisennetty liikaa: se kuuluu {_place(home)} kenttiin, siirrä se niiden kohdalle"
    return f"kenttä '{key}' ei kuulu tähän kohtaan vaan {_place(home)} alle"


def problems_from(exc: ValidationError, source: Source, model: type | None = None, base: tuple = ()) -> list[Problem]:
    problems = []
    errors = [
        (tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("function-"))), e) for e in exc.errors()
    ]
    moved = {}
    for loc, error in errors:
        if error["type"] == "extra_forbidden" and loc:
            advice = misplaced(model, loc[:-1], str(loc[-1]))
            if advice:
                moved[str(loc[-1])] = advice
    for loc, error in errors:
        path = base + loc
        label = field_label(loc) or "tiedosto"
        key = str(loc[-1]) if loc else ""
        if error["type"] == "missing" and key in moved:
            continue  # the same field is reported where it was written, with where it belongs
        if error["type"] == "extra_forbidden" and key in moved:
            message = moved[key]
        elif error["type"] == "missing":
            message = f"kenttä '{label}' puuttuu: lisää se (katso mallia ylläpito-ohjeesta)"
        else:
            message = f"kenttä '{label}': {finnish_message(error)}"
        problems.append(source.problem(path, message, at_key=error["type"] == "extra_forbidden"))
    return problems
