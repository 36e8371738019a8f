"""HTML made by the macros bypasses the Markdown parser.

A block macro puts a placeholder paragraph into the page (`stash`), and this Python-Markdown
extension puts the HTML in its place after conversion. Python-Markdown would otherwise parse every
generated table as raw HTML, about a millisecond per report page, and could trip on it (a blank line
ends a raw HTML block). Configured in mkdocs.yml under markdown_extensions as `macros.rawhtml`; any
host that uses Python-Markdown extensions (MkDocs, Zensical) runs it.
"""

from __future__ import annotations

import itertools
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_STASH: dict[str, str] = {}
_NUMBERS = itertools.count()
TOKEN = re.compile(r"<p>(LINJAUKSETHTML\d+X)</p>")


def stash(html: str) -> str:
    """Keep html aside; return the placeholder paragraph that stands for it in the Markdown."""
    key = f"LINJAUKSETHTML{next(_NUMBERS)}X"
    _STASH[key] = html
    return f"\n\n{key}\n\n"


def restore(text: str) -> str:
    """Put the stashed HTML back in place of its placeholders (each is used once)."""
    return TOKEN.sub(lambda match: _STASH.pop(match.group(1), match.group(0)), text)


def inline(markdown_text: str) -> str:
    """The Markdown with the HTML written out in place of the placeholders (for a plain copy)."""
    return re.sub(r"LINJAUKSETHTML\d+X", lambda match: _STASH.pop(match.group(0), match.group(0)), markdown_text)


class _Restore(Postprocessor):
    def run(self, text: str) -> str:
        return restore(text)


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_Restore(md), "linjaukset_rawhtml", 0)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return RawHtmlExtension(**kwargs)
