"""Team events: team pursuit, team sprint and mixed relay (RULES §6).

A team race is stored as one result per team member, each carrying the team's time, status and
published rank, as result lists print it. This module puts the members back together:

* **Events as data.** ``TEAM_EVENTS`` holds each event's team size and laps: team pursuit 3
  skaters, men 8 laps (3200 m), women 6 laps (2400 m), the time taken on the third skater; team
  sprint 3 skaters, 3 laps; mixed relay 2 skaters (one woman, one man), 6 laps.
* **Grouping** (``group_teams``). Consecutive member rows of the same nation with the same time,
  status and published rank form a team; a run longer than the team size is cut into teams of
  that size (a nation may field two teams, even tied ones). A nation with one team names it by
  its code (``NED``); a nation with more numbers them in listing order (``NED 1``, ``NED 2``).
  Rows without a nation, teams with fewer members than the event's size, members in different
  heats and members with different infractions are reported, never dropped.
* **Ranking** (``rank_teams``) is the ranking of one race (``ranking.rank_results``) applied to
  one representative result per team: equal times share a rank and skip the next, a team whose
  thousandth the source lost keeps its listed place, unranked teams follow as DNF, DQ, WDR, DNS.
* **Nations** (``by_nation``): what series standings need, each team's rank under its nation.

Heats of two teams are in ``ovaltime.core.team_heats``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from types import MappingProxyType

from ovaltime.core.distances import LAP_METRES
from ovaltime.core.ranking import rank_results
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.times import Time

__all__ = [
    "MIXED_RELAY",
    "TEAM_EVENTS",
    "TEAM_PURSUIT",
    "TEAM_SPRINT",
    "GroupingProblem",
    "StartStraight",
    "Team",
    "TeamEvent",
    "TeamGrouping",
    "TeamResult",
    "by_nation",
    "group_teams",
    "rank_teams",
    "team_event",
    "teams_of",
]


@dataclass(frozen=True, slots=True)
class TeamEvent:
    """The format of one team event.

    ``laps`` is the number of 400 m laps, ``women_laps`` where women skate fewer (team pursuit);
    ``timed_on`` is the skater whose finish is the team's time (the third in team pursuit), None
    where the rules do not say; ``one_woman_one_man`` marks the mixed relay (not checked against
    the members: a skater carries no gender).
    """

    kind: RaceKind
    size: int
    laps: int
    women_laps: int | None = None
    timed_on: int | None = None
    one_woman_one_man: bool = False

    def laps_for(self, gender: Gender) -> int:
        """Laps skated by teams of ``gender``: women's team pursuit is 6 laps, men's 8."""
        if gender is Gender.WOMEN and self.women_laps is not None:
            return self.women_laps
        return self.laps

    def distance(self, gender: Gender) -> int:
        """The race distance in metres: 3200 m men's, 2400 m women's team pursuit."""
        return self.laps_for(gender) * LAP_METRES


TEAM_PURSUIT = TeamEvent(RaceKind.TEAM_PURSUIT, size=3, laps=8, women_laps=6, timed_on=3)
TEAM_SPRINT = TeamEvent(RaceKind.TEAM_SPRINT, size=3, laps=3)
MIXED_RELAY = TeamEvent(RaceKind.MIXED_RELAY, size=2, laps=6, one_woman_one_man=True)
TEAM_EVENTS: Mapping[RaceKind, TeamEvent] = MappingProxyType(
    {event.kind: event for event in (TEAM_PURSUIT, TEAM_SPRINT, MIXED_RELAY)}
)


def team_event(kind: RaceKind) -> TeamEvent:
    """The team event of a race kind; ``ValueError`` for an individual race or a mass start."""
    try:
        return TEAM_EVENTS[kind]
    except KeyError:
        raise ValueError(f"{kind.value} is not a team event") from None


class StartStraight(Enum):
    """Where a team starts: the two teams of a team pursuit heat start on opposite straights."""

    FINISH = "finish straight"
    CROSSING = "crossing straight"


@dataclass(frozen=True, slots=True)
class Team:
    """A team: its name (usually the nation code), nation and members in listing order."""

    name: str
    nation: str = ""
    members: tuple[Skater, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a team needs a name")
        twice = [k for k, n in Counter(m.key for m in self.members).items() if n > 1]
        if twice:
            raise ValueError(f"team {self.name}: {twice[0][0]} is listed twice")


@dataclass(frozen=True, slots=True)
class TeamResult:
    """The time or status of one team in one race.

    ``published_rank`` is the rank a source printed; ``rank``, ``tied`` and ``behind`` (the gap
    to the winner in thousandths, as ``ranking.Ranked.behind``) are set by ``rank_teams`` and are
    None/False before. ``heat`` is the heat (pair) number, ``start`` the straight the team
    started on; ``thousandths_known`` is false where the source lost the thousandth that split
    this team from another on equal time.
    """

    team: Team
    time: Time | None = None
    status: Status = Status.OK
    infraction: str = ""
    published_rank: int | None = None
    heat: int | None = None
    start: StartStraight | None = None
    thousandths_known: bool = True
    rank: int | None = None
    tied: bool = False
    behind: int | None = None

    def __post_init__(self) -> None:
        name = self.team.name
        if self.status is Status.OK and self.time is None:
            raise ValueError(f"team {name}: a result without a status needs a time")
        if self.infraction and self.status is not Status.DQ:
            raise ValueError(f"team {name}: an infraction code goes with DQ only")
        if self.heat is not None and self.heat < 1:
            raise ValueError(f"team {name}: heat numbers start at 1")

    @property
    def ranked(self) -> bool:
        """Whether this team takes a rank: a valid time and no status."""
        return self.status is Status.OK and self.time is not None


@dataclass(frozen=True, slots=True)
class GroupingProblem:
    """Rows of a race (indices into ``Race.results``) that did not make a sound team, and why."""

    rows: tuple[int, ...]
    message: str


@dataclass(frozen=True, slots=True)
class TeamGrouping:
    """The teams of a race in listing order, unranked, and every problem met grouping them."""

    event: TeamEvent
    teams: tuple[TeamResult, ...]
    problems: tuple[GroupingProblem, ...] = ()


def group_teams(race: Race) -> TeamGrouping:
    """Group the member rows of a team race into teams (module doc); ``ValueError`` when the race
    is not a team event."""
    event = team_event(race.kind)
    rows = race.results
    problems: list[GroupingProblem] = []
    runs: list[list[int]] = []
    for i, result in enumerate(rows):
        if not result.skater.nation.strip():
            message = f"{result.skater.name}: no nation to form a team with; not grouped"
            problems.append(GroupingProblem((i,), message))
        elif runs and runs[-1][-1] == i - 1 and _same_team(rows[i - 1], result):
            runs[-1].append(i)
        else:
            runs.append([i])
    chunks = [run[k : k + event.size] for run in runs for k in range(0, len(run), event.size)]
    fielded = Counter(rows[chunk[0]].skater.nation.upper() for chunk in chunks)
    numbered: Counter[str] = Counter()
    teams: list[TeamResult] = []
    for chunk in chunks:
        nation = rows[chunk[0]].skater.nation.upper()
        numbered[nation] += 1
        name = nation if fielded[nation] == 1 else f"{nation} {numbered[nation]}"
        team, found = _team(name, [rows[i] for i in chunk], tuple(chunk), event)
        teams.append(team)
        problems.extend(found)
    problems.sort(key=lambda p: p.rows)
    return TeamGrouping(event, tuple(teams), tuple(problems))


def rank_teams(teams: Sequence[TeamResult]) -> list[TeamResult]:
    """Rank teams on time by the rules of ``ranking.rank_results``: ranked teams first, each
    with ``rank``, ``tied`` and ``behind`` set, then the unranked ones (DNF, DQ, WDR, DNS)."""
    stand_ins = [_stand_in(team) for team in teams]
    by_id = {id(stand_in): team for stand_in, team in zip(stand_ins, teams, strict=True)}
    return [
        replace(by_id[id(line.result)], rank=line.rank, tied=line.tied, behind=line.behind)
        for line in rank_results(stand_ins)
    ]


def teams_of(race: Race) -> list[TeamResult]:
    """The teams of a team race, ranked on time (``group_teams`` then ``rank_teams``).

    Grouping problems are not raised: the rows still form teams; ``group_teams`` lists them.
    """
    return rank_teams(group_teams(race).teams)


def by_nation(teams: Sequence[TeamResult]) -> dict[str, list[TeamResult]]:
    """Each nation's teams, nations and teams in the given order (pass ranked teams to have
    every nation's best team first)."""
    out: dict[str, list[TeamResult]] = defaultdict(list)
    for team in teams:
        out[team.team.nation].append(team)
    return dict(out)


