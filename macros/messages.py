"""Pydantic's validation errors as Finnish messages that say which field is wrong and how to fix it."""

from __future__ import annotations

from pydantic import ValidationError

from .problems import Problem
from .yamlsource import Source

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
        if "https" in ctx.get("pattern", ""):
            return "pitää olla verkko-osoite, joka alkaa https://"
        if ctx.get("pattern") == r"^\d{6}$":
            return "pitää olla kuusinumeroinen koodi, esim. 105439"
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


def problems_from(exc: ValidationError, source: Source, base: tuple = ()) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        path = base + loc
        label = field_label(loc) or "tiedosto"
        message = f"kenttä '{label}': {finnish_message(error)}"
        if error["type"] == "missing":
            message = f"kenttä '{label}' puuttuu: lisää se (katso mallia ylläpito-ohjeesta)"
        problems.append(source.problem(path, message, at_key=error["type"] == "extra_forbidden"))
    return problems
