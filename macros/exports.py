"""Files generated beside the pages (vCard, CSV, calendar, feed): one function lists them all."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from . import clock, contacts, filewriter, news


def all_files(site, site_url: str, today: date | None = None) -> dict[str, str]:
    """Path under the built site → file text."""
    host = urlparse(site_url or "").hostname or "linjaukset.example"
    files: dict[str, str] = {}
    files.update(contacts.export_files(site.parties, site.contacts))
    files["vuosikello/vuosikello.ics"] = clock.ics(site.clock, site.parties, host).decode("utf-8")
    files["ajankohtaista/feed.xml"] = news.atom(site, today or date.today(), site_url or f"https://{host}/", host)
    return files


def write_in_background(site_dir: Path, files: dict[str, str]):
    """Write the files in a fresh Python process while the build goes on (at national scale some two
    thousand small files). Returns a function that waits for it and raises if it failed."""
    import pickle
    import subprocess
    import sys

    writer = subprocess.Popen([sys.executable, str(Path(filewriter.__file__)), str(site_dir)],
                              stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.stdin.write(pickle.dumps(files, protocol=pickle.HIGHEST_PROTOCOL))
    writer.stdin.close()

    def wait() -> None:
        if writer.wait() != 0:
            raise RuntimeError("Tiedostojen (vCard, CSV, kalenteri, syöte) kirjoitus epäonnistui: "
                               + writer.stderr.read().decode("utf-8", "replace")[-2000:])
        writer.stderr.close()

    return wait
