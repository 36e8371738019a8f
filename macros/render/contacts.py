"""Contact-person directory: the page grouped by party, and the take-away vCard and CSV files."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Mapping, Sequence

from ..data import finnish
from ..data.models import Contact, Party
from .templating import render

LANGUAGES = {"fi": "suomi", "sv": "ruotsi", "en": "englanti"}
SCOPES = {"organisaatio": "koko organisaatio", "ala": "ala", "toimipiste": "toimipiste"}
UID_NAMESPACE = uuid.UUID("6f1f9a52-9d1e-4b5e-9a7c-0b7c6f3e2a10")  # fixed: UIDs stay stable across builds


def scope_text(contact: Contact) -> str:
    scope = contact.vastuualue
    if scope.tyyppi == "organisaatio":
        return "Koko organisaatio"
    return f"{SCOPES[scope.tyyppi].capitalize()}: {scope.kuvaus}"


def groups(parties: Sequence[Party], contacts: Sequence[Contact]) -> list[dict]:
    """Parties in name order, each with its contacts: the primary first, then by name."""
    by_party: dict[str, list] = {}
    for contact in contacts:
        by_party.setdefault(contact.osapuoli, []).append(contact)
    result = []
    for party in parties:
        people = sorted(by_party.get(party.id, []), key=lambda c: (not c.ensisijainen, c.nimi.casefold()))
        if people:
            result.append({"party": party, "people": people})
    return result


def filter_text(party: Party, contact: Contact) -> str:
    parts = [contact.nimi, contact.tehtava, party.nimi, contact.vastuualue.kuvaus or "", *party.kunnat]
    return " ".join(parts).casefold()


def slug(text: str) -> str:
    """A value for a filter attribute: lower case, letters and digits joined by hyphens."""
    return re.sub(r"[^0-9a-zåäö]+", "-", text.casefold()).strip("-")


def field_slugs(person: Contact, people: Sequence[Contact]) -> list[str]:
    """The fields a contact person answers for: their own field, or, for a person responsible for the whole
    organisation or a campus, every field that the organisation's contact persons name."""
    if person.vastuualue.tyyppi == "ala":
        return [slug(person.vastuualue.kuvaus)]
    return sorted(
        {slug(c.vastuualue.kuvaus) for c in people if c.osapuoli == person.osapuoli and c.vastuualue.tyyppi == "ala"}
    )


FINNISH_ORDER = "0123456789abcdefghijklmnopqrstuvwxyzåäö"


def initial_between(name: str, first: str | None, last: str | None) -> bool:
    """Whether a name's first letter falls in first..last (inclusive) in Finnish alphabetical order."""
    if not first and not last:
        return True
    letter = FINNISH_ORDER.find(name[:1].casefold())
    low = FINNISH_ORDER.find((first or "0").casefold())
    high = FINNISH_ORDER.find((last or "ö").casefold())
    return low <= letter <= high


def render_directory(
    parties: Sequence[Party],
    contacts: Sequence[Contact],
    files: str = "",
    first: str | None = None,
    last: str | None = None,
    base: str = "",
) -> str:
    """The directory; files is the relative path to the folder of the take-away files; first/last limit it
    to organisations by initial, to split a national directory over several pages; base leads to the site's
    root (for the links to the parties' pages)."""
    chosen = [p for p in parties if initial_between(p.nimi, first, last)]
    ids = {p.id for p in chosen}
    people = [c for c in contacts if c.osapuoli in ids]
    fields = sorted({c.vastuualue.kuvaus for c in people if c.vastuualue.tyyppi == "ala"}, key=str.casefold)
    return render(
        "directory.html",
        groups=groups(chosen, people),
        fields=[(slug(f), f) for f in fields],
        field_slugs=lambda person: " ".join(field_slugs(person, people)),
        scope_text=scope_text,
        filter_text=filter_text,
        languages=LANGUAGES,
        count=len(people),
        files=files,
        base=base,
    )


