"""Combinations as data: predefined programmes, custom ones, lookup by name."""

from __future__ import annotations

import dataclasses

import pytest

from ovaltime.core.combination import (
    BIG,
    MINI,
    SMALL,
    SPRINT,
    Combination,
    RaceSlot,
    combination_named,
)


def test_predefined_programmes() -> None:
    assert BIG.distances == (500, 5000, 1500, 10000)
    assert BIG.final_distance == 10000
    assert BIG.list_b == RaceSlot(5000)
    assert BIG.list_a_races == 3
    assert BIG.qualification_size == 8
    assert SMALL.distances == (500, 3000, 1500, 5000)
    assert SMALL.final_distance == 5000
    assert SMALL.list_b == RaceSlot(3000)
    assert SPRINT.distances == (500, 1000, 500, 1000)
    assert SPRINT.final_distance is None
    assert SPRINT.list_b is None
    assert MINI.distances == (500, 1500, 1000, 3000)
    assert MINI.final_distance is None
    assert all(c.weighting == 500 for c in (BIG, SMALL, SPRINT, MINI))


def test_sprint_slots_count_repeats() -> None:
    assert SPRINT.slots == (
        RaceSlot(500, 1),
        RaceSlot(1000, 1),
        RaceSlot(500, 2),
        RaceSlot(1000, 2),
    )
    assert str(RaceSlot(500, 2)) == "500 m (2)"
    assert SPRINT.final_slot is None
    assert BIG.final_slot == RaceSlot(10000)


def test_lookup_by_name() -> None:
    assert combination_named("big") is BIG
    assert combination_named(" Sprint ") is SPRINT
    with pytest.raises(ValueError, match=r"'huge'.*big, small, sprint, mini"):
        combination_named("huge")


def test_custom_combination() -> None:
    youth = Combination.custom((100, 300, 500), name="youth", weighting=100)
    assert youth.weighting == 100
    assert youth.slots == (RaceSlot(100), RaceSlot(300), RaceSlot(500))
    assert youth.final_distance is None


def test_custom_final_picks_the_longest_earlier_distance_for_list_b() -> None:
    combo = Combination.custom((500, 3000, 1000, 3000, 5000), final_distance=5000)
    assert combo.list_b == RaceSlot(3000, 2)  # the last race of the longest distance
    assert combo.list_a_races == 4


def test_older_championships_final_of_12() -> None:
    older = dataclasses.replace(BIG, qualification_size=12)
    assert older.qualification_size == 12
    assert Combination.custom(BIG.distances, final_distance=10000, qualification_size=12)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"distances": (500, 5000), "final_distance": 500}, "must be the last"),
        ({"distances": (500, 550)}, "not a whole number of 100 m"),
        ({"distances": (500,), "weighting": 1000}, "weighting"),
        ({"distances": (500, 1500), "qualification_size": 0}, "at least 1"),
        ({"distances": ()}, "at least one distance"),
        (
            {"distances": (500, 1500, 5000), "final_distance": 5000, "list_b": RaceSlot(5000)},
            "not a race before the final",
        ),
        ({"distances": (500, 1500), "list_b": RaceSlot(500)}, "only used with a final"),
    ],
)
def test_bad_combinations_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Combination.custom(**kwargs)  # type: ignore[arg-type]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValueError, match=r"550.*weighting.*at least 1"):
        Combination("x", (500, 550), weighting=7, qualification_size=0)


def test_the_standard_combination_of_a_gender_s_races() -> None:
    from ovaltime.core.programme import BIG, SMALL, SPRINT, RaceSlot, standard_combination
    from ovaltime.core.states import Gender

    allround = [RaceSlot(500), RaceSlot(5000)]
    assert standard_combination(allround, Gender.MEN) is BIG
    assert standard_combination([RaceSlot(500), RaceSlot(3000)], Gender.WOMEN) is SMALL
    assert standard_combination([RaceSlot(1000, 2)], Gender.WOMEN) is SPRINT
    assert standard_combination([RaceSlot(10000), RaceSlot(3000)], Gender.MEN) is None


def test_a_combination_from_its_name_or_distances() -> None:
    import pytest

    from ovaltime.core.programme import combination_from_text

    assert combination_from_text("Big", final_size=12).qualification_size == 12
    assert combination_from_text("500, 1000,1500").distances == (500, 1000, 1500)
    with pytest.raises(ValueError, match="give a name or distances like 500,1000,1500"):
        combination_from_text("500,x")
    with pytest.raises(ValueError, match="unknown combination 'huge'"):
        combination_from_text("huge")
