"""The commands that open a database: ``user add`` and ``import --database``.

SQLAlchemy and the store are imported here only, inside the commands that need them, so that
the commands working on files alone start without them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ovaltime.cli.errors import UserError, report_problems

if TYPE_CHECKING:
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
