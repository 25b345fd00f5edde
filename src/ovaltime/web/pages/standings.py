"""The series standings page (World Cup): every cup of a season after its meetings, where the
database holds World Cup meetings (competitions with races in divisions); it says so when not."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ovaltime.rules import season_of
from ovaltime.rules.errors import SeasonError
from ovaltime.services.errors import ServiceError
from ovaltime.services.unit import Context
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.api.standings import standings as standings_api
from ovaltime.web.deps import ContextDep
from ovaltime.web.pages.common import load, render

router = APIRouter()


def series_seasons(ctx: Context) -> list[str]:
    """The seasons of the World Cup meetings in the database, the latest first."""
    seasons: set[str] = set()
    with read_session(ctx.engine) as session:
        for summary in list_competitions(session):
            competition = load_competition(session, summary.id)
            if competition is None or competition.start is None:
                continue
            if any(race.division for race in competition.races):
                seasons.add(season_of(competition.start))
    return sorted(seasons, reverse=True)


def standings_data(ctx: Context, season: str | None) -> dict[str, Any]:
    """``{"seasons", "season", "standings" | None, "problem" | None}``."""
    seasons = series_seasons(ctx)
    chosen = season or (seasons[0] if seasons else None)
    data: dict[str, Any] = {"seasons": seasons, "season": chosen, "standings": None}
    data["problem"] = None
    if chosen is None:
        return data
    try:
        data["standings"] = standings_api(ctx, season=chosen)
    except (ServiceError, SeasonError) as error:
        data["problem"] = str(error)
    return data


@router.get("/standings", response_class=HTMLResponse)
async def standings(
    request: Request,
    ctx: ContextDep,
    season: Annotated[str | None, Query(max_length=20, description="Such as 2024-25.")] = None,
) -> HTMLResponse:
    """Series standings of a season (default: the latest with World Cup meetings)."""
    data = await load(standings_data, ctx, season)
    return render(request, "standings", data)
