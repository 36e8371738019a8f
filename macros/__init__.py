"""mkdocs-macros entry point: load and check everything once, register the macros, render the pages.

The work is in plain modules; this file only connects them to the host:
- `define_env` loads the site (macros.loader), creates the build's stash and hands it to the Markdown
  extension (macros.rawhtml), and registers the macros (macros.site_macros).
- `on_pre_page_macros` renders the page itself, with macros.pages: a page is text and checked macro
  calls, nothing else, so the plugin's own (unsandboxed) Jinja never sees a page.
- `on_post_build` makes sure every stashed block found its place and writes the take-away files.

Everything one build needs is in one object, `env.linjaukset` (a Build), made anew by each build.

With LINJAUKSET_ESIKATSELU=1 (set by `make serve`), invalid data does not stop the preview: every page
shows the Finnish messages instead, so an editor sees what to fix. A real build always stops.
Imports happen inside the functions so that `python -m macros.check` starts quickly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

EXTENSION = "macros.rawhtml"


@dataclass
class Build:
    site: object
    problems: list
    stash: object
    macros: dict


def build_date() -> date:
    """The day the build describes: LINJAUKSET_PAIVA (YYYY-MM-DD) or SOURCE_DATE_EPOCH when set (tests and
    reproducible builds), otherwise today."""
    if os.environ.get("LINJAUKSET_PAIVA"):
        return date.fromisoformat(os.environ["LINJAUKSET_PAIVA"])
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=timezone.utc).date()
    return date.today()


def define_env(env):
    from markupsafe import escape

    from .loader import load_site
    from .problems import DataError
    from .rawhtml import Stash
    from .site_macros import PageInfo, build_macros

    site, problems = load_site(Path(env.project_dir))
    if problems and os.environ.get("LINJAUKSET_ESIKATSELU") != "1":
        # Abort makes MkDocs print the Finnish messages and stop, with no traceback and no site.
        from mkdocs.exceptions import Abort
        raise Abort(str(DataError(problems)))
    stash = Stash()
    env.conf["mdx_configs"].setdefault(EXTENSION, {})["stash"] = stash

    def page() -> PageInfo:
        return PageInfo(env.page.file.src_uri, env.page.url) if env.page else PageInfo("", "")

    macros = {} if problems else build_macros(site, page, stash, build_date(), env.conf["site_url"] or "")
    for name, function in macros.items():
        env.macro(function, name)
    env.linjaukset = Build(site, problems, stash, macros)
    if site.region is not None:
        # The region's name is data: the header and the browser tab show it too. MkDocs' theme templates
        # do not autoescape, so the name is escaped here.
        env.conf["site_name"] = str(escape(f"{site.region.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen "
                                           "yhteistyö"))


def on_pre_page_macros(env):
    """Render the page with macros.pages (text and checked calls only); the plugin's Jinja is skipped."""
    from . import pages

    build = env.linjaukset
    page = env.page
    if build.problems:
        from .templating import render
        env.markdown = "# Tiedoissa on virheitä\n\n" + build.stash.put(render("problems.html", problems=build.problems))
    elif page.meta.get("render_macros") is not False:
        try:
            env.markdown = pages.render(pages.parse(env.markdown), build.macros)
        except pages.PageError as exc:
            from mkdocs.exceptions import Abort
            raise Abort(f"docs/{page.file.src_uri}:{exc.line}:1: {exc.message}") from None
    page.meta["render_macros"] = False


def on_post_build(env):
    """Every stashed block must have found its place; then the take-away files (vCard, CSV, calendar, feed)."""
    from mkdocs.exceptions import Abort

    from . import exports

    build = env.linjaukset
    if build.problems:
        return
    if build.stash.leftover():
        raise Abort("Jokin lohkomakro (esim. {{ osapuolet() }}) on kirjoitettu tekstin sekaan: kirjoita jokainen "
                    "lohkomakro omalle rivilleen, tyhjien rivien väliin. Sivustoa ei julkaistu.")
    exports.write(Path(env.conf["site_dir"]), exports.all_files(build.site, env.conf["site_url"], build_date()))
