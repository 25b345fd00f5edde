"""Lap times of a skater: every section between passages, and the last lap.

A lap time is the difference of two consecutive passage times (RULES §2); the first section runs
from the start (the opener: 200 m on a 1000 m). Where the passages stop short of the finish and
the distance is known, the section from the last passage to the final time is added. All values
are integer thousandths.
"""

from __future__ import annotations

from collections.abc import Sequence

from ovaltime.core.distances import LAP_METRES, Passage, lap_times
from ovaltime.core.results import Result

__all__ = ["lap_times_by_skater", "laps_of", "last_lap"]


def laps_of(result: Result, distance: int | None = None) -> list[tuple[int, int]]:
    """(metres, thousandths) of each section ``result`` skated, using ``distances.lap_times``.

    With ``distance``, a final section to the finish is added when the passages do not include
    the finish and the result has a time.
    """
    passages = list(result.passages)
    reached = passages[-1].metres if passages else 0
    if distance is not None and result.time is not None and reached < distance:
        passages.append(Passage(distance, result.time))
    return lap_times(passages)


def lap_times_by_skater(
    results: Sequence[Result], distance: int | None = None
) -> list[tuple[Result, list[tuple[int, int]]]]:
    """Each result with its lap times (``laps_of``), in input order; results without passages
    are left out."""
    return [(r, laps_of(r, distance)) for r in results if r.passages]


def last_lap(result: Result, distance: int | None = None) -> int | None:
    """The last lap in thousandths: the final time minus the last passage before the finish.

    The finish passage, where given, is recognised by its time equal to the final time on
    hundredths (or by its metres when ``distance`` is given). With ``distance`` the last
    passage must be one lap (400 m) before the finish, so missing passages give None rather
    than a wrong lap. None also without a time or without a passage before the finish.
    """
    if result.time is None:
        return None
    final = result.time
    before = [
        p
        for p in result.passages
        if p.time.hundredths < final.hundredths and (distance is None or p.metres < distance)
    ]
    if not before:
        return None
    last = before[-1]
    if distance is not None and last.metres != distance - LAP_METRES:
        return None
    return final - last.time
