"""Files generated beside the pages (vCard, CSV, calendar, feed): one function lists them all."""

from __future__ import annotations

from pathlib import Path

from datetime import date
from urllib.parse import urlparse

from . import clock, contacts, news


def all_files(site, site_url: str, today: date | None = None) -> dict[str, str]:
    """Path under the built site → file text."""
    host = urlparse(site_url or "").hostname or "linjaukset.example"
    files: dict[str, str] = {}
    files.update(contacts.export_files(site.parties, site.contacts))
    files["vuosikello/vuosikello.ics"] = clock.ics(site.clock, site.parties, host).decode("utf-8")
    files["ajankohtaista/feed.xml"] = news.atom(site, today or date.today(), site_url or f"https://{host}/", host)
    return files


def write(site_dir: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = Path(site_dir) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
