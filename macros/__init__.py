"""mkdocs-macros entry point: load the data once, register the macros. The work is in plain modules.

Imports happen inside the functions so that `python -m macros.check` starts quickly.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env):
    from markupsafe import escape

    from .loader import load_site
    from .problems import DataError
    from .site_macros import build_macros, variables
    from .text import demote_headings

    site, problems = load_site(Path(env.project_dir))
    if problems:
        # Abort makes MkDocs print the Finnish messages and stop, with no traceback and no site.
        from mkdocs.exceptions import Abort
        raise Abort(str(DataError(problems)))
    env.linjaukset_site = site  # for the page and build hooks below
    env.linjaukset_exports = None  # the file writer of this build, started at the first page
    env.variables.update(variables(site))
    # The region's name is data: the header and the browser tab show it too. MkDocs' theme templates
    # do not autoescape, so the name is escaped here.
    env.conf["site_name"] = str(escape(f"{site.region.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen "
                                       "yhteistyö"))

    def page_base() -> str:
        """Relative path from the page being rendered to the site root ('' or '../…')."""
        url = env.page.url if env.page else ""
        return "../" * url.count("/")

    def page_file() -> str:
        return env.page.file.src_uri if env.page else ""

    macros = build_macros(site, page_base, page_file)
    for name, function in macros.items():
        env.macro(function, name)
    env.filter(demote_headings, "demote_headings")
    env.linjaukset_report_files = {f"tunnistamisraportit/{r.id}.md" for r in site.reports}
    env.linjaukset_report = macros["raportti"]


def on_pre_page_macros(env):
    """Optional fast path for report pages (hundreds at national scale): when the page's only template
    code is the report line, put the report in directly and skip compiling the page as a template.
    Without this hook (another host of define_env) the same line is rendered the ordinary way."""
    from .loader import REPORT_MACRO

    _start_exports(env)
    page = env.page
    if page is None or page.file.src_uri not in getattr(env, "linjaukset_report_files", ()):
        return
    text = env.markdown
    if text.count("{{") == 1 and REPORT_MACRO in text and "{%" not in text and "{#" not in text:
        env.markdown = text.replace(REPORT_MACRO, str(env.linjaukset_report()))
        page.meta["render_macros"] = False


def _start_exports(env):
    """Write the take-away files (vCard, CSV, calendar, feed) while the pages are built. Started at the
    first page, after MkDocs has cleaned the site directory; on_post_build waits for it."""
    from . import exports

    if getattr(env, "linjaukset_exports", None) is None:
        env.linjaukset_exports = exports.write_in_background(
            Path(env.conf["site_dir"]), exports.all_files(env.linjaukset_site, env.conf["site_url"]))


def on_post_build(env):
    """Make sure the take-away files are written (and reset for the next build of `mkdocs serve`)."""
    _start_exports(env)
    wait, env.linjaukset_exports = env.linjaukset_exports, None
    wait()
