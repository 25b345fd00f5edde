"""Typed reads of parsed TOML values that note what is wrong and keep going.

Every read takes the key path of its value (``tables[2].points``) so that a problem names it;
a bad value reads as ``None`` and is written down, so one pass over a file finds every problem.
TOML has no null, so a value of ``None`` is a missing key: ``Checker.table`` has reported it
already, and the reads pass it through without a second report.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import Enum
from fractions import Fraction
from itertools import pairwise
from typing import TypeVar

from ovaltime.rules.errors import SeasonProblem

__all__ = ["Checker", "describe"]

_E = TypeVar("_E", bound=Enum)


def describe(value: object) -> str:
    """A value as the TOML author wrote it: ``text 'x'``, ``a list``, ``1.5``."""
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


class Checker:
    """Collects the problems of one file (``source``) while its values are read."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[SeasonProblem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(SeasonProblem(self.source, message, key))

    def table(
        self,
        value: object,
        key: str,
        *,
        required: Collection[str],
        optional: Collection[str] = (),
    ) -> Mapping[str, object] | None:
        """A TOML table with every ``required`` key and no key outside ``required + optional``."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, f"expected a table, got {describe(value)}")
            return None
        known = [*required, *optional]
        for name in value:
            if name not in known:
                self.problem(_join(key, name), f"unknown key (expected {', '.join(known)})")
        for name in required:
            if name not in value:
                self.problem(_join(key, name), "missing (required)")
        return value

    def items(self, value: object, key: str) -> list[object] | None:
        """A non-empty TOML array."""
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {describe(value)}")
            return None
        if not value:
            self.problem(key, "must not be empty")
            return None
        return value

    def text(self, value: object, key: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"expected a non-empty text, got {describe(value)}")
            return None
        return value.strip()

    def texts(self, value: object, key: str) -> tuple[str, ...] | None:
        """A list of non-empty texts (may be empty: ``verified = []``)."""
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(key, f"expected a list of texts, got {describe(value)}")
            return None
        found = [self.text(item, f"{key}[{i}]") for i, item in enumerate(value)]
        return tuple(t for t in found if t is not None) if None not in found else None

    def integer(self, value: object, key: str, *, minimum: int = 0) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(key, f"expected a whole number, got {describe(value)}")
            return None
        if value < minimum:
            self.problem(key, f"must be at least {minimum}, got {value}")
            return None
        return value

    def integers(self, value: object, key: str, *, minimum: int = 0) -> tuple[int, ...] | None:
        """A non-empty list of whole numbers, each at least ``minimum``."""
        values = self.items(value, key)
        if values is None:
            return None
        found = [self.integer(v, f"{key}[{i}]", minimum=minimum) for i, v in enumerate(values)]
        return tuple(n for n in found if n is not None) if None not in found else None

    def points(self, value: object, key: str) -> tuple[int, ...] | None:
        """Points by rank: whole numbers from 0 that never rise with the rank."""
        points = self.integers(value, key)
        if points is None:
            return None
        for rank, (before, after) in enumerate(pairwise(points), start=2):
            if after > before:
                self.problem(
                    key, f"must not rise with the rank (rank {rank} has {after} after {before})"
                )
                return None
        return points

    def choice(self, value: object, key: str, kind: type[_E]) -> _E | None:
        """One of an enum's values, written as its text (``"mass start"``)."""
        if value is None:
            return None
        for member in kind:
            if member.value == value:
                return member
        expected = ", ".join(str(m.value) for m in kind)
        self.problem(key, f"expected one of {expected}; got {describe(value)}")
        return None

    def fraction(self, value: object, key: str) -> Fraction | None:
        """A positive number: ``1``, ``1.5`` or a text ``"3/2"`` / ``"1.5"``, read exactly."""
        if value is None:
            return None
        number: Fraction | None = None
        if isinstance(value, int | float | str) and not isinstance(value, bool):
            try:
                number = Fraction(str(value).strip())  # str(1.5) == "1.5": no binary residue
            except (ValueError, ZeroDivisionError):
                number = None
        if number is None or number <= 0:
            self.problem(
                key, f'expected a positive number such as 1.5 or "3/2", got {describe(value)}'
            )
            return None
        return number


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
