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
    site_dir = Path(site_dir)
    for folder in {Path(relative).parent for relative in files}:
        (site_dir / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        with open(site_dir / relative, "wb") as handle:
            handle.write(text.encode("utf-8"))


def write_in_background(site_dir: Path, make_files):
    """Make and write the files in a forked child process, which shares no interpreter lock with the
    build, or in this process where fork is not available. Returns a function that waits for the child
    and, if it failed, does the work here so that the real error is raised."""
    import os

    if not hasattr(os, "fork"):
        write(site_dir, make_files())
        return lambda: None
    pid = os.fork()
    if pid == 0:  # the child: write and leave at once, without running the parent's clean-up
        status = 0
        try:
            write(site_dir, make_files())
        except BaseException:  # noqa: BLE001 - reported through the exit status
            status = 1
        os._exit(status)

    def wait() -> None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            write(site_dir, make_files())

    return wait
