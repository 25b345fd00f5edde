"""Reference: 2018 World Allround Speed Skating Championships, Amsterdam, men.

Source: ISU World Allround Speed Skating Championships 2018, Amsterdam (Olympic Stadium), men's
500 m and 5000 m result lists and the classification after two distances, as published:

    Patrick Roest           36.97   6:37.07   76.677   1
    Sverre Lunde Pedersen   37.42   6:33.81   76.801   2
    Sven Kramer             37.43   6:34.15   76.845   3

The fixture holds these three skaters only, so the ranks are among them (they are also the
published top three after two distances). Points and totals are recomputed from the raw times.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ovaltime.core.combination import BIG, Classification, classify, standings_after_each
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time

SOURCE = "2018 World Allround Championships, Amsterdam, men"

ROEST = Skater("Patrick Roest", "NED")
PEDERSEN = Skater("Sverre Lunde Pedersen", "NOR")
KRAMER = Skater("Sven Kramer", "NED")

# (skater, 500 m, 5000 m, points 500 m, points 5000 m, total, rank after two races)
FACTS = [
    (ROEST, "36.97", "6:37.07", "36.970", "39.707", "76.677", 1),
    (PEDERSEN, "37.42", "6:33.81", "37.420", "39.381", "76.801", 2),
    (KRAMER, "37.43", "6:34.15", "37.430", "39.415", "76.845", 3),
]
RANK_AFTER_500 = {ROEST.key: 1, PEDERSEN.key: 2, KRAMER.key: 3}


def races() -> list[Race]:
    by_distance: dict[int, list[Result]] = {500: [], 5000: []}
    for skater, t500, t5000, *_ in FACTS:
        by_distance[500].append(Result(skater, Time.parse(t500)))
        by_distance[5000].append(Result(skater, Time.parse(t5000)))
    return [Race(d, Gender.MEN, tuple(results)) for d, results in by_distance.items()]


def check(classification: Classification, skater: Skater, race: str, rank: int, total: str) -> None:
    """Compare one skater's line; on a mismatch, name the source, the skater and the race."""
    standing = classification.standing_of(skater)
    where = f"{SOURCE}: {skater.name} after the {race}"
    assert standing.total == Decimal(total), f"{where}: total {standing.total}, published {total}"
    assert standing.rank == rank, f"{where}: rank {standing.rank}, published {rank}"


def test_points_per_race() -> None:
    classification = classify(BIG, races())
    for skater, _, _, p500, p5000, *_ in FACTS:
        entries = {e.distance: e.points for e in classification.standing_of(skater).entries}
        for distance, published in ((500, p500), (5000, p5000)):
            assert entries[distance] == Decimal(published), (
                f"{SOURCE}: {skater.name}, {distance} m: {entries[distance]} points, "
                f"published {published}"
            )


def test_classification_after_500_m() -> None:
    after_500 = classify(BIG, races(), after=1)
    for skater, _, _, p500, *_ in FACTS:
        check(after_500, skater, "500 m", RANK_AFTER_500[skater.key], p500)
    assert after_500.leader is not None
    assert after_500.leader.skater == ROEST


def test_classification_after_500_m_and_5000_m() -> None:
    after_two = classify(BIG, races())
    assert after_two.after == 2
    for skater, *_, total, rank in FACTS:
        check(after_two, skater, "500 m and 5000 m", rank, total)


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_standings_after_each_race_in_any_input_order(order: list[int]) -> None:
    given = [races()[i] for i in order]
    after_500, after_two = standings_after_each(BIG, given)
    assert [s.skater for s in after_500.standings] == [ROEST, PEDERSEN, KRAMER]
    assert [s.skater for s in after_two.standings] == [ROEST, PEDERSEN, KRAMER]


def test_gaps_on_the_1500_m() -> None:
    gaps = {g.skater.key: g for g in classify(BIG, races()).gaps()}
    # Pedersen is 0.124 points behind = 0.372 s on the 1500 m; Kramer 0.168 = 0.504 s.
    assert (gaps[PEDERSEN.key].points, gaps[PEDERSEN.key].seconds) == (
        Decimal("0.124"),
        Decimal("0.372"),
    )
    assert (gaps[KRAMER.key].points, gaps[KRAMER.key].seconds) == (
        Decimal("0.168"),
        Decimal("0.504"),
    )
