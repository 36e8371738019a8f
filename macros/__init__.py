"""Host glue: the only code that knows MkDocs (through mkdocs-macros) or Zensical. Thin; the work is in
macros.host, the data layer (macros.data) and the renderers (macros.render).

MkDocs calls `define_env` once per build, `on_pre_page_macros` for each page and `on_post_build` at the
end. Zensical calls `define_env` for each page and has no page or build hook, so there the page is
rendered by our Markdown extension (macros.markdown_extension), and the take-away files are written by
`python -m macros.host SITE_DIR` after the build. Either way a page is rendered from its checked macro
calls only; the host's own Jinja never renders a page (the page's render_macros is set to false).
"""

from __future__ import annotations

from pathlib import Path

EXTENSION = "macros.markdown_extension"


def _is_zensical(env) -> bool:
    return type(env).__module__.startswith("zensical")


def define_env(env):
    from markupsafe import escape

    from .data.problems import DataError
    from .host import new_build
    from .site_macros import PageInfo, sources_by_page

    if _is_zensical(env):

        def page() -> PageInfo:
            return PageInfo(env.page.path, env.page.url)
    else:

        def page() -> PageInfo:
            return PageInfo(env.page.file.src_uri, env.page.url) if env.page else PageInfo("", "")

    try:
        build = new_build(Path(env.project_dir), env.conf.get("site_url") or "", page)
    except DataError as exc:
        if _is_zensical(env):
            raise
        # Abort makes MkDocs print the Finnish messages and stop, with no traceback and no site.
        from mkdocs.exceptions import Abort

        raise Abort(str(exc)) from None
    for name, function in build.macros.items():
        env.macro(function, name)
    # The data edit links of each page (overrides/partials/actions.html), from the registry and the pages.
    env.conf["extra"]["tietolahteet"] = sources_by_page(build.site.pages)
    if _is_zensical(env):
        # The page is rendered by our Markdown extension, which finds the build through the page.
        env.page.meta["render_macros"] = False
        env.page.linjaukset_build = build
    else:
        # One object for this build, for the hooks below; the Markdown extension gets its stash.
        env.linjaukset_build = build
        env.conf["mdx_configs"].setdefault(EXTENSION, {})["stash"] = build.stash
    if build.site.region is not None:
        # The region's name (letters only, models.PlaceName) is in the header and the browser tab.
        env.conf["site_name"] = str(
            escape(f"{build.site.region.nimi_genetiivi} työpajojen ja ammatillisen koulutuksen yhteistyö")
        )


def on_pre_page_macros(env):
    """MkDocs: render the page from its checked calls; the plugin's own Jinja is skipped."""
    from .data.problems import DataError
    from .host import check_meta, render_page

    page = env.page
    build = env.linjaukset_build
    build.stash.page = page.file.src_uri
    problem = check_meta(page.file.src_uri, page.meta)
    if problem:
        from mkdocs.exceptions import Abort

        raise Abort(problem)
    if page.meta.get("render_macros") is not False:
        try:
            env.markdown = render_page(env.markdown, build, page.file.src_uri)
        except DataError as exc:
            from mkdocs.exceptions import Abort

            raise Abort(str(exc)) from None
    page.meta["render_macros"] = False


def on_post_build(env):
    """MkDocs: every stashed block must have found its place; then the take-away files."""
    from mkdocs.exceptions import Abort

    from .host import write_files

    build = env.linjaukset_build
    if build.stash.findings:
        raise Abort("\n".join(build.stash.findings) + "\nSivustoa ei julkaistu.")
    if build.stash.leftover():
        raise Abort(
            "Jokin lohkomakro (esim. {{ osapuolet() }}) on kirjoitettu tekstin sekaan: kirjoita jokainen "
            "lohkomakro omalle rivilleen, tyhjien rivien väliin. Sivustoa ei julkaistu."
        )
    write_files(build, Path(env.conf["site_dir"]))
