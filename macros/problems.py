"""Validation problems: one line-numbered, Finnish message an editor can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in one data file, at a line and column (both 1-based)."""

    file: str
    line: int
    column: int
    message: str

    def plain(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def github(self) -> str:
        # GitHub workflow commands: escape %, CR and LF in the message, also , and : in properties.
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = self.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={file},line={self.line},col={self.column}::{msg}"


def count_text(n: int) -> str:
    """'1 virhe', '3 virhettä' (Finnish partitive after numbers other than one)."""
    return "1 virhe" if n == 1 else f"{n} virhettä"


class DataError(Exception):
    """Raised by the build when the data has problems; carries them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        lines = [p.plain() for p in self.problems]
        lines.append(f"{count_text(len(self.problems))} tiedoissa; sivustoa ei julkaistu.")
        super().__init__("\n".join(lines))
