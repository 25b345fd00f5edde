"""Series standings (World Cup) over the competitions in the database.

The meetings are the competitions named by ``?competition=`` (repeatable), or by default every
competition dated in the season that has races in divisions (World Cup meetings have A and B):
``services.series_standings``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field

from ovaltime.formats.views import cup_view
from ovaltime.services.series_standings import season_standings
from ovaltime.web.deps import MAX_ID, ContextDep

router = APIRouter(tags=["standings"])


@router.get("/standings")
def standings(
    ctx: ContextDep,
    season: Annotated[str, Query(max_length=20, description="Season rules, such as 2024-25.")],
    competition: Annotated[
        list[Annotated[int, Field(ge=1, le=MAX_ID)]] | None,
        Query(description="The meetings (default: the season's World Cups)."),
    ] = None,
    final: Annotated[
        str, Query(max_length=20, description="The final meeting: none, last or a competition id.")
    ] = "none",
) -> dict[str, Any]:
    """World Cup standings of every cup after the meetings, with points behind the leader and
    movement since the meeting before."""
    found = season_standings(ctx, season, competition, final)
    series = found.series
    return {
        "season": series.season,
        "competitions": [
            {"id": ident, "name": c.name, "start": c.start.isoformat() if c.start else None}
            for ident, c in found.meetings
        ],
        "final": found.final.name if found.final else None,
        "cups": [cup_view(cup) for cup in series.cups],
        "notes": list(series.notes),
    }
