"""World Cup standings: the points of every cup over a season's meetings (RULES §4).

A cup's standing is the sum of each competitor's scores over the meetings given, Division A and
B together (``ovaltime.core.series_scores`` says how one race scores). The meetings are taken
in the order given, which the caller makes the order of their dates (``in_date_order``).

**Tie rule** (the rules publish none, RULES §4 [U]): equal points are split by

1. the better best place in any race of the cup,
2. then the better place in the most recent race where their places differ (a place beats no
   place; any Division A place beats any Division B place, as the B table slots its field below
   the A field);

competitors still equal share the rank and the next rank is skipped; they are listed by name.

Only competitors with points appear in a standing; a rank past the end of a points table scores
0 but still counts as a place for the tie rule. Identity across meetings is ``Skater.key`` (name
and nation, case-insensitive): spelling variants of one skater's name are not merged.

The standings are kept after each meeting (``CupStandings.history``) with each competitor's
rank after the meeting before, so that movement (places up or down) and a new leader show.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ovaltime.core.results import Competition
from ovaltime.core.season import Cup, SeasonRules
from ovaltime.core.series_scores import Competitor, Score, score_meeting

__all__ = [
    "CupStandings",
    "Meeting",
    "SeriesStandings",
    "Snapshot",
    "Standing",
    "in_date_order",
    "rank_scores",
    "series_standings",
]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One competition of the series; ``final`` marks the season's final meeting."""

    competition: Competition
    final: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    """One line of a cup's standing after a meeting.

    ``behind`` is the leader's points minus this competitor's; ``previous_rank`` the rank after
    the meeting before (None: not in the standing then, or this is the first meeting).
    """

    rank: int
    competitor: Competitor
    points: int
    behind: int
    scores: tuple[Score, ...]
    tied: bool = False
    previous_rank: int | None = None
    first_meeting: bool = False

    @property
    def movement(self) -> int | None:
        """Places gained since the meeting before (negative: lost); None when new or first."""
        return None if self.previous_rank is None else self.previous_rank - self.rank

    @property
    def movement_text(self) -> str:
        """``+2``, ``-1``, ``=``, ``new``; empty after the first meeting."""
        if self.first_meeting:
            return ""
        if self.movement is None:
            return "new"
        return f"{self.movement:+d}" if self.movement else "="


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A cup's standing after one meeting; ``new_leader`` when the leader(s) changed there."""

    after: str
    standings: tuple[Standing, ...]
    new_leader: bool = False

    @property
    def leaders(self) -> tuple[Standing, ...]:
        return tuple(line for line in self.standings if line.rank == 1)


@dataclass(frozen=True, slots=True)
class CupStandings:
    """One cup over the season: a snapshot after each meeting, the last one current."""

    cup: Cup
    history: tuple[Snapshot, ...]

    @property
    def standings(self) -> tuple[Standing, ...]:
        return self.history[-1].standings if self.history else ()


@dataclass(frozen=True, slots=True)
class SeriesStandings:
    """Every cup of a season over the meetings given, and notes on what did not score."""

    season: str
    meetings: tuple[str, ...]
    cups: tuple[CupStandings, ...]
    notes: tuple[str, ...] = ()


def in_date_order(competitions: Iterable[Competition]) -> list[Competition]:
    """Competitions sorted by start date; undated ones last, each keeping the order given."""
    return sorted(competitions, key=lambda c: (c.start is None, c.start or dt.date.min))


def series_standings(meetings: Sequence[Meeting], rules: SeasonRules) -> SeriesStandings:
    """The standings of every cup of ``rules`` after each of ``meetings``, in the order given.

    Raises ``ValueError`` when more than one meeting is marked final.
    """
    if sum(m.final for m in meetings) > 1:
        raise ValueError("only one meeting of a season can be the final")
    scores: dict[Cup, list[Score]] = defaultdict(list)
    history: dict[Cup, list[Snapshot]] = {cup: [] for cup in rules.cups}
    notes: list[str] = []
    for index, meeting in enumerate(meetings):
        scored = score_meeting(meeting.competition, rules, meeting=index, final=meeting.final)
        notes.extend(n for n in scored.notes if n not in notes)
        for cup, cup_scores in scored.scores.items():
            scores[cup].extend(cup_scores)
        for cup in rules.cups:
            before = history[cup][-1].standings if history[cup] else None
            lines = rank_scores(scores[cup], before)
            history[cup].append(
                Snapshot(meeting.competition.name, lines, new_leader=_new_leader(before, lines))
            )
    return SeriesStandings(
        season=rules.season,
        meetings=tuple(m.competition.name for m in meetings),
        cups=tuple(CupStandings(cup, tuple(history[cup])) for cup in rules.cups),
        notes=tuple(notes),
    )


def rank_scores(
    scores: Iterable[Score], before: Sequence[Standing] | None = None
) -> tuple[Standing, ...]:
    """Sum ``scores`` per competitor and rank them by points and the tie rule of this module.

    ``before`` is the standing after the meeting before, for movement (None: first meeting).
    """
    by_competitor: dict[tuple[str, str], list[Score]] = defaultdict(list)
    for score in scores:
        by_competitor[score.competitor.key].append(score)
    races = sorted({(s.meeting, s.event) for group in by_competitor.values() for s in group})
    keyed = []
    for group in by_competitor.values():
        points = sum(s.points for s in group)
        if points > 0:
            keyed.append((_tie_key(points, group, races), points, group))
    keyed.sort(key=lambda item: (item[0], _latest(item[2]).competitor.name.casefold()))
    previous = {line.competitor.key: line.rank for line in before or ()}
    leader = keyed[0][1] if keyed else 0
    lines: list[Standing] = []
    for position, (key, points, group) in enumerate(keyed):
        shared = position > 0 and keyed[position - 1][0] == key
        rank = lines[-1].rank if shared else position + 1
        tied = shared or (position + 1 < len(keyed) and keyed[position + 1][0] == key)
        latest = _latest(group).competitor
        lines.append(
            Standing(
                rank=rank,
                competitor=latest,
                points=points,
                behind=leader - points,
                scores=tuple(sorted(group, key=lambda s: (s.meeting, s.event))),
                tied=tied,
                previous_rank=previous.get(latest.key),
                first_meeting=before is None,
            )
        )
    return tuple(lines)


_NO_PLACE = (2, 0)


def _tie_key(
    points: int, group: Sequence[Score], races: Sequence[tuple[int, int]]
) -> tuple[int, tuple[int, int], tuple[tuple[int, int], ...]]:
    """Points (high first), best place, then places from the most recent race back."""
    places = {(s.meeting, s.event): s.place for s in group}
    recent = tuple(places.get(race, _NO_PLACE) for race in reversed(races))
    return (-points, min(places.values()), recent)


def _latest(group: Sequence[Score]) -> Score:
    """The competitor's most recent score: its name is spelt as most recently published."""
    return max(group, key=lambda s: (s.meeting, s.event))


def _new_leader(before: Sequence[Standing] | None, lines: Sequence[Standing]) -> bool:
    """Whether the leader(s) after this meeting differ from those after the meeting before."""
    now = {line.competitor.key for line in lines if line.rank == 1}
    then = {line.competitor.key for line in before or () if line.rank == 1}
    return bool(now) and now != then
