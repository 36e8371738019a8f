"""Files generated beside the pages (vCard, CSV, calendar, feed): one function lists them, one writes them.

Each format has its own rule for untrusted text, applied where the text leaves for that format: CSV cells
are neutralised against formula injection (contacts.csv_cell), vCard and iCalendar text is escaped and
folded (contacts.vcard_text, clock.ics), and the feed drops characters XML does not allow (news.atom).
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlparse

from ..data import open_data
from ..data.site import Site
from . import clock, contacts, news


def _json_lines(document: dict) -> str:
    """A document as compact JSON with each record of its "tiedot" on a line of its own (C-speed encoding,
    still readable and diffable line by line)."""
    records = document.get("tiedot")
    if not isinstance(records, list):
        return json.dumps(document, ensure_ascii=False) + "\n"
    head = json.dumps({k: v for k, v in document.items() if k != "tiedot"}, ensure_ascii=False)
    body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return f'{head[:-1]}, "tiedot": [\n{body}\n]}}\n' if len(head) > 2 else f'{{"tiedot": [\n{body}\n]}}\n'


def all_files(site: Site, site_url: str, today: date) -> dict[str, str]:
    """Path under the built site → file text. The host glue writes them into the built site."""
    host = urlparse(site_url or "").hostname or "linjaukset.example"
    files: dict[str, str] = {}
    files.update(contacts.export_files(site.parties, site.contacts))
    files["vuosikello/vuosikello.ics"] = clock.ics(site.clock, site.parties, host).decode("utf-8")
    # Open data: each kind as JSON with its JSON Schema beside it (macros.data.open_data). The documents are
    # compact, one record a line (at national scale they are megabytes); the schemas are indented for reading.
    for name, document in open_data.documents(site, site_url or f"https://{host}/", today).items():
        files[open_data.FOLDER + name] = _json_lines(document)
    for name, schema in open_data.schemas().items():
        files[open_data.FOLDER + name] = json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
    files["ajankohtaista/feed.xml"] = news.atom(
        news.items(site.parties, site.articles, today, site.quota_terms),
        site.region,
        today,
        site_url or f"https://{host}/",
        host,
    )
    return files
