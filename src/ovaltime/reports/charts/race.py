"""Charts of one race: the lap times of each skater, and each skater's gap at every split point
to the fastest passage there.

**Who is drawn.** By default every result with passages, in ranking order (``rank_race``), its
line labelled ``3. Name`` (an unranked skater's label has no rank); ``skaters`` narrows the
chart to the skaters named, matched by ``Skater.key``. A race without passages has nothing to
draw: ``ValueError``.

**Lap chart.** The sections between passages (``core.laps.laps_of``, the last lap to the finish
included) plotted against where they end. The opening part-lap (200 m on a 1000 m) is so much
shorter than a lap that it would flatten every other line, so only full 400 m laps are drawn,
unless the race has fewer than two (a 500 m): then every section is.

**Gap chart.** ``core.splits.compare_to_fastest``: at each split point, how far each skater's
passage is behind the fastest passage there, in seconds; the fastest is at 0, at the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ovaltime.core.distances import LAP_METRES, split_points
from ovaltime.core.laps import laps_of
from ovaltime.core.ranking import Ranked, rank_race
from ovaltime.core.results import Race, Skater
from ovaltime.core.splits import compare_to_fastest
from ovaltime.reports.charts.figure import ImageFormat, draw, legend, line

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["LAP_CHART_SIZE", "charted", "gap_chart", "lap_chart"]

#: Width and height of a race chart in inches.
LAP_CHART_SIZE = (8.0, 4.0)


def charted(race: Race, skaters: Sequence[Skater] | None = None) -> list[Ranked]:
    """The lines of the ranking a chart of ``race`` draws (module docstring)."""
    lines = [line for line in rank_race(race) if line.result.passages]
    if skaters is not None:
        wanted = {skater.key for skater in skaters}
        lines = [line for line in lines if line.skater.key in wanted]
    if not lines:
        raise ValueError(f"{race.name}: no passages to chart")
    return lines


def _label(line: Ranked) -> str:
    return f"{line.rank}. {line.skater.name}" if line.rank is not None else line.skater.name


def _seconds(thousandths: int) -> float:
    """Thousandths as seconds for an axis (plotting only: never for arithmetic on times)."""
    return float(Decimal(thousandths).scaleb(-3))


def _sections(race: Race, line: Ranked) -> list[tuple[int, int]]:
    result = line.result
    return laps_of(result, race.distance if result.ranked else None)


def _full_laps_only(race: Race) -> bool:
    """Whether the race has two full laps or more between its split points."""
    points = split_points(race.distance)
    starts = (0, *points[:-1])
    return sum(end - start == LAP_METRES for start, end in zip(starts, points, strict=True)) >= 2


def lap_chart(
    race: Race, *, skaters: Sequence[Skater] | None = None, image: ImageFormat = "svg"
) -> bytes:
    """Lap times of ``race`` as an SVG or PNG chart (module docstring)."""
    lines = charted(race, skaters)
    full_only = _full_laps_only(race)

    def paint(figure: Figure) -> None:
        axes = figure.add_subplot()
        for index, ranked in enumerate(lines):
            sections = _sections(race, ranked)
            starts = [0, *(metres for metres, _ in sections[:-1])]
            points = [
                (metres, _seconds(lap))
                for (metres, lap), start in zip(sections, starts, strict=True)
                if not full_only or metres - start == LAP_METRES
            ]
            line(axes, index, _label(ranked), points)
        axes.set_xlabel("metres (end of the lap)")
        axes.set_ylabel("lap time (s)")
        axes.set_title(f"{race.name}: lap times")
        legend(figure, len(lines))

    return draw(LAP_CHART_SIZE, paint, image)


def gap_chart(
    race: Race, *, skaters: Sequence[Skater] | None = None, image: ImageFormat = "svg"
) -> bytes:
    """Each skater's gap to the fastest passage at every split point, as SVG or PNG."""
    lines = charted(race, skaters)
    results = race.results

    def paint(figure: Figure) -> None:
        axes = figure.add_subplot()
        for index, ranked in enumerate(lines):
            gaps = compare_to_fastest(results, ranked.result, include_unranked=True)
            line(axes, index, _label(ranked), [(g.metres, _seconds(g.gap)) for g in gaps])
        axes.invert_yaxis()
        axes.set_xlabel("metres")
        axes.set_ylabel("behind the fastest passage (s)")
        axes.set_title(f"{race.name}: gaps at the split points")
        legend(figure, len(lines))

    return draw(LAP_CHART_SIZE, paint, image)
