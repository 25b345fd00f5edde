"""Saving competitions in bulk writes the same rows as the repository, read back equal."""

from __future__ import annotations

from sqlalchemy import Engine, select

from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.store.archive_tables import PersonRow
from ovaltime.store.bulk_competitions import CompetitionToSave, save_competitions
from ovaltime.store.competitions import load_competition, save_competition
from ovaltime.store.engine import read_session, write_session
from ovaltime.store.tables import CompetitionRow, SkaterRow
from tests.store.test_competitions_repository import SPRINT


def test_bulk_saved_competitions_load_back_equal(engine: Engine) -> None:
    other = Competition(
        "Club Race",
        (Race(1000, Gender.MEN, (Result(Skater("Cas Ceder", "NED"), Time(70120, 2)),)),),
    )
    with write_session(engine) as session:
        first = save_competition(session, SPRINT)
        saved = save_competitions(
            session,
            [
                CompetitionToSave(SPRINT, source_digest="a" * 64, level="national"),
                CompetitionToSave(other),
            ],
        )
        after = save_competition(session, other)
    ids = [first, saved[0].competition_id, saved[1].competition_id, after]
    assert ids == sorted(set(ids))
    assert [len(r) for r in saved[0].result_ids] == [len(r.results) for r in SPRINT.races]
    with read_session(engine) as session:
        assert load_competition(session, saved[0].competition_id) == SPRINT
        assert load_competition(session, saved[1].competition_id) == other
        assert load_competition(session, after) == other
        row = session.get(CompetitionRow, saved[0].competition_id)
        assert row is not None
        assert (row.level, row.source_digest, row.created.tzinfo is not None) == (
            "national",
            "a" * 64,
            True,
        )


def test_bulk_saved_skaters_name_their_persons(engine: Engine) -> None:
    skater = SPRINT.races[0].results[0].skater
    with write_session(engine) as session:
        person = PersonRow(name=skater.name, nation=skater.nation)
        session.add(person)
        session.flush()
        (saved,) = save_competitions(
            session, [CompetitionToSave(SPRINT, persons={skater: person.id})]
        )
        person_id = person.id
    with read_session(engine) as session:
        rows = session.scalars(
            select(SkaterRow).where(SkaterRow.competition_id == saved.competition_id)
        ).all()
        assert {r.name: r.person_id for r in rows} == {
            skater.name: person_id,
            **{r.name: None for r in rows if r.name != skater.name},
        }
