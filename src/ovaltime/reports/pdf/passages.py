"""The passages and lap times of a result list: per skater, the time at every split point and,
beneath it, the lap that ended there.

Columns are the race's split points (``distances.split_points``: 200, 600, 1000 m on a 1000 m)
with the finish last, where the finish column holds the final time and the last lap. Passages
off those points (a file with 100 m splits on a 1000 m) add their own columns. A long distance
has more split points than a page is wide: the columns are dealt out over several tables of at
most ``MAX_COLUMNS`` split points each (the 10000 m's 25 points in four tables of 7, 6, 6, 6),
every table naming the skaters again. Skaters appear in ranking order; those without passages
are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ovaltime.core.distances import split_points
from ovaltime.core.laps import laps_of
from ovaltime.core.ranking import Ranked
from ovaltime.core.results import Race
from ovaltime.core.times import Time
from ovaltime.reports.pdf.document import GREY, Column, frame_width, list_table

__all__ = ["MAX_COLUMNS", "passage_tables", "split_columns"]

#: The most split points one table shows across a portrait page.
MAX_COLUMNS = 8


def split_columns(race: Race) -> list[int]:
    """The split points the tables show: the race's own, and any other passage of the race."""
    passed = {p.metres for r in race.results for p in r.passages}
    return sorted(set(split_points(race.distance)) | passed)


def _chunks(points: Sequence[int]) -> list[list[int]]:
    """Split points dealt out into tables of at most ``MAX_COLUMNS``, as even as can be."""
    count = -(-len(points) // MAX_COLUMNS)
    size, extra = divmod(len(points), count)
    out: list[list[int]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(list(points[start:end]))
        start = end
    return out


def _rows(race: Race, line: Ranked, points: Sequence[int]) -> tuple[list[object], list[object]]:
    """The passages row and the laps row of one skater over ``points``."""
    result = line.result
    passed = {p.metres: p.time.format() for p in result.passages}
    if result.ranked and result.time is not None:
        passed.setdefault(race.distance, line.time_text)
    laps = dict(laps_of(result, race.distance) if result.ranked else laps_of(result))
    rank = "" if line.rank is None else str(line.rank)
    top: list[object] = [rank, result.skater.name]
    bottom: list[object] = ["", ""]
    for metres in points:
        top.append(passed.get(metres, ""))
        lap = laps.get(metres)
        bottom.append("" if lap is None or metres not in passed else Time(lap).format())
    return top, bottom


def passage_tables(race: Race, ranking: Sequence[Ranked]) -> list[Flowable]:
    """The tables of passages and lap times; empty when no result has a passage."""
    lines = [line for line in ranking if line.result.passages]
    if not lines:
        return []
    width = frame_width()
    out: list[Flowable] = []
    for chunk in _chunks(split_columns(race)):
        columns = [
            Column("Rank", 11 * mm, "RIGHT"),
            Column("Skater", 52 * mm, wrap=True),
            *(Column(_label(m, race.distance), None, "RIGHT") for m in chunk),
        ]
        rows: list[list[object]] = []
        for line in lines:
            rows.extend(_rows(race, line, chunk))
        laps_style = [("TEXTCOLOR", (2, r), (-1, r), GREY) for r in range(2, len(rows) + 1, 2)] + [
            ("FONTSIZE", (2, r), (-1, r), 7.5) for r in range(2, len(rows) + 1, 2)
        ]
        out.append(
            list_table(columns, rows, width=width, groups=[2] * len(lines), style=laps_style)
        )
        out.append(Spacer(0, 5 * mm))
    return out


def _label(metres: int, distance: int) -> str:
    return "Finish" if metres == distance else f"{metres} m"
