"""The competition repository gives back exactly the core values it was given."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select

from ovaltime.core.distances import Passage
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.store.competitions import (
    find_race,
    list_competitions,
    load_competition,
    save_competition,
)
from ovaltime.store.engine import read_session, write_session
from ovaltime.store.entries import find_race_entries, race_entries
from ovaltime.store.tables import PassageRow, RaceRow, ResultRow, SkaterRow

ANNA = Skater("Anna Visser", "NED", "senior")
BEA = Skater("Bea Berg", "NOR")

SPRINT = Competition(
    name="Sprint Cup",
    venue="Vikingskipet",
    nation="NOR",
    start=dt.date(2025, 1, 4),
    end=dt.date(2025, 1, 5),
    races=(
        Race(
            500,
            Gender.WOMEN,
            results=(
                Result(
                    BEA,
                    Time(37342, 3),
                    pair=1,
                    lane=Lane.OUTER,
                    passages=(Passage(100, Time(10410, 2)), Passage(500, Time(37340, 2))),
                    records=("TR",),
                ),
                Result(ANNA, Time(37340, 2), pair=1, lane=Lane.INNER, thousandths_known=False),
            ),
            date=dt.date(2025, 1, 4),
            state=RaceState.UNOFFICIAL,
        ),
        Race(
            500,
            Gender.WOMEN,
            number=2,
            results=(
                Result(ANNA, None, Status.DQ, infraction="F", fell=True, pair=3),
                Result(BEA, Time(41800, 1), published_rank=1),
            ),
        ),
        Race(1600, Gender.MIXED, kind=RaceKind.MASS_START, division="B", title="Mass start"),
    ),
)


def test_a_competition_round_trips(engine: Engine) -> None:
    with write_session(engine) as session:
        ident = save_competition(session, SPRINT)
    with read_session(engine) as session:
        back = load_competition(session, ident)
    assert back == SPRINT
    assert back is not None
    anna = back.races[0].results[1]
    assert anna.time is not None
    assert anna.time.precision == 2, "the precision of a time survives"
    assert back.races[0].results[0].passages[0].time.precision == 2


def test_times_are_stored_as_integers(engine: Engine) -> None:
    with write_session(engine) as session:
        save_competition(session, SPRINT)
    with read_session(engine) as session:
        stored = session.scalars(select(ResultRow.time_thousandths)).all()
    assert sorted(t for t in stored if t is not None) == [37340, 37342, 41800]
    assert all(isinstance(t, int) for t in stored if t is not None)


def test_unknown_competition_is_none(engine: Engine) -> None:
    with read_session(engine) as session:
        assert load_competition(session, 99) is None
        assert find_race(session, 99, 1) is None


def test_list_and_find(engine: Engine) -> None:
    undated = Competition("Club evening")
    with write_session(engine) as session:
        first = save_competition(session, SPRINT)
        second = save_competition(session, undated)
    with read_session(engine) as session:
        summaries = list_competitions(session)
        race = find_race(session, first, 2)
        missing = find_race(session, first, 4)
    assert [(s.id, s.name, s.races) for s in summaries] == [
        (first, "Sprint Cup", 3),
        (second, "Club evening", 0),
    ]
    assert race is not None
    assert (race.competition_id, race.position, race.race) == (first, 2, SPRINT.races[1])
    assert missing is None


def test_a_race_and_its_entries_read_in_one_go_are_what_they_are_read_apart(
    engine: Engine,
) -> None:
    with write_session(engine) as session:
        first = save_competition(session, SPRINT)
        race = session.scalars(
            select(RaceRow).where(RaceRow.competition_id == first, RaceRow.position == 1)
        ).one()
        pending = ResultRow(  # on the start list, a passage in, no result yet
            race_id=race.id,
            skater=SkaterRow(competition_id=first, name="Cleo Dahl", nation="SWE"),
            position=3,
            pair=2,
            passages=[PassageRow(metres=100, time_thousandths=10500, time_precision=2)],
        )
        session.add(pending)
    with read_session(engine) as session:
        for position in (1, 2, 3):
            apart = find_race(session, first, position)
            assert apart is not None
            entries = race_entries(session, apart.id)
            assert find_race_entries(session, first, position) == (apart, entries)
        assert find_race_entries(session, first, 4) is None
        one = find_race_entries(session, first, 1)
    assert one is not None
    assert [(e.skater.name, e.result is not None) for e in one[1]] == [
        ("Bea Berg", True),
        ("Anna Visser", True),
        ("Cleo Dahl", False),
    ]
    assert one[1][2].passages == (Passage(100, Time(10500, 2)),)


def test_skaters_are_stored_once_per_competition(engine: Engine) -> None:
    with write_session(engine) as session:
        save_competition(session, SPRINT)
        save_competition(session, SPRINT)
    with read_session(engine) as session:
        rows = session.scalars(select(ResultRow)).all()
        skaters = {(row.skater.competition_id, row.skater.name) for row in rows}
    assert len(rows) == 8
    assert len(skaters) == 4
