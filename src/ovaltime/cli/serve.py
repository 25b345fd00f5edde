"""``ovaltime serve``: the competition server (JSON API, live stream, pages) under uvicorn.

The database is opened and migrated once here, before any worker starts; each worker process
builds its application from the environment (``web.app.create_app_from_environment``), so every
worker gets the same database URL and the same session secret.

``--workers`` above 1 needs PostgreSQL: live updates reach the viewers of every worker only
through PostgreSQL's LISTEN/NOTIFY, and SQLite allows one writer. With SQLite the command
refuses more than one worker, saying so.

The server runs on uvloop's event loop and parses HTTP with httptools when they are installed
(they are dependencies, where they build), and on asyncio's loop and h11 otherwise: the live
fan-out to thousands of viewers is several times cheaper on them (``bench/live.py``).

``--demo`` replays the demo championship live while serving (``web.demo``), at ``--pace``
race-day seconds per second, into ``--database`` if given, else into ``ovaltime-demo.db`` in the
current directory, which is deleted and created afresh at each start. The demo runs in one worker.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Literal

from ovaltime.cli.errors import UserError

__all__ = ["serve_command"]

#: The session secret every worker reads (``ovaltime.web.settings.ENV_SECRET``; the faces do
#: not import each other, so the name is repeated here).
ENV_SECRET = "OVALTIME_SECRET"
#: The application factory each worker runs.
APP_FACTORY = "ovaltime.web.app:create_app_from_environment"
#: The demo's pace for every worker (``ovaltime.web.demo.ENV_DEMO_PACE``).
ENV_DEMO_PACE = "OVALTIME_DEMO_PACE"
#: The demo's database when ``--database`` is not given: recreated at each start.
DEMO_FILE = "ovaltime-demo.db"
#: Race-day seconds per second in the demo: a 500 m pair in under 2 s.
DEMO_PACE = 20.0


def serve_command(
    database: str | None,
    *,
    host: str,
    port: int,
    workers: int,
    demo: bool = False,
    pace: float = DEMO_PACE,
) -> None:
    """Migrate the database, then serve it until interrupted (replaying the demo with ``demo``)."""
    import uvicorn
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ovaltime.cli.database import open_database
    from ovaltime.store.engine import default_database_url

    if workers < 1:
        raise UserError(f"--workers {workers}: at least 1")
    if demo and workers != 1:
        raise UserError(f"--workers {workers}: the demo (--demo) runs in one worker")
    if demo and pace <= 0:
        raise UserError(f"--pace {pace}: the demo's pace must be above 0")
    if demo:
        database = database or _fresh_demo_database()
    url = database or default_database_url()
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise UserError(f"--database {url!r}: not a database URL") from None
    if workers > 1 and backend != "postgresql":
        raise UserError(
            f"--workers {workers}: several worker processes need PostgreSQL "
            "(--database postgresql+psycopg://...), which shares live updates between them; "
            "a SQLite database is served by one worker"
        )
    context, _ = open_database(url)  # migrates once, before the workers start
    context.engine.dispose()
    os.environ["OVALTIME_DATABASE"] = url
    if not os.environ.get(ENV_SECRET):
        # One secret for every worker of this run; set OVALTIME_SECRET to keep logins valid
        # across restarts.
        os.environ[ENV_SECRET] = secrets.token_urlsafe(32)
    os.environ[ENV_DEMO_PACE] = str(pace) if demo else ""
    sys.stderr.write(f"ovaltime: serving on http://{host}:{port} ({workers} worker(s))\n")
    if demo:
        sys.stderr.write(
            f"ovaltime: the demo championship is replayed live at {pace:g}x into {url}; "
            f"open http://{host}:{port}\n"
        )
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        loop=_loop(),
        http=_http(),
    )


def _loop() -> Literal["uvloop", "asyncio"]:
    """uvloop where it imports, else asyncio's own loop."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def _http() -> Literal["httptools", "h11"]:
    """httptools where it imports, else h11."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


def _fresh_demo_database() -> str:
    """Delete ``ovaltime-demo.db`` (and its write-ahead log) here; the URL of the new one."""
    for suffix in ("", "-wal", "-shm"):
        Path(DEMO_FILE + suffix).unlink(missing_ok=True)
    return f"sqlite:///{DEMO_FILE}"
