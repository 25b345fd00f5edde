"""Passages compared with the leader of the moment, with the fastest of the race, and as ranks."""

from __future__ import annotations

import pytest

from ovaltime.core.distances import Passage
from ovaltime.core.results import Result
from ovaltime.core.splits import (
    SplitGap,
    compare_to_fastest,
    compare_to_leader,
    describe_gap,
    describe_split,
    fastest_opener,
    fastest_passages,
    split_gaps,
    split_label,
    split_ranks,
    split_ranks_of,
)
from ovaltime.core.times import Time
from tests.core.race_fixtures import eight_pairs, res


def skater(race: list[Result], name: str) -> Result:
    return next(r for r in race if r.skater.name == name)


def gap_rows(gaps: tuple[SplitGap, ...]) -> list[tuple[int, int]]:
    return [(g.metres, g.gap) for g in gaps]


def test_skater_is_compared_with_the_leader_when_the_pair_started() -> None:
    race = eight_pairs()
    k = compare_to_leader(race, skater(race, "K"))
    assert k.against is not None
    assert k.against.skater.name == "E"
    # E has no passage at the finish: that split point is left out
    assert gap_rows(k.gaps) == [(200, -100), (600, -100)]
    assert [describe_split(g, 1000) for g in k.gaps] == [
        "0.10 ahead at 200 m",
        "0.10 ahead with a lap to go",
    ]


def test_later_skater_is_compared_with_the_new_leader() -> None:
    race = eight_pairs()
    o = compare_to_leader(race, skater(race, "O"))
    assert o.against is not None
    assert o.against.skater.name == "K"
    assert gap_rows(o.gaps) == [(200, 0), (600, 200)]
    assert [g.words for g in o.gaps] == ["level", "0.20 behind"]


def test_a_skater_who_did_not_finish_is_compared_as_far_as_they_went() -> None:
    race = eight_pairs()
    c = compare_to_leader(race, skater(race, "C"))
    assert c.against is not None
    assert c.against.skater.name == "A"
    assert gap_rows(c.gaps) == [(200, -400)]


def test_opening_pair_has_no_leader_to_compare_with() -> None:
    race = eight_pairs()
    a = compare_to_leader(race, skater(race, "A"))
    assert (a.against, a.gaps) == (None, ())


def test_comparison_needs_a_pair_number() -> None:
    race = eight_pairs()
    with pytest.raises(ValueError, match="M has no pair number"):
        compare_to_leader(race, skater(race, "M"))


def test_passages_of_a_skater_still_on_the_ice() -> None:
    leader = res("L", "1:50.00", passages=((300, "26.10"), (700, "54.00"), (1100, "1:22.00")))
    on_ice = [Passage(300, Time.parse("25.90")), Passage(700, Time.parse("54.12"))]
    assert gap_rows(split_gaps(on_ice, leader)) == [(300, -200), (700, 120)]


def test_fastest_passage_at_each_split_point_counts_ranked_results_only() -> None:
    race = eight_pairs()
    fastest = fastest_passages(race)
    assert {m: (r.skater.name, str(t)) for m, (r, t) in fastest.items()} == {
        200: ("K", "16.40"),  # O equals it later; C (DNF) and H (DQ) were faster
        600: ("K", "41.90"),
        1000: ("K", "1:08.90"),
    }
    assert list(fastest) == [200, 600, 1000]
    everyone = fastest_passages(race, include_unranked=True)
    assert everyone[200][0].skater.name == "H"


def test_equal_fastest_passages_go_to_the_first_in_skating_order() -> None:
    reverse = list(reversed(eight_pairs()))  # O (pair 8) now comes before K (pair 6)
    assert fastest_passages(reverse)[200][0].skater.name == "K"
    pair_three = [skater(reverse, "F"), skater(reverse, "E")]
    assert fastest_passages(pair_three)[200][0].skater.name == "F"  # same pair: input order


def test_compared_with_the_fastest_of_the_race() -> None:
    race = eight_pairs()
    assert gap_rows(compare_to_fastest(race, skater(race, "F"))) == [(200, 100), (600, 400)]
    assert gap_rows(compare_to_fastest(race, skater(race, "K"))) == [(200, 0), (600, 0), (1000, 0)]


def test_fastest_opener() -> None:
    race = eight_pairs()
    opener = fastest_opener(race)
    assert opener is not None
    assert (opener[0].skater.name, opener[1]) == ("K", Time.parse("16.40"))
    everyone = fastest_opener(race, include_unranked=True)
    assert everyone is not None
    assert everyone[0].skater.name == "H"
    assert fastest_opener([res("Z", "40.00")]) is None


def test_ranks_at_each_split_point_share_equal_passages() -> None:
    race = eight_pairs()
    table = split_ranks(race)
    assert [(p.result.skater.name, p.rank, p.tied) for p in table[200]] == [
        ("K", 1, True),
        ("O", 1, True),
        ("E", 3, True),
        ("F", 3, True),
        ("A", 5, False),
    ]
    assert [(p.result.skater.name, p.rank) for p in table[600]] == [
        ("K", 1),
        ("E", 2),
        ("O", 3),
        ("F", 4),
        ("A", 5),
    ]
    assert split_ranks_of(race, skater(race, "F")) == {200: 3, 600: 4}
    assert split_ranks_of(race, skater(race, "K")) == {200: 1, 600: 1, 1000: 1}


@pytest.mark.parametrize(
    ("thousandths", "words"),
    [
        (-880, "0.88 ahead"),
        (120, "0.12 behind"),
        (-129, "0.12 ahead"),
        (62_410, "1:02.41 behind"),
        (0, "level"),
        (-9, "level"),
        (10, "0.01 behind"),
    ],
)
def test_gaps_in_words(thousandths: int, words: str) -> None:
    assert describe_gap(thousandths) == words


@pytest.mark.parametrize(
    ("metres", "distance", "label"),
    [
        (100, 500, "with a lap to go"),
        (200, 1000, "at 200 m"),
        (600, 1000, "with a lap to go"),
        (700, 1500, "at 700 m"),
        (1100, 1500, "with a lap to go"),
        (9600, 10000, "with a lap to go"),
        (1500, 1500, "at the finish"),
        (300, 700, "with a lap to go"),
    ],
)
def test_split_labels_count_from_the_finish(metres: int, distance: int, label: str) -> None:
    assert split_label(metres, distance) == label
