"""Heats of a team race: two teams skate together, starting on opposite straights (RULES §6).

A heat is won by the faster team; the gap is the loser's time behind the winner, on official
hundredths (on the thousandth where only that splits them), as ``ranking.Ranked.behind``. Equal
times win nobody the heat (gap 0); a heat where one team has no valid time is won by the other,
without a gap; a heat without a valid time has no winner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.teams import TeamResult, rank_teams
from ovaltime.core.times import format_behind

__all__ = ["Heat", "heats"]


@dataclass(frozen=True, slots=True)
class Heat:
    """One heat: its teams as given, the winner (one of them, unchanged) and the gap in
    thousandths."""

    number: int
    teams: tuple[TeamResult, ...]
    winner: TeamResult | None = None
    gap: int | None = None

    @property
    def gap_text(self) -> str:
        """The gap as a list prints it: ``+0.12``, ``+0.003`` on the thousandth; empty without."""
        if self.gap is None:
            return ""
        return format_behind(self.gap, decimals=2 if self.gap % 10 == 0 else 3)


def heats(teams: Sequence[TeamResult]) -> list[Heat]:
    """The heats of a race by heat number; teams without a heat number are left out.

    Raises ``ValueError`` listing every heat with more than two teams or with two teams on the
    same straight.
    """
    grouped: dict[int, list[TeamResult]] = defaultdict(list)
    for team in teams:
        if team.heat is not None:
            grouped[team.heat].append(team)
    errors: list[str] = []
    for number, members in sorted(grouped.items()):
        names = ", ".join(t.team.name for t in members)
        if len(members) > 2:
            errors.append(f"heat {number} holds {len(members)} teams ({names})")
        starts = [t.start for t in members if t.start is not None]
        if len(starts) != len(set(starts)):
            errors.append(f"heat {number}: {names} start on the same straight")
    if errors:
        raise ValueError("; ".join(errors))
    return [_heat(number, grouped[number]) for number in sorted(grouped)]


def _heat(number: int, teams: list[TeamResult]) -> Heat:
    ranked = [t for t in rank_teams(teams) if t.rank is not None]
    winner = None
    if ranked and not ranked[0].tied:
        winner = next(t for t in teams if t.team == ranked[0].team)
    gap = ranked[-1].behind if len(ranked) == 2 else None
    return Heat(number, tuple(teams), winner, gap)
