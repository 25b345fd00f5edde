"""The archive's reads: lists with shared ranks and filters, search, records, head to head."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.archive.rinks import import_rinks
from ovaltime.services.unit import Context
from ovaltime.store.archive_queries import (
    alltime_list,
    find_persons,
    head_to_head,
    pb_progression,
    records,
    season_list,
    world_record_at,
)
from ovaltime.store.engine import read_session
from tests.archive.conftest import archive, competition, line, race
from tests.archive.test_rinks import RINKS

NOV = dt.date(2024, 11, 15)
JAN = dt.date(2025, 1, 20)
OLD = dt.date(2023, 12, 1)


@pytest.fixture
def lists(context: Context, tmp_path: Path) -> Context:
    path = tmp_path / "rinks.txt"
    path.write_text(RINKS, encoding="utf-8")
    import_rinks(context, path)
    archive(
        context,
        competition("Old Cup", OLD, race(500, Gender.WOMEN, [
            line("Anna", "NED", "37.95"), line("Bea", "NOR", "38.40"),
        ], pairs=True), venue="Thialf", nation="NED"),
        competition("Nov Cup", NOV, race(500, Gender.WOMEN, [
            line("Anna", "NED", "38.00"), line("Bea", "NOR", "38.005"),
            line("Cara", "NED", "38.10", "A1"), line("Dora", "NED", "38.20"),
        ], pairs=True), venue="Olympic Oval", nation="CAN"),
        competition("Jan Cup", JAN, race(500, Gender.WOMEN, [
            line("Bea", "NOR", "38.30"), line("Cara", "NED", "38.60", "A1"),
            line("Eva", "GER", "39.00"),
        ], pairs=True), venue="Thialf", nation="NED"),
    )  # fmt: skip
    return context


def ranked(lines: list) -> list[tuple[int, str, str]]:  # type: ignore[type-arg]
    return [(line.rank, line.name, str(line.time)) for line in lines]


def test_season_list_shares_ranks_on_hundredths(lists: Context) -> None:
    with read_session(lists.engine) as session:
        full = season_list(session, 500, Gender.WOMEN, 2024)
        page = season_list(session, 500, Gender.WOMEN, 2024, limit=2, offset=1)
        dutch = season_list(session, 500, Gender.WOMEN, 2024, nation="ned")
    assert ranked(full) == [
        (1, "Anna", "38.00"),
        (1, "Bea", "38.00"),
        (3, "Cara", "38.10"),
        (4, "Dora", "38.20"),
        (5, "Eva", "39.00"),
    ]
    assert ranked(page) == [(1, "Bea", "38.00"), (3, "Cara", "38.10")]
    assert ranked(dutch) == [(1, "Anna", "38.00"), (2, "Cara", "38.10"), (3, "Dora", "38.20")]
    assert (full[1].competition, full[1].rink, full[1].date) == ("Nov Cup", "calgary", NOV)


def test_alltime_list_and_filters_on_results(lists: Context) -> None:
    with read_session(lists.engine) as session:
        alltime = alltime_list(session, 500, Gender.WOMEN, limit=3)
        thialf = alltime_list(session, 500, Gender.WOMEN, rink="thialf")
        thialf_page = alltime_list(session, 500, Gender.WOMEN, rink="thialf", offset=2)
        juniors = alltime_list(session, 500, Gender.WOMEN, age_group="A1")
        season_thialf = season_list(session, 500, Gender.WOMEN, 2024, rink="thialf")
        season_seniors = season_list(session, 500, Gender.WOMEN, 2024, age_group="Senior", offset=1)
        nowhere = alltime_list(session, 500, Gender.WOMEN, rink="nowhere")
    assert ranked(alltime) == [(1, "Anna", "37.95"), (2, "Bea", "38.00"), (3, "Cara", "38.10")]
    assert ranked(thialf) == [(1, "Anna", "37.95"), (2, "Bea", "38.30"), (3, "Cara", "38.60"),
                              (4, "Eva", "39.00")]  # fmt: skip
    assert ranked(thialf_page) == [(3, "Cara", "38.60"), (4, "Eva", "39.00")]
    assert ranked(juniors) == [(1, "Cara", "38.10")]
    assert ranked(season_thialf) == [(1, "Bea", "38.30"), (2, "Cara", "38.60"), (3, "Eva", "39.00")]
    assert ranked(season_seniors) == [
        (1, "Bea", "38.00"),
        (3, "Dora", "38.20"),
        (4, "Eva", "39.00"),
    ]
    assert nowhere == []


def test_pb_progression_and_head_to_head(lists: Context) -> None:
    with read_session(lists.engine) as session:
        bea = find_persons(session, "bea")[0].person_id
        cara = find_persons(session, "CARA")[0].person_id
        progression = pb_progression(session, bea, 500)
        meetings = head_to_head(session, bea, cara)
    assert [(p.time, p.competition) for p in progression] == [
        (Time(38400), "Old Cup"),
        (Time(38005), "Nov Cup"),
    ]
    assert [m.winner for m in meetings.meetings] == ["a", "a"]
    assert meetings.totals == {500: (2, 0, 0)}


def test_records_now_and_on_a_date(lists: Context) -> None:
    with read_session(lists.engine) as session:
        (world,) = records(session, "WR", 500, Gender.WOMEN)
        nationals = records(session, "NR", 500, Gender.WOMEN)
        junior = records(session, "WRJ", 500, Gender.WOMEN)
        track = records(session, "TR", 500, Gender.WOMEN, rink="calgary")
        before = world_record_at(session, 500, Gender.WOMEN, OLD - dt.timedelta(1))
        then = world_record_at(session, 500, Gender.WOMEN, NOV)
        with pytest.raises(ValueError, match="unknown record"):
            records(session, "XR", 500, Gender.WOMEN)
    assert (world.name, world.time, world.rink) == ("Anna", Time(37950), "thialf")
    assert [(n.scope, n.name) for n in nationals] == [("NED", "Anna"), ("NOR", "Bea"),
                                                      ("GER", "Eva")]  # fmt: skip
    assert [(j.name, j.time) for j in junior] == [("Cara", Time(38100))]
    assert [(t.scope, t.name, t.time) for t in track] == [("calgary", "Anna", Time(38000))]
    assert before is None
    assert then is not None
    assert (then.name, then.date) == ("Anna", OLD)


def test_find_persons_by_any_spelling(lists: Context) -> None:
    with read_session(lists.engine) as session:
        assert [p.name for p in find_persons(session, "ANNA")] == ["Anna"]
        assert find_persons(session, "   ") == []
        assert find_persons(session, "zzz") == []
