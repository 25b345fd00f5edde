"""A result recorded or corrected on the competition server is archived in its transaction,
and its flags reach ``records`` for the live pages."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.events import EventLog, ResultCorrected, ResultRecorded
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, correct_result, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.store.archive_tables import ArchiveResultRow
from ovaltime.store.engine import read_session, write_session
from ovaltime.store.entries import race_entries
from ovaltime.store.tables import ResultRow, SkaterRow
from tests.archive.conftest import archive, competition, line, race

DAY = dt.date(2025, 3, 1)
SKATERS = [Skater("Anna Visser", "NED"), Skater("Bea Berg", "NED"), Skater("Cara Cole", "CAN")]


def live(context: Context, official: User) -> tuple[int, tuple[int, ...]]:
    competition_id = create_competition(context, "Club Cup", start=DAY)
    race_id, _ = add_race(context, competition_id, distance=500, gender=Gender.WOMEN)
    entries = [
        StartEntry(SKATERS[0], 1, Lane.INNER),
        StartEntry(SKATERS[1], 1, Lane.OUTER),
        StartEntry(SKATERS[2], 2, Lane.INNER),
    ]
    ids = set_start_list(context, race_id, entries, actor=official)
    change_race_state(context, race_id, RaceState.LIVE, actor=official)
    return race_id, ids


def records(context: Context, race_id: int) -> dict[str, tuple[str, ...]]:
    with read_session(context.engine) as session:
        return {
            e.skater.name: e.result.records if e.result else ()
            for e in race_entries(session, race_id)
        }


def test_a_recorded_result_shows_its_flags_at_once(context: Context, official: User) -> None:
    archive(
        context,
        competition("Old", DAY - dt.timedelta(30), race(500, Gender.WOMEN, [
            line("Anna Visser", "NED", "38.20"), line("Cara Cole", "CAN", "39.00")]),
        ),
    )  # fmt: skip
    race_id, (anna, bea, cara) = live(context, official)
    record_result(context, anna, Outcome(Time(38100)), actor=official)
    assert records(context, race_id)["Anna Visser"] == ("WR", "NR", "PB", "SB")
    record_result(context, bea, Outcome(Time(37900)), actor=official)
    assert records(context, race_id) == {
        "Anna Visser": ("PB", "SB"),
        "Bea Berg": ("WR", "NR"),  # her first result: no best of hers to improve on
        "Cara Cole": (),
    }
    record_result(context, cara, Outcome(Time(39500)), actor=official)
    assert records(context, race_id)["Cara Cole"] == (), "slower than her 39.00 of this season"


def test_a_correction_judges_the_race_again(
    context: Context, official: User, events: EventLog
) -> None:
    race_id, (anna, bea, _) = live(context, official)
    record_result(context, anna, Outcome(Time(38100)), actor=official)
    seen = record_result(context, bea, Outcome(Time(37900)), actor=official)
    corrected = correct_result(
        context, bea, Outcome(Time(38500)), version=seen.version, reason="timing", actor=official
    )
    assert records(context, race_id) == {"Anna Visser": (), "Bea Berg": (), "Cara Cole": ()}
    with read_session(context.engine) as session:
        rows = session.execute(select(ArchiveResultRow.result_id, ArchiveResultRow.flags))
        flags = {row.result_id: row.flags for row in rows}
        version = session.scalar(select(ResultRow.version).where(ResultRow.id == bea))
    assert flags == {anna: "WR NR PB SB", bea: "PB SB"}, "judged again: Anna's time stands"
    assert version == corrected.version, "flags are no change of an official's"
    assert isinstance(events.events[-1], ResultCorrected)
    assert events.events[-1].version == corrected.version
    correct_result(
        context,
        bea,
        Outcome(None, Status.DNF),
        version=corrected.version,
        reason="fell",
        actor=official,
    )
    assert records(context, race_id)["Bea Berg"] == ()
    with read_session(context.engine) as session:
        archived = session.scalars(select(ArchiveResultRow.result_id)).all()
    assert archived == [anna]


def test_a_new_archive_announces_no_record_and_no_first_best(
    context: Context, official: User
) -> None:
    race_id, (anna, bea, cara) = live(context, official)
    record_result(context, anna, Outcome(Time(37342)), actor=official)
    record_result(context, bea, Outcome(Time(37348)), actor=official)
    record_result(context, cara, Outcome(Time(38000)), actor=official)
    assert records(context, race_id) == {"Anna Visser": (), "Bea Berg": (), "Cara Cole": ()}
    later, (anna, bea, cara) = live(context, official)
    record_result(context, anna, Outcome(Time(37300)), actor=official)
    record_result(context, bea, Outcome(Time(37400)), actor=official)
    assert records(context, later) == {
        "Anna Visser": ("WR", "NR", "PB", "SB"),  # better than the Club Cup before
        "Bea Berg": (),
        "Cara Cole": (),
    }


def test_flags_a_source_published_are_kept(context: Context, official: User) -> None:
    race_id, (anna, _, _) = live(context, official)
    with write_session(context.engine) as session:
        session.execute(update(ResultRow).where(ResultRow.id == anna).values(records=["OR"]))
    record_result(context, anna, Outcome(Time(38100)), actor=official)
    assert records(context, race_id)["Anna Visser"] == ("OR",)
    with read_session(context.engine) as session:
        flags = session.scalar(select(ArchiveResultRow.flags))
    assert flags == "WR NR PB SB"


def test_the_skater_is_resolved_once(context: Context, official: User, events: EventLog) -> None:
    _, (anna, bea, _) = live(context, official)
    first = record_result(context, anna, Outcome(Time(38100)), actor=official)
    correct_result(
        context, anna, Outcome(Time(38000)), version=first.version, reason="x", actor=official
    )
    record_result(context, bea, Outcome(Time(38200)), actor=official)
    with read_session(context.engine) as session:
        persons = dict(session.execute(select(SkaterRow.name, SkaterRow.person_id)).all())
    assert persons["Anna Visser"] is not None
    assert persons["Anna Visser"] != persons["Bea Berg"]
    assert persons["Cara Cole"] is None, "resolved when a time is archived"
    assert [type(e) for e in events.events[-3:]] == [
        ResultRecorded,
        ResultCorrected,
        ResultRecorded,
    ]
