"""One Jinja environment for every renderer: autoescape on, undefined names fail loudly."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..data import finnish

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["fi_date"] = finnish.fi_date
    env.filters["euros"] = finnish.euros
    env.filters["tel"] = finnish.phone_uri
    return env


def render(template: str, **context) -> str:
    """Render a template to an HTML block that Markdown passes through untouched."""
    html = environment().get_template(template).render(**context).strip()
    # Markdown ends a raw HTML block at a blank line: keep the block in one piece.
    return "\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n"
