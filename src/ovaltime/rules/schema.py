"""A parsed season file -> ``SeasonRules``, or a ``SeasonError`` naming every problem.

The file format is described in docs/seasons.md; this module is its one reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ovaltime.core.season import MassStartFormat, Rounding, SeasonRules
from ovaltime.rules.checks import Checker
from ovaltime.rules.errors import SeasonError
from ovaltime.rules.races import read_cups, read_tables

__all__ = ["build_season"]

_REQUIRED = ("season", "mass_start", "cups", "tables")
_OPTIONAL = (
    "final_multiplier",
    "final_rounding",
    "final_distance_size",
    "verified",
    "unverified",
)
_MASS_START = ("laps", "sprint_laps", "intermediate_points", "final_points")
_SEASON_NAME = re.compile(r"(\d{4})-(\d{2})")


def build_season(data: Mapping[str, object], source: str) -> SeasonRules:
    """The season rules a parsed file describes; ``source`` names the file in problems."""
    check = Checker(source)
    check.table(dict(data), "", required=_REQUIRED, optional=_OPTIONAL)
    season = _season_name(check, data.get("season"))
    multiplier = check.fraction(data.get("final_multiplier", 1), "final_multiplier")
    rounding = check.choice(data.get("final_rounding", "down"), "final_rounding", Rounding)
    size = check.integer(data.get("final_distance_size", 8), "final_distance_size", minimum=1)
    mass_start = _mass_start(check, data.get("mass_start"))
    cups = read_cups(check, data.get("cups"))
    tables = read_tables(check, data.get("tables"))
    verified = check.texts(data.get("verified", []), "verified")
    unverified = check.texts(data.get("unverified", []), "unverified")
    if (
        check.problems
        or season is None
        or multiplier is None
        or rounding is None
        or size is None
        or mass_start is None
    ):  # every None is a problem written down
        raise SeasonError(check.problems)
    return SeasonRules(
        season=season,
        tables=tables,
        cups=cups,
        mass_start=mass_start,
        final_multiplier=multiplier,
        final_rounding=rounding,
        final_distance_size=size,
        verified=verified or (),
        unverified=unverified or (),
        source=source,
    )


def _season_name(check: Checker, value: object) -> str | None:
    """``"2016-17"``: a season runs July to June, so its two years follow each other."""
    name = check.text(value, "season")
    if name is None:
        return None
    match = _SEASON_NAME.fullmatch(name)
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        check.problem("season", f'expected a season such as "2016-17", got {name!r}')
        return None
    return name


def _mass_start(check: Checker, value: object) -> MassStartFormat | None:
    """``[mass_start]``: laps, the laps that end an intermediate sprint, and sprint points."""
    table = check.table(value, "mass_start", required=_MASS_START)
    if table is None:
        return None
    laps = check.integer(table.get("laps"), "mass_start.laps", minimum=1)
    sprint_laps = check.integers(table.get("sprint_laps"), "mass_start.sprint_laps", minimum=1)
    intermediate = check.points(table.get("intermediate_points"), "mass_start.intermediate_points")
    final = check.points(table.get("final_points"), "mass_start.final_points")
    if laps is not None and sprint_laps is not None:
        if list(sprint_laps) != sorted(set(sprint_laps)):
            check.problem("mass_start.sprint_laps", "must increase")
            return None
        if sprint_laps[-1] >= laps:
            check.problem(
                "mass_start.sprint_laps", f"must end before the last lap ({laps} laps in all)"
            )
            return None
    if laps is None or sprint_laps is None or intermediate is None or final is None:
        return None
    return MassStartFormat(laps, sprint_laps, intermediate, final)
