"""The written report pages: of a race, of a day, of the whole competition.

``/competitions/{id}/report`` (the competition, or one day with ``?day=YYYY-MM-DD``) and
``/competitions/{id}/races/{position}/report``. Each follows the live stream like the other
pages, so a report grows as results come in; ``?format=md`` gives the same report as Markdown.

A championship's races are told with the classification after each distance
(``reports.story.meeting.championship_combinations``). The report of a whole World Cup
meeting (a dated competition with races in divisions) ends with the World Cup standings
after it, scored over the season's meetings in the database as ``/standings`` scores them
(none where the season has no rules).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ovaltime.core.results import Competition
from ovaltime.core.standings import SeriesStandings
from ovaltime.reports.story.document import render as render_report
from ovaltime.reports.story.meeting import championship_combinations
from ovaltime.reports.text import Context as ReportContext
from ovaltime.reports.text import build_report
from ovaltime.rules import SeasonError, season_of
from ovaltime.services.errors import ServiceError
from ovaltime.services.series_standings import season_standings
from ovaltime.services.unit import Context
from ovaltime.store.competitions import load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import Fragment, load, not_found, render, stream_url

__all__ = ["router"]

router = APIRouter()

Format = Annotated[str, Query(pattern="^(html|md)$")]


def _standings(ctx: Context, competition: Competition) -> SeriesStandings | None:
    """The series standings of the meeting's season, if it is a World Cup meeting."""
    if competition.start is None or not any(race.division for race in competition.races):
        return None
    try:
        return season_standings(ctx, season_of(competition.start), None, "none").series
    except (SeasonError, ServiceError):
        return None


def _report(
    ctx: Context, competition_id: int, race: int | None, day: dt.date | None
) -> tuple[dict[str, Any], Any] | str:
    with read_session(ctx.engine) as session:
        competition = load_competition(session, competition_id)
    if competition is None:
        return f"There is no competition {competition_id}."
    standings = _standings(ctx, competition) if race is None and day is None else None
    context = ReportContext(
        combinations=championship_combinations(competition), standings=standings
    )
    try:
        report = build_report(competition, race=race, day=day, context=context)
    except ValueError as error:
        return f"{competition.name}: {error}."
    return {"id": competition_id, "name": competition.name}, report


async def _page(
    request: Request,
    ctx: Context,
    competition_id: int,
    *,
    race: int | None,
    day: dt.date | None,
    fmt: str,
    fragment: str | None,
) -> Response:
    stream = stream_url(request, competition_id)
    found = await load(_report, ctx, competition_id, race, day)
    if isinstance(found, str):
        return not_found(request, found)
    competition, report = found
    if fmt == "md":
        return PlainTextResponse(
            render_report(report, "md"), media_type="text/markdown; charset=utf-8"
        )
    context = {
        "competition": competition,
        "report": report,
        "article": render_report(report, "html"),
        "stream": stream,
        "race": race,
        "day": day,
    }
    return render(request, "report", context, fragment)


@router.get("/competitions/{competition_id}/report", response_class=HTMLResponse)
async def competition_report(
    request: Request,
    competition_id: Id,
    ctx: ContextDep,
    day: dt.date | None = None,
    format: Format = "html",
    fragment: Fragment = None,
) -> Response:
    """The written report of the competition, or of one day of it."""
    return await _page(
        request, ctx, competition_id, race=None, day=day, fmt=format, fragment=fragment
    )


@router.get("/competitions/{competition_id}/races/{position}/report", response_class=HTMLResponse)
async def race_report(
    request: Request,
    competition_id: Id,
    position: Id,
    ctx: ContextDep,
    format: Format = "html",
    fragment: Fragment = None,
) -> Response:
    """The written report of one race."""
    return await _page(
        request, ctx, competition_id, race=position, day=None, fmt=format, fragment=fragment
    )