def _same_team(before: Result, after: Result) -> bool:
    return (
        before.skater.nation.upper() == after.skater.nation.upper()
        and before.time == after.time
        and before.status is after.status
        and before.published_rank == after.published_rank
    )


def _team(
    name: str, members: list[Result], rows: tuple[int, ...], event: TeamEvent
) -> tuple[TeamResult, list[GroupingProblem]]:
    first = members[0]
    problems: list[GroupingProblem] = []
    if len(members) < event.size:
        message = f"team {name}: {len(members)} of {event.size} members listed"
        problems.append(GroupingProblem(rows, message))
    heats = {m.pair for m in members}
    if len(heats) > 1:
        problems.append(GroupingProblem(rows, f"team {name}: members in different heats"))
    infractions = list(dict.fromkeys(m.infraction for m in members if m.infraction))
    if len(infractions) > 1:
        message = f"team {name}: members with different infractions {', '.join(infractions)}"
        problems.append(GroupingProblem(rows, message))
    skaters: dict[tuple[str, str], Skater] = {}
    for member in members:
        skaters.setdefault(member.skater.key, member.skater)
    if len(skaters) < len(members):
        problems.append(GroupingProblem(rows, f"team {name}: a member listed twice; kept once"))
    team = Team(name, first.skater.nation.upper(), tuple(skaters.values()))
    result = TeamResult(
        team=team,
        time=first.time,
        status=first.status,
        infraction=infractions[0] if infractions else "",
        published_rank=first.published_rank,
        heat=first.pair if len(heats) == 1 else None,
        thousandths_known=all(m.thousandths_known for m in members),
    )
    return result, problems


def _stand_in(team: TeamResult) -> Result:
    """One result standing for a team, so that teams rank exactly as skaters do."""
    return Result(
        skater=Skater(team.team.name, team.team.nation),
        time=team.time,
        status=team.status,
        infraction=team.infraction,
        thousandths_known=team.thousandths_known,
        published_rank=team.published_rank,
    )
