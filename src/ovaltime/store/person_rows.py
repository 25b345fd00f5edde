"""Persons and their aliases: looked up by the identity keys, written in bulk.

An alias is a name as written (``KOK Femke``, ``Femke Kok``) with its ``name_key`` and
``sound_key`` (``core.identity``); the identity matcher finds candidates through them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import AliasOrigin, PersonAliasRow, PersonRow
from ovaltime.store.base import utc_now
from ovaltime.store.bulk import Values, allocate_ids, insert_rows

__all__ = ["Alias", "NewPerson", "aliases_by_keys", "insert_aliases", "insert_persons"]


@dataclass(frozen=True, slots=True)
class Alias:
    """An alias with what the matcher needs of its person."""

    person_id: int
    name: str
    nation: str
    name_key: str
    sound_key: str
    gender: Gender | None


@dataclass(frozen=True, slots=True)
class NewPerson:
    """A person to add, with the id handed out for it."""

    id: int
    name: str
    nation: str
    gender: Gender | None
    birth_date: dt.date | None = None


def aliases_by_keys(
    session: Session, name_keys: Iterable[str], sound_keys: Iterable[str]
) -> list[Alias]:
    """Every alias whose ``name_key`` or ``sound_key`` is one of these."""
    names, sounds = sorted(set(name_keys)), sorted(set(sound_keys))
    found: list[Alias] = []
    a, p = PersonAliasRow, PersonRow
    for start in range(0, max(len(names), len(sounds)), 400):
        chunk_names = names[start : start + 400]
        chunk_sounds = sounds[start : start + 400]
        query = (
            select(a.person_id, a.name, a.nation, a.name_key, a.sound_key, p.gender)
            .join(p, p.id == a.person_id)
            .where(or_(a.name_key.in_(chunk_names), a.sound_key.in_(chunk_sounds)))
        )
        found.extend(Alias(*row) for row in session.execute(query))
    return found


def insert_persons(session: Session, persons: Sequence[NewPerson]) -> None:
    values = Values(session)
    now = values.moment(utc_now())
    insert_rows(
        session,
        "persons",
        ("id", "name", "nation", "gender", "birth_date", "created"),
        (
            (
                p.id,
                p.name,
                p.nation,
                p.gender.value if p.gender else None,
                values.date(p.birth_date),
                now,
            )
            for p in persons
        ),
    )


def insert_aliases(
    session: Session, aliases: Sequence[tuple[int, str, str, str, str, AliasOrigin]]
) -> None:
    """Add aliases: (person id, name, name key, sound key, nation, origin) each."""
    ids = allocate_ids(session, "person_aliases", len(aliases))
    insert_rows(
        session,
        "person_aliases",
        ("id", "person_id", "name", "name_key", "sound_key", "nation", "origin"),
        (
            (ident, person, name, key, sound, nation, origin.value)
            for ident, (person, name, key, sound, nation, origin) in zip(ids, aliases, strict=True)
        ),
    )
