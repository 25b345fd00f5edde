"""Records, bests and the Adelskalender (RULES §8), pinned to published figures."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.records import (
    ADELSKALENDER_DISTANCES,
    RECORD_FLAGS,
    Entry,
    RecordBook,
    adelskalender_points,
    headline,
    is_junior,
    is_two_race_sum,
    season_label,
    season_start,
)
from ovaltime.core.results import Race
from ovaltime.core.states import Gender
from ovaltime.core.times import Time

M = Gender.MEN
W = Gender.WOMEN


def entry(
    person: int,
    time: str,
    date: str,
    *,
    distance: int = 500,
    gender: Gender = M,
    nation: str = "",
    rink: int | str | None = None,
    junior: bool = False,
) -> Entry:
    return Entry(
        person,
        distance,
        gender,
        dt.date.fromisoformat(date),
        Time.parse(time),
        nation=nation,
        rink=rink,
        junior=junior,
    )


# -- seasons ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("day", "start", "label"),
    [
        (dt.date(2025, 1, 24), 2024, "2024-25"),
        (dt.date(2024, 7, 1), 2024, "2024-25"),
        (dt.date(2024, 6, 30), 2023, "2023-24"),
        (dt.date(1999, 12, 31), 1999, "1999-00"),
        (dt.date(1891, 2, 28), 1890, "1890-91"),
    ],
)
def test_season_start_and_label(day: dt.date, start: int, label: str) -> None:
    assert season_start(day) == start
    assert season_label(start) == label


# -- age groups -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "group", ["A1", "a2", "Junior", "JunA", "Jun A", "jun-b", "Junior C", "B1", "b2", "C1", "c2"]
)
def test_junior_age_groups(group: str) -> None:
    assert is_junior(group)


@pytest.mark.parametrize("group", ["Senior", "Neo", "", "Master", "A", "Juniors", "D1"])
def test_other_age_groups(group: str) -> None:
    assert not is_junior(group)


# -- flags ------------------------------------------------------------------------------------
def test_headline_is_the_most_important_flag() -> None:
    assert headline({"PB", "SB", "NR", "TR"}) == "NR"
    assert headline(["SB", "PB"]) == "PB"
    assert headline({"WRJ", "NR"}) == "WRJ"
    assert headline(set()) == ""
    assert headline({"OR", "SB"}) == "SB"
    assert headline({"OR"}) == "OR"


def test_flags_in_order_of_importance() -> None:
    assert RECORD_FLAGS == ("WR", "WRJ", "NR", "NRJ", "TR", "TRJ", "PB", "SB")


# -- the record book: the men's 500 m world record progression ---------------------------------
KELLER, LINKOVESI, EFSKIND, JANSEN, MEY = 1, 2, 3, 4, 5


def test_an_equal_time_equals_the_record() -> None:
    """Men's 500 m, 1972-73: 0:38.0 by Linkovesi, then by Keller, then by Efskind (all WR)."""
    book = RecordBook()
    book.add(entry(KELLER, "0:38.30", "1972-01-02", nation="FRG", rink="inzell"))
    assert book.add(entry(LINKOVESI, "0:38.0", "1972-01-08", nation="FIN", rink="davos")) == {
        "WR",
        "NR",
        "TR",
        "PB",
        "SB",
    }
    assert book.add(entry(KELLER, "0:38.0", "1972-03-04", nation="FRG", rink="inzell")) == {
        "WR",
        "NR",
        "TR",
        "PB",
        "SB",
    }
    assert book.add(entry(EFSKIND, "0:38.0", "1973-01-13", nation="NOR", rink="davos")) == {
        "WR",
        "NR",
        "TR",
        "PB",
        "SB",
    }
    assert book.record("WR", 500, M) == 3800
    assert book.record("TR", 500, M, rink="davos") == 3800


