"""Persons and their aliases: looked up by the identity keys, written in bulk.

An alias is a name as written (``KOK Femke``, ``Femke Kok``) with its ``name_key`` and
``sound_key`` (``core.identity``); the identity matcher finds candidates through them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import AliasOrigin
from ovaltime.store.base import utc_now
from ovaltime.store.bulk import Values, allocate_ids, insert_rows, select_rows

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
    """Every alias whose ``name_key`` or ``sound_key`` is one of these.

    Read through the driver (``bulk.select_rows``): an import asks once per competition."""
    names, sounds = sorted(set(name_keys)), sorted(set(sound_keys))
    found: list[Alias] = []
    for start in range(0, max(len(names), len(sounds)), _CHUNK):
        chunk_names = names[start : start + _CHUNK]
        chunk_sounds = sounds[start : start + _CHUNK]
        terms = []
        if chunk_names:
            terms.append(f"person_aliases.name_key IN ({', '.join('?' * len(chunk_names))})")
        if chunk_sounds:
            terms.append(f"person_aliases.sound_key IN ({', '.join('?' * len(chunk_sounds))})")
        rows = select_rows(session, _ALIASES + " OR ".join(terms), chunk_names + chunk_sounds)
        found.extend(
            Alias(person, name, nation, key, sound, _GENDERS[gender])
            for person, name, nation, key, sound, gender in rows
        )
    return found


_CHUNK = 400
_ALIASES = (
    "SELECT person_aliases.person_id, person_aliases.name, person_aliases.nation, "
    "person_aliases.name_key, person_aliases.sound_key, persons.gender "
    "FROM person_aliases JOIN persons ON persons.id = person_aliases.person_id WHERE "
)
_GENDERS: dict[str | None, Gender | None] = {None: None, **{g.value: g for g in Gender}}


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
