"""`make check`: validate every data file and print one line per error and warning, then a count.

Exit status 0 when the data is valid, 1 when it is not. Notices (facts to look at some day, never blocking)
are counted, not printed: the site's "Ylläpidon tilanne" page lists them. With GITHUB_ACTIONS=true each
problem, notices included, is also printed as a workflow annotation so that the pull request shows it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..data import versions
from ..data.loader import load_site
from ..data.problems import ERROR, NOTICE, WARNING, count_text, errors


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        site, problems = load_site(root)
        if not errors(problems):  # compared only once the files themselves are valid
            problems += versions.check(root, site)
    except Exception as exc:  # noqa: BLE001 - an editor must never see a traceback
        print(
            f"Tietojen tarkistus keskeytyi odottamattomaan virheeseen (tekninen tunnus: {type(exc).__name__}). "
            "Ilmoita tästä sivuston kehittäjille.",
            file=sys.stderr,
        )
        return 2
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        if problem.level != NOTICE:
            print(problem.plain())
        if github:
            print(problem.github())
    counts = {level: sum(p.level == level for p in problems) for level in (ERROR, WARNING, NOTICE)}
    warnings = f" ({count_text(counts[WARNING], WARNING)})" if counts[WARNING] else ""
    notices = (
        f" Huomautuksia on {counts[NOTICE]}: ne näkyvät sivuston sivulla Ylläpidon tilanne (yllapidon-tilanne)."
        if counts[NOTICE]
        else ""
    )
    if counts[ERROR]:
        print(f"{count_text(counts[ERROR])}{warnings}. Korjaa tiedostot ja tarkista uudelleen.{notices}")
        return 1
    print(f"Tiedot ovat kunnossa: 0 virhettä{warnings}.{notices}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