def test_equalling_ones_own_record_is_no_personal_best() -> None:
    """Jansen 0:36.41 at Davos 1992-01-25 and again at Calgary 1993-03-19: WR both times."""
    book = RecordBook()
    book.add(entry(MEY, "0:36.43", "1992-01-19", nation="GER", rink="davos"))
    first = book.add(entry(JANSEN, "0:36.41", "1992-01-25", nation="USA", rink="davos"))
    second = book.add(entry(JANSEN, "0:36.41", "1993-03-19", nation="USA", rink="calgary"))
    assert first == {"WR", "NR", "TR", "PB", "SB"}
    assert second == {"WR", "NR", "TR", "SB"}


def test_judged_on_hundredths() -> None:
    book = RecordBook()
    book.add(entry(1, "34.032", "2024-01-01"))
    assert book.judge(entry(2, "34.039", "2024-01-02")) >= {"WR"}
    assert "WR" not in book.judge(entry(2, "34.040", "2024-01-02"))
    assert "PB" not in book.judge(entry(1, "34.038", "2024-01-02"))


def test_no_nation_no_national_record_no_rink_no_track_record() -> None:
    assert RecordBook().add(entry(1, "40.00", "2024-01-01")) == {"WR", "PB", "SB"}


def test_records_are_per_scope() -> None:
    book = RecordBook()
    book.add(entry(1, "35.00", "2024-11-01", nation="NED", rink="thialf"))
    flags = book.add(entry(2, "35.50", "2024-11-02", nation="NOR", rink="hamar"))
    assert flags == {"NR", "TR", "PB", "SB"}
    assert book.add(entry(3, "35.60", "2024-11-03", nation="NED", rink="hamar")) == {"PB", "SB"}
    assert book.record("NR", 500, M, nation="nor") == 3550
    assert book.record("NR", 500, W, nation="NOR") is None
    assert book.record("WR", 1000, M) is None


def test_genders_and_distances_are_apart() -> None:
    book = RecordBook()
    book.add(entry(1, "34.00", "2024-11-01"))
    assert "WR" in book.add(entry(2, "37.00", "2024-11-01", gender=W))
    assert "WR" in book.add(entry(1, "1:06.00", "2024-11-02", distance=1000))


def test_junior_records_only_for_juniors_against_juniors() -> None:
    book = RecordBook()
    book.add(entry(1, "34.50", "2024-11-01", nation="NED", rink="thialf"))
    junior = book.add(entry(2, "35.00", "2024-11-02", nation="NED", rink="thialf", junior=True))
    assert junior == {"WRJ", "NRJ", "TRJ", "PB", "SB"}
    assert book.record("WRJ", 500, M) == 3500
    # A junior's time counts for the senior records too.
    fast = book.add(entry(3, "34.40", "2024-11-03", nation="NED", rink="thialf", junior=True))
    assert fast == {"WR", "WRJ", "NR", "NRJ", "TR", "TRJ", "PB", "SB"}
    # A senior never makes a junior record.
    assert "WRJ" not in book.add(entry(4, "34.00", "2024-11-04"))


def test_personal_and_season_bests() -> None:
    book = RecordBook()
    assert book.add(entry(1, "36.00", "2023-11-01")) >= {"PB", "SB"}
    assert book.add(entry(1, "36.50", "2023-12-01")) == set()
    assert book.add(entry(1, "36.50", "2024-07-01")) == {"SB"}  # a new season
    assert book.add(entry(1, "36.40", "2024-08-01")) == {"SB"}
    assert book.add(entry(1, "35.90", "2025-06-30")) >= {"PB", "SB"}
    assert book.personal_best(1, 500) == 3590
    assert book.season_best(1, 500, 2024) == 3590
    assert book.season_best(1, 500, 2023) == 3600


def test_judge_does_not_remember() -> None:
    book = RecordBook()
    book.judge(entry(1, "36.00", "2023-11-01", nation="NED"))
    assert book.record("WR", 500, M) is None
    assert book.personal_best(1, 500) is None


