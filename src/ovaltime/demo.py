"""A demo allround championship: fictional skaters, realistic times, passages on every split.

Deterministic for a given seed, so the demo and the tests that use it always show the same race.
The programme is the big combination (500, 5000, 1500, 10000 m) with the best 8 after three
distances skating the 10000 m. One skater falls and finishes, one is disqualified for a lane
change on the 5000 m and so is not classified.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from ovaltime.core.combination import BIG, classify
from ovaltime.core.distances import Passage, split_points
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, Status
from ovaltime.core.times import Time

__all__ = ["DEMO_SKATERS", "demo_competition"]

DEMO_SKATERS: tuple[Skater, ...] = tuple(
    Skater(name, nation)
    for name, nation in [
        ("Aksel Brenna", "NOR"),
        ("Daan Verhoef", "NED"),
        ("Kenta Morisaki", "JPN"),
        ("Luca Ferrandi", "ITA"),
        ("Mats Ravndal", "NOR"),
        ("Jesse van Dijkhuis", "NED"),
        ("Owen Halvorsen", "USA"),
        ("Pavel Krejcar", "CZE"),
        ("Min-Jae Seo", "KOR"),
        ("Tomasz Wierzba", "POL"),
        ("Félix Gauthier", "CAN"),
        ("Jonas Keller", "GER"),
        ("Rui Zhang", "CHN"),
        ("Sven Aaberg", "SWE"),
        ("Lorenz Mayrhofer", "AUT"),
        ("Timo Koskinen", "FIN"),
    ]
)

# Typical times of a championship-level man, in thousandths: the opening section and the
# laps that follow, before the skater's own form and the race's fatigue are applied.
_PROFILE: dict[int, tuple[int, int, int]] = {
    # distance: (opening section, first full lap, fade per lap)
    500: (9_650, 25_800, 0),
    1500: (23_700, 25_900, 1_150),
    5000: (19_200, 29_400, 90),
    10000: (35_300, 29_700, 60),
}
_PROGRAMME = (500, 5000, 1500, 10000)
_FALL = (2, 1500)  # skater index, distance: falls and gets up
_DQ = (13, 5000)  # skater index, distance: lane change on the crossing straight


def _passages(distance: int, form: float, rng: random.Random) -> tuple[Passage, ...]:
    opening, lap, fade = _PROFILE[distance]
    clock = 0
    out: list[Passage] = []
    for index, metres in enumerate(split_points(distance)):
        section = (opening if index == 0 else lap + fade * (index - 1)) * form
        clock += round(section * rng.uniform(0.992, 1.008))
        out.append(Passage(metres, Time(clock if metres == distance else clock // 10 * 10)))
    return tuple(out)


def _pairs(order: Sequence[Skater]) -> list[tuple[Skater, int, Lane]]:
    """Pair skaters two by two in the given order: first pair first, inner lane first."""
    return [
        (skater, index // 2 + 1, Lane.INNER if index % 2 == 0 else Lane.OUTER)
        for index, skater in enumerate(order)
    ]


def _race(
    distance: int,
    order: Sequence[Skater],
    forms: dict[Skater, float],
    rng: random.Random,
    date: dt.date,
) -> Race:
    results: list[Result] = []
    for skater, pair, lane in _pairs(order):
        index = DEMO_SKATERS.index(skater)
        passages = _passages(distance, forms[skater], rng)
        if (index, distance) == _DQ:
            result = Result(
                skater,
                status=Status.DQ,
                infraction="T08",
                pair=pair,
                lane=lane,
                passages=passages[:-3],
            )
        else:
            fell = (index, distance) == _FALL
            if fell:  # loses a second and a half in the fall, on the lap it happens
                passages = tuple(
                    Passage(p.metres, Time(p.time.thousandths + (1_500 if i >= 2 else 0)))
                    for i, p in enumerate(passages)
                )
            result = Result(
                skater, passages[-1].time, pair=pair, lane=lane, passages=passages, fell=fell
            )
        results.append(result)
    return Race(distance, Gender.MEN, tuple(results), date=date)


def demo_competition(seed: int = 2026) -> Competition:
    """The demo championship with all four distances skated.

    The 500 m and 5000 m are drawn at random; the 1500 m is skated in reverse order of the
    classification after two distances, the 10000 m by the best 8 after three distances, the
    leader in the last pair (RULES §7). The draw here only needs to look like a real one.
    """

    rng = random.Random(seed)
    forms = {
        skater: 1.0 + index * 0.0021 + rng.gauss(0, 0.004)
        for index, skater in enumerate(DEMO_SKATERS)
    }
    start = dt.date(2026, 3, 7)
    races: list[Race] = []
    big = BIG
    for day, distance in enumerate(_PROGRAMME):
        if distance in (500, 5000):
            order = list(DEMO_SKATERS)
            rng.shuffle(order)
        elif distance == 1500:
            standing = classify(big, races)
            order = [s.skater for s in reversed(standing.standings) if s.rank is not None]
        else:
            qualification = classify(big, races).qualification
            if qualification is None:
                raise AssertionError("the big combination qualifies for its final distance")
            finalists = {q.skater for q in qualification.qualified}
            standing = classify(big, races)
            order = [s.skater for s in reversed(standing.standings) if s.skater in finalists]
        races.append(_race(distance, order, forms, rng, start + dt.timedelta(days=day // 2)))
    return Competition(
        "Demo Allround Championships",
        tuple(races),
        venue="Demo Oval",
        nation="NOR",
        start=start,
        end=start + dt.timedelta(days=1),
    )
