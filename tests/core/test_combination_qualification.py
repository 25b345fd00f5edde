"""Qualification for the final distance: the two-list rule, NQ, and its reasons (RULES §3)."""

from __future__ import annotations

import dataclasses

import pytest

from ovaltime.core.combination import (
    BIG,
    SPRINT,
    Qualification,
    StandingStatus,
    classify,
    qualify,
    two_list_qualification,
)
from ovaltime.core.results import Skater
from tests.core.combination_helpers import race, skater


def names(qualification: Qualification) -> list[str]:
    return [q.skater.name for q in qualification.qualified]


def twelve(ranks_b: list[int]) -> tuple[list[tuple[Skater, int]], list[tuple[Skater, int]]]:
    """S1..S12 ranked 1..12 on list A, with the given list B ranks."""
    field = [skater(f"S{n}") for n in range(1, 13)]
    return list(zip(field, range(1, 13), strict=True)), list(zip(field, ranks_b, strict=True))


# S7 is 7th on A, S9 7th on B; S8 8th on A, S10 8th on B.
RANKS_B = [1, 2, 3, 4, 5, 6, 10, 12, 7, 8, 9, 11]


def test_top_8_in_both_lists_then_the_better_rank_number_list_a_first() -> None:
    list_a, list_b = twelve(RANKS_B)
    q = two_list_qualification(list_a, list_b, 8)
    assert names(q) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S9"]
    assert [q.reason for q in q.qualified] == [
        *["top 8 in both lists"] * 6,
        "rank 7 on list A",  # equal rank number 7: list A wins over S9's list B
        "rank 7 on list B",
    ]
    assert [(n.skater.name, n.reason) for n in q.not_qualified] == [
        ("S8", "rank 8 on list A, rank 12 on list B"),
        ("S10", "rank 10 on list A, rank 8 on list B"),
        ("S11", "rank 11 on list A, rank 9 on list B"),
        ("S12", "rank 12 on list A, rank 11 on list B"),
    ]
    assert q.is_qualified(skater("S9"))
    assert not q.is_qualified(skater("S8"))


def test_equal_rank_numbers_on_both_lists_list_a_wins_the_last_place() -> None:
    # S1-S7 are top 8 in both lists; the last place lies between S8 (8th on A, 12th on B)
    # and S10 (10th on A, 8th on B): equal rank numbers, list A wins.
    list_a, list_b = twelve([1, 2, 3, 4, 5, 6, 7, 12, 10, 8, 9, 11])
    q = two_list_qualification(list_a, list_b, 8)
    assert names(q) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]
    assert q.qualified[-1].reason == "rank 8 on list A"
    entry = q.entry(skater("S10"))
    assert entry is not None
    assert (entry.qualified, entry.reason) == (False, "rank 10 on list A, rank 8 on list B")
    # with a final of 9 both get a place, S8 first; S9 (9th on A) does not
    q = two_list_qualification(list_a, list_b, 9)
    assert names(q)[7:] == ["S8", "S10"]
    assert [x.reason for x in q.qualified[7:]] == ["rank 8 on list A", "rank 8 on list B"]


def test_shared_rank_on_the_same_list_goes_by_the_other_list_then_both_qualify() -> None:
    a, b, c, d = (skater(n) for n in "ABCD")
    list_a = [(a, 1), (b, 2), (c, 2), (d, 4)]
    # B and C share 2nd on list A; C is better on list B, so C takes the 2nd place first
    q = two_list_qualification(list_a, [(a, 1), (d, 2), (c, 3), (b, 4)], 2)
    assert names(q) == ["A", "C"]
    # fully level for the last place: both qualify, the final grows by one
    q = two_list_qualification(list_a, [(a, 1), (d, 2), (b, 3), (c, 3)], 2)
    assert names(q) == ["A", "B", "C"]
    assert q.qualified[-1].reason == "rank 2 on list A, tied for the last place"


def test_a_shared_place_inside_both_top_lists_qualifies_everyone_in_it() -> None:
    a, b, c = (skater(n) for n in "ABC")
    q = two_list_qualification([(a, 1), (b, 2), (c, 2)], [(a, 1), (b, 2), (c, 2)], 2)
    assert names(q) == ["A", "B", "C"]


def test_candidate_without_a_list_b_rank() -> None:
    a, b = skater("A"), skater("B")
    q = two_list_qualification([(a, 1), (b, 2)], [(a, 1)], 1)
    assert names(q) == ["A"]
    assert q.not_qualified[0].reason == "rank 2 on list A, no rank on list B"
    with pytest.raises(ValueError, match="at least 1"):
        two_list_qualification([], [], 0)


