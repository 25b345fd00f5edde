"""Problems found while reading a file: where (file, line, field) and what."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FormatError", "Problem"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a reader could not accept. ``line`` counts from 1; 0 means the whole file."""

    source: str
    line: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = self.source
        if self.line:
            where += f":{self.line}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class FormatError(ValueError):
    """A file that cannot be read at all, or a strict read that met problems; names them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
