"""Persons and aliases written in bulk are found again by their keys."""

from __future__ import annotations

from sqlalchemy import Engine

from ovaltime.core.states import Gender
from ovaltime.store.archive_tables import AliasOrigin
from ovaltime.store.engine import read_session, write_session
from ovaltime.store.person_rows import (
    Alias,
    NewPerson,
    aliases_by_keys,
    insert_aliases,
    insert_persons,
)


def test_aliases_are_found_by_name_key_or_sound_key_in_chunks(engine: Engine) -> None:
    genders = [Gender.WOMEN, Gender.MEN, None]
    persons = [NewPerson(n, f"Skater {n}", "NED", genders[n % 3]) for n in range(1, 1001)]
    aliases = [
        (p.id, p.name, f"name {p.id}", f"sound {p.id // 2}", p.nation, AliasOrigin.IMPORT)
        for p in persons
    ]
    with write_session(engine) as session:
        insert_persons(session, persons)
        insert_aliases(session, aliases)
    with read_session(engine) as session:
        found = aliases_by_keys(
            session, [f"name {n}" for n in range(1, 901)], ["sound 480", "sound 499", "none"]
        )
        assert aliases_by_keys(session, [], []) == []
        assert aliases_by_keys(session, ["name 7"], []) == [
            Alias(7, "Skater 7", "NED", "name 7", "sound 3", Gender.MEN)
        ]
    by_person = {alias.person_id: alias for alias in found}
    assert len(found) == len(by_person) == 900 + 4  # 960, 961, 998, 999 by their sound key
    assert by_person[5] == Alias(5, "Skater 5", "NED", "name 5", "sound 2", None)
    assert by_person[999].gender is Gender.WOMEN
