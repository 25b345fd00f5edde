"""What the judge needs to know before judging: standing records and personal bests.

The judge (``services.archive.judging``) fills a ``core.records.RecordBook`` with only what a
batch of results can be compared with: for one distance and gender, the standing record of
every scope (``archive_records``), and the personal and season bests of the persons in the
batch — the stored bests when the batch comes after everything archived, or the bests from
the results before a date when history is judged again from that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ovaltime.core.records import season_start
from ovaltime.core.states import Gender
from ovaltime.store.archive_entries import Order, at_or_after
from ovaltime.store.archive_tables import (
    ALL_TIME,
    ArchiveBestRow,
    ArchiveRecordRow,
    ArchiveResultRow,
)
from ovaltime.store.bulk import Values, allocate_ids, insert_rows

__all__ = [
    "RecordMark",
    "add_record_marks",
    "bests_before",
    "drop_record_marks",
    "personal_bests",
    "record_scope",
    "scopes_known_elsewhere",
    "standing_records",
    "stored_bests",
]


@dataclass(frozen=True, slots=True)
class RecordMark:
    """A result that set or equalled the record ``kind`` of ``scope`` (an archive_records row)."""

    result_id: int
    kind: str
    scope: str
    distance: int
    gender: Gender
    date: dt.date
    competition_id: int
    sequence: int
    hundredths: int


def record_scope(kind: str, nation: str, rink_id: int | None) -> str:
    """Where a record of ``kind`` holds: "" for the world, the nation, the rink id as text."""
    if kind.startswith("NR"):
        return nation
    if kind.startswith("TR"):
        return "" if rink_id is None else str(rink_id)
    return ""


def scopes_known_elsewhere(
    session: Session, distance: int, gender: Gender, competition_id: int, before: Order
) -> set[tuple[str, str]]:
    """(kind, scope) of the records of a distance and gender that some other competition set
    before ``before``: the records the archive knew before a result of ``competition_id``."""
    table = ArchiveRecordRow
    query = (
        select(table.kind, table.scope)
        .where(
            table.distance == distance,
            table.gender == gender,
            table.competition_id != competition_id,
            ~at_or_after(table, before),
        )
        .distinct()
    )
    return {(kind, scope) for kind, scope in session.execute(query)}


def standing_records(
    session: Session, distance: int, gender: Gender, before: Order | None = None
) -> list[tuple[str, str, int]]:
    """(kind, scope, hundredths) of every record standing before ``before`` (None: now)."""
    table = ArchiveRecordRow
    query = (
        select(table.kind, table.scope, func.min(table.hundredths))
        .where(table.distance == distance, table.gender == gender)
        .group_by(table.kind, table.scope)
    )
    if before is not None:
        query = query.where(~at_or_after(table, before))
    return [(kind, scope, int(best)) for kind, scope, best in session.execute(query)]


_MARK_COLUMNS = (
    "id", "result_id", "kind", "scope", "distance", "gender", "date", "competition_id",
    "sequence", "hundredths",
)  # fmt: skip


def add_record_marks(session: Session, marks: Sequence[RecordMark]) -> None:
    values = Values(session)
    ids = allocate_ids(session, "archive_records", len(marks))
    insert_rows(
        session,
        "archive_records",
        _MARK_COLUMNS,
        (
            (
                ident,
                m.result_id,
                m.kind,
                m.scope,
                m.distance,
                m.gender.value,
                values.date(m.date),
                m.competition_id,
                m.sequence,
                m.hundredths,
            )
            for ident, m in zip(ids, marks, strict=True)
        ),
    )


def drop_record_marks(session: Session, distance: int, gender: Gender, since: Order) -> None:
    """Forget the records of a distance and gender set at ``since`` or later."""
    table = ArchiveRecordRow
    session.execute(
        delete(table).where(
            table.distance == distance, table.gender == gender, at_or_after(table, since)
        ),
        execution_options={"synchronize_session": False},
    )


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), size):
        yield wanted[start : start + size]


def stored_bests(
    session: Session,
    distance: int,
    gender: Gender,
    person_ids: Iterable[int],
    seasons: Collection[int],
) -> dict[tuple[int, int], int]:
    """{(person, season): hundredths} of the stored bests; season ``ALL_TIME`` is the PB.

    Read along the primary key: the gender is checked on the rows read, since a condition on
    it would lead SQLite to the index of the lists, which holds every best of the distance.
    """
    table = ArchiveBestRow
    wanted = sorted({ALL_TIME, *seasons})
    found: dict[tuple[int, int], int] = {}
    for chunk in _chunks(person_ids):
        query = select(table.person_id, table.season, table.hundredths, table.gender).where(
            table.person_id.in_(chunk),
            table.distance == distance,
            table.season.in_(wanted),
        )
        for person, season, hundredths, of in session.execute(query):
            if of == gender:
                found[(person, season)] = hundredths
    return found


def bests_before(
    session: Session, distance: int, gender: Gender, person_ids: Iterable[int], before: Order
) -> dict[tuple[int, int], int]:
    """{(person, season): hundredths} from the results before ``before``: the PB (season
    ``ALL_TIME``) and the best of ``before``'s own season, where the person has one.

    Read along the index of a person's results, grouped by gender too (see ``stored_bests``).
    """
    table = ArchiveResultRow
    season = season_start(before[0])
    found: dict[tuple[int, int], int] = {}
    for chunk in _chunks(person_ids):
        base = (
            table.person_id.in_(chunk),
            table.distance == distance,
            ~at_or_after(table, before),
        )
        query = select(table.person_id, table.gender, func.min(table.hundredths)).where(*base)
        groups = (table.person_id, table.gender)
        for person, of, best in session.execute(query.group_by(*groups)):
            if of == gender:
                found[(person, ALL_TIME)] = int(best)
        query = query.where(table.season == season).group_by(*groups)
        for person, of, best in session.execute(query):
            if of == gender:
                found[(person, season)] = int(best)
    return found


def personal_bests(
    session: Session, person_ids: Iterable[int], distances: Collection[int]
) -> dict[tuple[int, int], int]:
    """{(person, distance): hundredths} of the stored personal bests on these distances."""
    table = ArchiveBestRow
    found: dict[tuple[int, int], int] = {}
    for chunk in _chunks(person_ids):
        query = select(table.person_id, table.distance, table.hundredths).where(
            table.person_id.in_(chunk),
            table.distance.in_(sorted(distances)),
            table.season == ALL_TIME,
        )
        for person, distance, hundredths in session.execute(query):
            found[(person, distance)] = hundredths
    return found
