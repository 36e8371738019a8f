"""The plain baseline: the same pages as a project, with the Markdown our macros would produce written
out as static text, built by mkdocs-material with no macros plugin and no data.

    python -m bench.baseline PROJECT_DIR OUT_DIR
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

from macros.data import pages
from macros.data.loader import load_site
from macros.data.problems import errors
from macros.data.yamlsource import split_front_matter
from macros.site_macros import PageInfo, build_macros


def page_url(src_uri: str) -> str:
    """MkDocs' directory URL of a page (use_directory_urls)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def baseline(project: Path, out: Path) -> int:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(project / "docs", out / "docs")
    shutil.copytree(project / "overrides", out / "overrides")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:\n(?:      .*\n)+", "", config)
    config = re.sub(r"watch:\n(?:  - .*\n)+", "", config)
    config = re.sub(r"  - macros\.markdown_extension.*\n", "", config)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")

    site, problems = load_site(project)
    if errors(problems):
        raise SystemExit("\n".join(p.plain() for p in errors(problems)[:3]))
    current = {"src": ""}
    # No stash: the HTML our macros make goes straight into the Markdown, as a plain site would have it.
    macros = build_macros(
        site,
        lambda: PageInfo(current["src"], page_url(current["src"])),
        None,
        today=date.today(),
        site_url="https://linjaukset.example/",
    )
    count = 0
    for path in sorted((project / "docs").rglob("*.md")):
        src = path.relative_to(project / "docs").as_posix()
        text = path.read_text(encoding="utf-8")
        front, body, _ = split_front_matter(text)
        if front and "render_macros: false" in front:
            rendered = body
        else:
            current["src"] = src
            rendered = pages.render(site.pages[src], macros)
        head = f"---\n{front}---\n" if front else ""
        (out / "docs" / src).write_text(head + rendered, encoding="utf-8")
        count += 1
    return count


if __name__ == "__main__":
    print(baseline(Path(sys.argv[1]), Path(sys.argv[2])))
