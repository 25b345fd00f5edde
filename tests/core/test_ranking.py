"""Ranking one race on time (RULES §1): unit tests on hand-built results, then properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.ranking import Ranked, rank_race, rank_results, ranked_first
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, RaceKind, Status
from ovaltime.core.times import Time
from tests.core.race_fixtures import res


def by_name(ranking: list[Ranked]) -> dict[str, Ranked]:
    return {line.skater.name: line for line in ranking}


def test_orders_by_time_and_numbers_from_one() -> None:
    ranking = rank_results([res("B", "36.80"), res("A", "36.48"), res("C", "37.02")])
    assert [(line.skater.name, line.rank, line.tied) for line in ranking] == [
        ("A", 1, False),
        ("B", 2, False),
        ("C", 3, False),
    ]
    assert [line.behind for line in ranking] == [0, 320, 540]
    assert [line.behind_text for line in ranking] == ["", "+0.32", "+0.54"]
    assert [line.time_text for line in ranking] == ["36.48", "36.80", "37.02"]


def test_equal_thousandths_share_ninth_and_the_next_is_eleventh() -> None:
    times = [f"1:10.{n:02d}" for n in range(8)] + ["1:10.50", "1:10.50", "1:10.60", "1:10.70"]
    ranking = rank_results([res(f"S{i}", t) for i, t in enumerate(times)])
    assert [line.rank for line in ranking] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 11, 12]
    assert [line.tied for line in ranking] == [False] * 8 + [True, True, False, False]
    assert ranking[8].behind == ranking[9].behind == 500


def test_thousandth_splits_equal_hundredths_and_is_printed_in_brackets() -> None:
    ranking = rank_results([res("C", "37.20"), res("B", "37.343"), res("A", "37.342")])
    assert [line.skater.name for line in ranking] == ["C", "A", "B"]
    assert [line.rank for line in ranking] == [1, 2, 3]
    assert [line.show_thousandth for line in ranking] == [False, True, True]
    assert [line.time_text for line in ranking] == ["37.20", "37.34(2)", "37.34(3)"]
    # the gap is on official hundredths: both are 0.14 behind
    assert ranking[1].behind == ranking[2].behind == 140


def test_thousandth_tie_is_not_printed_when_the_digits_agree() -> None:
    ranking = rank_results([res("A", "37.342"), res("B", "37.342"), res("C", "37.35")])
    assert [(line.rank, line.tied, line.show_thousandth) for line in ranking] == [
        (1, True, False),
        (1, True, False),
        (3, False, False),
    ]


def test_behind_is_computed_on_hundredths_not_thousandths() -> None:
    ranking = rank_results([res("W", "37.349"), res("X", "37.351"), res("Y", "38.000")])
    assert [line.behind for line in ranking] == [0, 10, 660]
    assert [line.behind_text for line in ranking] == ["", "+0.01", "+0.66"]


def test_unranked_follow_in_order_dnf_dq_wdr_dns_keeping_input_order() -> None:
    given_order = [
        res("dns1", None, Status.DNS),
        res("wdr1", None, Status.WDR),
        res("fast", "40.00"),
        res("dq1", "39.00", Status.DQ),
        res("dnf1", None, Status.DNF),
        res("dns2", None, Status.DNS),
        res("dq2", None, Status.DQ),
        res("dnf2", None, Status.DNF),
    ]
    ranking = rank_results(given_order)
    assert [line.skater.name for line in ranking] == [
        "fast",
        "dnf1",
        "dnf2",
        "dq1",
        "dq2",
        "wdr1",
        "dns1",
        "dns2",
    ]
    unranked = ranking[1:]
    assert all(line.rank is None and line.behind is None for line in unranked)
    assert not any(line.tied or line.show_thousandth for line in unranked)
    assert [line.time_text for line in unranked] == ["DNF", "DNF", "DQ", "DQ", "WDR", "DNS", "DNS"]
    assert [line.behind_text for line in unranked] == [""] * 7


def test_a_dq_with_a_faster_time_does_not_become_the_winner() -> None:
    ranking = rank_results([res("dq", "35.00", Status.DQ), res("ok", "36.00")])
    assert (ranking[0].skater.name, ranking[0].rank, ranking[0].behind) == ("ok", 1, 0)


def test_lost_thousandths_keep_the_given_order_and_separate_ranks() -> None:
    first = res("First", "1:46.91", known=False)
    second = res("Second", "1:46.91", known=False)
    leader = res("Leader", "1:45.00")
    ranking = rank_results([leader, first, second])
    assert [(line.skater.name, line.rank, line.tied) for line in ranking] == [
        ("Leader", 1, False),
        ("First", 2, False),
        ("Second", 3, False),
    ]
    swapped = rank_results([second, leader, first])
    assert [(line.skater.name, line.rank) for line in swapped] == [
        ("Leader", 1),
        ("Second", 2),
        ("First", 3),
    ]
    assert not any(line.show_thousandth for line in ranking)
    assert ranking[1].behind == ranking[2].behind == 1910


def test_lost_thousandth_breaks_a_run_of_equal_times_only_where_it_stands() -> None:
    ranking = rank_results(
        [res("K1", "40.00"), res("K2", "40.00"), res("U", "40.00", known=False), res("K3", "40.00")]
    )
    assert [(line.skater.name, line.rank, line.tied) for line in ranking] == [
        ("K1", 1, True),
        ("K2", 1, True),
        ("U", 3, False),
        ("K3", 4, False),
    ]


def test_a_lost_thousandth_is_never_printed_nor_forces_a_digit() -> None:
    ranking = rank_results([res("U", "37.34", known=False), res("K", "37.342")])
    assert [line.show_thousandth for line in ranking] == [False, False]
    assert [line.time_text for line in ranking] == ["37.34", "37.34"]


def test_empty_race_ranks_nobody() -> None:
    assert rank_results([]) == []


def test_team_pursuit_members_share_the_team_time_and_rank() -> None:
    team = [res(f"NED {n}", "3:38.10") for n in (1, 2, 3)]
    other = [res(f"USA {n}", "3:39.50") for n in (1, 2, 3)]
    race = Race(3200, Gender.MEN, tuple(other + team), kind=RaceKind.TEAM_PURSUIT)
    ranking = rank_race(race)
    assert [line.rank for line in ranking] == [1, 1, 1, 4, 4, 4]
    assert all(line.tied for line in ranking)
    assert [line.skater.name for line in ranking[:3]] == ["NED 1", "NED 2", "NED 3"]


def test_individual_race_ignores_published_ranks() -> None:
    race = Race(500, Gender.WOMEN, (res("B", "38.00", published_rank=1), res("A", "37.50")))
    assert [(line.skater.name, line.rank) for line in rank_race(race)] == [("A", 1), ("B", 2)]


def test_mass_start_keeps_published_ranks() -> None:
    results = (
        res("third", "8:01.00", published_rank=3),
        res("winner", "8:02.00", published_rank=1),
        res("dq", None, Status.DQ),
        res("second", "8:05.00", published_rank=2),
        res("also third", "8:06.00", published_rank=3),
        res("dnf", None, Status.DNF),
    )
    race = Race(6400, Gender.MEN, results, kind=RaceKind.MASS_START)
    ranking = rank_race(race)
    assert [(line.skater.name, line.rank, line.tied) for line in ranking] == [
        ("winner", 1, False),
        ("second", 2, False),
        ("third", 3, True),
        ("also third", 3, True),
        ("dnf", None, False),
        ("dq", None, False),
    ]
    assert all(line.behind is None for line in ranking)


# -- properties --------------------------------------------------------------------------------

# Few distinct times, so that ties and equal hundredths are frequent.
TIMES = [37_340, 37_342, 37_343, 37_349, 37_350, 37_400, 38_000, 61_070]
STATUSES = [Status.OK] * 6 + [Status.DNF, Status.DQ, Status.WDR, Status.DNS]


@st.composite
def fields(draw: st.DrawFn, *, known: bool = True) -> list[Result]:
    size = draw(st.integers(min_value=0, max_value=14))
    results = []
    for index in range(size):
        status = draw(st.sampled_from(STATUSES))
        time = draw(st.sampled_from(TIMES))
        timed = status is Status.OK or draw(st.booleans())
        results.append(
            Result(
                skater=Skater(f"S{index}"),
                time=Time(time) if timed else None,
                status=status,
                thousandths_known=known,
            )
        )
    return results


def thousandths(result: Result) -> int:
    return result.time.thousandths if result.time is not None else -1


def summary(ranking: list[Ranked]) -> dict[str, tuple[int | None, bool, int | None, bool]]:
    return {
        line.skater.name: (line.rank, line.tied, line.behind, line.show_thousandth)
        for line in ranking
    }


@given(st.data())
def test_ranking_ignores_input_order(data: st.DataObject) -> None:
    results = data.draw(fields())
    shuffled = data.draw(st.permutations(results))
    first, second = rank_results(results), rank_results(shuffled)
    assert summary(first) == summary(second)
    assert [line.rank for line in first] == [line.rank for line in second]
    assert [line.result.status for line in first] == [line.result.status for line in second]


@given(fields())
def test_rank_is_one_plus_the_number_strictly_faster(results: list[Result]) -> None:
    ranking = rank_results(results)
    timed = [r.time.thousandths for r in results if r.ranked and r.time is not None]
    assert len(ranking) == len(results)
    for line in ranking:
        if not line.result.ranked:
            assert line.rank is None
            continue
        assert line.result.time is not None
        mine = line.result.time.thousandths
        assert line.rank == 1 + sum(t < mine for t in timed)
        assert line.tied == (timed.count(mine) > 1)


@given(fields())
def test_shared_ranks_skip_the_following_ones(results: list[Result]) -> None:
    ranks = [line.rank for line in rank_results(results) if line.rank is not None]
    assert ranks == sorted(ranks)
    assert len(ranks) == 0 or ranks[0] == 1
    for position, rank in enumerate(ranks):
        # the k-th line's rank is at most k and the line after a tie block is its position
        assert rank <= position + 1
        if position and rank != ranks[position - 1]:
            assert rank == position + 1


@given(fields())
def test_time_never_falls_down_the_list_and_unranked_come_last(results: list[Result]) -> None:
    ranking = rank_results(results)
    times = [
        line.result.time.thousandths
        for line in ranking
        if line.rank is not None and line.result.time
    ]
    assert times == sorted(times)
    ranked_flags = [line.rank is not None for line in ranking]
    assert ranked_flags == sorted(ranked_flags, reverse=True)
    order = [line.result.status.listing_order for line in ranking if line.rank is None]
    assert order == sorted(order)


@given(fields())
def test_behind_and_brackets_follow_the_hundredths(results: list[Result]) -> None:
    ranking = [line for line in rank_results(results) if line.rank is not None]
    hundredths = [line.result.time.hundredths for line in ranking if line.result.time]
    for line in ranking:
        assert line.result.time is not None
        mine = line.result.time
        on_hundredths = (mine.hundredths - min(hundredths)) * 10
        winner = ranking[0].result.time
        assert winner is not None
        if on_hundredths == 0:  # only the thousandth separates it from the winner: that gap
            assert line.behind == mine.thousandths - winner.thousandths
        else:
            assert line.behind == on_hundredths
        digits = {
            other.result.time.thousandth_digit
            for other in ranking
            if other.result.time and other.result.time.hundredths == mine.hundredths
        }
        assert line.show_thousandth == (len(digits) > 1)


@given(fields(known=False))
def test_lost_thousandths_never_tie_and_keep_the_given_order(results: list[Result]) -> None:
    ranking = [line for line in rank_results(results) if line.rank is not None]
    assert [line.rank for line in ranking] == list(range(1, len(ranking) + 1))
    given_order = sorted((r for r in results if r.ranked), key=thousandths)
    assert [line.result for line in ranking] == given_order


@given(fields(), st.data())
def test_ranked_first_is_the_rank_one_of_the_full_ranking(
    results: list[Result], data: st.DataObject
) -> None:
    """``ranked_first`` gives the lines ``rank_results`` ranks 1, in its order, with known and
    lost thousandths mixed in any way."""
    mixed = [
        result.with_(thousandths_known=data.draw(st.booleans(), label=result.skater.name))
        for result in results
    ]
    first = [line.result for line in rank_results(mixed) if line.rank == 1]
    assert [id(r) for r in ranked_first(mixed)] == [id(r) for r in first]
