"""Small builders for combination tests: races from ``{name: "36.97"}`` or ``{name: "DQ"}``."""

from __future__ import annotations

from collections.abc import Mapping

from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time


def skater(name: str) -> Skater:
    return Skater(name, "NED")


def result(name: str, value: str) -> Result:
    """A result from a time text, or from a status name (``DNF``, ``DQ``, ``WDR``, ``DNS``)."""
    if value.upper() in {s.value for s in Status if s is not Status.OK}:
        return Result(skater(name), status=Status.parse(value))
    return Result(skater(name), Time.parse(value))


def race(distance: int, entries: Mapping[str, str], number: int = 1) -> Race:
    """A men's race of ``distance`` with the given results, in the given order."""
    results = tuple(result(name, value) for name, value in entries.items())
    return Race(distance, Gender.MEN, results, number=number)
