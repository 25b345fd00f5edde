"""The series standings list (World Cup): one table per cup, after the last meeting given.

Each competitor's rank, points, points behind the leader and movement since the meeting before
(``core.standings``), then their points at each meeting, in columns numbered in date order and
named in a legend under the table. More than ``PORTRAIT_MEETINGS`` meetings turn the page to
landscape so that the columns keep a readable width. Cups without points yet are named at the
end, as are the notes the scoring made (a mass start ranked on published ranks).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ovaltime.core.standings import CupStandings, SeriesStandings, Standing
from ovaltime.reports.pdf.document import (
    Column,
    Heading,
    frame_width,
    list_table,
    note,
    render,
    section_title,
)

__all__ = ["PORTRAIT_MEETINGS", "cup_title", "standings_list_pdf"]

#: The most meetings whose columns fit across a portrait page.
PORTRAIT_MEETINGS = 6


def cup_title(cup: CupStandings) -> str:
    """``Women 500 m``, ``Men 3000/5000 m``, ``Women team pursuit``."""
    name = cup.cup.name
    if name.replace("/", "").isdigit():
        name += " m"
    return f"{cup.cup.gender.value.capitalize()} {name}"


def _row(line: Standing, meetings: int, moved: bool) -> list[object]:
    at = [0] * meetings
    for score in line.scores:
        at[score.meeting] += score.points
    taken = {score.meeting for score in line.scores}
    row: list[object] = [
        str(line.rank),
        line.competitor.name,
        line.competitor.nation,
        str(line.points),
        str(line.behind) if line.behind else "",
    ]
    if moved:
        row.append(line.movement_text)
    row += [str(at[m]) if m in taken else "" for m in range(meetings)]
    return row


def _cup(cup: CupStandings, meetings: Sequence[str], wide: bool) -> list[Flowable]:
    moved = len(meetings) > 1
    teams = any(line.competitor.team for line in cup.standings)
    columns = [
        Column("Rank", 11 * mm, "RIGHT"),
        Column("Team" if teams else "Skater", None, wrap=True),
        Column("Nation", 14 * mm),
        Column("Points", 15 * mm, "RIGHT"),
        Column("Behind", 15 * mm, "RIGHT"),
        *([Column("Move", 12 * mm, "CENTER")] if moved else []),
        *(Column(str(number), 10 * mm, "RIGHT") for number in range(1, len(meetings) + 1)),
    ]
    rows = [_row(line, len(meetings), moved) for line in cup.standings]
    story: list[Flowable] = [
        *section_title(cup_title(cup)),
        list_table(columns, rows, width=frame_width(wide=wide)),
    ]
    last = cup.history[-1] if cup.history else None
    if last is not None and last.new_leader and moved:
        story.append(note("New leader: " + ", ".join(s.competitor.name for s in last.leaders)))
    return story


def standings_list_pdf(
    series: SeriesStandings,
    cups: Sequence[CupStandings] | None = None,
    *,
    final: str = "",
    notes: Sequence[str] = (),
) -> bytes:
    """The standings of ``cups`` (default: every cup of ``series``) as a PDF; ``final`` names
    the meeting scored as the season's final, ``notes`` are printed at the end."""
    chosen = list(series.cups if cups is None else cups)
    meetings = series.meetings
    wide = len(meetings) > PORTRAIT_MEETINGS
    legend = "Meetings: " + "; ".join(f"{n} {name}" for n, name in enumerate(meetings, start=1))
    story: list[Flowable] = []
    for cup in chosen:
        if cup.standings:
            story.extend(_cup(cup, meetings, wide))
    empty = [cup_title(cup) for cup in chosen if not cup.standings]
    if not story:
        story.append(note("No points have been scored yet."))
    story.append(note(legend + "." if meetings else "No meeting has been scored."))
    if final:
        story.append(note(f"Final meeting (points multiplied by the season's rule): {final}."))
    if empty:
        story.append(note("No points yet in: " + ", ".join(empty) + "."))
    story.extend(note(f"Note: {text}.") for text in notes)
    heading = Heading(
        competition=f"Series standings {series.season}".strip(),
        title="Standings",
        subject=f"after {meetings[-1]}" if meetings else "",
    )
    return render(heading, story, wide=wide)
