"""The start list and the result list of one race.

**Start list**: the pairs in skating order, inner lane first, with each skater's nation and
category; skaters without a pair follow. Entries come from the race's results
(``start_entries``), or from the caller where skaters have no result yet (a database's start
list before the race: the web passes its entries as ``StartEntry`` values).

**Result list**: the ranking of ``core.ranking.rank_race``: rank, pair and lane, skater, nation,
category, time as published (``37.34(2)`` where the thousandth separates equal hundredths),
time behind the winner, and notes: record flags (``WR``, ``TR``, ``NR``, ``PB``, ``SB`` ...) and,
for a disqualification, the infraction code; a fall is noted too. Unranked results (DNF, DQ,
WDR, DNS) follow with their status in the time column. Pair and lane, and category, are left out
where no result has them (an ISU results text gives neither pairs nor lanes). Then, where
results have passages, the passages and lap times (``passages``) and the lap chart of the first
``CHART_SKATERS`` of the ranking (more lines than that tangle on paper), and at the end the
referee's signature lines. The heading says whether the results are official.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from ovaltime.core.ranking import Ranked, rank_race
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Lane, Status
from ovaltime.reports.labels import (
    competition_dates,
    competition_place,
    race_subject,
    state_label,
)
from ovaltime.reports.pdf.document import (
    Column,
    Heading,
    frame_width,
    list_table,
    note,
    render,
    section_title,
    signatures,
)
from ovaltime.reports.pdf.passages import passage_tables

__all__ = [
    "CHART_SKATERS",
    "StartEntry",
    "result_list_pdf",
    "result_notes",
    "start_entries",
    "start_list_pdf",
]

#: How many skaters, from the top of the ranking, the result list's lap chart draws.
CHART_SKATERS = 8

_LEGEND = (
    "Times in hundredths, truncated; the thousandth in brackets where it separates skaters on "
    "equal hundredths. Behind: to the winner. Notes: record flags, infraction codes."
)


@dataclass(frozen=True, slots=True)
class StartEntry:
    """One skater of a start list: their pair and lane where drawn."""

    skater: Skater
    pair: int | None = None
    lane: Lane | None = None


def start_entries(race: Race) -> list[StartEntry]:
    """The start list of a race from its results: pairs in order, inner lane first, skaters
    without a pair last, each in the order given."""
    entries = [StartEntry(r.skater, r.pair, r.lane) for r in race.results]
    return sorted(entries, key=_skating_order)


def _skating_order(entry: StartEntry) -> tuple[bool, int, int]:
    lane = {Lane.INNER: 0, Lane.OUTER: 1, None: 2}[entry.lane]
    return (entry.pair is None, entry.pair or 0, lane)


def race_heading(competition: Competition, race: Race, title: str, *, state: bool) -> Heading:
    """The heading of a list of ``race``; with ``state`` it says whether results are official."""
    return Heading(
        competition=competition.name,
        title=title,
        subject=race_subject(race),
        place=competition_place(competition),
        dates=competition_dates(competition),
        state=state_label(race.state) if state else "",
    )


def start_list_pdf(
    competition: Competition, race: Race, entries: Sequence[StartEntry] | None = None
) -> bytes:
    """The start list of ``race`` as a PDF; ``entries`` default to ``start_entries(race)``."""
    listed = sorted(entries, key=_skating_order) if entries is not None else start_entries(race)
    categories = any(e.skater.age_group for e in listed)
    columns = [
        Column("Pair", 12 * mm, "RIGHT"),
        Column("Lane", 15 * mm),
        Column("Skater", None, wrap=True),
        Column("Nation", 16 * mm),
        *([Column("Category", 22 * mm)] if categories else []),
    ]
    rows: list[list[object]] = []
    groups: list[int] = []
    for index, entry in enumerate(listed):
        first = index == 0 or entry.pair is None or listed[index - 1].pair != entry.pair
        if first:
            groups.append(0)
        groups[-1] += 1
        pair = "" if entry.pair is None or not first else str(entry.pair)
        lane = entry.lane.value if entry.lane else ""
        row: list[object] = [pair, lane, entry.skater.name, entry.skater.nation]
        rows.append(row + ([entry.skater.age_group] if categories else []))
    pairs = len({e.pair for e in listed if e.pair is not None})
    story: list[Flowable] = [
        list_table(columns, rows, width=frame_width(), groups=groups),
        note(f"{len(listed)} skaters" + (f" in {pairs} pairs." if pairs else ".")),
    ]
    return render(race_heading(competition, race, "Start list", state=False), story)


def result_notes(result: Result) -> str:
    """Record flags, the infraction code of a disqualification and a fall: ``NR SB``, ``T25``."""
    parts = list(result.records)
    if result.status is Status.DQ and result.infraction:
        parts.append(result.infraction)
    if result.fell:
        parts.append("fell")
    return " ".join(parts)


def _ranking_table(race: Race, ranking: Sequence[Ranked]) -> Flowable:
    results = race.results
    paired = any(r.pair is not None or r.lane is not None for r in results)
    categories = any(r.skater.age_group for r in results)
    columns = [
        Column("Rank", 11 * mm, "RIGHT"),
        *([Column("Pair", 10 * mm, "RIGHT"), Column("Lane", 13 * mm)] if paired else []),
        Column("Skater", None, wrap=True),
        Column("Nation", 14 * mm),
        *([Column("Category", 17 * mm)] if categories else []),
        Column("Time", 22 * mm, "RIGHT"),
        Column("Behind", 18 * mm, "RIGHT"),
        Column("Notes", 24 * mm, wrap=True),
    ]
    rows: list[list[object]] = []
    for line in ranking:
        result = line.result
        row: list[object] = ["" if line.rank is None else str(line.rank)]
        if paired:
            row += [result.pair or "", result.lane.value if result.lane else ""]
        row += [result.skater.name, result.skater.nation]
        if categories:
            row.append(result.skater.age_group)
        row += [line.time_text, line.behind_text, result_notes(result)]
        rows.append(row)
    return list_table(columns, rows, width=frame_width())


def result_list_pdf(
    competition: Competition, race: Race, *, referee: str = "", chart: bool = True
) -> bytes:
    """The result list of ``race`` as a PDF (module docstring); ``referee`` names who signs.

    With ``chart`` (the default) a race with passages ends with its lap chart.
    """
    ranking = rank_race(race)
    story: list[Flowable] = [_ranking_table(race, ranking), note(_LEGEND)]
    tables = passage_tables(race, ranking)
    if tables:
        story += [*section_title("Passages and lap times"), *tables]
        if chart:
            story.append(_lap_chart(race))
    story.append(signatures(referee))
    return render(race_heading(competition, race, "Result list", state=True), story)


def _lap_chart(race: Race) -> Flowable:
    from io import BytesIO

    from ovaltime.reports.charts import LAP_CHART_SIZE, charted, lap_chart

    first = [line.skater for line in charted(race)[:CHART_SKATERS]]
    width = frame_width()
    height = width * LAP_CHART_SIZE[1] / LAP_CHART_SIZE[0]
    image = Image(BytesIO(lap_chart(race, skaters=first, image="png")), width=width, height=height)
    title = f"Lap times of the first {len(first)}" if len(first) > 1 else "Lap times"
    return KeepTogether([*section_title(title), image, Spacer(0, 2 * mm)])
