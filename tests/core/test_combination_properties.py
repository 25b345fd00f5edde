"""Properties of samalog points and classifications, over generated fields (hypothesis)."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ovaltime.core.combination import (
    BIG,
    MINI,
    SPRINT,
    Combination,
    Standing,
    classify,
    samalog_points,
)
from ovaltime.core.distances import STANDARD_DISTANCES
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time

NAMES = [f"Skater {n}" for n in range(10)]
SECONDS_PER_500 = 35  # a base so times look real; the spread below forces ties


@st.composite
def fields(draw: st.DrawFn) -> tuple[Combination, list[Race]]:
    """A combination and a few of its races, with close times, statuses and absentees."""
    combination = draw(st.sampled_from([BIG, SPRINT, MINI]))
    skaters = [Skater(n) for n in NAMES[: draw(st.integers(1, len(NAMES)))]]
    skated = draw(st.integers(1, len(combination.slots)))
    races: list[Race] = []
    for slot in combination.slots[:skated]:
        base = SECONDS_PER_500 * 100 * slot.distance // 500
        results: list[Result] = []
        for skater in skaters:
            kind = draw(st.sampled_from(["time"] * 8 + ["absent", "status"]))
            if kind == "absent":
                continue
            if kind == "status":
                status = draw(st.sampled_from([Status.DNF, Status.DQ, Status.WDR, Status.DNS]))
                results.append(Result(skater, status=status))
                continue
            hundredths = base + draw(st.integers(0, 6))
            thousandth = draw(st.integers(0, 9))
            results.append(Result(skater, Time(hundredths * 10 + thousandth)))
        races.append(Race(slot.distance, Gender.MEN, tuple(results), number=slot.number))
    return combination, races


def shuffled(races: list[Race], seed: int) -> list[Race]:
    rng = random.Random(seed)
    out = []
    for race in races:
        results = list(race.results)
        rng.shuffle(results)
        out.append(Race(race.distance, race.gender, tuple(results), number=race.number))
    rng.shuffle(out)
    return out


@given(
    distance=st.sampled_from(STANDARD_DISTANCES),
    weighting=st.sampled_from([500, 100]),
    a=st.integers(0, 2_000_000),
    b=st.integers(0, 2_000_000),
)
def test_points_never_fall_as_time_rises(distance: int, weighting: int, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert samalog_points(Time(low), distance, weighting) <= samalog_points(
        Time(high), distance, weighting
    )


@given(
    distance=st.sampled_from(STANDARD_DISTANCES),
    weighting=st.sampled_from([500, 100]),
    hundredths=st.integers(0, 200_000),
)
def test_points_are_the_truncated_exact_quotient(
    distance: int, weighting: int, hundredths: int
) -> None:
    points = samalog_points(Time(hundredths * 10), distance, weighting)
    exact = Decimal(hundredths) / 100 / (Decimal(distance) / weighting)
    assert points <= exact < points + Decimal("0.001")
    assert points.as_tuple().exponent == -3


@given(fields())
def test_total_is_the_sum_of_the_parts(field: tuple[Combination, list[Race]]) -> None:
    combination, races = field
    for standing in classify(combination, races).standings:
        parts = [e.points for e in standing.entries if e.points is not None]
        assert standing.total == sum(parts, Decimal("0.000"))
        assert standing.completed == len(parts)


@given(fields(), st.integers(0, 2**32))
def test_classification_ignores_input_order(
    field: tuple[Combination, list[Race]], seed: int
) -> None:
    combination, races = field
    assert classify(combination, races) == classify(combination, shuffled(races, seed))


def _ahead(other: Standing, standing: Standing) -> bool:
    return other.completed > standing.completed or (
        other.completed == standing.completed and other.total < standing.total
    )


@given(fields())
def test_equal_totals_share_a_rank_and_skip_the_next(
    field: tuple[Combination, list[Race]],
) -> None:
    combination, races = field
    standings = classify(combination, races).standings
    ranked = [s for s in standings if s.rank is not None]
    for standing in ranked:
        # rank = 1 + the number of skaters strictly ahead: shared ranks, next one skipped
        assert standing.rank == 1 + sum(_ahead(other, standing) for other in ranked)
    # every ranked skater is listed before every unranked one
    assert standings[: len(ranked)] == tuple(ranked)
    for earlier, later in itertools.pairwise(ranked):
        assert not _ahead(later, earlier)
