"""``ovaltime standings``: World Cup standings over result files, as a table, JSON or CSV.

The files are read leniently (problems become warnings, as ``import`` reports them), sorted by
their start date, and scored by a season's rules. Which meeting is the season's final is the
caller's choice (``--final``): none by default, because a folder of meetings is not always a
whole season, and the final's multiplier must never be applied by a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ovaltime.cli.errors import UserError, report_problems
from ovaltime.cli.load import load_competition
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.core.results import Competition
from ovaltime.core.season import Cup
from ovaltime.core.series_scores import MASS_START_NOTE
from ovaltime.core.standings import (
    CupStandings,
    Meeting,
    SeriesStandings,
    Standing,
    in_date_order,
    series_standings,
)
from ovaltime.core.states import Gender
from ovaltime.formats.views import cup_view

#: The limitation of mass starts read from an ISU results text, stated in every output.
ISU_MASS_START_NOTE = f"{MASS_START_NOTE}; the ISU text has no sprint points"

CSV_COLUMNS = (
    "gender",
    "distance",
    "rank",
    "skater",
    "nation",
    "points",
    "behind",
    "movement",
    "races",
)


def standings_command(
    paths: Sequence[Path],
    *,
    season: str,
    gender: str | None,
    distance: str | None,
    final: str,
    fmt: OutputFormat,
) -> None:
    from ovaltime.rules import load_season

    rules = load_season(season)
    loaded = {}
    for path in paths:
        found = load_competition(path)
        report_problems(found.problems, prefix="warning")
        loaded[path] = found.competition
    ordered = in_date_order(loaded.values())
    final_competition = _final(final, paths, loaded, ordered)
    series = series_standings([Meeting(c, final=c is final_competition) for c in ordered], rules)
    cups = _chosen(series.cups, gender, distance)
    notes = _notes(series, isu_text=any(p.suffix.lower() not in {".json", ".csv"} for p in paths))
    if final_competition is not None:
        notes.insert(0, f"final meeting: {final_competition.name}")
    if fmt is OutputFormat.json:
        write_json(
            {
                "season": series.season,
                "competitions": list(series.meetings),
                "final": final_competition.name if final_competition else None,
                "cups": [cup_view(cup) for cup in cups],
                "notes": notes,
            }
        )
    elif fmt is OutputFormat.csv:
        write_csv(CSV_COLUMNS, (_csv_row(cup, line) for cup in cups for line in cup.standings))
    else:
        _print_tables(series, cups, notes)


def _final(
    final: str, paths: Sequence[Path], loaded: dict[Path, Competition], ordered: list[Competition]
) -> Competition | None:
    """``none``, ``last`` (the latest competition) or one of the files given."""
    key = final.strip().lower()
    if key == "none":
        return None
    if key == "last":
        return ordered[-1] if ordered else None
    for path in paths:
        if path == Path(final) or path.name == final:
            return loaded[path]
    raise UserError(f"--final {final}: expected last, none or one of the files given")


def cup_label(cup: Cup) -> str:
    return f"{cup.gender.value} {cup.name}"


def _matches(cup: Cup, distance: str) -> bool:
    """A cup's name (``500``, ``3000/5000``, ``mass start``) or one distance of it (``5000``)."""
    text = " ".join(distance.casefold().replace("_", " ").replace("-", " ").split())
    if text == cup.name.casefold():
        return True
    return text.isdigit() and int(text) in cup.distances


def _chosen(
    cups: Sequence[CupStandings], gender: str | None, distance: str | None
) -> list[CupStandings]:
    chosen = list(cups)
    if gender is not None:
        wanted = Gender.parse(gender)
        chosen = [c for c in chosen if c.cup.gender is wanted]
    if distance is not None:
        chosen = [c for c in chosen if _matches(c.cup, distance)]
    if not chosen:
        names = ", ".join(dict.fromkeys(c.cup.name for c in cups))
        asked = " ".join(
            part
            for part in (gender and f"--gender {gender}", distance and f"--distance {distance}")
            if part
        )
        raise UserError(f"{asked}: no such cup this season (cups: {names})")
    return chosen


def _notes(series: SeriesStandings, *, isu_text: bool) -> list[str]:
    return [
        ISU_MASS_START_NOTE if note == MASS_START_NOTE and isu_text else note
        for note in series.notes
    ]


def _csv_row(cup: CupStandings, line: Standing) -> list[object]:
    return [
        cup.cup.gender.value,
        cup.cup.name,
        line.rank,
        line.competitor.name,
        line.competitor.nation,
        line.points,
        line.behind,
        line.movement_text,
        len(line.scores),
    ]


def _print_tables(
    series: SeriesStandings, cups: Sequence[CupStandings], notes: Sequence[str]
) -> None:
    out = console()
    after = series.meetings[-1] if series.meetings else "no meeting"
    empty = [cup_label(cup.cup) for cup in cups if not cup.standings]
    for cup in cups:
        if not cup.standings:
            continue
        last = cup.history[-1] if cup.history else None
        caption = None
        if last is not None and last.new_leader and len(series.meetings) > 1:
            leaders = ", ".join(line.competitor.name for line in last.leaders)
            caption = f"new leader: {leaders}"
        out.print(
            table(
                f"{cup_label(cup.cup)} ({series.season}), after {after}",
                ["Rank", "Skater", "Nation", "Points", "Behind", "Movement"],
                (
                    [
                        line.rank,
                        line.competitor.name,
                        line.competitor.nation,
                        line.points,
                        line.behind or "",
                        line.movement_text,
                    ]
                    for line in cup.standings
                ),
                right=("Rank", "Points", "Behind", "Movement"),
                caption=caption,
            )
        )
    if empty:
        out.print(f"no points yet in: {', '.join(empty)}")
    for note in notes:
        out.print(f"note: {note}")
