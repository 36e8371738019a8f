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
whether every block found its place. Configured in mkdocs.yml as the extension `macros.rawhtml`; the
host glue hands the build's stash to it in the extension's configuration.
"""

from __future__ import annotations

import re
import secrets

from markdown import Extension
from markdown.postprocessors import Postprocessor

from .sanitise import clean_html


class Stash:
    """HTML blocks of one build, each kept until its placeholder is replaced."""

    def __init__(self) -> None:
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


class _CleanThenRestore(Postprocessor):
    def __init__(self, md, stash: Stash | None):
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        text = clean_html(text)
        return self.stash.restore(text) if self.stash else text


class SiteMarkdown(Extension):
    def __init__(self, **kwargs):
        # Not None as the default: Python-Markdown would turn the Stash into a boolean.
        self.config = {"stash": ["", "the build's Stash (set by the host glue)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # After Python-Markdown has put back raw HTML (priority 30) and restored its own placeholders.
        md.postprocessors.register(_CleanThenRestore(md, self.getConfig("stash") or None), "linjaukset_clean_restore", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return SiteMarkdown(**kwargs)
