"""``ovaltime serve``: the competition server (JSON API, live stream, pages) under uvicorn.

The database is opened and migrated once here, before any worker starts; each worker process
builds its application from the environment (``web.app.create_app_from_environment``), so every
worker gets the same database URL and the same session secret.

``--workers`` above 1 needs PostgreSQL: live updates reach the viewers of every worker only
through PostgreSQL's LISTEN/NOTIFY, and SQLite allows one writer. With SQLite the command
refuses more than one worker, saying so.
"""

from __future__ import annotations

import os
import secrets
import sys

from ovaltime.cli.errors import UserError

__all__ = ["serve_command"]

#: The session secret every worker reads (``ovaltime.web.settings.ENV_SECRET``; the faces do
#: not import each other, so the name is repeated here).
ENV_SECRET = "OVALTIME_SECRET"
#: The application factory each worker runs.
APP_FACTORY = "ovaltime.web.app:create_app_from_environment"


def serve_command(database: str | None, *, host: str, port: int, workers: int) -> None:
    """Migrate the database, then serve it until interrupted."""
    import uvicorn
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ovaltime.cli.database import open_database
    from ovaltime.store.engine import default_database_url

    url = database or default_database_url()
    if workers < 1:
        raise UserError(f"--workers {workers}: at least 1")
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
    sys.stderr.write(f"ovaltime: serving on http://{host}:{port} ({workers} worker(s))\n")
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )
