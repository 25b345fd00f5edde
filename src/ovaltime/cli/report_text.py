"""``ovaltime report text``: the written report of a race, a day or a whole competition.

The classification sentences need the combination: ``--combination auto`` (the default) takes
the standard one of a championship (``reports.story.meeting.championship_combinations``),
``none`` leaves them out, and ``big``/``small``/``sprint``/``mini`` names it. World Cup
standings sentences come with ``--meeting FILE``: the season's other meetings, scored with this
competition by the season's rules (the season of its start date).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ovaltime.cli.errors import UserError, report_problems
from ovaltime.cli.report import (
    CompetitionArgument,
    CompetitionIdOption,
    ReportDatabaseOption,
    load_report_competition,
    report_app,
)

if TYPE_CHECKING:
    from ovaltime.core.programme import Combination
    from ovaltime.core.results import Competition
    from ovaltime.core.standings import SeriesStandings
    from ovaltime.core.states import Gender

__all__ = ["text"]


@report_app.command("text")
def text(
    competition_file: CompetitionArgument = None,
    competition: CompetitionIdOption = None,
    database: ReportDatabaseOption = None,
    race: Annotated[
        int | None, typer.Option("--race", min=1, help="Only race N (programme order, from 1).")
    ] = None,
    day: Annotated[
        str | None, typer.Option("--day", help="Only the races of one day, YYYY-MM-DD.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="md (Markdown) or html.")] = "md",
    combination: Annotated[
        str, typer.Option(help="auto, none, big, small, sprint or mini.")
    ] = "auto",
    series: Annotated[
        list[Path] | None,
        typer.Option(
            "--meeting", help="Another meeting of the season, for World Cup standings (repeat)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file, not the screen.")
    ] = None,
) -> None:
    """A written report, facts only: winners, margins, the pace, splits, records, gaps."""
    from ovaltime.reports.text import FORMATS, Context, write_report

    if fmt not in FORMATS:
        raise UserError(f"--format {fmt}: one of {', '.join(FORMATS)}")
    when = _day(day)
    loaded = load_report_competition(competition_file, database, competition)
    context = Context(_combinations(loaded, combination), _standings(loaded, series or []))
    try:
        written = write_report(loaded, race=race, day=when, fmt=fmt, context=context)
    except ValueError as error:
        raise UserError(f"{loaded.name}: {error}") from None
    if output is None:
        sys.stdout.write(written)
    else:
        try:
            output.write_text(written, encoding="utf-8")
        except OSError as error:
            raise UserError(f"{output}: cannot write: {error.strerror}") from None


def _day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--day {text}: not a date (YYYY-MM-DD)") from None


def _combinations(competition: Competition, name: str) -> dict[Gender, Combination]:
    from ovaltime.core.programme import combination_named
    from ovaltime.core.states import RaceKind
    from ovaltime.reports.story.meeting import championship_combinations

    if name == "auto":
        return dict(championship_combinations(competition))
    if name == "none":
        return {}
    try:
        chosen = combination_named(name)
    except ValueError as error:
        raise UserError(f"--combination {name}: {error}") from None
    genders = {r.gender for r in competition.races if r.kind is RaceKind.INDIVIDUAL}
    return dict.fromkeys(genders, chosen)


def _standings(competition: Competition, others: list[Path]) -> SeriesStandings | None:
    """The season's standings over ``competition`` and the ``others`` meetings, by date."""
    if not others:
        return None
    from ovaltime.cli.load import load_competition
    from ovaltime.core.standings import Meeting, in_date_order, series_standings
    from ovaltime.rules import load_season, season_of

    if competition.start is None:
        raise UserError(f"{competition.name}: no date, so no season for --meeting")
    meetings = [competition]
    for path in others:
        loaded = load_competition(path)
        report_problems(loaded.problems, prefix="warning")
        meetings.append(loaded.competition)
    rules = load_season(season_of(competition.start))
    return series_standings([Meeting(c) for c in in_date_order(meetings)], rules)
