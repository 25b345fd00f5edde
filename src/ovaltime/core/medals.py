"""The medal table of one competition: gold, silver and bronze per skater and per nation.

* **Which races.** Every race of Division A, and every race without a division (a
  championship, or a World Cup team sprint skated in one field). A Division B race awards no
  medal: its winner is not on the meeting's podium.
* **Ranks.** As the result lists give them: individual races on time (``rank_race``), a mass
  start by its published ranks, a team race by team (``teams_of``). Ranks 1, 2, 3 win gold,
  silver and bronze; a shared rank gives each the same medal (two golds, then bronze).
* **Teams.** A team's medal counts once for its nation in the nation table and once for each
  member in the skater table.
* **Order.** Most golds, then most silvers, then most bronzes; lines equal on all three share a
  rank and are listed by name. Only skaters and nations with a medal appear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race, Skater
from ovaltime.core.states import RaceKind
from ovaltime.core.teams import teams_of

__all__ = ["Medal", "MedalLine", "MedalTable", "medal_table", "medals_of_race"]

_TEAM_KINDS = {RaceKind.TEAM_PURSUIT, RaceKind.TEAM_SPRINT, RaceKind.MIXED_RELAY}


@dataclass(frozen=True, slots=True)
class Medal:
    """A medal won in one race: ``place`` 1 (gold), 2 (silver) or 3 (bronze).

    ``skaters`` are the skater, or the members of the team; ``nation`` is theirs.
    """

    race: str
    place: int
    nation: str
    skaters: tuple[Skater, ...]

    @property
    def colour(self) -> str:
        return ("gold", "silver", "bronze")[self.place - 1]


@dataclass(frozen=True, slots=True)
class MedalLine:
    """One line of a medal table: a skater (``nation`` theirs) or a nation (``name`` = nation)."""

    rank: int
    name: str
    nation: str
    gold: int
    silver: int
    bronze: int
    medals: tuple[Medal, ...] = ()

    @property
    def podiums(self) -> int:
        return self.gold + self.silver + self.bronze


@dataclass(frozen=True, slots=True)
class MedalTable:
    competition: str
    skaters: tuple[MedalLine, ...]
    nations: tuple[MedalLine, ...]
    medals: tuple[Medal, ...]


def medals_of_race(race: Race) -> Iterator[Medal]:
    """The medals of one race: nothing for a Division B race."""
    if race.division not in {"", "A"}:
        return
    if race.kind in _TEAM_KINDS:
        for team_result in teams_of(race):
            if team_result.rank is not None and team_result.rank <= 3:
                team = team_result.team
                yield Medal(race.name, team_result.rank, team.nation, tuple(team.members))
        return
    for line in rank_race(race):
        if line.rank is not None and line.rank <= 3:
            skater = line.result.skater
            yield Medal(race.name, line.rank, skater.nation, (skater,))


def medal_table(competition: Competition) -> MedalTable:
    """Gold, silver and bronze per skater and per nation over every race of ``competition``."""
    medals = [medal for race in competition.races for medal in medals_of_race(race)]
    by_skater: dict[tuple[str, str], list[Medal]] = defaultdict(list)
    names: dict[tuple[str, str], Skater] = {}
    by_nation: dict[str, list[Medal]] = defaultdict(list)
    for medal in medals:
        by_nation[medal.nation.upper()].append(medal)
        for skater in medal.skaters:
            by_skater[skater.key].append(medal)
            names.setdefault(skater.key, skater)
    skaters = [(names[key].name, names[key].nation, won) for key, won in by_skater.items()]
    nations = [(nation, nation, won) for nation, won in by_nation.items()]
    return MedalTable(competition.name, _ranked(skaters), _ranked(nations), tuple(medals))


def _ranked(entries: list[tuple[str, str, list[Medal]]]) -> tuple[MedalLine, ...]:
    counted = []
    for name, nation, won in entries:
        tally = tuple(sum(1 for m in won if m.place == place) for place in (1, 2, 3))
        counted.append((tally, name, nation, won))
    counted.sort(key=lambda item: (tuple(-n for n in item[0]), item[1].casefold()))
    lines: list[MedalLine] = []
    for position, (tally, name, nation, won) in enumerate(counted):
        shared = position > 0 and counted[position - 1][0] == tally
        lines.append(
            MedalLine(
                rank=lines[-1].rank if shared else position + 1,
                name=name,
                nation=nation,
                gold=tally[0],
                silver=tally[1],
                bronze=tally[2],
                medals=tuple(won),
            )
        )
    return tuple(lines)
