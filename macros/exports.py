"""Files generated beside the pages (vCard, CSV, calendar, feed): one function lists them all."""

from __future__ import annotations

from pathlib import Path

from . import contacts


def all_files(site) -> dict[str, str]:
    """Path under the built site → file text."""
    files: dict[str, str] = {}
    files.update(contacts.export_files(site.parties, site.contacts))
    return files


def write(site_dir: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = Path(site_dir) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
