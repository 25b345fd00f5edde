"""World Cup standings after a meeting: leaders, new leaders, climbers (``kind`` per sentence).

* ``scope`` — first, which meetings the standings count.
* ``standings`` — for each cup that scored at the meeting: the leader, their points and the gap
  to second place.
* ``new-leader`` — the cup's leader changed at this meeting (``Snapshot.new_leader``).
* ``movement`` — a competitor who moved into the top three at this meeting, with the points
  behind the leader ("moved into second in the standings, 40 points behind the leader").
"""

from __future__ import annotations

from ovaltime.core.results import Skater
from ovaltime.core.series_scores import Competitor
from ovaltime.core.standings import CupStandings, SeriesStandings, Snapshot
from ovaltime.reports.story.document import Sentence
from ovaltime.reports.story.names import Namer
from ovaltime.reports.story.words import count_words, join_words, ordinal

__all__ = ["standings_story"]


def _skater(competitor: Competitor) -> Skater:
    return Skater(competitor.name, "" if competitor.team else competitor.nation)


def _cup_name(cup: CupStandings) -> str:
    name = cup.cup.name
    what = f"{int(name):,} m" if name.isdigit() else name
    return f"{cup.cup.gender.value}'s {what} World Cup"


def standings_story(series: SeriesStandings, meeting: str, name: Namer) -> list[list[Sentence]]:
    """The standings sentences after ``meeting`` (one of ``series.meetings``), a list per cup,
    opened by ``scope``: which meetings the standings count (the caller may not have given the
    whole season). None when the meeting is not part of the series."""
    if meeting not in series.meetings:
        return []
    counted = series.meetings[: series.meetings.index(meeting) + 1]
    told: list[list[Sentence]] = [
        [
            Sentence(
                "scope",
                f"The standings of the {series.season} season count "
                f"{count_words(len(counted))} meeting{'s' if len(counted) > 1 else ''}: "
                f"{join_words(list(counted))}.",
            )
        ]
    ]
    for cup in series.cups:
        found = [i for i, snap in enumerate(cup.history) if snap.after == meeting]
        if not found:
            continue
        now = cup.history[found[0]]
        before = cup.history[found[0] - 1] if found[0] else None
        if before is not None and _same(now, before):
            continue  # the cup did not score at this meeting
        cup_told = _cup(cup, now, name)
        if cup_told:
            told.append(cup_told)
    return told


def _same(now: Snapshot, before: Snapshot) -> bool:
    return [(s.competitor.key, s.points) for s in now.standings] == [
        (s.competitor.key, s.points) for s in before.standings
    ]


def _cup(cup: CupStandings, now: Snapshot, name: Namer) -> list[Sentence]:
    leaders = now.leaders
    if not leaders:
        return []
    leader = leaders[0]
    told: list[Sentence] = []
    text = (
        f"{name(_skater(leader.competitor))} leads the {_cup_name(cup)} with {leader.points} points"
    )
    second = next((s for s in now.standings if s.rank > leader.rank), None)
    if second is not None:
        text += f", {second.behind} ahead of {name(_skater(second.competitor))}"
    told.append(Sentence("standings", text + "."))
    if now.new_leader and not leader.first_meeting:
        told.append(
            Sentence("new-leader", f"{name(_skater(leader.competitor))} is the new leader.")
        )
    for line in now.standings:
        if (
            line.rank in (2, 3)
            and line.previous_rank is not None
            and line.previous_rank > line.rank
        ):
            told.append(
                Sentence(
                    "movement",
                    f"{name(_skater(line.competitor))} moved into {ordinal(line.rank)} in the "
                    f"standings, {line.behind} points behind the leader.",
                )
            )
    return told
