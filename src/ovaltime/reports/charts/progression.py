"""The classification's progression: where each skater stood after each race of a combination.

The input is the classification after race 1, after races 1-2, ... (``core.classification.
standings_after_each``). ``measure="rank"`` plots each skater's rank (1 at the top);
``measure="points"`` the gap in points to the leader (0 at the top), which shows how far apart
the field is, not only the order. A skater is drawn while they are classified (an NC skater's
line stops at the race they did not complete; an NQ skater keeps their rank); a point is left
out where a skater had completed fewer races than the leader, since no gap is meaningful then.
Lines are labelled in the order of the last classification.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ovaltime.core.classification import Classification
from ovaltime.core.results import Skater
from ovaltime.reports.charts.figure import ImageFormat, draw, legend, line

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PROGRESSION_SIZE", "Measure", "progression_chart"]

Measure = Literal["rank", "points"]

#: Width and height of a progression chart in inches.
PROGRESSION_SIZE = (8.0, 4.5)


def _value(classification: Classification, skater: Skater, measure: Measure) -> float | None:
    gaps = {gap.skater.key: gap for gap in classification.gaps()}
    try:
        standing = classification.standing_of(skater)
    except KeyError:
        return None
    if measure == "rank":
        return None if standing.rank is None else float(standing.rank)
    gap = gaps[skater.key].points
    return None if gap is None else float(gap)


def progression_chart(
    classifications: Sequence[Classification],
    *,
    measure: Measure = "rank",
    image: ImageFormat = "svg",
    title: str = "",
) -> bytes:
    """Ranks (or gaps in points) after each race, one line per skater (module docstring)."""
    if not classifications:
        raise ValueError("no classification to chart")
    if measure not in ("rank", "points"):
        raise ValueError(f"unknown measure {measure!r} (expected rank or points)")
    last = classifications[-1]
    skaters = [s.skater for s in last.standings if s.completed]
    slots = last.combination.slots[: last.after]

    def paint(figure: Figure) -> None:
        axes = figure.add_subplot()
        for index, skater in enumerate(skaters):
            points = [
                (after, value)
                for after, c in enumerate(classifications, start=1)
                if (value := _value(c, skater, measure)) is not None
            ]
            line(axes, index, skater.name, points)
        axes.set_xticks(range(1, len(slots) + 1), [str(slot) for slot in slots])
        axes.invert_yaxis()
        axes.set_xlabel("after the race")
        axes.set_ylabel("rank" if measure == "rank" else "points behind the leader")
        name = title or f"{last.combination.name} classification"
        axes.set_title(f"{name}: {'ranks' if measure == 'rank' else 'gaps in points'}")
        legend(figure, len(skaters))

    return draw(PROGRESSION_SIZE, paint, image)
