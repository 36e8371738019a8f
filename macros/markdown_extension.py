"""The Markdown extension of the site: editors' HTML cleaned, the macros' HTML put in after Markdown.

A block macro does not write its HTML into the page's Markdown: it puts the HTML in the build's `Stash`
and writes a placeholder paragraph. After Python-Markdown has converted the page, this extension
1. cleans what Markdown made of the editor's text with the allowlist of macros.sanitise (the placeholders
   are plain words and pass), then
2. puts each stashed block in place of its placeholder.
So generated tables skip the Markdown parser (about a millisecond a report page) and are never cleaned,
while nothing an editor types can add a script, an event attribute or a `javascript:` link.

The stash belongs to one build: its keys carry a random value drawn when the build starts, so a
placeholder typed into a page matches nothing, and `Stash.leftover()` tells at the end of the build
whether every block found its place. Configured in mkdocs.yml as the extension
`macros.markdown_extension`. Under MkDocs the host glue hands the build's stash to it in the
extension's configuration and has already rendered the page. Zensical has no page hook: there the glue
leaves the build on Zensical's page object, and this extension's preprocessor renders the page.
"""

from __future__ import annotations

import html
import re
import secrets

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .data import finnish
from .render.sanitise import clean_html

_TAGS = re.compile(r"<[^<>]*>")
# Inline elements run on inside a line of text ("1310<strong>52</strong>-308T" reads as one word).
_INLINE_TAGS = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)"
    r"\b[^<>]*>",
    re.I,
)


def _shown(html_text: str) -> str:
    """The text a reader sees (inline tags out, other tags a space, character references decoded): the last
    look for a henkilötunnus."""
    return html.unescape(_TAGS.sub(" ", _INLINE_TAGS.sub("", html_text)))


class Stash:
    """HTML blocks of one build, each kept until its placeholder is replaced; and what the last look at each
    rendered page found (`findings`: a henkilötunnus that only appears once the page is rendered)."""

    def __init__(self) -> None:
        self.page = ""  # the page being rendered, set by the host glue
        self.findings: list[str] = []
        self._blocks: dict[str, str] = {}
        self._prefix = "LINJAUKSETHTML" + secrets.token_hex(8)
        self._count = 0
        self.token = re.compile(r"<p>(" + self._prefix + r"X\d+X)</p>")

    def put(self, html: str) -> str:
        """Keep html aside; return the placeholder paragraph that stands for it in the Markdown."""
        self._count += 1
        key = f"{self._prefix}X{self._count}X"
        self._blocks[key] = html
        return f"\n\n{key}\n\n"

    def restore(self, text: str) -> str:
        """Put the stashed HTML in place of its placeholders (each is used once)."""
        return self.token.sub(lambda match: self._blocks.pop(match.group(1), match.group(0)), text)

    def leftover(self) -> int:
        """How many blocks never found their place (a block macro written inside a paragraph, say)."""
        return len(self._blocks)


def _zensical_build(md):
    """The Build that the glue left on Zensical's page object, found through Zensical's context
    preprocessor (named 'rendering_context'); None under MkDocs."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if page is not None and hasattr(page, "linjaukset_build"):
            return page.linjaukset_build, page.path
    return None


class _RenderOnZensical(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        found = _zensical_build(self.md)
        if found is None:
            return lines
        from .host import render_page  # the host layer imports this module: import it when needed

        build, path = found
        return render_page("\n".join(lines), build, path).split("\n")


class _CleanThenRestore(Postprocessor):
    def __init__(self, md, stash: Stash | None):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        text = clean_html(text)
        stash = self.stash
        if stash is None and (found := _zensical_build(self.md)):
            stash = found[0].stash
        if stash is None:
            return text
        if finnish.find_personal_identity_code(_shown(text)) is not None:
            stash.findings.append(
                f"docs/{stash.page}: sivun tekstissä on henkilötunnus: henkilötunnuksia ei saa julkaista, poista se"
            )
        return stash.restore(text)


class SiteMarkdown(Extension):
    def __init__(self, **kwargs):
        # Not None as the default: Python-Markdown would turn the Stash into a boolean.
        self.config = {"stash": ["", "the build's Stash (set by the host glue)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # Zensical: right after its macros preprocessor (35), before fenced code and raw HTML are read.
        md.preprocessors.register(_RenderOnZensical(md), "linjaukset_render", 34)
        # After Python-Markdown has put back raw HTML (priority 30) and restored its own placeholders.
        md.postprocessors.register(
            _CleanThenRestore(md, self.getConfig("stash") or None), "linjaukset_clean_restore", 5
        )


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return SiteMarkdown(**kwargs)
