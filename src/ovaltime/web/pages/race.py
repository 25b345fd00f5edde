"""The race page: start list by pair and lane, results with ranks and gaps, the running
leader, passages and lap times per skater, and the pair on the ice against the leader."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import Fragment, load, not_found, render, stream_url
from ovaltime.web.pages.racing import race_context, race_data

router = APIRouter()


@router.get("/competitions/{competition_id}/races/{position}", response_class=HTMLResponse)
async def race(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep, fragment: Fragment = None
) -> HTMLResponse:
    """One race of the programme, live while it is skated."""
    stream = stream_url(request, competition_id)
    data = await load(race_data, ctx, competition_id, position)
    if data is None:
        return not_found(request, f"Competition {competition_id} has no race {position}.")
    return render(request, "race", {**race_context(data), "stream": stream}, fragment)
