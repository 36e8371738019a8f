"""Finnish identifiers and formats: business ID, personal identity code, phone numbers, dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(first_seven: str) -> int | None:
    """Check digit of a Y-tunnus, or None when no valid check digit exists (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, _WEIGHTS, strict=False)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def business_id_problem(value: str) -> str | None:
    """None when value is a valid Y-tunnus, otherwise a Finnish explanation."""
    match = _BUSINESS_ID.match(value)
    if not match:
        return "Y-tunnuksen muoto on 1234567-8 (seitsemän numeroa, väliviiva ja tarkistusnumero)"
    expected = business_id_check_digit(match.group(1))
    if expected is None or expected != int(match.group(2)):
        return "Y-tunnuksen tarkistusnumero ei täsmää: tarkista tunnus YTJ:stä (ytj.fi)"
    return None


# Henkilötunnus: DDMMYY, a century sign (+ for the 1800s; - Y X W V U for the 1900s; A B C D E F for the
# 2000s), three digits and a check character. Editors' text may carry it in lower case or with a dash
# look-alike (hyphen, en and em dash, minus sign) that a word processor put there; both are still found,
# also right after letters ("HETU131052-308T").
_DASHES = "\u02d7\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_HETU = re.compile(r"(?<!\d)(\d{6})([-+A-FU-Y" + _DASHES + r"])(\d{3})([0-9A-Y])(?![0-9A-Za-z])", re.IGNORECASE)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"

# A text of ordinary Finnish characters (ASCII, Latin-1 without the soft hyphen, typographic quotes, dashes,
# ellipsis, bullet, euro) is searched as it is. Anything else may disguise a henkilötunnus and is first read
# as a reader sees it (_as_seen).
_SUSPECT = re.compile(r"[^\x00-\x7f\u00a0-\u00ac\u00ae-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]")
# Shown as nothing: fillers that Unicode counts as letters.
_FILLERS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
# Shown as a dash, though Unicode does not call them dashes.
_DASH_LIKE = frozenset("\u02d7\u2043\u2212\u2500\u2501\u2796\ufe63\uff0d")
# Cyrillic and Greek letters that look like the Latin letters of a century sign or a check character.
_LOOK_ALIKES = str.maketrans(
    "АВСЕНІЈКМОРЅТХУҮаеіјорсѕхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧορχ",
    "ABCEHIJKMOPSTXYYaeijopcsxyABEZHIKMNOPTYXopx",
)


def _as_seen(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it: without invisible characters (format characters, combining marks,
    fillers), every dash a hyphen, compatibility forms (full-width, mathematical) plain, Cyrillic and Greek
    look-alikes Latin; and where each character of it was in the text."""
    seen, kept = [], []
    for index, char in enumerate(text):
        if char in _FILLERS or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            continue
        if char in _DASH_LIKE or unicodedata.category(char) == "Pd":
            char = "-"
        else:
            plain = unicodedata.normalize("NFKC", char)
            char = (plain if len(plain) == 1 else char).translate(_LOOK_ALIKES)
        seen.append(char)
        kept.append(index)
    return "".join(seen), kept


def is_plain(text: str) -> bool:
    """Whether text has only ordinary Finnish characters (then it is searched as it is)."""
    return _SUSPECT.search(text) is None


def may_contain_personal_identity_code(text: str) -> bool:
    """Quick test over a whole text (one regex pass) before looking line by line."""
    if not is_plain(text):
        text = _as_seen(text)[0]
    return _HETU.search(text) is not None


def find_personal_identity_code(text: str, plain: bool | None = None) -> int | None:
    """Column (0-based) of a valid henkilötunnus in text, or None. plain: whether the text is known to be plain
    (is_plain), so that a caller looking at the lines of a plain text need not ask again."""
    if not (is_plain(text) if plain is None else plain):
        seen, kept = _as_seen(text)
        column = _find(seen)
        return None if column is None else kept[column]
    return _find(text)


def _find(text: str) -> int | None:
    for match in _HETU.finditer(text):
        digits, _sep, individual, check = match.groups()
        day, month = int(digits[:2]), int(digits[2:4])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if _HETU_CHECK[int(digits + individual) % 31] == check.upper():
            return match.start()
    return None


_PHONE = re.compile(r"^(\+358|0)[1-9]\d{4,11}$")


def normalise_phone(value: str) -> str:
    return re.sub(r"[\s\-()]", "", value)


def phone_problem(value: str) -> str | None:
    if not _PHONE.match(normalise_phone(value)):
        return "puhelinnumero ei ole suomalainen numero: kirjoita se muodossa +358 40 123 4567 tai 040 123 4567"
    return None


def phone_uri(value: str) -> str:
    """tel: URI in international form (+358…)."""
    number = normalise_phone(value)
    if number.startswith("0"):
        number = "+358" + number[1:]
    return "tel:" + number


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
PERSONAL_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "hotmail.com",
        "hotmail.fi",
        "outlook.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "luukku.com",
        "suomi24.fi",
        "kolumbus.fi",
        "protonmail.com",
        "proton.me",
        "elisanet.fi",
    }
)


def email_problem(value: str) -> str | None:
    if not _EMAIL.match(value) or ".." in value:
        return "sähköpostiosoite on virheellinen: muoto on etunimi.sukunimi@organisaatio.fi"
    if value.rsplit("@", 1)[1].lower() in PERSONAL_MAIL_DOMAINS:
        return "vain työsähköpostiosoite on sallittu: käytä organisaation osoitetta, ei henkilökohtaista"
    return None


MONTHS = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)


def fi_date(value: date | None) -> str:
    """1.8.2022: the Finnish way to write a date."""
    return "" if value is None else f"{value.day}.{value.month}.{value.year}"


def euros(value: float | int) -> str:
    """Finnish money: 1 234,50 € (no decimals for whole euros)."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", "\u00a0")
    else:
        text = f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0€"


def sentence(value: str) -> str:
    """The first letter in upper case, the rest as it is (Jinja's capitalize lowercases codes like OPH-…)."""
    return value[:1].upper() + value[1:]
