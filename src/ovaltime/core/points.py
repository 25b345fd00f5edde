"""Samalog points: a distance time as seconds per 500 m (or per 100 m), truncated (RULES §3).

Points are computed from the OFFICIAL time (``Time.hundredths``), in integer arithmetic, and
returned as a ``Decimal`` with exactly three decimals. A thousandth of a point is the unit.

Points for ``h`` hundredths on ``d`` metres with weighting ``w`` (500 or 100 metres) are
``h / 100 / (d / w)`` seconds, i.e. ``floor(10 * w * h / d)`` thousandths of a point. Because
the points truncate, a gap in points converts to seconds only up to that truncation:
``gap_seconds`` gives the plain conversion, ``time_to_overtake`` the exact official time.
"""

from __future__ import annotations

from decimal import Decimal

from ovaltime.core.distances import check_distance
from ovaltime.core.times import Time

__all__ = [
    "POINT_WEIGHTINGS",
    "gap_seconds",
    "points_from_thousandths",
    "points_thousandths",
    "samalog_points",
    "time_to_overtake",
]

POINT_WEIGHTINGS = (500, 100)
"""Metres one point stands for: 500 (ISU combinations) or 100 (some youth combinations)."""


def _check_weighting(weighting: int) -> int:
    if weighting not in POINT_WEIGHTINGS:
        known = ", ".join(str(w) for w in POINT_WEIGHTINGS)
        raise ValueError(f"points weighting {weighting!r} m is not one of {known}")
    return weighting


def points_thousandths(time: Time, distance: int, weighting: int = 500) -> int:
    """Points in thousandths of a point (an ``int``): the exact unit all sums are made in.

    ``Time(102_569)`` on 1500 m -> official 1:42.56 -> 102.56 / 3 = 34.1866... -> ``34186``.
    The thousandth of the timing never counts: points come from the official hundredths.
    """
    check_distance(distance)
    _check_weighting(weighting)
    return (10 * weighting * time.hundredths) // distance


def points_from_thousandths(thousandths: int) -> Decimal:
    """A count of thousandths of a point as a three-decimal ``Decimal`` (``35740`` -> 35.740)."""
    return Decimal(thousandths).scaleb(-3)


def samalog_points(time: Time, distance: int, weighting: int = 500) -> Decimal:
    """Samalog points for ``time`` on ``distance``: seconds / (distance / weighting), truncated.

    Roest's 12:47.89 on the 10000 m gives 767.89 / 20 = 38.3945 -> ``Decimal('38.394')``.
    With ``weighting=100`` the divisor is distance / 100 (youth combinations, RULES §3 [S]).
    """
    return points_from_thousandths(points_thousandths(time, distance, weighting))


def gap_seconds(points_gap: Decimal, distance: int, weighting: int = 500) -> Decimal:
    """A gap in points as seconds on ``distance``: ``points_gap * distance / weighting``.

    "Leads by 1.161 points" is ``Decimal('11.610')`` seconds on the 5000 m. The result is the
    exact product, not rounded; it is the margin a skater must gain on the distance up to the
    truncation of points (one official hundredth at most on 10000 m, where a hundredth is
    half a thousandth of a point). For the exact official time needed, use ``time_to_overtake``.
    """
    check_distance(distance)
    _check_weighting(weighting)
    return points_gap * distance / weighting


def time_to_overtake(
    skater_total: Decimal,
    leader_total: Decimal,
    distance: int,
    leader_time: Time,
    *,
    weighting: int = 500,
    tie: bool = False,
) -> Time | None:
    """The slowest official time on ``distance`` that puts the skater ahead of the leader.

    Given both totals before the distance and the leader's time on it, returns the SLOWEST
    official time (whole hundredths) with which the skater's new total is STRICTLY LOWER than
    the leader's new total; every faster time does so too, every slower time does not. With
    ``tie=True`` it is the slowest time that gives at least an EQUAL total (a shared rank).
    Returns ``None`` when no time can do it (only a time of zero or less would).

    Both totals use truncated points, so the answer is exact for the official rules: with
    ``D`` the thousandths of a point the skater may score on the distance, the skater needs
    ``floor(10*w*h/d) < D`` (or ``<= D`` for a tie), i.e. ``h < D*d/(10*w)``.
    """
    check_distance(distance)
    _check_weighting(weighting)
    leader_after = _as_thousandths(leader_total) + points_thousandths(
        leader_time, distance, weighting
    )
    allowance = leader_after - _as_thousandths(skater_total)
    if tie:
        allowance += 1
    # Largest integer h with 10*w*h < allowance*d: ceil(allowance*d / (10*w)) - 1.
    hundredths = -((-allowance * distance) // (10 * weighting)) - 1
    if hundredths <= 0:
        return None
    return Time(hundredths * 10, precision=2)


def _as_thousandths(points: Decimal) -> int:
    """Points as an exact count of thousandths; raises for finer values (never truncates)."""
    scaled = points.scaleb(3)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"points {points} have more than three decimals")
    return int(scaled)
