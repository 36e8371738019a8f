"""Files generated beside the pages (vCard, CSV, calendar, feed): one function lists them, one writes them.

Each format has its own rule for untrusted text, applied where the text leaves for that format: CSV cells
are neutralised against formula injection (contacts.csv_cell), vCard and iCalendar text is escaped and
folded (contacts.vcard_text, clock.ics), and the feed drops characters XML does not allow (news.atom).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from . import clock, contacts, news


def all_files(site, site_url: str, today: date) -> dict[str, str]:
    """Path under the built site → file text."""
    host = urlparse(site_url or "").hostname or "linjaukset.example"
    files: dict[str, str] = {}
    files.update(contacts.export_files(site.parties, site.contacts))
    files["vuosikello/vuosikello.ics"] = clock.ics(site.clock, site.parties, host).decode("utf-8")
    files["ajankohtaista/feed.xml"] = news.atom(site, today, site_url or f"https://{host}/", host)
    return files


def write(site_dir: Path, files: dict[str, str]) -> None:
    """Write the files into the built site (some 2,000 small files at national scale: about 0.1 s)."""
    for folder in {Path(relative).parent for relative in files}:
        (site_dir / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        (site_dir / relative).write_bytes(text.encode("utf-8"))
