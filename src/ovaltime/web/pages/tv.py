"""The TV / scoreboard view: the pair on the ice in large type, their latest passages against
the leader, and the leader's time. It follows the competition's live race on its own."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ovaltime.services.unit import Context
from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import Fragment, load, not_found, render, stream_url
from ovaltime.web.pages.competitions import competition_data
from ovaltime.web.pages.racing import race_context, race_data

router = APIRouter()


def shown_position(races: list[dict[str, Any]]) -> int | None:
    """The race to show: the first live one, else the last with results, else the first."""
    for race in races:
        if race["state"] == "live":
            return int(race["position"])
    skated = [race for race in races if race["results"]]
    if skated:
        return int(skated[-1]["position"])
    return int(races[0]["position"]) if races else None


def tv_data(ctx: Context, competition_id: int, position: int | None) -> dict[str, Any] | None:
    """The competition and, when it has races, the race to show with its context."""
    competition = competition_data(ctx, competition_id)
    if competition is None:
        return None
    chosen = position or shown_position(competition["races"])
    data = race_data(ctx, competition_id, chosen) if chosen else None
    if data is None:
        return {"competition": competition, "race": None}
    return {**race_context(data), "competition": competition}


@router.get("/competitions/{competition_id}/tv", response_class=HTMLResponse)
async def tv(
    request: Request,
    competition_id: Id,
    ctx: ContextDep,
    fragment: Fragment = None,
    race: Annotated[int | None, Query(ge=1, le=10_000, description="Show this race.")] = None,
) -> HTMLResponse:
    """The scoreboard of the current pair."""
    stream = stream_url(request, competition_id)
    data = await load(tv_data, ctx, competition_id, race)
    if data is None:
        return not_found(request, f"There is no competition {competition_id}.")
    return render(request, "tv", {**data, "stream": stream}, fragment)
