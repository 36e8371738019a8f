"""Write generated files into the built site. Run as a script, it reads them (pickled) from standard
input: the build hands the writing to a fresh process that shares no memory or lock with it.

    python macros/filewriter.py SITE_DIR  < pickled {relative path: text}
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path


def write(site_dir: Path, files: dict[str, str]) -> None:
    site_dir = Path(site_dir)
    for folder in {Path(relative).parent for relative in files}:
        (site_dir / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        with open(site_dir / relative, "wb") as handle:
            handle.write(text.encode("utf-8"))


if __name__ == "__main__":
    write(Path(sys.argv[1]), pickle.load(sys.stdin.buffer))
