"""What every page shares: rendering a page or its live fragment, the stream to follow, and
the HTML "not found" page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, get_args

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ovaltime.live import Broker
from ovaltime.services.events import Event
from ovaltime.web.templating import templates

__all__ = ["EVENT_NAMES", "Fragment", "Missing", "load", "not_found", "render", "stream_url"]

_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")

#: The message types of the live stream a page refetches on: every service event, and reset.
EVENT_NAMES = (*(_WORD_START.sub("-", cls.__name__).lower() for cls in get_args(Event)), "reset")

#: ``?fragment=live``: only the part of the page that changes, for ``live.js``.
Fragment = Annotated[str | None, Query(max_length=20, pattern="^[a-z]+$")]

T = TypeVar("T")


class Missing(LookupError):
    """What a page asked for does not exist; ``str()`` says what, for the 404 page."""


async def load(read: Callable[..., T], *args: Any) -> T:
    """Run a blocking read (database) off the event loop."""
    return await run_in_threadpool(read, *args)


def stream_url(request: Request, competition_id: int) -> str | None:
    """The competition's live stream from where this page's data starts: read before the
    data, so a message published meanwhile is replayed to the page, never missed."""
    broker = getattr(request.app.state, "broker", None)
    if not isinstance(broker, Broker):
        return None
    latest = broker.latest_id(competition_id)
    return f"/api/competitions/{competition_id}/events?lastEventId={latest}"


def render(
    request: Request, name: str, context: dict[str, Any], fragment: str | None = None
) -> HTMLResponse:
    """The page ``pages/{name}.html``, or with ``fragment`` its part ``pages/{name}_live.html``
    (the only fragment there is: ``live``)."""
    if fragment is not None:
        if fragment != "live":
            return not_found(request, f"no fragment {fragment!r} on this page")
        template = f"pages/{name}_live.html"
    else:
        template = f"pages/{name}.html"
    context = {"events": " ".join(EVENT_NAMES), **context}
    response = templates.TemplateResponse(request, template, context)
    response.headers["Cache-Control"] = "no-cache"
    return response


def not_found(request: Request, message: str) -> HTMLResponse:
    """The HTML page for something that does not exist (404)."""
    return templates.TemplateResponse(
        request, "pages/not_found.html", {"message": message}, status_code=404
    )
