"""Flags mean "at the time of the result, given everything the archive holds", whatever order
the files came in; bests and the Adelskalender follow."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ovaltime.core.records import adelskalender_points
from ovaltime.core.results import Competition
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.archive.rinks import import_rinks
from ovaltime.services.unit import Context, open_context
from ovaltime.store.archive_queries import adelskalender, adelskalender_history, bests
from ovaltime.store.archive_tables import ArchiveBestRow, ArchiveResultRow, PersonRow
from ovaltime.store.engine import read_session
from ovaltime.store.tables import CompetitionRow
from tests.archive.conftest import archive, competition, line, race

RINKS = """\
calgary         Olympic Oval
                Calgary                 CAN     INDOOR          1034
thialf          Thialf
                Heerenveen              NED     INDOOR             0
"""


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


A = competition(
    "A",
    _day("2023-11-01"),
    race(500, Gender.WOMEN, [line("Anna", "NED", "38.00"), line("Bea", "NOR", "38.50")]),
    venue="Olympic Oval",
    nation="CAN",
)
B = competition(
    "B",
    _day("2024-02-01"),
    race(500, Gender.WOMEN, [line("Anna", "NED", "38.20"), line("Bea", "NOR", "38.40")]),
    venue="IJsstadion Thialf",
    nation="NED",
)
C = competition(
    "C",
    _day("2024-11-01"),
    race(500, Gender.WOMEN, [line("Anna", "NED", "38.30", "Senior")]),
    venue="Olympic Oval",
    nation="CAN",
)
D = competition(
    "D",
    _day("2023-01-01"),
    race(500, Gender.WOMEN, [line("Cara", "NED", "37.90", "A1")]),
    venue="Olympic Oval",
    nation="CAN",
)


@pytest.fixture
def rinks(context: Context, tmp_path: Path) -> None:
    path = tmp_path / "rinks.txt"
    path.write_text(RINKS, encoding="utf-8")
    import_rinks(context, path)


def flags(context: Context) -> dict[tuple[str, str], str]:
    """(competition, person) -> flags."""
    with read_session(context.engine) as session:
        rows = session.execute(
            select(CompetitionRow.name, PersonRow.name, ArchiveResultRow.flags)
            .join(CompetitionRow, CompetitionRow.id == ArchiveResultRow.competition_id)
            .join(PersonRow, PersonRow.id == ArchiveResultRow.person_id)
        ).all()
    return {(c, p): f for c, p, f in rows}


def test_flags_in_order_of_time(context: Context, rinks: None) -> None:
    archive(context, A, B, C)
    assert flags(context) == {
        ("A", "Anna"): "WR NR TR PB SB",
        ("A", "Bea"): "WR NR TR PB SB",  # no pairs: who skated first is unknown
        ("B", "Anna"): "TR",
        ("B", "Bea"): "NR TR PB SB",
        ("C", "Anna"): "SB",
    }


def test_an_older_file_judges_history_again(context: Context, rinks: None) -> None:
    archive(context, A, B, C)
    summary = archive(context, D)
    assert summary.judged_again == {(500, Gender.WOMEN): _day("2023-01-01")}
    assert flags(context) == {
        ("D", "Cara"): "WR WRJ NR NRJ TR TRJ PB SB",
        ("A", "Anna"): "PB SB",
        ("A", "Bea"): "NR PB SB",
        ("B", "Anna"): "TR",
        ("B", "Bea"): "NR TR PB SB",
        ("C", "Anna"): "SB",
    }


def test_bests_of_a_person(context: Context, rinks: None) -> None:
    archive(context, C, A, B)
    with read_session(context.engine) as session:
        anna = session.scalar(select(PersonRow.id).where(PersonRow.name == "Anna"))
        assert anna is not None
        (latest,) = bests(session, anna)
        (earlier,) = bests(session, anna, 2023)
    assert (latest.pb.time, latest.pb.competition, latest.pb.rink) == (Time(38000), "A", "calgary")
    assert latest.sb is not None
    assert (latest.sb.time, latest.sb.season) == (Time(38300), 2024)
    assert earlier.sb == earlier.pb


ALLROUND = (500, 1500, 5000, 10000)


def allround(name: str, day: str, who: str, times: tuple[str, str, str, str]) -> Competition:
    races = [
        race(d, Gender.MEN, [line(who, "NED", t)], date=_day(day))
        for d, t in zip(ALLROUND, times, strict=True)
    ]
    return competition(name, _day(day), *races)


def _points(times: tuple[str, str, str, str]) -> int:
    points = adelskalender_points(
        {d: Time.parse(t) for d, t in zip(ALLROUND, times, strict=True)}, Gender.MEN
    )
    assert points is not None
    return points


SLOW = ("37.00", "1:50.00", "6:30.00", "13:30.00")
MIDDLE = ("36.50", "1:49.00", "6:25.00", "13:20.00")
FAST_500 = ("35.00", "1:50.00", "6:30.00", "13:30.00")
SLOWEST = ("38.00", "1:55.00", "6:40.00", "14:00.00")


def test_the_adelskalender_and_positions_over_time(context: Context) -> None:
    files = [
        allround("1", "2020-01-10", "Xan", SLOW),
        allround("2", "2021-01-10", "Yan", MIDDLE),
        competition(
            "3", _day("2022-01-10"), race(500, Gender.MEN, [line("Xan", "NED", FAST_500[0])])
        ),
        allround("4", "2023-01-10", "Zan", SLOWEST),
    ]
    random.Random(7).shuffle(files)
    archive(context, *files)
    with read_session(context.engine) as session:
        table = adelskalender(session, Gender.MEN)
        assert [(line.name, line.rank, line.points_thousandths) for line in table] == [
            ("Xan", 1, _points(FAST_500)),
            ("Yan", 2, _points(MIDDLE)),
            ("Zan", 3, _points(SLOWEST)),
        ]
        assert table[0].bests == {d: Time.parse(t) for d, t in zip(ALLROUND, FAST_500, strict=True)}
        assert table[0].date == _day("2022-01-10")
        people = {line.name: line.person_id for line in table}
        history = {
            name: [(s.date.year, s.points_thousandths, s.position) for s in
                   adelskalender_history(session, ident)]
            for name, ident in people.items()
        }  # fmt: skip
        second = adelskalender(session, Gender.MEN, limit=1, offset=1)
    assert history == {
        "Xan": [(2020, _points(SLOW), 1), (2022, _points(FAST_500), 1)],
        "Yan": [(2021, _points(MIDDLE), 1)],
        "Zan": [(2023, _points(SLOWEST), 3)],
    }
    assert [(line.name, line.rank) for line in second] == [("Yan", 2)]


@pytest.fixture
def reference(tmp_path: Path) -> Iterator[Context]:
    context = open_context(f"sqlite:///{tmp_path}/reference.db")
    yield context
    context.engine.dispose()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_of_files_gives_the_flags_of_the_order_of_time(
    context: Context, reference: Context, rinks: None, tmp_path: Path, seed: int
) -> None:
    files = [A, B, C, D, *_season(seed)]
    random.Random(seed).shuffle(files)
    import_rinks(reference, tmp_path / "rinks.txt")
    # meetings of one day are in the order they were stored: the same in both
    archive(reference, *sorted(files, key=lambda c: c.start or dt.date.min))
    for file in files:
        archive(context, file)
    assert flags(context) == flags(reference)
    assert stored_bests(context) == stored_bests(reference)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2), (2, 0, 1)])
def test_an_equal_time_leaves_the_best_to_the_earlier_result(
    context: Context, rinks: None, order: tuple[int, ...]
) -> None:
    days = ["2023-11-01", "2023-12-01", "2024-01-15"]
    files = [
        competition(
            f"E{k}",
            _day(day),
            race(500, Gender.WOMEN, [line("Anna", "NED", "38.00"), line("Bea", "NOR", time)]),
            venue="Thialf",
            nation="NED",
        )
        for k, (day, time) in enumerate(zip(days, ["38.90", "38.50", "38.70"], strict=True))
    ]
    for index in order:
        archive(context, files[index])
    assert stored_bests(context) == {
        ("Anna", 500, 0, 38000, "E0"),
        ("Anna", 500, 2023, 38000, "E0"),
        ("Bea", 500, 0, 38500, "E1"),
        ("Bea", 500, 2023, 38500, "E1"),
    }


def stored_bests(context: Context) -> set[tuple[str, int, int, int, str]]:
    """(person, distance, season, thousandths, competition) of every best."""
    b = ArchiveBestRow
    with read_session(context.engine) as session:
        rows = session.execute(
            select(PersonRow.name, b.distance, b.season, b.time_thousandths, CompetitionRow.name)
            .join(PersonRow, PersonRow.id == b.person_id)
            .join(ArchiveResultRow, ArchiveResultRow.result_id == b.result_id)
            .join(CompetitionRow, CompetitionRow.id == ArchiveResultRow.competition_id)
        ).all()
    return {tuple(row) for row in rows}  # type: ignore[misc]


def _season(seed: int) -> list[Competition]:
    """A few meetings of random times, some on the same day, at both rinks."""
    chance = random.Random(seed)
    names = [("Anna", "NED"), ("Bea", "NOR"), ("Cara", "NED"), ("Dora", "GER"), ("Eva", "NOR")]
    meetings = []
    for number in range(6):
        day = _day("2023-10-01") + dt.timedelta(days=chance.choice([0, 30, 60, 90, 200, 400]))
        chosen = chance.sample(names, 4)
        lines = [
            line(n, nation, f"{chance.randint(37, 39)}.{chance.randint(0, 99):02d}")
            for n, nation in chosen
        ]
        venue = chance.choice([("Olympic Oval", "CAN"), ("Thialf", "NED")])
        meetings.append(
            competition(
                f"M{number}",
                day,
                race(500, Gender.WOMEN, lines, pairs=chance.random() < 0.5),
                venue=venue[0],
                nation=venue[1],
            )
        )
    return meetings
