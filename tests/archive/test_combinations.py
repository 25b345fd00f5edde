"""Combination totals in the archive: stored by imports and by the server when a
championship's races are official, judged in the archive's chronology, following identities.

The published facts are those of ``tests/core/test_combination_records.py`` (Davis's 145.742
of 2006, Roest's 145.561 of 2019); the demo championship is made up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from ovaltime.core.combination_records import combination_totals
from ovaltime.core.states import Gender, RaceState
from ovaltime.demo import demo_competition
from ovaltime.services.archive.persons import merge_persons
from ovaltime.services.races import change_race_state
from ovaltime.services.replay import demo_user, replay_competition
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.combination_rows import CombinationLine, combination_lines, person_totals
from ovaltime.store.combination_tables import CombinationTotalRow
from ovaltime.store.engine import read_session
from ovaltime.store.tables import RaceRow
from tests.archive.conftest import archive
from tests.core.test_combination_records import DAVIS, DAVIS_2006, ROEST, ROEST_2019, allround


def lines(context: Context, combination: str = "big") -> list[CombinationLine]:
    with read_session(context.engine) as session:
        return combination_lines(session, combination, Gender.MEN)


def test_the_world_record_of_the_big_combination(context: Context) -> None:
    # Imported out of order: Roest's championship first.
    archive(context, allround("World Allround 2019", dt.date(2019, 3, 2), {ROEST: ROEST_2019}))
    assert [(x.name, x.points, x.flags) for x in lines(context)] == [
        ("Patrick Roest", 145_561, "WR NR PB")
    ]
    archive(context, allround("World Allround 2006", dt.date(2006, 3, 18), {DAVIS: DAVIS_2006}))
    listed = [(x.rank, x.name, x.nation, x.points, x.date, x.flags) for x in lines(context)]
    assert listed == [
        (1, "Patrick Roest", "NED", 145_561, dt.date(2019, 3, 3), "WR NR PB"),
        (2, "Shani Davis", "USA", 145_742, dt.date(2006, 3, 19), "WR NR PB"),
    ]
    assert [x.competition for x in lines(context)] == ["World Allround 2019", "World Allround 2006"]
    assert lines(context, "small") == []


def test_an_imported_championship_keeps_its_classified_totals(context: Context) -> None:
    demo = demo_competition()
    archive(context, demo)
    expected = {(t.skater.name, t.points) for t in combination_totals(demo)}
    assert len(expected) == 8, "the eight skaters of the 10000 m"
    got = lines(context)
    assert {(x.name, x.points) for x in got} == expected
    assert got[0].flags == "WR NR PB", "the lowest total of the first championship"
    assert all("PB" in x.flags for x in got), "each skater's first total"
    archive(context, demo)
    with read_session(context.engine) as session:
        count = session.scalar(select(func.count()).select_from(CombinationTotalRow))
    assert count == 8, "imported twice, stored once"


def test_the_server_keeps_totals_once_every_race_is_official(context: Context, admin: User) -> None:
    demo = demo_competition()
    competition_id = replay_competition(
        context, demo, pace=1e9, actor=demo_user(context), sleep=lambda _: None
    )
    expected = {(t.skater.name, t.points) for t in combination_totals(demo)}
    assert {(x.name, x.points) for x in lines(context)} == expected
    with read_session(context.engine) as session:
        last = session.scalar(
            select(RaceRow.id)
            .where(RaceRow.competition_id == competition_id)
            .order_by(RaceRow.position.desc())
        )
    assert last is not None
    change_race_state(context, last, RaceState.UNOFFICIAL, actor=admin, reason="protest")
    assert lines(context) == [], "the 10000 m is no longer official"
    change_race_state(context, last, RaceState.OFFICIAL, actor=admin)
    assert {(x.name, x.points) for x in lines(context)} == expected


def test_merged_persons_keep_their_totals(context: Context, admin: User) -> None:
    archive(
        context,
        allround("World Allround 2006", dt.date(2006, 3, 18), {DAVIS: DAVIS_2006}),
        allround("Made-up Allround", dt.date(2007, 3, 18), {ROEST: DAVIS_2006}),
    )
    (roest, davis) = sorted(lines(context), key=lambda x: x.name)
    assert (roest.flags, davis.flags) == ("WR NR PB", "WR NR PB")
    merge_persons(context, davis.person_id, roest.person_id, actor=admin, reason="made up: one")
    with read_session(context.engine) as session:
        totals = person_totals(session, davis.person_id)
    assert [(t.date.year, t.points, t.flags) for t in totals] == [
        (2006, 145_742, "WR NR PB"),
        (2007, 145_742, "WR NR"),  # equals the record, and NED's first; no new best
    ]
