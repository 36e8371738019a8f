"""What both hosts (MkDocs with mkdocs-macros, and Zensical) share: one Build per build.

A Build holds the loaded site, the stash of HTML blocks and the macros bound to them. The host glue
(macros/__init__.py) makes one, renders each page with `render_page` (a page is text and checked macro
calls, nothing else: macros.data.pages) and, at the end, writes the take-away files with `write_files`.

For a host without a build hook of its own, `python -m macros.host SITE_DIR` writes the take-away files
into a built site.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .data import pages
from .data.loader import load_site
from .data.problems import DataError, Problem
from .data.site import Site
from .markdown_extension import Stash
from .render import exports
from .site_macros import PageInfo, build_macros


@dataclass(frozen=True)
class Build:
    site: Site
    problems: tuple[Problem, ...]
    stash: Stash
    macros: dict[str, Callable]
    today: date
    site_url: str


def build_date() -> date:
    """The day the build describes: LINJAUKSET_PAIVA (YYYY-MM-DD) or SOURCE_DATE_EPOCH when set (tests and
    reproducible builds), otherwise today."""
    try:
        if os.environ.get("LINJAUKSET_PAIVA"):
            return date.fromisoformat(os.environ["LINJAUKSET_PAIVA"])
        if os.environ.get("SOURCE_DATE_EPOCH"):
            return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=UTC).date()
    except ValueError:
        raise DataError(
            [
                Problem(
                    "LINJAUKSET_PAIVA",
                    1,
                    1,
                    "ympäristömuuttujan LINJAUKSET_PAIVA pitää olla päivä "
                    "muodossa VVVV-KK-PP ja SOURCE_DATE_EPOCHin sekunteja",
                )
            ]
        ) from None
    return date.today()


def preview() -> bool:
    """`make serve` sets LINJAUKSET_ESIKATSELU=1: invalid data is shown on the pages instead of stopping."""
    return os.environ.get("LINJAUKSET_ESIKATSELU") == "1"


def new_build(root: Path, site_url: str, page: Callable[[], PageInfo]) -> Build:
    """Load and check everything; raises DataError on problems unless previewing."""
    today = build_date()
    site, problems = load_site(root)
    if problems and not preview():
        raise DataError(problems)
    stash = Stash()
    macros = {} if problems else build_macros(site, page, stash, today, site_url or "")
    return Build(site, tuple(problems), stash, macros, today, site_url or "")


def render_page(markdown: str, build: Build, file: str) -> str:
    """A page's Markdown with its macro calls replaced; with problems (preview), the problem list instead."""
    if build.problems:
        from .render.templating import render

        return "# Tiedoissa on virheitä\n\n" + build.stash.put(render("problems.html", problems=build.problems))
    try:
        return pages.render(pages.parse(markdown), build.macros)
    except pages.PageError as exc:
        raise DataError([Problem(f"docs/{file}", exc.line, 1, exc.message)]) from None


def write_files(build: Build, site_dir: Path) -> None:
    """The take-away files (vCard, CSV, calendar, feed) into the built site."""
    if build.problems:
        return
    for relative, text in exports.all_files(build.site, build.site_url, build.today).items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def configured_site_url(root: Path) -> str:
    """site_url from mkdocs.yml, with its !ENV default, as MkDocs and Zensical read it."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader, node):
        name, *default = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
        return os.environ.get(name) or (default[0] if default else "")

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    return str(config.get("site_url") or "")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("käyttö: python -m macros.host SIVUSTON_KANSIO", file=sys.stderr)
        return 2
    try:
        build = new_build(Path.cwd(), configured_site_url(Path.cwd()), lambda: PageInfo("", ""))
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    write_files(build, Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
