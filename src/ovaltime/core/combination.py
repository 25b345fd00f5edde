"""Combination classification ("samalog" points) for allround and sprint: the public face.

Everything a caller needs, from one import; the rules live in small modules by concept:

* ``points``: samalog points of one time (per 500 m or per 100 m, truncated to a thousandth
  of a point, from the official hundredths), gaps in seconds, the time needed to overtake.
* ``programme``: ``Combination`` as data (big, small, sprint, mini, custom) and its races.
* ``qualification``: the two-list rule for the final distance.
* ``classification``: standings after each race, NC and NQ, gaps to the leader.

>>> from ovaltime.core.times import Time
>>> samalog_points(Time.parse("12:47.89"), 10000)
Decimal('38.394')
"""

from __future__ import annotations

from ovaltime.core.classification import (
    Classification,
    Gap,
    RaceEntry,
    Standing,
    StandingStatus,
    classify,
    qualify,
    standings_after_each,
)
from ovaltime.core.points import (
    POINT_WEIGHTINGS,
    gap_seconds,
    points_from_thousandths,
    points_thousandths,
    samalog_points,
    time_to_overtake,
)
from ovaltime.core.programme import (
    BIG,
    COMBINATIONS,
    MINI,
    SMALL,
    SPRINT,
    Combination,
    RaceSlot,
    combination_named,
)
from ovaltime.core.qualification import Qualification, Qualifier, two_list_qualification

__all__ = [
    "BIG",
    "COMBINATIONS",
    "MINI",
    "POINT_WEIGHTINGS",
    "SMALL",
    "SPRINT",
    "Classification",
    "Combination",
    "Gap",
    "Qualification",
    "Qualifier",
    "RaceEntry",
    "RaceSlot",
    "Standing",
    "StandingStatus",
    "classify",
    "combination_named",
    "gap_seconds",
    "points_from_thousandths",
    "points_thousandths",
    "qualify",
    "samalog_points",
    "standings_after_each",
    "time_to_overtake",
    "two_list_qualification",
]
