"""The application factory: ``create_app(settings)`` gives the FastAPI application.

Creating the application opens the database and migrates it (``services.unit.open_context``),
so that a server never answers from an old schema. ``app.state`` holds what the routes and any
later part of the site use: ``settings``, ``context`` (the services' context), ``publisher``
(where the services' events go, after each commit) and ``sessions`` (session cookies).

The live stream and the public pages (``ovaltime.web.pages``) add their routers here, next
to the API's.

**Stopping.** uvicorn waits for every response in progress to finish before it shuts the
application down, and a live stream only ends when its viewer leaves. So while the application
runs in the main thread under a server that handles SIGINT and SIGTERM itself (uvicorn does),
those signals first close every live subscription, which ends the streams, and are then passed
on to the server.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from types import FrameType
from typing import Any

from fastapi import FastAPI

from ovaltime.live import Broker, Tee, make_broker
from ovaltime.services.events import Publisher
from ovaltime.services.unit import open_context
from ovaltime.web.api import api_router
from ovaltime.web.auth import Sessions, WriteGuard
from ovaltime.web.demo import start_demo
from ovaltime.web.entry import entry_router, html_error
from ovaltime.web.errors import install_error_handlers
from ovaltime.web.live import router as live_router
from ovaltime.web.pages import pages_router
from ovaltime.web.settings import Settings
from ovaltime.web.sse import StreamSend
from ovaltime.web.templating import mount_static

__all__ = ["Settings", "create_app", "create_app_from_environment", "server_garbage_collection"]


def create_app(settings: Settings) -> FastAPI:
    """A new application over ``settings.database`` (migrated now), publishing the services'
    events to the live broker (``ovaltime.live.make_broker``) and to ``settings.publisher``
    when one is given."""
    broker, publisher = _live(settings)
    context = open_context(settings.database, publisher)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await broker.start()  # on PostgreSQL: this worker's LISTEN connection
        demo = start_demo(context, settings.demo_pace) if settings.demo_pace else None
        try:
            with _streams_end_at_signals(broker):
                yield
        finally:
            if demo is not None:
                demo.stop()
            await broker.stop()
            context.engine.dispose()

    app = FastAPI(
        title="ovaltime",
        summary="Results for long-track speed skating: competitions, races, live results.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url="/api/docs" if settings.docs else None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url="/api/docs/oauth2-redirect",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.context = context
    app.state.publisher = publisher
    app.state.broker = broker
    app.state.sessions = Sessions(
        settings.secret.encode("utf-8"),
        lifetime_seconds=settings.session_hours * 3600,
        secure=settings.secure_cookies,
    )
    install_error_handlers(app)
    app.add_middleware(WriteGuard, html_error=html_error)
    app.add_middleware(StreamSend)  # last: outside the others (web.sse)
    app.include_router(api_router())
    app.include_router(live_router)
    app.include_router(entry_router())
    mount_static(app)
    app.include_router(pages_router())
    return app


def _live(settings: Settings) -> tuple[Broker, Publisher]:
    """The live broker and what the services publish to: the broker itself (chosen by the
    database), or the broker and the publisher the settings name, which may be a broker."""
    if isinstance(settings.publisher, Broker):
        return settings.publisher, settings.publisher
    broker = make_broker(settings.database)
    if settings.publisher is None:
        return broker, broker
    return broker, Tee(broker, settings.publisher)


@contextmanager
def _streams_end_at_signals(broker: Broker) -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM close the broker's subscriptions before the
    handler the server installed runs (module docstring); nothing changes where there is no
    such handler or outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    before: dict[int, Callable[[int, FrameType | None], Any]] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        loop.call_soon_threadsafe(broker.close_subscriptions)
        before[signum](signum, frame)

    for signum in (signal.SIGINT, signal.SIGTERM):
        server = signal.getsignal(signum)
        if callable(server):
            before[signum] = server
            signal.signal(signum, handler)
    try:
        yield
    finally:
        for number, server in before.items():
            if signal.getsignal(number) is handler:
                signal.signal(number, server)


def create_app_from_environment() -> FastAPI:
    """The application of ``Settings.from_environment()``: what each worker process of
    ``ovaltime serve`` runs, in a process tuned for it (``server_garbage_collection``)."""
    app = create_app(Settings.from_environment())
    server_garbage_collection()
    return app


#: CPython's collection thresholds in a server process (its defaults are 700, 10, 10).
GC_THRESHOLDS = (50_000, 20, 10)


def server_garbage_collection() -> None:
    """Tune this process's garbage collector for a server holding many live viewers.

    Each viewer keeps a hundred or so objects for as long as it watches, so with thousands of
    viewers a full collection walks about a million objects and stops the event loop for the
    better part of a second. With CPython's default thresholds a young collection runs every
    700 new objects and moves what is in flight at that moment (each viewer's wait for the next
    message) to the old generation, which brings the next full collection closer; during a
    fan-out to 5 000 viewers that meant a full collection every few messages
    (``bench/live.py``). Here young collections run every 50 000 new objects, and the objects
    made by starting up (the modules, the application: garbage collected first) are frozen out
    of every later collection."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ovaltime")
    except PackageNotFoundError:
        return "0"