# A field for BIG with a final of 2:
#   500 m:  P1 35.00, P2 35.00, P3 35.50, P4 35.60, P5 DQ
#   5000 m: P1 6:10.00 (1), P3 6:11.00 (2), P4 6:12.00 (3), P2 6:13.00 (4), P5 6:00.00
#   1500 m: all 1:48.00 (36.000)
# List A: P1 108.000, P2 108.300, P3 108.600, P4 108.800; P5 is NC.
# Top 2 in both: P1. Last place: P2 (2 on A) against P3 (2 on B): list A wins.
FINAL_OF_2 = dataclasses.replace(BIG, qualification_size=2)
FIELD = [
    race(500, {"P1": "35.00", "P2": "35.00", "P3": "35.50", "P4": "35.60", "P5": "DQ"}),
    race(
        5000,
        {"P1": "6:10.00", "P2": "6:13.00", "P3": "6:11.00", "P4": "6:12.00", "P5": "6:00.00"},
    ),
    race(1500, dict.fromkeys(("P1", "P2", "P3", "P4", "P5"), "1:48.00")),
]


def test_qualification_from_races() -> None:
    q = qualify(FINAL_OF_2, FIELD)
    assert [(x.skater.name, x.rank_a, x.rank_b, x.reason) for x in q.qualified] == [
        ("P1", 1, 1, "top 2 in both lists"),
        ("P2", 2, 4, "rank 2 on list A"),
    ]
    assert [(x.skater.name, x.rank_a, x.rank_b) for x in q.not_qualified] == [
        ("P3", 3, 2),
        ("P4", 4, 3),
    ]
    assert q.entry(skater("P5")) is None  # NC: no candidate


def test_list_b_can_keep_the_rank_numbers_of_the_whole_race() -> None:
    whole_race = dataclasses.replace(FINAL_OF_2, list_b_eligible_only=False)
    q = qualify(whole_race, FIELD)
    # P5 (NC) keeps 1st place of the 5000 m, so every list B number moves one down
    assert [(x.skater.name, x.rank_b) for x in q.qualified] == [("P1", 2), ("P2", 5)]
    assert [x.reason for x in q.qualified] == ["top 2 in both lists", "rank 2 on list A"]


def test_classification_marks_nq_once_the_final_is_skated() -> None:
    final = race(10000, {"P1": "13:00.00", "P2": "13:10.00"})
    c = classify(FINAL_OF_2, [*FIELD, final])
    assert [(s.rank, s.skater.name, s.status, s.completed) for s in c.standings] == [
        (1, "P1", StandingStatus.CLASSIFIED, 4),
        (2, "P2", StandingStatus.CLASSIFIED, 4),
        (3, "P3", StandingStatus.NQ, 3),
        (4, "P4", StandingStatus.NQ, 3),
        (None, "P5", StandingStatus.NC, 2),
    ]
    assert c.qualification is not None
    # after three races the qualification is known, nobody is NQ yet
    before = classify(FINAL_OF_2, FIELD)
    assert before.qualification == c.qualification
    assert {s.status for s in before.standings} == {StandingStatus.CLASSIFIED, StandingStatus.NC}
    assert classify(FINAL_OF_2, FIELD[:2]).qualification is None


def test_a_reserve_who_skates_the_final_is_not_nq() -> None:
    final = race(10000, {"P1": "13:00.00", "P3": "13:20.00"})  # P2 withdrew, P3 took the place
    c = classify(FINAL_OF_2, [*FIELD, final])
    assert c.standing_of(skater("P3")).status is StandingStatus.CLASSIFIED
    assert c.standing_of(skater("P2")).status is StandingStatus.CLASSIFIED  # qualified
    assert c.standing_of(skater("P4")).status is StandingStatus.NQ


def test_qualify_needs_a_final_distance() -> None:
    with pytest.raises(ValueError, match="has no final distance"):
        qualify(SPRINT, [])


def test_the_mark_a_classification_list_prints() -> None:
    """Q and NQ once the final's qualification is known, NC for a skater not classified."""
    from ovaltime.core.classification import StandingStatus
    from ovaltime.demo import demo_competition

    races = demo_competition().races
    before_final = classify(BIG, list(races[:3]))
    marks = {before_final.mark(s) for s in before_final.standings}
    assert {"Q", "NQ"} <= marks
    for standing in before_final.standings:
        if standing.status is StandingStatus.NC:
            assert before_final.mark(standing) == "NC"
