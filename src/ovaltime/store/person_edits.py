"""Changing who results belong to: moving skaters, aliases and archived results between
persons, and removing a person once nothing refers to it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ovaltime.store.archive_tables import (
    AdelskalenderChangeRow,
    AdelskalenderRow,
    ArchiveBestRow,
    ArchiveResultRow,
    PersonAliasRow,
    PersonRow,
)
from ovaltime.store.tables import ResultRow, SkaterRow

__all__ = ["delete_person", "move_skaters", "skaters_written"]

_QUIET = {"synchronize_session": False}


def skaters_written(session: Session, person_id: int, name: str, nation: str) -> list[int]:
    """The ids of the person's skaters written exactly ``name`` of ``nation``."""
    query = select(SkaterRow.id).where(
        SkaterRow.person_id == person_id, SkaterRow.name == name, SkaterRow.nation == nation
    )
    return list(session.scalars(query))


def move_skaters(session: Session, skater_ids: Iterable[int], person_id: int) -> None:
    """Give these skaters, and the archived results of their results, to ``person_id``."""
    wanted = sorted(set(skater_ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        session.execute(
            update(SkaterRow).where(SkaterRow.id.in_(chunk)).values(person_id=person_id),
            execution_options=_QUIET,
        )
        results = select(ResultRow.id).where(ResultRow.skater_id.in_(chunk))
        session.execute(
            update(ArchiveResultRow)
            .where(ArchiveResultRow.result_id.in_(results))
            .values(person_id=person_id),
            execution_options=_QUIET,
        )


def delete_person(session: Session, person_id: int) -> None:
    """Remove a person whose skaters and results have all moved to another."""
    for table in (AdelskalenderChangeRow, AdelskalenderRow, ArchiveBestRow, PersonAliasRow):
        session.execute(delete(table).where(table.person_id == person_id), execution_options=_QUIET)
    session.execute(delete(PersonRow).where(PersonRow.id == person_id), execution_options=_QUIET)
