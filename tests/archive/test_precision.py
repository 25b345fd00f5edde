"""Every read of the archive shows a time with the precision its source gave: a hand-timed
``41.8`` stays ``41.8`` in the lists, bests, records, head to head and the Adelskalender, a
time in hundredths keeps its two decimals, and a result without a precision shows three."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update

from ovaltime.core.records import ADELSKALENDER_DISTANCES
from ovaltime.core.results import Competition
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.formats.record_lists import read_skater_keys
from ovaltime.formats.textfile import read_text
from ovaltime.services.archive.progressions import import_progressions
from ovaltime.services.archive.rinks import import_rinks
from ovaltime.services.unit import Context
from ovaltime.store.archive_queries import (
    adelskalender,
    alltime_list,
    bests,
    find_persons,
    head_to_head,
    pb_progression,
    records,
    season_list,
    world_record_at,
)
from ovaltime.store.archive_tables import ArchiveResultRow
from ovaltime.store.engine import read_session, write_session
from ovaltime.store.tables import ResultRow
from tests.archive.conftest import archive, competition, line, race

DAY = dt.date(1938, 2, 5)
SEASON = 1937
TENTHS = ("41.8", "2:14.0", "4:51.3", "8:30.6")
"""Tora's times on the women's allround distances, hand-timed to the tenth."""
HUNDREDTHS = ("42.35", "2:15.08", "4:52.40", "8:31.19")
"""Hilde's, in hundredths."""


def allround_in_tenths() -> Competition:
    """Tora (tenths) and Hilde (hundredths) paired on the four allround distances."""
    distances = ADELSKALENDER_DISTANCES[Gender.WOMEN]
    races = [
        race(d, Gender.WOMEN, [line("Tora", "NOR", t), line("Hilde", "NED", h)], pairs=True)
        for d, t, h in zip(distances, TENTHS, HUNDREDTHS, strict=True)
    ]
    return competition("Tenths Cup", DAY, *races)


@pytest.fixture
def tenths(context: Context) -> Context:
    archive(context, allround_in_tenths())
    return context


def _person(context: Context, name: str) -> int:
    with read_session(context.engine) as session:
        return find_persons(session, name)[0].person_id


def test_the_source_gives_tenths() -> None:
    assert (Time.parse("41.8").precision, Time.parse("42.35").precision) == (1, 2)


def test_the_lists_show_each_time_with_its_precision(tenths: Context) -> None:
    with read_session(tenths.engine) as session:
        shown = {
            "season": season_list(session, 500, Gender.WOMEN, SEASON),
            "season, page": season_list(session, 500, Gender.WOMEN, SEASON, offset=1),
            "season, age group": season_list(
                session, 500, Gender.WOMEN, SEASON, age_group="Senior"
            ),
            "all time": alltime_list(session, 500, Gender.WOMEN),
            "all time, age group": alltime_list(session, 500, Gender.WOMEN, age_group="Senior"),
            "all time, nation": alltime_list(session, 500, Gender.WOMEN, nation="NED"),
        }
    times = {key: [(x.name, str(x.time)) for x in lines] for key, lines in shown.items()}
    both = [("Tora", "41.8"), ("Hilde", "42.35")]
    assert times == {
        "season": both,
        "season, page": both[1:],
        "season, age group": both,
        "all time": both,
        "all time, age group": both,
        "all time, nation": both[1:],
    }
    assert [x.time for x in shown["all time"]] == [Time(41800), Time(42350)]


def test_bests_progression_and_head_to_head(tenths: Context) -> None:
    tora, hilde = _person(tenths, "Tora"), _person(tenths, "Hilde")
    with read_session(tenths.engine) as session:
        tora_bests = bests(session, tora)
        hilde_bests = bests(session, hilde)
        steps = pb_progression(session, tora, 1500)
        meetings = head_to_head(session, tora, hilde)
    assert [(b.distance, str(b.pb.time)) for b in tora_bests] == list(
        zip(ADELSKALENDER_DISTANCES[Gender.WOMEN], TENTHS, strict=True)
    )
    assert [str(b.sb.time) for b in tora_bests if b.sb] == list(TENTHS)
    assert [str(b.pb.time) for b in hilde_bests] == list(HUNDREDTHS)
    assert [str(step.time) for step in steps] == ["2:14.0"]
    assert [(str(m.time_a), str(m.time_b), m.winner) for m in meetings.meetings] == [
        (t, h, "a") for t, h in zip(TENTHS, HUNDREDTHS, strict=True)
    ]


