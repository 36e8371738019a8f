"""Build one project in this process and print its figures as JSON (run in a fresh process per build).

python -m bench.build_one PROJECT_DIR SITE_DIR
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    project, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.path.insert(0, str(project))
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s", stream=sys.stderr)
    started = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    wall = time.perf_counter() - started
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    sizes = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in pages), reverse=True)
    print(
        json.dumps(
            {
                "wall_s": round(wall, 3),
                "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "pages": len(pages),
                "output_mb": round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6, 2),
                "html_mb": round(sum(s for s, _ in sizes) / 1e6, 2),
                "largest_kb": round(sizes[0][0] / 1e3, 1),
                "largest_page": sizes[0][1],
            }
        )
    )


if __name__ == "__main__":
    main()
