"""The built site's pages, for tests that visit each one."""

from __future__ import annotations

from pathlib import Path


def site_paths(site: Path) -> list[str]:
    """Every page as a URL path ('' for the front page), sorted."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")):
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths
