"""The running leader: who led after each pair, and each spell at the top."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.pairs import (
    LeaderSpell,
    leader_after_each_pair,
    leader_before_pair,
    leader_spells,
    pairs_of,
)
from ovaltime.core.ranking import rank_results
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Status
from ovaltime.core.times import Time
from tests.core.race_fixtures import eight_pairs, res


def names(results: tuple[Result, ...]) -> list[str]:
    return [r.skater.name for r in results]


def spell_rows(spells: list[LeaderSpell]) -> list[tuple[str, str, int, int, bool]]:
    return [(s.skater.name, str(s.time), s.from_pair, s.to_pair, s.held_to_end) for s in spells]


def test_pairs_are_grouped_in_skating_order_without_the_pairless_dns() -> None:
    grouped = pairs_of(list(reversed(eight_pairs())))
    assert list(grouped) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert names(grouped[1]) == ["B", "A"]
    assert names(grouped[7]) == ["N"]  # M did not start and was never given a pair


def test_leader_after_each_pair_in_a_race_where_the_lead_changes_twice() -> None:
    walk = leader_after_each_pair(eight_pairs())
    assert [(after.pair, names(after.leaders), after.changed) for after in walk] == [
        (1, ["A"], True),
        (2, ["A"], False),  # the DNF of pair 2 never leads
        (3, ["E"], True),
        (4, ["E"], False),  # nor does the faster time of a DQ
        (5, ["E"], False),
        (6, ["K"], True),
        (7, ["K"], False),
        (8, ["K"], False),
    ]
    assert not any(after.shared for after in walk)


def test_leader_spells_in_a_race_where_the_lead_changes_twice() -> None:
    spells = leader_spells(eight_pairs())
    assert spell_rows(spells) == [
        ("A", "1:10.00", 1, 2, False),
        ("E", "1:09.50", 3, 5, False),
        ("K", "1:08.90", 6, 8, True),
    ]
    assert [s.pairs for s in spells] == [2, 3, 3]
    assert all(s.last_pair == 8 for s in spells)


def test_pace_set_in_the_opening_pair_held_until_the_penultimate_pair() -> None:
    results = [
        res("Opener", "6:10.00", pair=1),
        res("Two", "6:15.00", pair=1),
        *(res(f"P{n}", f"6:1{n}.50", pair=n) for n in range(2, 6)),
        res("Winner", "6:09.99", pair=6),
    ]
    spells = leader_spells(results)
    assert spell_rows(spells) == [
        ("Opener", "6:10.00", 1, 5, False),
        ("Winner", "6:09.99", 6, 6, True),
    ]


def test_an_equal_time_shares_the_lead_and_both_spells_count() -> None:
    results = [
        res("First", "37.50", pair=1),
        res("Equal", "37.50", pair=2),
        res("Slow", "38.00", pair=3),
        res("Best", "37.40", pair=4),
        res("Last", "38.10", pair=5),
    ]
    walk = leader_after_each_pair(results)
    assert [(names(a.leaders), a.changed, a.shared) for a in walk] == [
        (["First"], True, False),
        (["First", "Equal"], True, True),
        (["First", "Equal"], False, True),
        (["Best"], True, False),
        (["Best"], False, False),
    ]
    assert spell_rows(leader_spells(results)) == [
        ("First", "37.50", 1, 3, False),
        ("Equal", "37.50", 2, 3, False),
        ("Best", "37.40", 4, 5, True),
    ]


def test_equal_time_with_a_lost_thousandth_does_not_share_the_lead() -> None:
    results = [
        res("First", "37.50", pair=1, known=False),
        res("Equal", "37.50", pair=2, known=False),
    ]
    assert spell_rows(leader_spells(results)) == [("First", "37.50", 1, 2, True)]


def test_no_leader_until_someone_finishes() -> None:
    results = [
        res("Fell", None, Status.DNF, pair=1),
        res("Out", None, Status.DQ, pair=1),
        res("Home", "1:55.00", pair=2),
    ]
    walk = leader_after_each_pair(results)
    assert [(a.pair, names(a.leaders), a.changed) for a in walk] == [
        (1, [], False),
        (2, ["Home"], True),
    ]
    assert spell_rows(leader_spells(results)) == [("Home", "1:55.00", 2, 2, True)]


def test_no_results_no_leaders() -> None:
    assert leader_after_each_pair([]) == []
    assert leader_spells([]) == []


def test_a_time_without_a_pair_number_is_refused_naming_the_skater() -> None:
    results = [res("Paired", "40.00", pair=1), res("Nowhere Man", "39.00")]
    with pytest.raises(ValueError, match="Nowhere Man"):
        leader_after_each_pair(results)
    with pytest.raises(ValueError, match="Nowhere Man"):
        leader_spells(results)


def test_leader_before_a_pair_is_the_best_of_the_earlier_pairs() -> None:
    race = eight_pairs()
    assert names(leader_before_pair(race, 1)) == []
    assert names(leader_before_pair(race, 3)) == ["A"]
    assert names(leader_before_pair(race, 6)) == ["E"]
    assert names(leader_before_pair(race, 9)) == ["K"]


@given(
    st.lists(st.integers(min_value=30_000, max_value=30_050), min_size=1, max_size=12),
    st.data(),
)
def test_spells_chain_and_the_last_one_is_the_winner(times: list[int], data: st.DataObject) -> None:
    """Spells follow each other in pair order, each starts with a faster-or-equal time, and the
    race winner's spell lasts to the end."""
    pairs = data.draw(st.lists(st.integers(1, 6), min_size=len(times), max_size=len(times)))
    results = [
        Result(skater=Skater(f"S{i}"), time=Time(t), pair=p)
        for i, (t, p) in enumerate(zip(times, pairs, strict=True))
    ]
    spells = leader_spells(results)
    assert spells
    assert spells[0].from_pair == min(pairs)
    for before, after in itertools.pairwise(spells):
        assert before.from_pair <= after.from_pair
        assert after.time <= before.time
    winners = [s for s in spells if s.held_to_end]
    assert winners
    assert {s.time.thousandths for s in winners} == {min(times)}


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=30_000, max_value=30_004),  # few times: many equal ones
            st.integers(1, 5),  # pair
            st.booleans(),  # thousandth known
            st.sampled_from([Status.OK, Status.OK, Status.OK, Status.DNF]),
        ),
        max_size=14,
    )
)
def test_the_leader_after_each_pair_is_the_first_of_a_full_ranking_of_those_skated(
    drawn: list[tuple[int, int, bool, Status]],
) -> None:
    """Ranking only the fastest results so far gives the leaders a ranking of everyone skated
    (in skating order) gives, shared and lost thousandths included, in the same order."""
    results = [
        Result(
            skater=Skater(f"S{i}"),
            time=Time(t) if status is Status.OK else None,
            status=status,
            pair=pair,
            thousandths_known=known,
        )
        for i, (t, pair, known, status) in enumerate(drawn)
    ]
    walk = leader_after_each_pair(results)
    assert [after.pair for after in walk] == sorted({pair for _, pair, _, _ in drawn})
    for after in walk:
        skated = [
            r for pair, group in pairs_of(results).items() if pair <= after.pair for r in group
        ]
        full = tuple(line.result for line in rank_results(skated) if line.rank == 1)
        assert [id(r) for r in after.leaders] == [id(r) for r in full]
