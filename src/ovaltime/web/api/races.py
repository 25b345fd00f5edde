"""One race: its page data, its start list, its state, and its audit log.

Races are addressed as they are numbered in the competition's programme:
``/api/competitions/{competition_id}/races/{position}`` (from 1, as ``ovaltime show --race``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from pydantic_core import to_json

from ovaltime.services.errors import NotFound
from ovaltime.services.races import change_race_state
from ovaltime.services.start_list import set_start_list
from ovaltime.services.unit import Context
from ovaltime.store.audit import audit_entries
from ovaltime.store.competitions import find_race
from ovaltime.store.engine import read_session
from ovaltime.store.entries import find_race_entries
from ovaltime.web.deps import ContextDep, Id, Official
from ovaltime.web.schemas import StartListIn, StartListOut, StateIn, StateOut
from ovaltime.web.views import audit_view, race_view

router = APIRouter(prefix="/competitions/{competition_id}/races/{position}", tags=["races"])


def _missing(competition_id: Id, position: Id) -> NotFound:
    return NotFound("race", f"{position} of competition {competition_id}")


def _race_id(ctx: Context, competition_id: Id, position: Id) -> int:
    with read_session(ctx.engine) as session:
        found = find_race(session, competition_id, position)
    if found is None:
        raise _missing(competition_id, position)
    return found.id


@router.get("", response_model=dict[str, Any])
def race(competition_id: Id, position: Id, ctx: ContextDep) -> Response:
    """The race: start list by pair (with result ids and versions), ranking, the leader after
    each pair and the spells at the top, passages, lap times and gaps to the leader."""
    with read_session(ctx.engine) as session:
        found = find_race_entries(session, competition_id, position)
    if found is None:
        raise _missing(competition_id, position)
    # The JSON FastAPI would write for the dict, written here: a dict needs no validation, and
    # FastAPI would take it to the thread pool and back once more to validate it.
    return Response(to_json(race_view(*found)), media_type="application/json")


@router.put("/start-list", response_model=StartListOut)
def start_list(
    competition_id: Id, position: Id, body: StartListIn, ctx: ContextDep, user: Official
) -> StartListOut:
    """Replace the start list (pairs and lanes, in start order); the entries' result ids."""
    race_id = _race_id(ctx, competition_id, position)
    ids = set_start_list(ctx, race_id, [e.to_entry() for e in body.entries], actor=user)
    return StartListOut(race_id=race_id, result_ids=list(ids))


@router.post("/state", response_model=StateOut)
def state(
    competition_id: Id, position: Id, body: StateIn, ctx: ContextDep, user: Official
) -> StateOut:
    """Move the race one step: scheduled -> live -> unofficial -> official; back with a reason
    (out of official by an admin only)."""
    race_id = _race_id(ctx, competition_id, position)
    event = change_race_state(ctx, race_id, body.state_value(), actor=user, reason=body.reason)
    return StateOut(race_id=race_id, before=event.before.value, after=event.after.value)


@router.get("/audit")
def audit(competition_id: Id, position: Id, ctx: ContextDep) -> dict[str, Any]:
    """Every change to the race and its results, oldest first: who, when, before, after, why."""
    race_id = _race_id(ctx, competition_id, position)
    with read_session(ctx.engine) as session:
        rows = audit_entries(session, race_id=race_id)
    return {"race_id": race_id, "audit": [audit_view(row) for row in rows]}
