"""``ovaltime archive rinks`` and ``archive rink``: load the rinks list, attach a rink.

``rinks FILE`` stores every rink of a rinks list (key, name, city, nation, environment,
altitude), adding new keys and updating known ones; a later ``archive import`` attaches each
competition whose venue it recognises to its rink. ``rink COMPETITION RINK`` sets the rink (and
level) of a competition already imported, as an admin of the database, with a reason kept in
the archive's audit; its results move with it and its track records are judged again.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ovaltime.cli.commands import DatabaseOption
from ovaltime.cli.database import open_database, shown
from ovaltime.cli.errors import BAD_INPUT

__all__ = ["rink_attach", "rinks_import"]


def rinks_import(
    path: Annotated[Path, typer.Argument(help="A rinks list (the format of records/rinks.txt).")],
    database: DatabaseOption = None,
) -> None:
    """Load a rinks list into the archive. Exit status 2 when some lines could not be read
    (the others are stored all the same)."""
    from ovaltime.services.archive.rinks import import_rinks

    context, url = open_database(database)
    try:
        outcome = import_rinks(context, path)
    finally:
        context.engine.dispose()
    sys.stdout.write(f"{outcome.added} rinks added, {outcome.updated} updated in {shown(url)}\n")
    for problem in outcome.problems:
        sys.stderr.write(f"ovaltime: problem: {problem}\n")
    if outcome.problems:
        raise typer.Exit(BAD_INPUT)


def rink_attach(
    competition: Annotated[int, typer.Argument(help="The competition's id.", min=1)],
    rink: Annotated[str, typer.Argument(help='The rink\'s key (calgary); "" for none.')],
    actor: Annotated[
        str, typer.Option("--as", help="The admin making the change (see `ovaltime user add`).")
    ],
    reason: Annotated[str, typer.Option(help="Why: kept in the archive's audit.")],
    level: Annotated[
        str | None,
        typer.Option(help="Also set the level: olympics, world-cup, championship, national, club."),
    ] = None,
    database: DatabaseOption = None,
) -> None:
    """Set the rink (and level) of an imported competition; its track records are judged
    again."""
    from ovaltime.services.archive.rinks import attach_rink
    from ovaltime.services.users import find_user

    context, _ = open_database(database)
    try:
        user = find_user(context, actor)
        attach_rink(context, competition, rink=rink or None, level=level, actor=user, reason=reason)
    finally:
        context.engine.dispose()
    where = f"rink {rink}" if rink else "no rink"
    also = f", level {level}" if level is not None else ""
    sys.stdout.write(f"competition #{competition}: {where}{also}, by {user.name}\n")
