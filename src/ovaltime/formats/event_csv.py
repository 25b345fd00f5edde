"""A multi-event results CSV: every event of a championship in one file, one row per result.

Columns (header required, in any order, names case-insensitive)::

    gender,distance,rank,nation,name,result,behind

``gender`` is ``W``/``M`` (or ``women``/``men``); ``distance`` the metres of an individual
race, or an event name: ``TeamPursuit``, ``TeamSprint``, ``MassStart``, ``MixedRelay`` (any
case and spacing); ``result`` a time in any notation, or a status (``DQ``); ``rank`` the
published rank (kept as ``published_rank``). ``behind`` is not read: gaps are computed.

* **One race per event.** Rows of one gender and distance form one race, races in the order
  their events first appear. The file has no dates: races are undated.
* **Teams.** A team event row is a team: its ``name`` is empty and its result the team's.
  It becomes one result named by the nation (``NED``); the members are unknown.
* **The 2 × 500 m.** The Olympic 500 m of 2002-2014 ranked the sum of two races (``69.312``).
  A 500 m event whose fastest time is 60 s or more (``SUM_THRESHOLD``) is taken for such a
  sum: the women's world record has been under a minute since 1932, and an Olympic winner's
  sum is about 70 s. Its race gets the title ``2 × 500 m men`` (``women``), which
  ``core.records.is_two_race_sum`` recognises, so that the archive never takes the sums for
  500 m times. ``two_race_500`` overrides the guess: pass False for a club race whose winner
  needed a minute, True for sums of two fast races.
* **The competition.** The file names no competition, venue or dates: they come from
  ``CompetitionDetails`` (by default the name is the file's name and the rest unknown).

Reading is lenient: a bad row is reported with its line and skipped; the rest is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from ovaltime.core.distances import check_distance
from ovaltime.core.records import TWO_RACES_TITLE
from ovaltime.core.results import Competition, Race, Result
from ovaltime.core.states import Gender, RaceKind
from ovaltime.core.teams import TEAM_EVENTS
from ovaltime.formats.csv_results import parse_result
from ovaltime.formats.csv_table import Row, read_table, require
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.formats.race_checks import RaceChecker

__all__ = [
    "EVENT_COLUMNS",
    "SUM_THRESHOLD",
    "CompetitionDetails",
    "EventImport",
    "is_event_csv",
    "read_event_csv",
]

EVENT_COLUMNS = ("gender", "distance", "rank", "nation", "name", "result", "behind")
"""The header of a multi-event results CSV (in any order)."""

SUM_THRESHOLD = 60_000
"""Thousandths: a 500 m event whose fastest time is at least this is a sum of two races."""

_NAMED = {
    "teampursuit": RaceKind.TEAM_PURSUIT,
    "teamsprint": RaceKind.TEAM_SPRINT,
    "massstart": RaceKind.MASS_START,
    "mixedrelay": RaceKind.MIXED_RELAY,
}
_MASS_START_METRES = 6400


@dataclass(frozen=True, slots=True)
class CompetitionDetails:
    """What a results file may not say about its competition: name, venue, nation, dates."""

    name: str = ""
    venue: str = ""
    nation: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class EventImport:
    """What a read gave: the competition (bad rows left out) and every problem met."""

    competition: Competition
    problems: tuple[Problem, ...] = ()


def _columns(line: str) -> set[str]:
    return {"_".join(cell.strip().lower().split()) for cell in line.split(",")}


def is_event_csv(text: str) -> bool:
    """Whether ``text`` starts with the header of a multi-event results CSV."""
    first = next((line for line in text.removeprefix("\ufeff").splitlines() if line.strip()), "")
    return _columns(first) == set(EVENT_COLUMNS)


def _event(text: str, gender: Gender) -> tuple[RaceKind, int]:
    """Kind and distance of an event cell: ``500`` or ``TeamPursuit``; ``ValueError`` else."""
    key = "".join(text.lower().split())
    if key in _NAMED:
        kind = _NAMED[key]
        if kind is RaceKind.MASS_START:
            return kind, _MASS_START_METRES
        return kind, TEAM_EVENTS[kind].distance(gender)
    metres = key.removesuffix("m")
    if not metres.isascii() or not metres.isdigit():
        raise ValueError(f"{text!r} is neither metres nor an event name")
    return RaceKind.INDIVIDUAL, check_distance(int(metres))


@dataclass
class _Event:
    kind: RaceKind
    distance: int
    gender: Gender
    checker: RaceChecker
    results: list[Result]


def read_event_csv(
    text: str,
    source: str,
    details: CompetitionDetails | None = None,
    *,
    two_race_500: bool | None = None,
) -> EventImport:
    """Read a multi-event results CSV into a competition with one race per event.

    ``details`` names the competition (default: the file's name, no venue or dates);
    ``two_race_500`` says whether the 500 m results are sums of two races (default: guessed
    from the times, see the module's description). A file without the required columns is a
    ``FormatError``.
    """
    table = read_table(text, source)
    require(table, source, ("gender",), ("distance",), ("name",), ("nation",), ("result",))
    problems = list(table.problems)
    events: dict[tuple[Gender, str], _Event] = {}
    for row in table.rows:

        def report(field: str, message: str, line: int = row.line) -> None:
            problems.append(Problem(source, line, message, field))

        try:
            gender = Gender.parse(row.get("gender"))
        except ValueError as error:
            report("gender", f"{error}; row skipped")
            continue
        event_text = "".join(row.get("distance").lower().split())
        event = events.get((gender, event_text))
        if event is None:
            try:
                kind, distance = _event(row.get("distance"), gender)
            except ValueError as error:
                report("distance", f"{error}; row skipped")
                continue
            event = _Event(kind, distance, gender, RaceChecker(kind), [])
            events[(gender, event_text)] = event
        result = _result(row, event.kind, report)
        if result is None:
            continue
        clashes = event.checker.admit(result, f"line {row.line}")
        for field, message in clashes:
            report(field, f"{message}; row skipped")
        if not clashes:
            event.results.append(result)
    details = details or CompetitionDetails()
    races = tuple(_race(event, two_race_500) for event in events.values())
    competition = Competition(
        details.name or PurePath(source).stem,
        races,
        venue=details.venue,
        nation=details.nation,
        start=details.start,
        end=details.end,
    )
    if not any(race.results for race in races):
        raise FormatError([*problems, Problem(source, 0, "no result row could be read")])
    return EventImport(competition, tuple(problems))


_FIELDS = {"skater": "name", "time": "result"}


def _result(row: Row, kind: RaceKind, report: Callable[[str, str], None]) -> Result | None:
    name = row.get("name")
    team = kind in TEAM_EVENTS
    if team and not name:
        name = row.get("nation")
        if not name:
            report("nation", "a team row needs its nation; row skipped")
            return None
    cells = {
        "skater": name,
        "nation": row.get("nation"),
        "time": row.get("result"),
        "rank": row.get("rank"),
    }
    bad: list[tuple[str, str]] = []
    result = parse_result(Row(row.line, cells), lambda field, message: bad.append((field, message)))
    for field, message in bad:
        report(_FIELDS.get(field, field), f"{message}; row skipped")
    return result


def _race(event: _Event, two_race_500: bool | None) -> Race:
    title = ""
    if event.kind is RaceKind.INDIVIDUAL and event.distance == 500:
        summed = two_race_500
        if summed is None:
            times = [r.time.thousandths for r in event.results if r.time is not None]
            summed = bool(times) and min(times) >= SUM_THRESHOLD
        if summed:
            title = f"{TWO_RACES_TITLE} {event.gender.value}"
    return Race(
        event.distance,
        event.gender,
        tuple(event.results),
        kind=event.kind,
        title=title,
    )