def test_seeded_book_judges_one_result() -> None:
    """Kulizhnikov's 33.61 (Salt Lake City, 2019-03-09) stands; a 33.61 equals it."""
    book = RecordBook()
    book.seed_record("WR", 500, M, 3361)
    book.seed_record("NR", 500, M, 3361, nation="RUS")
    book.seed_record("TR", 500, M, 3361, rink="salt_lake_city")
    book.seed_record("WR", 500, M, 3400)  # a worse seed changes nothing
    book.seed_personal_best(7, 500, 3369)
    book.seed_season_best(7, 500, 2024, 3390)
    flags = book.judge(entry(7, "33.61", "2025-01-24", nation="USA", rink="salt_lake_city"))
    assert flags == {"WR", "NR", "TR", "PB", "SB"}
    assert book.record("WR", 500, M) == 3361


@pytest.mark.parametrize(
    ("kind", "nation", "rink"), [("XR", "", None), ("NR", "", None), ("TRJ", "NED", None)]
)
def test_unknown_or_incomplete_record_scopes_are_refused(
    kind: str, nation: str, rink: str | None
) -> None:
    with pytest.raises(ValueError, match=kind):
        RecordBook().record(kind, 500, M, nation=nation, rink=rink)


# -- properties -------------------------------------------------------------------------------
entries = st.builds(
    Entry,
    person=st.integers(1, 4),
    distance=st.sampled_from([500, 1000]),
    gender=st.sampled_from([M, W]),
    date=st.dates(dt.date(2020, 1, 1), dt.date(2025, 12, 31)),
    time=st.builds(Time, st.integers(33_000, 40_000)),
    nation=st.sampled_from(["", "NED", "NOR", "ned"]),
    rink=st.sampled_from([None, "thialf", 3]),
    junior=st.booleans(),
)


@given(st.lists(entries, max_size=30), st.lists(entries, max_size=10))
def test_flags_never_depend_on_later_entries(earlier: list[Entry], later: list[Entry]) -> None:
    alone, extended = RecordBook(), RecordBook()
    flags = [alone.add(e) for e in earlier]
    assert [extended.add(e) for e in earlier + later][: len(earlier)] == flags


@given(st.lists(entries, max_size=40))
def test_the_world_record_never_rises(items: list[Entry]) -> None:
    book = RecordBook()
    previous: dict[tuple[int, Gender], int] = {}
    for item in sorted(items, key=lambda e: e.date):
        flags = book.add(item)
        scope = (item.distance, item.gender)
        record = book.record("WR", *scope)
        assert record is not None
        assert record <= previous.get(scope, record)
        assert ("WR" in flags) == (record == item.time.hundredths)
        previous[scope] = record


@given(st.lists(entries, max_size=30))
def test_a_world_record_is_also_national_and_track(items: list[Entry]) -> None:
    book = RecordBook()
    for item in items:
        flags = book.add(item)
        if "WR" in flags:
            assert ("NR" in flags) == bool(item.nation)
            assert ("TR" in flags) == (item.rink is not None)


def by_definition(earlier: list[Entry], item: Entry, *, firsts: bool = True) -> set[str]:
    """The flags of ``item`` read off the module's rules, from every earlier entry."""
    flags = set()
    hundredths = item.time.hundredths

    def mark(flag: str, times: list[int], *, equal: bool) -> None:
        if not times:
            if firsts:
                flags.add(flag)
        elif hundredths < min(times) or (equal and hundredths == min(times)):
            flags.add(flag)

    same = [e for e in earlier if (e.distance, e.gender) == (item.distance, item.gender)]
    scopes = {"WR": lambda e: True}
    if item.nation:
        scopes["NR"] = lambda e: e.nation.upper() == item.nation.upper()
    if item.rink is not None and item.rink != "":
        scopes["TR"] = lambda e: e.rink == item.rink
    for kind, holds in list(scopes.items()):
        mark(kind, [e.time.hundredths for e in same if holds(e)], equal=True)
        if item.junior:
            juniors = [e.time.hundredths for e in same if e.junior and holds(e)]
            mark(kind + "J", juniors, equal=True)
    mine = [e for e in earlier if (e.person, e.distance) == (item.person, item.distance)]
    mark("PB", [e.time.hundredths for e in mine], equal=False)
    mark("SB", [e.time.hundredths for e in mine if e.season == item.season], equal=False)
    return flags


