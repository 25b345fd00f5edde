"""Saving many competitions at once, with the archive's extras (rink, level, persons).

Writes exactly the rows ``competitions.save_competition`` writes (``load_competition`` reads
either back to equal values), but table by table with ``bulk.insert_rows`` instead of object
by object: a batch of a thousand competitions costs five driver calls, not a million ORM
objects. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ovaltime.core.results import Competition, Race, Skater
from ovaltime.store.base import utc_now
from ovaltime.store.bulk import Values, allocate_ids, insert_rows

__all__ = ["CompetitionToSave", "SavedCompetition", "save_competitions"]


@dataclass(frozen=True, slots=True)
class CompetitionToSave:
    """A competition to store, where it was skated, its level and its skaters' persons."""

    competition: Competition
    source_digest: str | None = None
    rink_id: int | None = None
    level: str = ""
    persons: Mapping[Skater, int] | None = None


@dataclass(frozen=True, slots=True)
class SavedCompetition:
    """The ids given: the competition's, each race's, and each result's race by race."""

    competition_id: int
    race_ids: tuple[int, ...]
    result_ids: tuple[tuple[int, ...], ...]
    skater_ids: Mapping[Skater, int]


_COMPETITION = (
    "id", "name", "venue", "nation", "start", "end", "source_digest", "created", "rink_id",
    "level",
)  # fmt: skip
_RACE = (
    "id", "competition_id", "position", "distance", "gender", "kind", "number", "division",
    "title", "date", "state",
)  # fmt: skip
_SKATER = ("id", "competition_id", "name", "nation", "age_group", "person_id")
_RESULT = (
    "id", "race_id", "skater_id", "position", "pair", "lane", "time_thousandths",
    "time_precision", "status", "infraction", "fell", "records", "thousandths_known",
    "published_rank", "version",
)  # fmt: skip
_PASSAGE = ("id", "result_id", "metres", "time_thousandths", "time_precision")


def save_competitions(
    session: Session, batch: Sequence[CompetitionToSave]
) -> list[SavedCompetition]:
    """Add every competition of ``batch`` with its skaters, races, results and passages."""
    if not batch:
        return []
    skater_sets, ordinals = _skaters(batch)
    races = [race for item in batch for race in item.competition.races]
    results = sum(len(race.results) for race in races)
    passages = sum(len(r.passages) for race in races for r in race.results if r.passages)
    competition_ids = allocate_ids(session, "competitions", len(batch))
    skater_ids = allocate_ids(session, "skaters", sum(len(s) for s in skater_sets))
    rows = _Rows(
        Values(session),
        iter(allocate_ids(session, "races", len(races))),
        iter(allocate_ids(session, "results", results)),
        iter(allocate_ids(session, "passages", passages)),
    )
    saved: list[SavedCompetition] = []
    first = 0
    for item, ident, skaters, numbers in zip(
        batch, competition_ids, skater_sets, ordinals, strict=True
    ):
        mine = skater_ids[first : first + len(skaters)]
        first += len(skaters)
        rows.add_competition(ident, item, skaters, mine)
        ordinal = iter(numbers)
        race_ids: list[int] = []
        result_ids: list[tuple[int, ...]] = []
        for position, race in enumerate(item.competition.races, start=1):
            race_ids.append(rows.add_race(ident, position, race))
            result_ids.append(rows.add_results(race_ids[-1], race, mine, ordinal))
        saved.append(SavedCompetition(ident, tuple(race_ids), tuple(result_ids), skaters))
    insert_rows(session, "competitions", _COMPETITION, rows.competitions)
    insert_rows(session, "skaters", _SKATER, rows.skaters)
    insert_rows(session, "races", _RACE, rows.races)
    insert_rows(session, "results", _RESULT, rows.results)
    insert_rows(session, "passages", _PASSAGE, rows.passages)
    return saved


def _skaters(batch: Sequence[CompetitionToSave]) -> tuple[list[dict[Skater, int]], list[list[int]]]:
    """Each competition's skaters in order of first appearance, and each result's skater as
    its number among them (so that the ids given later are found without hashing skaters)."""
    skater_sets: list[dict[Skater, int]] = []
    ordinals: list[list[int]] = []
    for item in batch:
        seen: dict[Skater, int] = {}
        numbers: list[int] = []
        for race in item.competition.races:
            for result in race.results:
                number = seen.get(result.skater)
                if number is None:
                    number = seen[result.skater] = len(seen)
                numbers.append(number)
        skater_sets.append(seen)
        ordinals.append(numbers)
    return skater_sets, ordinals


class _Rows:
    """The rows of a batch, table by table, in the driver's terms (enums by their ``_value_``:
    the ``value`` property costs a call a result)."""

    def __init__(
        self,
        values: Values,
        race_ids: Iterator[int],
        result_ids: Iterator[int],
        passage_ids: Iterator[int],
    ) -> None:
        self.values = values
        self.race_ids, self.result_ids, self.passage_ids = race_ids, result_ids, passage_ids
        self.now = values.moment(utc_now())
        self.true, self.false = values.flag(True), values.flag(False)
        self.competitions: list[tuple[Any, ...]] = []
        self.skaters: list[tuple[Any, ...]] = []
        self.races: list[tuple[Any, ...]] = []
        self.results: list[tuple[Any, ...]] = []
        self.passages: list[tuple[Any, ...]] = []

    def add_competition(
        self, ident: int, item: CompetitionToSave, skaters: dict[Skater, int], ids: list[int]
    ) -> None:
        """The competition's row and its skaters'; ``skaters`` gets their ids."""
        competition, date = item.competition, self.values.date
        self.competitions.append(
            (
                ident,
                competition.name,
                competition.venue,
                competition.nation,
                date(competition.start),
                date(competition.end),
                item.source_digest,
                self.now,
                item.rink_id,
                item.level,
            )
        )
        persons = item.persons or {}
        for skater, number in zip(skaters, ids, strict=True):
            skaters[skater] = number
            self.skaters.append(
                (number, ident, skater.name, skater.nation, skater.age_group, persons.get(skater))
            )

    def add_race(self, competition_id: int, position: int, race: Race) -> int:
        """The race's row; its id."""
        ident = next(self.race_ids)
        self.races.append(
            (
                ident,
                competition_id,
                position,
                race.distance,
                race.gender.value,
                race.kind.value,
                race.number,
                race.division,
                race.title,
                self.values.date(race.date),
                race.state.value,
            )
        )
        return ident

    def add_results(
        self, race_id: int, race: Race, skater_ids: list[int], ordinal: Iterator[int]
    ) -> tuple[int, ...]:
        """The rows of the race's results and their passages; the results' ids."""
        true, false, rows = self.true, self.false, self.results
        ids: list[int] = []
        for index, result in enumerate(race.results, start=1):
            ident = next(self.result_ids)
            ids.append(ident)
            time, lane = result.time, result.lane
            rows.append(
                (
                    ident,
                    race_id,
                    skater_ids[next(ordinal)],
                    index,
                    result.pair,
                    None if lane is None else lane._value_,
                    None if time is None else time.thousandths,
                    None if time is None else time.precision,
                    result.status._value_,
                    result.infraction,
                    true if result.fell else false,
                    self.values.json(list(result.records)) if result.records else "[]",
                    true if result.thousandths_known else false,
                    result.published_rank,
                    1,
                )
            )
            if result.passages:
                self.passages.extend(
                    (next(self.passage_ids), ident, p.metres, p.time.thousandths, p.time.precision)
                    for p in result.passages
                )
        return tuple(ids)
