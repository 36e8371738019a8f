"""`make check`: validate every data file and print one line per problem, then a count.

Exit status 0 when the data is valid, 1 when it is not. With GITHUB_ACTIONS=true each problem is
also printed as a workflow annotation so that the pull request shows it on the changed line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..data.loader import load_site
from ..data.problems import count_text


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        _site, problems = load_site(root)
    except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
        print(
            f"Tietojen tarkistus keskeytyi odottamattomaan virheeseen (tekninen tunnus: {type(exc).__name__}). "
            "Ilmoita tästä sivuston kehittäjille.",
            file=sys.stderr,
        )
        return 2
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.plain())
        if github:
            print(problem.github())
    if problems:
        print(f"{count_text(len(problems))}. Korjaa tiedostot ja tarkista uudelleen.")
        return 1
    print("Tiedot ovat kunnossa: 0 virhettä.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