def uid(contact: Contact) -> str:
    return f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, contact.id)}"


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def vcard_text(value: str) -> str:
    """A vCard TEXT value (RFC 6350 3.4): backslash, comma and semicolon escaped, every kind of line break
    (CR, LF, NEL, LS, PS…) written as \\n, other control characters dropped: one value stays one value."""
    value = _CONTROL.sub("", _LINE_BREAKS.sub("\n", value))
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """RFC 6350 3.2 / RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a
    space, never inside a UTF-8 character."""
    if len(line) * 4 <= limit or len(line.encode("utf-8")) <= limit:  # the common line: nothing to fold
        return line
    out, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def vcard(contact: Contact, party: Party) -> str:
    """One vCard 3.0 (RFC 2426): work details only."""
    *first, last = contact.nimi.split(" ")
    phone = finnish.phone_uri(contact.puhelin).removeprefix("tel:")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:{uid(contact)}",
        f"FN:{vcard_text(contact.nimi)}",
        f"N:{vcard_text(last)};{vcard_text(' '.join(first))};;;",
        f"ORG:{vcard_text(party.nimi)}",
        f"TITLE:{vcard_text(contact.tehtava)}",
        f"EMAIL;TYPE=INTERNET,WORK:{vcard_text(contact.sahkoposti)}",
        f"TEL;TYPE=WORK,VOICE:{vcard_text(phone)}",
        f"NOTE:{vcard_text('Vastuualue: ' + scope_text(contact))}",
        "END:VCARD",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def vcards(parties: Sequence[Party], contacts: Sequence[Contact], made: Mapping[str, str] | None = None) -> str:
    """Every contact person's vCard in the directory's order; made: the cards already made, by contact id."""
    by_id = {p.id: p for p in parties}
    return "".join(
        made[c.id] if made else vcard(c, by_id[c.osapuoli])
        for group in groups(parties, contacts)
        for c in group["people"]
    )


CSV_HEADER = [
    "Organisaatio",
    "Nimi",
    "Tehtävä",
    "Vastuualue",
    "Sähköposti",
    "Puhelin",
    "Kielet",
    "Ensisijainen yhteyshenkilö",
    "Kunnat",
]


def csv_cell(value: str) -> str:
    """OWASP's rule against formula injection: a cell that starts with = + - @, a tab or a carriage return
    is read by a spreadsheet as a formula, so it gets a leading apostrophe and is shown as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def national_phone(value: str) -> str:
    """040 123 4567 rather than +358 40 123 4567: the same number, and a cell that needs no apostrophe."""
    number = finnish.normalise_phone(value)
    return "0" + value.strip()[4:].strip() if number.startswith("+358") else value


def csv_text(parties: Sequence[Party], contacts: Sequence[Contact]) -> str:
    """UTF-8 with a byte-order mark and ';' between fields, as Excel in Finnish expects; every cell
    neutralised against formulas (csv_cell)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for group in groups(parties, contacts):
        party = group["party"]
        for c in group["people"]:
            row = [
                party.nimi,
                c.nimi,
                c.tehtava,
                scope_text(c),
                c.sahkoposti,
                national_phone(c.puhelin),
                ", ".join(LANGUAGES[k] for k in c.kielet),
                "kyllä" if c.ensisijainen else "ei",
                ", ".join(party.kunnat),
            ]
            writer.writerow([csv_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def export_files(parties: Sequence[Party], contacts: Sequence[Contact]) -> dict[str, str]:
    """Path under the site → text of every take-away file."""
    by_id = {p.id: p for p in parties}
    cards = {c.id: vcard(c, by_id[c.osapuoli]) for c in contacts}  # each made once, for both files
    files = {
        "vastuuhenkilot/vastuuhenkilot.csv": csv_text(parties, contacts),
        "vastuuhenkilot/vastuuhenkilot.vcf": vcards(parties, contacts, cards),
    }
    for contact in contacts:
        files[f"vastuuhenkilot/{contact.id}.vcf"] = cards[contact.id]
    return files
