"""Mass start points and ranking (RULES §5) in the 2017-18 and the 2025-26 formats."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.mass_start import (
    MassStartEntry,
    MassStartRanked,
    olympic_qualifiers,
    rank_mass_start,
    sprint_points,
    validate_entries,
)
from ovaltime.core.results import Result, Skater
from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Status
from ovaltime.core.times import Time

#: 2014-15 to 2017-18: intermediate sprints 5, 3, 1; final sprint 60, 40, 20 (RULES §5).
F2017 = MassStartFormat(16, (4, 8, 12), (5, 3, 1), (60, 40, 20))
#: 2018-19 onward: intermediate sprints 3, 2, 1; final sprint 60, 40, 20, 10, 6, 3.
F2025 = MassStartFormat(16, (4, 8, 12), (3, 2, 1), (60, 40, 20, 10, 6, 3))
FORMATS = pytest.mark.parametrize("fmt", [F2017, F2025], ids=["2017-18", "2025-26"])


def entry(
    name: str,
    finish: int | None = None,
    sprints: tuple[int | None, ...] = (),
    *,
    laps: int | None = None,
    status: Status = Status.OK,
    struck: bool = False,
) -> MassStartEntry:
    """An entry with a time for every skater with status OK (the time does not rank)."""
    time = Time.parse("8:00.00") if status is Status.OK else None
    return MassStartEntry(
        Result(Skater(name, "NED"), time=time, status=status), finish, laps, sprints, struck
    )


def table(ranking: list[MassStartRanked]) -> list[tuple[int | None, str, int]]:
    return [(line.rank, line.skater.name, line.total) for line in ranking]


# -- points -------------------------------------------------------------------------------------
def test_points_2017_18_from_every_sprint_and_the_finish() -> None:
    ranking = rank_mass_start(
        [entry("A", 1, (1, 2, 3)), entry("B", 2, (2, 1)), entry("C", 3)], F2017
    )
    assert [(line.skater.name, line.sprints, line.total) for line in ranking] == [
        ("A", (5, 3, 1, 60), 69),
        ("B", (3, 5, 0, 40), 48),
        ("C", (0, 0, 0, 20), 20),
    ]
    assert ranking[0].intermediate == (5, 3, 1)
    assert ranking[0].final == 60


def test_points_2025_26_from_every_sprint_and_the_finish() -> None:
    entries = [entry("A", 1, (1, 2, 3)), entry("B", 2, (2, 1)), entry("C", 6, (3, 3, 1))]
    ranking = rank_mass_start(entries, F2025)
    assert [(line.skater.name, line.sprints, line.total) for line in ranking] == [
        ("A", (3, 2, 1, 60), 66),
        ("B", (2, 3, 0, 40), 45),
        ("C", (1, 1, 3, 3), 8),
    ]


def test_places_beyond_the_tables_score_nothing() -> None:
    fourth = entry("D", 4, (4, 5, 9))
    assert sprint_points(fourth, F2017) == (0, 0, 0, 0)
    # the 2025-26 final sprint pays down to 6th place: 10 for 4th, then nothing after 6th
    assert sprint_points(fourth, F2025) == (0, 0, 0, 10)
    assert sprint_points(entry("G", 7), F2025) == (0, 0, 0, 0)


def test_more_sprint_places_than_the_format_has_is_an_error() -> None:
    with pytest.raises(ValueError, match="Z: places in 4 sprints"):
        sprint_points(entry("Z", 1, (1, 1, 1, 1)), F2025)


# -- ranking of skaters who completed all laps --------------------------------------------------
@FORMATS
def test_total_points_rank_above_the_finishing_order(fmt: MassStartFormat) -> None:
    # W wins all three intermediate sprints and finishes far back; they beat the 3rd finisher
    entries = [
        entry("third", 3),
        entry("winner", 1),
        entry("W", 9, (1, 1, 1)),
        entry("second", 2),
    ]
    ranking = rank_mass_start(entries, fmt)
    w_points = 3 * fmt.intermediate_points[0]
    third = fmt.final_points[2]
    assert w_points < third  # 15 < 20 and 9 < 20: the final sprint still counts most
    assert table(ranking) == [
        (1, "winner", fmt.final_points[0]),
        (2, "second", fmt.final_points[1]),
        (3, "third", third),
        (4, "W", w_points),
    ]


@FORMATS
def test_equal_totals_go_by_finishing_order(fmt: MassStartFormat) -> None:
    # X and Y each win one intermediate sprint and finish beyond the final table
    entries = [entry("X", 8, (1,)), entry("Y", 7, (None, 1)), entry("V", 1)]
    ranking = rank_mass_start(entries, fmt)
    points = fmt.intermediate_points[0]
    assert table(ranking) == [(1, "V", 60), (2, "Y", points), (3, "X", points)]
    assert not any(line.tied for line in ranking)


@FORMATS
def test_finishers_on_zero_points_go_by_finishing_order(fmt: MassStartFormat) -> None:
    entries = [entry("nine", 9), entry("seven", 7), entry("one", 1, (3,)), entry("eight", 8)]
    ranking = rank_mass_start(entries, fmt)
    assert table(ranking) == [
        (1, "one", 60 + fmt.intermediate_points[2]),
        (2, "seven", 0),
        (3, "eight", 0),
        (4, "nine", 0),
    ]


@FORMATS
def test_struck_points_count_as_zero_but_are_kept_per_sprint(fmt: MassStartFormat) -> None:
    # L took the first sprint and crossed the line first, but was lapped: the referee struck
    # the points, so L ranks among the 0-point finishers by finishing order
    entries = [
        entry("L", 1, (1, 1), struck=True),
        entry("P", 2, (2,)),
        entry("Q", 3),
        entry("nil", 12),
        entry("late", 13),
    ]
    ranking = rank_mass_start(entries, fmt)
    assert [line.skater.name for line in ranking] == ["P", "Q", "L", "nil", "late"]
    struck = ranking[2]
    assert struck.struck
    assert struck.total == 0
    assert struck.sprints == (fmt.intermediate_points[0], fmt.intermediate_points[0], 0, 60)
    assert struck.rank == 3
    assert not ranking[0].struck


# -- skaters who did not complete all laps, and statuses ----------------------------------------
@FORMATS
def test_non_finishers_rank_below_every_finisher_by_laps(fmt: MassStartFormat) -> None:
    entries = [
        entry("dnf10", laps=10, status=Status.DNF),
        entry("zero", 14),
        entry("lapped", laps=15),  # a time, but a lap short: taken out of the race
        entry("dnf12", sprints=(1, 1), laps=12, status=Status.DNF),
        entry("first", 1),
    ]
    ranking = rank_mass_start(entries, fmt)
    assert table(ranking) == [
        (1, "first", 60),
        (2, "zero", 0),
        (3, "lapped", 0),
        (4, "dnf12", 0),
        (5, "dnf10", 0),
    ]
    dnf12 = ranking[3]
    assert dnf12.struck
    assert not dnf12.completed
    assert dnf12.sprints[:2] == (fmt.intermediate_points[0],) * 2


@FORMATS
def test_equal_laps_share_a_rank_and_skip_the_next(fmt: MassStartFormat) -> None:
    entries = [
        entry("Ruth", laps=8, status=Status.DNF),
        entry("Bo", laps=11, status=Status.DNF),
        entry("Anne", laps=8, status=Status.DNF),
        entry("Kim", 1),
        entry("Dan", laps=None, status=Status.DNF),  # laps not known: counted as none
    ]
    ranking = rank_mass_start(entries, fmt)
    assert [(line.rank, line.skater.name, line.tied) for line in ranking] == [
        (1, "Kim", False),
        (2, "Bo", False),
        (3, "Anne", True),  # listed by name within the shared rank
        (3, "Ruth", True),
        (5, "Dan", False),
    ]


@FORMATS
def test_dq_comes_last_then_wdr_and_dns_without_rank(fmt: MassStartFormat) -> None:
    entries = [
        entry("dns", status=Status.DNS),
        entry("dq", sprints=(1,), status=Status.DQ),
        entry("wdr", status=Status.WDR),
        entry("dnf", laps=3, status=Status.DNF),
        entry("win", 1, (2,)),
    ]
    ranking = rank_mass_start(entries, fmt)
    assert [(line.rank, line.skater.name) for line in ranking] == [
        (1, "win"),
        (2, "dnf"),
        (None, "dq"),
        (None, "wdr"),
        (None, "dns"),
    ]
    dq = ranking[2]
    assert dq.total == 0
    assert dq.struck
    assert dq.sprints[0] == fmt.intermediate_points[0]


def test_a_whole_2025_26_field() -> None:
    entries = [
        entry("Abe", 3, (1, None, 2)),  # 3 + 2 + 20 = 25
        entry("Bram", 1, (None, None, 1)),  # 3 + 60 = 63
        entry("Cas", 2),  # 40
        entry("Dirk", 4, (2, 1)),  # 2 + 3 + 10 = 15
        entry("Eli", 5, (3, 2, 3)),  # 1 + 2 + 1 + 6 = 10
        entry("Finn", 6),  # 3
        entry("Gus", 7, (None, 3)),  # 1
        entry("Huub", 8),  # 0
        entry("Ids", 9, struck=True),
        entry("Jan", laps=13, status=Status.DNF),
        entry("Koen", status=Status.DQ),
    ]
    ranking = rank_mass_start(entries, F2025)
    assert table(ranking) == [
        (1, "Bram", 63),
        (2, "Cas", 40),
        (3, "Abe", 25),
        (4, "Dirk", 15),
        (5, "Eli", 10),
        (6, "Finn", 3),
        (7, "Gus", 1),
        (8, "Huub", 0),
        (9, "Ids", 0),
        (10, "Jan", 0),
        (None, "Koen", 0),
    ]


# -- validation ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            [entry("Ada", 1, (1, 2)), entry("Bea", 2, (None, 2))],
            "Bea: place 2 in sprint 2, but that place is already Ada's",
        ),
        ([entry("Ada", 1), entry("Bea", 1)], "Bea: finishing place 1 is already Ada's"),
        (
            [entry("Cor", sprints=(None, None, 1), status=Status.DNS)],
            r"Cor: place 1 in sprint 3, but the skater did not start \(DNS\)",
        ),
        (
            [entry("Cor", sprints=(4,), status=Status.WDR)],
            r"Cor: place 4 in sprint 1, but the skater did not start \(WDR\)",
        ),
        ([entry("Dik", 3, laps=5, status=Status.DNF)], "Dik: a finishing place goes with no"),
        ([entry("Eef")], "Eef completed all laps but has no finishing place"),
        ([entry("Fem", 1), entry("fem", 2)], "fem already has an entry"),
        ([entry("Gea", 1, laps=17)], "Gea: 17 laps, but the race has 16"),
        ([entry("Han", laps=16, status=Status.DNF)], "Han: DNF, but all 16 laps completed"),
        (
            [entry("Ine", 1, (1, 1, 1, 1))],
            "Ine: place 1 in sprint 4, but the race has 3 intermediate sprints",
        ),
    ],
)
@FORMATS
def test_entries_that_break_the_rules_are_refused(
    fmt: MassStartFormat, entries: list[MassStartEntry], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        validate_entries(entries, fmt)
    with pytest.raises(ValueError, match=message):
        rank_mass_start(entries, fmt)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: entry("A", 0), "A: finishing places start at 1, not 0"),
        (lambda: entry("A", laps=-1, status=Status.DNF), "A: laps completed cannot be negative"),
        (lambda: entry("A", 1, (None, 0)), "A: places in sprint 2 start at 1, not 0"),
    ],
)
def test_impossible_numbers_are_refused_when_the_entry_is_made(
    make: Callable[[], MassStartEntry], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_a_lapped_skater_with_a_time_may_keep_a_sprint_place_and_no_finish() -> None:
    validate_entries([entry("A", 1), entry("B", sprints=(1,), laps=14, struck=True)], F2025)
    ranking = rank_mass_start([entry("A", 1), entry("B", sprints=(1,), laps=14)], F2025)
    assert table(ranking) == [(1, "A", 60), (2, "B", 0)]


# -- Olympic format -----------------------------------------------------------------------------
def semifinal(prefix: str, size: int) -> list[MassStartRanked]:
    return rank_mass_start([entry(f"{prefix}{n}", n) for n in range(1, size + 1)], F2025)


def test_best_eight_of_each_semifinal_make_a_final_of_sixteen() -> None:
    qualifiers = olympic_qualifiers([semifinal("a", 12), semifinal("b", 12)])
    assert len(qualifiers) == 16
    assert [q.skater.name for q in qualifiers[:4]] == ["a1", "b1", "a2", "b2"]
    assert {q.skater.name for q in qualifiers} == {f"{p}{n}" for p in "ab" for n in range(1, 9)}
    assert qualifiers[0].semifinal == 1
    assert qualifiers[1].semifinal == 2
    assert qualifiers[-1].reason == "rank 8 in semifinal 2 (0 points), top 8"
    assert qualifiers[0].reason == "rank 1 in semifinal 1 (60 points), top 8"


def test_the_number_per_semifinal_is_configurable() -> None:
    qualifiers = olympic_qualifiers([semifinal("a", 10), semifinal("b", 9)], per_semifinal=5)
    assert [q.skater.name for q in qualifiers][-2:] == ["a5", "b5"]
    assert len(qualifiers) == 10
    with pytest.raises(ValueError, match="at least one skater"):
        olympic_qualifiers([semifinal("a", 3)], per_semifinal=0)


def test_skaters_sharing_the_last_place_all_qualify_and_dq_never_does() -> None:
    entries = [entry(f"f{n}", n) for n in range(1, 7)] + [
        entry("x", laps=10, status=Status.DNF),
        entry("y", laps=10, status=Status.DNF),
        entry("dq", status=Status.DQ),
    ]
    qualifiers = olympic_qualifiers([rank_mass_start(entries, F2025)], per_semifinal=7)
    names = [q.skater.name for q in qualifiers]
    assert names[-2:] == ["x", "y"]
    assert "dq" not in names
    assert qualifiers[-1].reason == "rank 7 in semifinal 1 (10 laps), top 7"


def test_a_skater_in_both_semifinals_is_an_error() -> None:
    with pytest.raises(ValueError, match="a1 skated semifinal 1 and semifinal 2"):
        olympic_qualifiers([semifinal("a", 3), semifinal("a", 2)])


# -- properties ---------------------------------------------------------------------------------
@st.composite
def fields(draw: st.DrawFn) -> tuple[MassStartFormat, list[MassStartEntry]]:
    """A valid field: finishers with distinct places, non-finishers, statuses, sprint places."""
    fmt = draw(st.sampled_from([F2017, F2025]))
    size = draw(st.integers(1, 14))
    statuses = draw(
        st.lists(
            st.sampled_from([Status.OK] * 4 + [Status.DNF, Status.DQ, Status.WDR, Status.DNS]),
            min_size=size,
            max_size=size,
        )
    )
    finishers = [i for i, s in enumerate(statuses) if s is Status.OK]
    finish = dict(zip(finishers, draw(st.permutations(range(1, len(finishers) + 1))), strict=True))
    skating = [i for i, s in enumerate(statuses) if s not in (Status.DNS, Status.WDR)]
    places: dict[int, list[int | None]] = {i: [None] * fmt.sprints for i in range(size)}
    for sprint in range(fmt.sprints):
        scorers = (
            draw(st.lists(st.sampled_from(skating), unique=True, max_size=5)) if skating else []
        )
        for place, who in enumerate(scorers, start=1):
            places[who][sprint] = place
    entries = []
    for i, status in enumerate(statuses):
        laps = draw(st.integers(0, fmt.laps - 1)) if status is Status.DNF else None
        struck = status is Status.OK and draw(st.booleans())
        result = Result(
            Skater(f"S{i:02d}", "NED"),
            Time.parse("8:00.00") if status is Status.OK else None,
            status,
        )
        entries.append(MassStartEntry(result, finish.get(i), laps, tuple(places[i]), struck))
    return fmt, entries


def _key(ranking: list[MassStartRanked]) -> list[tuple[object, ...]]:
    return [(line.rank, line.skater.name, line.sprints, line.total) for line in ranking]


@given(fields(), st.randoms())
def test_ranking_ignores_the_input_order(
    field: tuple[MassStartFormat, list[MassStartEntry]], random: Random
) -> None:
    fmt, entries = field
    shuffled = list(entries)
    random.shuffle(shuffled)
    assert _key(rank_mass_start(shuffled, fmt)) == _key(rank_mass_start(entries, fmt))


@given(fields())
def test_total_is_the_sum_of_the_sprints_unless_struck_and_falls_down_the_list(
    field: tuple[MassStartFormat, list[MassStartEntry]],
) -> None:
    fmt, entries = field
    ranking = rank_mass_start(entries, fmt)
    assert len(ranking) == len(entries)
    for line in ranking:
        assert len(line.sprints) == fmt.sprints + 1
        assert line.total == (0 if line.struck else sum(line.sprints))
    finishers = [line for line in ranking if line.completed]
    assert [line.total for line in finishers] == sorted(
        (line.total for line in finishers), reverse=True
    )
    assert [line.rank for line in finishers] == list(range(1, len(finishers) + 1))
    ranks = [line.rank for line in ranking if line.rank is not None]
    assert ranks == sorted(ranks)
    assert all(line.rank is None for line in ranking[len(ranks) :])
