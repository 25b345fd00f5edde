"""Scoring the races of one meeting for the World Cup standings (RULES §4).

Each race scores by its rank through the season's points table for its division, kind, gender
and distance (``SeasonRules.table_for``); the cup it counts for is ``SeasonRules.cup_of``.

* **Ranks.** Individual races are ranked on time (``rank_race``); a mass start keeps its
  published ranks (an ISU results text has no sprint points to rank it again); a team race
  ranks teams (``teams_of``), and the points go to the team's nation.
* **Divisions.** A race without a division scores as Division A. Division B uses its own
  table, and its points count in the same standing as Division A's.
* **Two races of one distance** in a meeting (``Race.number`` 1 and 2) score separately.
* **Ties.** Tied ranks both get the points of the shared rank (two 4th: both 4th-place points).
* **Final meeting.** Every score of the final is ``SeasonRules.final_points`` of its points.
* **Unscored races.** A race with no table or no cup scores nothing; the meeting says which, in
  a note, so that nothing is left out silently.

Only ranked results score; a rank past the end of the table scores 0 but is kept, because the
place still matters to the tie rule of the standings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race
from ovaltime.core.season import Cup, SeasonRules
from ovaltime.core.states import RaceKind
from ovaltime.core.teams import teams_of

__all__ = [
    "MASS_START_NOTE",
    "Competitor",
    "MeetingScores",
    "Score",
    "race_label",
    "score_meeting",
]

#: The note a meeting carries when a mass start scored on its published ranks.
MASS_START_NOTE = "mass start ranks are the published ranks"


@dataclass(frozen=True, slots=True)
class Competitor:
    """Who collects points in a cup: a skater, or a nation's team in team races.

    ``key`` is the identity across competitions: ``Skater.key`` (name and nation,
    case-insensitive) for a skater, the nation for a team. Spelling variants of one name
    are different competitors.
    """

    name: str
    nation: str
    key: tuple[str, str]
    team: bool = False


@dataclass(frozen=True, slots=True)
class Score:
    """One competitor's rank and points in one race.

    ``meeting`` numbers the meeting in the series from 0; ``event`` numbers the race within the
    meeting, the same for the Division A and B races of one distance, so that ``(meeting,
    event)`` orders races in time for the tie rule. ``points`` are final: multiplied and rounded
    at the final meeting.
    """

    competitor: Competitor
    competition: str
    race: str
    division: str
    rank: int
    points: int
    meeting: int
    event: int

    @property
    def place(self) -> tuple[int, int]:
        """The place as the tie rule compares it: every Division A place above every B place."""
        return (0 if self.division in {"", "A"} else 1, self.rank)


@dataclass(frozen=True, slots=True)
class MeetingScores:
    """A meeting's scores by cup, and notes on what did not score or scored by a special rule."""

    scores: dict[Cup, list[Score]]
    notes: list[str]


def race_label(race: Race) -> str:
    """A race's name without gender and division: ``500 m``, ``500 m (2)``, ``mass start``."""
    text = f"{race.distance} m" if race.kind is RaceKind.INDIVIDUAL else race.kind.value
    return text + (f" ({race.number})" if race.number > 1 else "")


def score_meeting(
    competition: Competition, rules: SeasonRules, *, meeting: int = 0, final: bool = False
) -> MeetingScores:
    """Score every race of ``competition`` by ``rules``; ``final`` applies the final's points."""
    scores: dict[Cup, list[Score]] = {}
    notes: list[str] = []
    events: dict[tuple[RaceKind, str, int, int], int] = {}
    for race in competition.races:
        event = events.setdefault(
            (race.kind, race.gender.value, race.distance, race.number), len(events)
        )
        division = race.division or "A"
        table = rules.table_for(division, race.kind, race.gender, race.distance)
        cup = rules.cup_of(race.kind, race.gender, race.distance)
        if table is None or cup is None:
            why = "no points table" if table is None else "no cup"
            notes.append(
                f"{competition.name}: {race.name}: {why} in season {rules.season}; scores nothing"
            )
            continue
        if race.kind is RaceKind.MASS_START and MASS_START_NOTE not in notes:
            notes.append(MASS_START_NOTE)
        for competitor, rank in _ranks(race):
            points = table.for_rank(rank)
            scores.setdefault(cup, []).append(
                Score(
                    competitor=competitor,
                    competition=competition.name,
                    race=race_label(race),
                    division=division,
                    rank=rank,
                    points=rules.final_points(points) if final else points,
                    meeting=meeting,
                    event=event,
                )
            )
    return MeetingScores(scores, notes)


_TEAM_KINDS = {RaceKind.TEAM_PURSUIT, RaceKind.TEAM_SPRINT, RaceKind.MIXED_RELAY}


def _ranks(race: Race) -> Iterator[tuple[Competitor, int]]:
    """Each ranked competitor of ``race`` with its rank: skaters, or nations for team races."""
    if race.kind in _TEAM_KINDS:
        for team_result in teams_of(race):
            if team_result.rank is not None:
                nation = team_result.team.nation.upper()
                yield Competitor(nation, nation, ("", nation), team=True), team_result.rank
        return
    for line in rank_race(race):
        if line.rank is not None:
            skater = line.result.skater
            yield Competitor(skater.name, skater.nation, skater.key), line.rank
