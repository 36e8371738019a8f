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
from datetime import date
from pathlib import Path

from .data import pages, versions
from .data.loader import build_date, load_site
from .data.problems import DataError, Problem, errors
from .data.site import Site
from .markdown_extension import Stash
from .render import exports
from .site_macros import PageInfo, build_macros


@dataclass(frozen=True)
class Build:
    site: Site
    problems: tuple[Problem, ...]  # errors only while previewing; warnings and notices always
    stash: Stash
    macros: dict[str, Callable]
    today: date
    site_url: str

    blocked: bool  # errors in the data: only a preview gets this far, and it shows them instead of the pages


def preview() -> bool:
    """`make serve` sets LINJAUKSET_ESIKATSELU=1: invalid data is shown on the pages instead of stopping."""
    return os.environ.get("LINJAUKSET_ESIKATSELU") == "1"


def new_build(root: Path, site_url: str, page: Callable[[], PageInfo]) -> Build:
    """Load and check everything; raises DataError on problems unless previewing."""
    today = build_date()
    site, problems = load_site(root, today)
    if errors(problems) and not preview():
        raise DataError(problems)
    stash = Stash()

    def history():
        return versions.history(root, site.versions)

    macros = (
        {} if errors(problems) else build_macros(site, page, stash, today, site_url or "", tuple(problems), history)
    )
    return Build(site, tuple(problems), stash, macros, today, site_url or "", bool(errors(problems)))


def render_page(markdown: str, build: Build, file: str) -> str:
    """A page's Markdown with its macro calls replaced; with problems (preview), the problem list instead."""
    if build.blocked:
        from .render.templating import render

        return "# Tiedoissa on virheitä\n\n" + build.stash.put(render("problems.html", problems=errors(build.problems)))
    try:
        return pages.render(pages.parse(markdown), build.macros)
    except pages.PageError as exc:
        raise DataError([Problem(f"docs/{file}", exc.line, 1, exc.message)]) from None


def check_meta(src: str, meta: dict) -> str | None:
    """The page settings the host read, checked again when the page is rendered (the host also reads settings
    the check never sees the same way, such as 'key: value' lines at the top of a page). None when fine."""
    from pydantic import ValidationError

    from .data.models import PageMeta, Report

    model = Report if src.startswith("tunnistamisraportit/") else PageMeta
    try:
        if model is PageMeta:
            PageMeta.model_validate(meta)
        elif set(meta) - set(Report.model_fields):
            raise ValueError(sorted(set(meta) - set(Report.model_fields)))
    except (ValidationError, ValueError):
        return (
            f"docs/{src}:1:1: sivun asetuksissa on kenttä tai arvo, jota ei sallita (sallitut: "
            f"{', '.join(PageMeta.model_fields)}): korjaa sivun alku. Sivustoa ei julkaistu."
        )
    return None


def write_files(build: Build, site_dir: Path) -> None:
    """The take-away files (vCard, CSV, calendar, feed) into the built site."""
    if build.blocked:
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
