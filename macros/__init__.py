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
    env.linjaukset_site = site  # for on_post_build
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

    for name, function in build_macros(site, page_base, page_file).items():
        env.macro(function, name)
    env.filter(demote_headings, "demote_headings")


def on_post_build(env):
    """Write the take-away files (vCard, CSV, calendar, feed) into the built site."""
    from . import exports

    exports.write(Path(env.conf["site_dir"]), exports.all_files(env.linjaukset_site, env.conf["site_url"]))
