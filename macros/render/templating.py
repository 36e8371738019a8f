"""One Jinja environment for every renderer: autoescape on, undefined names fail loudly."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from ..data import finnish

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Compiled templates kept between builds, keyed by each template's source, in Jinja's private folder
        # for this user under the system's temporary folder: compiling them is otherwise a tenth of a second
        # of every build, and a build's output does not depend on it.
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters["fi_date"] = finnish.fi_date
    env.filters["euros"] = finnish.euros
    env.filters["sentence"] = finnish.sentence
    env.filters["tel"] = finnish.phone_uri
    return env


# Made once, when the module is imported: configuration, not state (Jinja keeps compiled templates in it).
ENVIRONMENT = _environment()


def environment() -> Environment:
    return ENVIRONMENT


def render(template: str, **context) -> str:
    """Render a template to an HTML block that Markdown passes through untouched."""
    html = ENVIRONMENT.get_template(template).render(**context).strip()
    # Markdown ends a raw HTML block at a blank line: keep the block in one piece.
    return "\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n"
