"""The commands that open a database: ``user add``, ``import --database`` and reading one
competition for ``report``.

SQLAlchemy and the store are imported here only, inside the commands that need them, so that
the commands working on files alone start without them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ovaltime.cli.errors import UserError, report_problems

if TYPE_CHECKING:
    from ovaltime.core.results import Competition
    from ovaltime.services.unit import Context


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def open_database(database: str | None) -> tuple[Context, str]:
    """The service context of ``database`` (default ``default_database_url()``), migrated to the
    current schema; a URL that cannot be opened is one clear error naming it."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from ovaltime.services.unit import open_context
    from ovaltime.store.engine import default_database_url

    url = database or default_database_url()
    try:
        return open_context(url), url
    except ArgumentError as error:
        raise UserError(f"--database {url!r}: not a database URL ({error})") from None
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise UserError(f"--database {shown(url)}: cannot open it ({cause})") from None


def user_add_command(name: str, role: str, database: str | None) -> None:
    """Add the user; their token goes to standard output, shown this once."""
    from ovaltime.services.users import add_user

    context, url = open_database(database)
    try:
        user, token = add_user(context, name, role)
    finally:
        context.engine.dispose()
    sys.stderr.write(
        f"ovaltime: added {user.role.value} {user.name!r} to {shown(url)}; "
        "their API token is shown only now:\n"
    )
    sys.stdout.write(token + "\n")


def import_into_database(path: Path, database: str | None) -> None:
    """Import the file into the database, once: the same content again finds the stored one."""
    from ovaltime.services.competitions import import_file

    context, url = open_database(database)
    try:
        imported = import_file(context, path)
    finally:
        context.engine.dispose()
    report_problems(imported.problems, prefix="warning")
    where = shown(url)
    if imported.created:
        sys.stderr.write(
            f"ovaltime: imported {path} into {where} as competition {imported.competition_id}: "
            f"{imported.races} races, {imported.results} results, "
            f"{len(imported.problems)} warning(s)\n"
        )
    else:
        sys.stderr.write(
            f"ovaltime: {path} is already in {where} as competition "
            f"{imported.competition_id}; nothing changed\n"
        )


def load_stored_competition(database: str | None, competition_id: int) -> Competition:
    """Competition ``competition_id`` of ``database`` (default ``default_database_url()``).

    Reading never creates a database: a SQLite file that does not exist is an error naming it,
    as is an id the database does not hold.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ovaltime.store.competitions import load_competition
    from ovaltime.store.engine import default_database_url, read_session

    url = database or default_database_url()
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise UserError(f"--database {url!r}: not a database URL ({error})") from None
    file = parsed.database
    on_disk = parsed.get_backend_name() == "sqlite" and file and file != ":memory:"
    if on_disk and not Path(str(file)).is_file():
        raise UserError(f"--database {shown(url)}: no such database file")
    context, _ = open_database(url)
    try:
        with read_session(context.engine) as session:
            found = load_competition(session, competition_id)
    finally:
        context.engine.dispose()
    if found is None:
        raise UserError(f"--database {shown(url)}: there is no competition {competition_id}")
    return found
