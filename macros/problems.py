"""Validation problems: one line-numbered, Finnish message an editor can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line breaks and other control characters in a file name or message (they can come from data) are shown
# as visible escapes: no data can start a new line of the check's output, or a workflow command.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]")


def one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: "\\n" if m.group() == "\n" else f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in one data file, at a line and column (both 1-based)."""

    file: str
    line: int
    column: int
    message: str

    def plain(self) -> str:
        return one_line(f"{self.file}:{self.line}:{self.column}: {self.message}")

    def github(self) -> str:
        """A GitHub workflow command (an annotation on the line), escaped as GitHub documents: %, CR and LF
        in the message, and also : and , in the properties."""
        def data(text: str) -> str:
            return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        return f"::error file={prop(self.file)},line={self.line},col={self.column}::{data(self.message)}"


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