def test_records_now_and_on_a_date(tenths: Context) -> None:
    with read_session(tenths.engine) as session:
        (world,) = records(session, "WR", 500, Gender.WOMEN)
        nationals = records(session, "NR", 500, Gender.WOMEN)
        then = world_record_at(session, 5000, Gender.WOMEN, DAY)
    assert (world.name, str(world.time)) == ("Tora", "41.8")
    assert [(n.scope, str(n.time)) for n in nationals] == [("NOR", "41.8"), ("NED", "42.35")]
    assert then is not None
    assert str(then.time) == "8:30.6"


def test_the_adelskalender_shows_the_bests_as_given(tenths: Context) -> None:
    with read_session(tenths.engine) as session:
        table = adelskalender(session, Gender.WOMEN)
        second = adelskalender(session, Gender.WOMEN, offset=1)
    assert [(x.name, [str(t) for t in x.bests.values()]) for x in table] == [
        ("Tora", list(TENTHS)),
        ("Hilde", list(HUNDREDTHS)),
    ]
    assert [(x.rank, [str(t) for t in x.bests.values()]) for x in second] == [(2, list(HUNDREDTHS))]


def test_a_result_without_a_precision_shows_three_decimals(tenths: Context) -> None:
    """Results stored before precision was kept have none: their times read as thousandths."""
    with write_session(tenths.engine) as session:
        ids = session.scalars(select(ArchiveResultRow.result_id)).all()
        session.execute(update(ResultRow).where(ResultRow.id.in_(ids)).values(time_precision=None))
    with read_session(tenths.engine) as session:
        (first, _) = alltime_list(session, 500, Gender.WOMEN)
        (world,) = records(session, "WR", 500, Gender.WOMEN)
        (line_of_tora, _) = adelskalender(session, Gender.WOMEN)
    assert (first.time.precision, str(first.time)) == (3, "41.80")
    assert str(world.time) == "41.80"
    assert str(line_of_tora.bests[500]) == "41.80"


@pytest.mark.shared_data
def test_the_men_s_500_m_world_record_progression(context: Context, shared_data: Path) -> None:
    """Engnestangen's 0:41.8 of 1938, and Börjes' hand-timed 0:38.9 standing over Muratov's
    electronic 0:38.99 until Börjes' 0:38.87 the next day."""
    folder = shared_data / "records"
    import_rinks(context, folder / "rinks.txt")
    progression = folder / "world-record-progressions" / "men_500.txt"
    import_progressions(context, [progression], folder / "skaters.txt")
    keys, _ = read_skater_keys(read_text(folder / "skaters.txt"), "skaters.txt")
    engnestangen = keys["engnestangen"].name
    with read_session(context.engine) as session:
        of_1938 = world_record_at(session, 500, Gender.MEN, DAY)
        season = season_list(session, 500, Gender.MEN, SEASON)
        of_1970 = [
            world_record_at(session, 500, Gender.MEN, dt.date(1970, 1, day)) for day in (24, 25)
        ]
        season_1969 = season_list(session, 500, Gender.MEN, 1969)
        (now,) = records(session, "WR", 500, Gender.MEN)
        (pb,) = bests(session, find_persons(session, engnestangen)[0].person_id)
    assert of_1938 is not None
    assert (of_1938.name, str(of_1938.time)) == (engnestangen, "41.8")
    assert [(x.name, str(x.time)) for x in season] == [(engnestangen, "41.8")]
    assert [str(x.time) for x in of_1970 if x] == ["38.9", "38.87"]
    assert [str(x.time) for x in season_1969] == ["38.46", "38.71", "38.73", "39.03"]
    assert str(now.time) == "33.61"
    assert str(pb.pb.time) == "41.8"
