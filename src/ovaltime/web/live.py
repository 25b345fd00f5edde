"""The live stream of a competition as server-sent events.

``GET /api/competitions/{competition_id}/events`` streams the broker's messages: each with
``id:`` (the message id), ``event:`` (its type, such as ``result-recorded`` or ``reset``) and
``data:`` (its JSON payload). A new viewer first gets ``ready``, whose id marks where it starts.
A viewer that reconnects sends the last id it saw as ``Last-Event-ID`` (browsers do this on
their own), or as ``?lastEventId=`` where it cannot set headers, and gets exactly what it
missed, or a ``reset`` when that is no longer known. A comment line every 15 s keeps proxies
from closing an idle stream. The stream ends when the client leaves or the server stops.
A viewer that takes longer than 30 s to accept one message is disconnected (it reconnects and
resumes). The response is ``ovaltime.web.sse.EventStream``, which sends each message as the
bytes it was encoded to once for all its viewers.

A request that does not accept ``text/event-stream`` (EventSource always sends it) gets the
stream's position as JSON instead, ``{"competition_id", "last_event_id"}``: a client can read
it, fetch what it shows, then open the stream with ``lastEventId`` and miss nothing between.

The application provides the broker as ``app.state.broker`` (``ovaltime.live.Broker``) and,
when it has a database, the services' context as ``app.state.context``: an unknown competition
is then 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from ovaltime.live import Broker, Subscription
from ovaltime.live.messages import sse_event
from ovaltime.services.errors import NotFound
from ovaltime.store.engine import read_session
from ovaltime.store.tables import CompetitionRow
from ovaltime.web.deps import Id
from ovaltime.web.sse import EventStream

__all__ = ["PING_SECONDS", "SEND_TIMEOUT_SECONDS", "live_router", "parse_last_event_id", "router"]

#: Seconds between keep-alive comments on an idle stream.
PING_SECONDS = 15.0
#: A viewer that takes longer than this to accept one message is disconnected.
SEND_TIMEOUT_SECONDS = 30.0
#: How long a browser waits before reconnecting, in milliseconds (the ``retry:`` field).
RETRY_MS = 2000


def parse_last_event_id(text: str | None) -> int | None:
    """The id a reconnecting viewer names: ``None`` for none; an id that is not a whole number
    of this server's is ``-1``, which no stream holds, so the viewer is sent a ``reset``."""
    if text is None or not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        return -1


def broker_of(request: Request) -> Broker:
    """The application's broker; 503 when the application was built without one."""
    broker = getattr(request.app.state, "broker", None)
    if not isinstance(broker, Broker):
        raise HTTPException(503, "live updates are not available on this server")
    return broker


def live_router(
    *, ping_seconds: float = PING_SECONDS, send_timeout: float = SEND_TIMEOUT_SECONDS
) -> APIRouter:
    """The router of the live stream; the keep-alive interval and send timeout can be set."""
    router = APIRouter(tags=["live"])

    @router.get(
        "/api/competitions/{competition_id}/events",
        summary="Live updates of a competition (server-sent events)",
        responses={
            200: {
                "description": "``text/event-stream`` when accepted; otherwise the stream's "
                "position as JSON",
                "content": {
                    "text/event-stream": {"schema": {"type": "string"}},
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "competition_id": {"type": "integer"},
                                "last_event_id": {"type": "integer"},
                            },
                        }
                    },
                },
            }
        },
    )
    async def competition_events(
        request: Request,
        competition_id: Id,
        last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
        last_event_id_query: Annotated[str | None, Query(alias="lastEventId")] = None,
    ) -> Any:
        broker = broker_of(request)
        engine = _engine_of(request)
        if engine is not None and not await run_in_threadpool(_exists, engine, competition_id):
            raise NotFound("competition", competition_id)
        if "text/event-stream" not in request.headers.get("accept", ""):
            return {
                "competition_id": competition_id,
                "last_event_id": _position(broker, competition_id),
            }
        resume = parse_last_event_id(
            last_event_id if last_event_id is not None else last_event_id_query
        )
        return EventStream(
            lambda: _subscribe(broker, competition_id, resume),
            ping_seconds=ping_seconds,
            send_timeout=send_timeout,
        )

    return router


def _position(broker: Broker, competition_id: int) -> int:
    """The newest id of the competition here; read on the loop, where the hub lives."""
    return broker.latest_id(competition_id)


def _engine_of(request: Request) -> Engine | None:
    context = getattr(request.app.state, "context", None)
    engine = getattr(context, "engine", None)
    return engine if isinstance(engine, Engine) else None


def _exists(engine: Engine, competition_id: int) -> bool:
    with read_session(engine) as session:
        return session.get(CompetitionRow, competition_id) is not None


def _subscribe(
    broker: Broker, competition_id: int, resume: int | None
) -> tuple[Subscription, bytes]:
    """One viewer's subscription, and what it is sent first: ``ready`` for a new viewer (whose
    id marks where it starts), nothing for one that resumes (its subscription holds what it
    missed, or a ``reset``)."""
    subscription = broker.subscribe(competition_id, resume)
    if resume is not None:
        return subscription, b""
    ready = sse_event(
        f'{{"competition_id":{competition_id}}}',
        event="ready",
        id=broker.latest_id(competition_id),
        retry_ms=RETRY_MS,
    )
    return subscription, ready


#: The router with the standard keep-alive interval, for ``create_app``.
router = live_router()
