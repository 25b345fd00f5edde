"""The list of competitions (``/``) and a competition's home page: its programme by day."""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ovaltime.services.unit import Context
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id
from ovaltime.web.pages.common import Fragment, load, not_found, render, stream_url
from ovaltime.web.views import competition_summary_view, competition_view

router = APIRouter()


def _summaries(ctx: Context) -> list[dict[str, Any]]:
    with read_session(ctx.engine) as session:
        return [competition_summary_view(c) for c in list_competitions(session)]


def competition_data(ctx: Context, competition_id: int) -> dict[str, Any] | None:
    """The API's view of the competition and its programme, or ``None`` when there is none."""
    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    return competition_view(competition_id, found) if found is not None else None


def programme_by_day(races: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The races grouped by date in programme order: ``[{"date", "label", "races"}]``
    (``date`` is ``None`` for races without one)."""
    return [
        {"date": date, "label": day_label(date), "races": list(group)}
        for date, group in groupby(races, key=lambda race: race["date"])
    ]


def day_label(text: str | None) -> str:
    """``2026-03-07`` as ``Saturday 7 March 2026``; races without a date are "to be announced"."""
    if not text:
        return "Date to be announced"
    day = datetime.date.fromisoformat(text)
    return f"{day:%A} {day.day} {day:%B %Y}"


@router.get("/", response_class=HTMLResponse)
async def competitions(request: Request, ctx: ContextDep) -> HTMLResponse:
    """Every competition, the latest first."""
    found = await load(_summaries, ctx)
    return render(request, "competitions", {"competitions": found})


@router.get("/competitions/{competition_id}", response_class=HTMLResponse)
async def competition(
    request: Request, competition_id: Id, ctx: ContextDep, fragment: Fragment = None
) -> HTMLResponse:
    """The competition's home: races with their state, the programme by day, links."""
    stream = stream_url(request, competition_id)
    data = await load(competition_data, ctx, competition_id)
    if data is None:
        return not_found(request, f"There is no competition {competition_id}.")
    context = {
        "competition": data,
        "days": programme_by_day(data["races"]),
        "stream": stream,
    }
    return render(request, "competition", context, fragment)
