"""What is wrong with a season file: where (file, line, key) and what, all of it at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["SeasonError", "SeasonProblem"]


@dataclass(frozen=True, slots=True)
class SeasonProblem:
    """One thing a season file got wrong.

    ``key`` is the path to the value (``tables[2].points``); ``line`` and ``column`` count from 1
    and are known only for TOML syntax errors (0 otherwise).
    """

    source: str
    message: str
    key: str = ""
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        where = self.source
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        if self.key:
            where += f": {self.key}" if where else self.key
        return f"{where}: {self.message}" if where else self.message


class SeasonError(ValueError):
    """A season that cannot be loaded; names every problem found, one per line.

    Built from a single message (``SeasonError("unknown season '2013-14' ...")``) or from the
    problems of a validated file. The rules layer sits below the file formats, so this is its
    own error rather than ``ovaltime.formats``' ``FormatError``; both are ``ValueError``.
    """

    def __init__(self, problems: str | Sequence[SeasonProblem]) -> None:
        if isinstance(problems, str):
            problems = [SeasonProblem(source="", message=problems)]
        self.problems: list[SeasonProblem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def messages(self) -> list[str]:
        """Each problem as one line of text."""
        return [str(p) for p in self.problems]
