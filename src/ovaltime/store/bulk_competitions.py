"""Saving many competitions at once, with the archive's extras (rink, level, persons).

Writes exactly the rows ``competitions.save_competition`` writes (``load_competition`` reads
either back to equal values), but table by table with ``bulk.insert_rows`` instead of object
by object: a batch of a thousand competitions costs five driver calls, not a million ORM
objects. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ovaltime.core.results import Competition, Skater
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
    values = Values(session)
    skater_sets: list[dict[Skater, int]] = []
    for item in batch:
        seen: dict[Skater, int] = {}
        for race in item.competition.races:
            for result in race.results:
                seen.setdefault(result.skater, 0)
        skater_sets.append(seen)
    races = sum(len(item.competition.races) for item in batch)
    results = sum(len(r.results) for item in batch for r in item.competition.races)
    passages = sum(
        len(x.passages) for item in batch for r in item.competition.races for x in r.results
    )
    competition_ids = iter(allocate_ids(session, "competitions", len(batch)))
    skater_ids = iter(allocate_ids(session, "skaters", sum(len(s) for s in skater_sets)))
    race_ids = iter(allocate_ids(session, "races", races))
    result_ids = iter(allocate_ids(session, "results", results))
    passage_ids = iter(allocate_ids(session, "passages", passages))

    now = values.moment(utc_now())
    rows: dict[str, list[tuple[Any, ...]]] = {
        "competitions": [],
        "skaters": [],
        "races": [],
        "results": [],
        "passages": [],
    }
    saved: list[SavedCompetition] = []
    for item, skaters in zip(batch, skater_sets, strict=True):
        competition = item.competition
        ident = next(competition_ids)
        rows["competitions"].append(
            (
                ident,
                competition.name,
                competition.venue,
                competition.nation,
                values.date(competition.start),
                values.date(competition.end),
                item.source_digest,
                now,
                item.rink_id,
                item.level,
            )
        )
        persons = item.persons or {}
        for skater in skaters:
            skaters[skater] = number = next(skater_ids)
            rows["skaters"].append(
                (number, ident, skater.name, skater.nation, skater.age_group, persons.get(skater))
            )
        race_numbers: list[int] = []
        result_numbers: list[tuple[int, ...]] = []
        for position, race in enumerate(competition.races, start=1):
            race_id = next(race_ids)
            race_numbers.append(race_id)
            rows["races"].append(
                (
                    race_id,
                    ident,
                    position,
                    race.distance,
                    race.gender.value,
                    race.kind.value,
                    race.number,
                    race.division,
                    race.title,
                    values.date(race.date),
                    race.state.value,
                )
            )
            numbers: list[int] = []
            for index, result in enumerate(race.results, start=1):
                result_id = next(result_ids)
                numbers.append(result_id)
                time = result.time
                rows["results"].append(
                    (
                        result_id,
                        race_id,
                        skaters[result.skater],
                        index,
                        result.pair,
                        result.lane.value if result.lane else None,
                        time.thousandths if time else None,
                        time.precision if time else None,
                        result.status.value,
                        result.infraction,
                        values.flag(result.fell),
                        values.json(list(result.records)),
                        values.flag(result.thousandths_known),
                        result.published_rank,
                        1,
                    )
                )
                rows["passages"].extend(
                    (
                        next(passage_ids),
                        result_id,
                        p.metres,
                        p.time.thousandths,
                        p.time.precision,
                    )
                    for p in result.passages
                )
            result_numbers.append(tuple(numbers))
        saved.append(SavedCompetition(ident, tuple(race_numbers), tuple(result_numbers), skaters))
    insert_rows(session, "competitions", _COMPETITION, rows["competitions"])
    insert_rows(session, "skaters", _SKATER, rows["skaters"])
    insert_rows(session, "races", _RACE, rows["races"])
    insert_rows(session, "results", _RESULT, rows["results"])
    insert_rows(session, "passages", _PASSAGE, rows["passages"])
    return saved