@given(st.lists(entries, max_size=40))
def test_flags_follow_the_rules(items: list[Entry]) -> None:
    book = RecordBook()
    for index, item in enumerate(items):
        earlier = items[:index]
        assert book.judge(item, firsts=False) == by_definition(earlier, item, firsts=False)
        assert book.add(item) == by_definition(earlier, item)


@given(st.lists(entries, max_size=30))
def test_values_are_judged_as_entries(items: list[Entry]) -> None:
    book, values = RecordBook(), RecordBook()
    for item in items:
        plain = (item.person, item.distance, item.gender, item.season, item.time.hundredths)
        where = {"nation": item.nation, "rink": item.rink, "junior": item.junior}
        assert values.judge_hundredths(*plain, **where, firsts=False) == book.judge(
            item, firsts=False
        )
        assert values.add_hundredths(*plain, **where) == book.add(item)


# -- the 2 × 500 m ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("distance", "title", "summed"),
    [
        (500, "2 × 500 m men", True),
        (500, "2 x 500 m", True),
        (500, "  2 X  500 M women", True),
        (500, "", False),
        (500, "500 m men", False),
        (1000, "2 × 500 m", False),
    ],
)
def test_two_race_sums(distance: int, title: str, summed: bool) -> None:
    assert is_two_race_sum(Race(distance, M, title=title)) is summed


# -- the Adelskalender --------------------------------------------------------------------------
def bests(*times: str, gender: Gender = M) -> dict[int, Time]:
    return dict(zip(ADELSKALENDER_DISTANCES[gender], map(Time.parse, times), strict=True))


@pytest.mark.parametrize(
    ("who", "times", "total"),
    [
        # English Wikipedia, "Adelskalender (skating)", Calculation (as copied at
        # gateway.ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/
        # Adelskalender_(skating).html): leader Shani Davis, 144.806.
        ("Shani Davis", ("34.78", "1:41.04", "6:10.49", "13:05.94"), 144_806),
        # The same article, later (everything.explained.today/Adelskalender_(skating)/):
        # leader Patrick Roest, 144.056 ...
        ("Patrick Roest", ("35.74", "1:42.56", "6:03.70", "12:35.20"), 144_056),
        # ... and, after his 6:02.98, 143.984.
        ("Patrick Roest", ("35.74", "1:42.56", "6:02.98", "12:35.20"), 143_984),
    ],
)
def test_published_adelskalender_totals(who: str, times: tuple[str, ...], total: int) -> None:
    assert adelskalender_points(bests(*times), M) == total, who


def test_adelskalender_truncates_each_distance() -> None:
    """102.56 / 3 = 34.1866...: 34.186, not 34.187 (a rounding copy of the article printed
    144.057 for Roest's 144.056)."""
    assert adelskalender_points(bests("35.74", "1:42.56", "6:03.70", "12:35.20"), M) != 144_057


def test_adelskalender_women_distances() -> None:
    """500/1500/3000/5000: 37.00 + 1:54.00 / 3 + 4:00.00 / 6 + 6:45.00 / 10."""
    total = adelskalender_points(bests("37.00", "1:54.00", "4:00.00", "6:45.00", gender=W), W)
    assert total == 37_000 + 38_000 + 40_000 + 40_500


def test_adelskalender_needs_every_distance_and_ignores_others() -> None:
    some = bests("34.78", "1:41.04", "6:10.49", "13:05.94")
    assert adelskalender_points({**some, 1000: Time.parse("1:06.00")}, M) == 144_806
    del some[10000]
    assert adelskalender_points(some, M) is None
    with pytest.raises(ValueError, match="mixed"):
        adelskalender_points(some, Gender.MIXED)
