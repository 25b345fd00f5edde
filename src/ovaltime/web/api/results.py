"""One skater's result in a race: record it, correct it, add a passage, read its audit.

A result is addressed by the ``result_id`` the start list gave it (``PUT .../start-list``, or
``pairs[].entries[].result_id`` of the race).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from ovaltime.services.passages import record_passage
from ovaltime.services.results import Recorded, correct_result, record_result
from ovaltime.store.audit import audit_entries
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id, Official
from ovaltime.web.schemas import CorrectionIn, OutcomeIn, PassageIn, PassageOut, RecordedOut
from ovaltime.web.views import audit_view

router = APIRouter(prefix="/results/{result_id}", tags=["results"])


def _out(done: Recorded) -> RecordedOut:
    return RecordedOut(result_id=done.result_id, version=done.version, audit_id=done.audit_id)


@router.post("", response_model=RecordedOut)
async def record(result_id: Id, body: OutcomeIn, ctx: ContextDep, user: Official) -> RecordedOut:
    """Record the final time or status (DNF, DQ with its infraction, WDR, DNS) of an entry of
    a live or unofficial race; a result already recorded is corrected instead (409)."""
    # The service runs in the thread pool; the handler itself is a coroutine because FastAPI
    # would otherwise take the small answer to the thread pool once more, to validate it.
    done = await run_in_threadpool(record_result, ctx, result_id, body.to_outcome(), actor=user)
    return _out(done)


@router.patch("", response_model=RecordedOut)
def correct(result_id: Id, body: CorrectionIn, ctx: ContextDep, user: Official) -> RecordedOut:
    """Correct a recorded result, based on the ``version`` the client saw and with a
    ``reason``; a stale version is refused with 409 (``stale_version``) and changes nothing."""
    done = correct_result(
        ctx, result_id, body.to_outcome(), version=body.version, reason=body.reason, actor=user
    )
    return _out(done)


@router.post("/passages", response_model=PassageOut, status_code=201)
def passage(result_id: Id, body: PassageIn, ctx: ContextDep, user: Official) -> PassageOut:
    """Add the skater's passage at a split point of the distance."""
    done = record_passage(ctx, result_id, body.metres, body.time_value(), actor=user)
    return PassageOut(
        result_id=done.result_id,
        metres=done.passage.metres,
        time=str(done.passage.time),
        passages=[{"metres": p.metres, "time": str(p.time)} for p in done.passages],
    )


@router.get("/audit")
def audit(result_id: Id, ctx: ContextDep) -> dict[str, Any]:
    """Every change to this result, oldest first (empty for an entry not yet recorded)."""
    with read_session(ctx.engine) as session:
        rows = audit_entries(session, result_id=result_id)
    return {"result_id": result_id, "audit": [audit_view(row) for row in rows]}
