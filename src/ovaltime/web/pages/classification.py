"""The classification page: for each gender with individual races, the standings after each
distance, points per distance, gaps in points and in seconds on the next distance, and
qualification for the final distance (Q / NQ; NC for not classified)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ovaltime.core.states import RaceKind
from ovaltime.services.errors import ServiceError
from ovaltime.services.unit import Context
from ovaltime.store.competitions import load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.api.classification import classification as classification_api
from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import Fragment, load, not_found, render, stream_url

router = APIRouter()


def classification_data(ctx: Context, competition_id: int) -> dict[str, Any] | None:
    """``{"competition", "classifications": [{"gender", "view" | "problem"}]}``: the API's
    classification of each gender, or why there is none; ``None`` for no such competition."""
    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    if found is None:
        return None
    genders = sorted(
        {r.gender.value for r in found.races if r.kind is RaceKind.INDIVIDUAL and r.results}
    )
    shown: list[dict[str, Any]] = []
    for gender in genders:
        try:
            view = classification_api(competition_id, ctx, gender=gender)
        except ServiceError as error:
            shown.append({"gender": gender, "view": None, "problem": str(error)})
            continue
        shown.append({"gender": gender, "view": view, "problem": None})
    return {
        "competition": {"id": competition_id, "name": found.name},
        "classifications": shown,
    }


@router.get("/competitions/{competition_id}/classification", response_class=HTMLResponse)
async def classification(
    request: Request, competition_id: Id, ctx: ContextDep, fragment: Fragment = None
) -> HTMLResponse:
    """The classification of the competition, live while races are skated."""
    stream = stream_url(request, competition_id)
    data = await load(classification_data, ctx, competition_id)
    if data is None:
        return not_found(request, f"There is no competition {competition_id}.")
    return render(request, "classification", {**data, "stream": stream}, fragment)
