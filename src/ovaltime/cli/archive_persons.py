"""``ovaltime archive merge``: two persons of the archive are one skater.

An import never merges two persons on a doubtful match: it creates a new person and lists the
match for review. Once reviewed, an admin of the database merges them: the second person's
spellings, results and bests become the first's, their personal and season bests are judged
again, and the change is kept in the archive's audit with the reason.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ovaltime.cli.commands import DatabaseOption

__all__ = ["merge"]


def merge(
    keep: Annotated[str, typer.Argument(help="The person kept: a name in any spelling, or #ID.")],
    other: Annotated[
        str, typer.Argument(help="The person merged into it and removed: a name, or #ID.")
    ],
    actor: Annotated[
        str, typer.Option("--as", help="The admin making the change (see `ovaltime user add`).")
    ],
    reason: Annotated[str, typer.Option(help="Why: kept in the archive's audit.")],
    database: DatabaseOption = None,
) -> None:
    """Merge two persons of the archive into one; their bests are judged again."""
    from ovaltime.cli.archive_output import skater_named
    from ovaltime.cli.database import open_database
    from ovaltime.services.archive.persons import merge_persons
    from ovaltime.services.users import find_user
    from ovaltime.store.engine import read_session

    context, _ = open_database(database)
    try:
        with read_session(context.engine) as session:
            kept, merged = skater_named(session, keep), skater_named(session, other)
        user = find_user(context, actor)
        moved = merge_persons(context, kept.person_id, merged.person_id, actor=user, reason=reason)
    finally:
        context.engine.dispose()
    sys.stdout.write(
        f"{merged.name} (#{merged.person_id}) merged into {kept.name} (#{kept.person_id}) "
        f"by {user.name}: {moved.skaters} entries moved, {moved.flags_changed} flags changed\n"
    )
