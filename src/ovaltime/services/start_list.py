"""Setting the start list of a race: who skates in which pair and lane, in start order.

The list replaces the race's earlier one. A skater already on it keeps their result row (and any
passages); a new skater gets a pending entry; a pending skater left off is removed. A skater who
already has a recorded result can neither be removed nor moved to another pair or lane here:
that would change a result, which only a correction may do. The race must not be unofficial or
official yet. In individual races a pair holds at most two skaters, in different lanes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ovaltime.core.results import Skater
from ovaltime.core.states import Lane, RaceKind, RaceState
from ovaltime.services.access import locked_race
from ovaltime.services.audit import write_audit
from ovaltime.services.errors import Conflict, Invalid
from ovaltime.services.events import StartListSet
from ovaltime.services.unit import Context, transaction
from ovaltime.services.users import User
from ovaltime.store.competitions import skater_row
from ovaltime.store.mapping import skater_of
from ovaltime.store.tables import ResultRow

__all__ = ["StartEntry", "set_start_list", "start_list_problems"]

_OPEN = (RaceState.SCHEDULED, RaceState.LIVE)


@dataclass(frozen=True, slots=True)
class StartEntry:
    """One skater on the start list: their pair (from 1) and lane (``None`` where not drawn)."""

    skater: Skater
    pair: int
    lane: Lane | None = None


def start_list_problems(kind: RaceKind, entries: Sequence[StartEntry]) -> list[tuple[str, str]]:
    """Every problem of ``entries`` as (field, message): a skater twice, a pair number below 1,
    and in races skated in pairs more than two skaters in a pair or two in one lane."""
    problems: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    pairs: dict[int, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        where = f"entries[{index}]"
        earlier = seen.setdefault(entry.skater.key, index)
        if earlier != index:
            problems.append(
                (
                    f"{where}.skater",
                    f"{entry.skater.name} is already on the list (entries[{earlier}])",
                )
            )
        if entry.pair < 1:
            problems.append((f"{where}.pair", f"pair {entry.pair}: pair numbers start at 1"))
            continue
        mates = pairs[entry.pair]
        if kind is RaceKind.INDIVIDUAL:
            if len(mates) >= 2:
                problems.append((f"{where}.pair", f"pair {entry.pair} already has two skaters"))
                continue
            if entry.lane is not None and any(entries[m].lane is entry.lane for m in mates):
                problems.append(
                    (
                        f"{where}.lane",
                        f"pair {entry.pair} already has a skater in the {entry.lane.value} lane",
                    )
                )
                continue
        mates.append(index)
    return problems


def _listing(rows: Sequence[ResultRow]) -> list[dict[str, Any]]:
    return [
        {"skater": r.skater.name, "pair": r.pair, "lane": r.lane.value if r.lane else None}
        for r in sorted(rows, key=lambda r: r.position)
    ]


def set_start_list(
    context: Context, race_id: int, entries: Sequence[StartEntry], *, actor: User
) -> tuple[int, ...]:
    """Replace the start list of the race; the result ids of ``entries``, in their order."""
    with transaction(context) as unit:
        session = unit.session
        race = locked_race(session, race_id)
        if race.state not in _OPEN:
            raise Conflict(
                f"race {race_id} is {race.state.value}: the start list is fixed once a race is "
                "unofficial"
            )
        problems = start_list_problems(race.kind, entries)
        if problems:
            raise Invalid.of(problems)
        current = {skater_of(row.skater).key: row for row in race.results}
        before = _listing(race.results)
        rows: list[ResultRow] = []
        for index, entry in enumerate(entries):
            row = current.pop(entry.skater.key, None)
            if row is None:
                row = ResultRow(
                    skater=skater_row(session, race.competition_id, entry.skater),
                    pair=entry.pair,
                    lane=entry.lane,
                )
                race.results.append(row)
            elif row.recorded and (row.pair, row.lane) != (entry.pair, entry.lane):
                problems.append(
                    (
                        f"entries[{index}]",
                        f"{entry.skater.name} has a recorded result in pair {row.pair}: "
                        "correct the result instead",
                    )
                )
            else:
                row.pair, row.lane = entry.pair, entry.lane
            row.position = index + 1
            rows.append(row)
        for row in current.values():
            if row.recorded or row.passages:
                problems.append(
                    ("entries", f"{row.skater.name} has a recorded result or passages: kept")
                )
            else:
                race.results.remove(row)
        if problems:
            raise Invalid.of(problems)
        session.flush()
        write_audit(
            session,
            race,
            actor,
            "start list",
            before={"entries": before},
            after={"entries": _listing(rows)},
        )
        ids = tuple(row.id for row in rows)
        unit.emit(StartListSet(race.competition_id, race.id, ids))
    return ids
