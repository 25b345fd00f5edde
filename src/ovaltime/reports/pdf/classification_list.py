"""The classification list of a combination (allround, sprint): one section per classification,
on landscape A4 so that every race of the programme has its column.

Each skater takes two rows: the time of each race above, its samalog points below; then the
total, the gap to the leader in points and in seconds on the next race of the programme (where
there is one), and the mark: ``Q`` / ``NQ`` for the final distance once its field is known,
``NC`` for a skater not classified. Ranks, totals and gaps are ``core.classification``'s; a gap
is given only where a skater has completed as many races as the leader (``Classification.gaps``).
A race a skater has no result in is blank; a race with a status shows it (``DQ``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from ovaltime.core.classification import Classification, Gap, Standing
from ovaltime.core.results import Competition
from ovaltime.reports.labels import competition_dates, competition_place
from ovaltime.reports.pdf.document import (
    GREY,
    Column,
    Heading,
    frame_width,
    list_table,
    note,
    render,
    section_title,
    signatures,
)

__all__ = ["ClassificationSection", "classification_list_pdf"]

_LEGEND = (
    "Points: the time in seconds per {weighting} m, from official hundredths, truncated to a "
    "thousandth of a point. Behind: points to the leader{seconds}. Q qualified for the final "
    "distance, NQ not qualified, NC not classified."
)


@dataclass(frozen=True, slots=True)
class ClassificationSection:
    """One classification of the list and its title (``Men: big combination``)."""

    title: str
    classification: Classification


def _points(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _seconds(value: Decimal | None) -> str:
    """Seconds as the sheets write them: hundredths, truncated."""
    return "" if value is None else f"{value.quantize(Decimal('0.01'), rounding=ROUND_DOWN):.2f}"


def _rows(
    classification: Classification, standing: Standing, gap: Gap, seconds: bool
) -> tuple[list[object], list[object]]:
    by_slot = {entry.slot: entry for entry in standing.entries}
    slots = classification.combination.slots[: classification.after]
    times: list[object] = []
    points: list[object] = []
    for slot in slots:
        entry = by_slot.get(slot)
        if entry is None:
            times.append("")
            points.append("")
        elif entry.time is not None and entry.points is not None:
            times.append(entry.time.format())
            points.append(_points(entry.points))
        else:
            times.append(entry.status.value)
            points.append("")
    rank = "" if standing.rank is None else str(standing.rank)
    behind = "" if gap.points is None or gap.points == 0 else _points(gap.points)
    top: list[object] = [rank, standing.skater.name, standing.skater.nation, *times]
    top.append(_points(standing.total))
    top.append(behind)
    if seconds:
        top.append("" if not behind else _seconds(gap.seconds))
    top.append(classification.mark(standing))
    bottom: list[object] = ["", "", "", *points, "", ""]
    if seconds:
        bottom.append("")
    bottom.append("")
    return top, bottom


def _section(section: ClassificationSection) -> list[Flowable]:
    classification = section.classification
    combination = classification.combination
    slots = combination.slots[: classification.after]
    nxt = classification.next_slot
    width = frame_width(wide=True)
    columns = [
        Column("Rank", 11 * mm, "RIGHT"),
        Column("Skater", None, wrap=True),
        Column("Nation", 14 * mm),
        *(Column(str(slot), 21 * mm, "RIGHT") for slot in slots),
        Column("Points", 20 * mm, "RIGHT"),
        Column("Behind", 17 * mm, "RIGHT"),
        *([Column("Behind (s)", 22 * mm, "RIGHT")] if nxt is not None else []),
        Column("", 10 * mm, "CENTER"),
    ]
    gaps = {gap.skater.key: gap for gap in classification.gaps()}
    rows: list[list[object]] = []
    for standing in classification.standings:
        rows.extend(_rows(classification, standing, gaps[standing.skater.key], nxt is not None))
    first_race, last_race = 3, 3 + len(slots) - 1
    points_rows = range(2, len(rows) + 1, 2)
    style = [
        *(("TEXTCOLOR", (first_race, r), (last_race, r), GREY) for r in points_rows),
        *(("FONTSIZE", (first_race, r), (last_race, r), 7.5) for r in points_rows),
    ]
    after = f"after {classification.after} of {len(combination.slots)} races"
    seconds = f", and in seconds on the {nxt}" if nxt is not None else ""
    return [
        *section_title(f"{section.title}, {after}"),
        list_table(
            columns, rows, width=width, groups=[2] * len(classification.standings), style=style
        ),
        note(_LEGEND.format(weighting=combination.weighting, seconds=seconds)),
    ]


def classification_list_pdf(
    competition: Competition, sections: Sequence[ClassificationSection], *, referee: str = ""
) -> bytes:
    """The classification list of ``competition``: each section from a new page, signed."""
    if not sections:
        raise ValueError(f"{competition.name}: no classification to list")
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story.extend(_section(section))
    story.append(signatures(referee, wide=True))
    heading = Heading(
        competition=competition.name,
        title="Classification",
        subject=" · ".join(section.title for section in sections),
        place=competition_place(competition),
        dates=competition_dates(competition),
    )
    return render(heading, story, wide=True)
