"""``ovaltime archive alias``: the names a skater is written as, and admins' edits of them.

* ``list SKATER``: the skater's aliases with their ids, where each came from (the first name
  an import created the skater with, a variant spelling the matcher attached, an admin's), and
  how many of the skater's competitions wrote them exactly so.
* ``add NAME --to SKATER``: another way the skater is written; later imports match it.
* ``move ALIAS --to SKATER``: the alias belongs to another skater. The competitions that wrote
  it exactly so (name and nation) move with it, with their results; both skaters' bests are
  judged again.

Edits are made as an admin of the database and kept in the archive's audit with the reason.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ovaltime.cli.commands import DatabaseOption, FormatOption
from ovaltime.cli.output import OutputFormat

__all__ = ["aliases_app"]

ToOption = Annotated[str, typer.Option("--to", help="The skater: a name in any spelling, or #ID.")]
ActorOption = Annotated[
    str, typer.Option("--as", help="The admin making the change (see `ovaltime user add`).")
]
ReasonOption = Annotated[str, typer.Option(help="Why: kept in the archive's audit.")]


def alias_list(
    skater: Annotated[
        str, typer.Argument(help="A name in any spelling or order, or #ID.", show_default=False)
    ],
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The names a skater is written as, with the ids `alias move` takes."""
    from ovaltime.cli.archive_output import reading, skater_named
    from ovaltime.cli.output import console, table, write_csv, write_json
    from ovaltime.services.archive_views import aliases_view
    from ovaltime.store.archive_queries import aliases_of

    with reading(database) as session:
        found = skater_named(session, skater)
        view = aliases_view(found, aliases_of(session, found.person_id))
    if fmt is OutputFormat.json:
        write_json(view)
        return
    header = ("id", "name", "nation", "origin", "competitions")
    rows = [(a["id"], a["name"], a["nation"], a["origin"], a["skaters"]) for a in view["aliases"]]
    if fmt is OutputFormat.csv:
        write_csv(header, rows)
        return
    title = f"{found.name} (#{found.person_id}): aliases"
    console().print(table(title, header, rows, right=("id", "competitions")))


def alias_add(
    name: Annotated[str, typer.Argument(help="The other way the skater is written.")],
    to: ToOption,
    actor: ActorOption,
    reason: ReasonOption,
    nation: Annotated[
        str, typer.Option(help="The nation the name is written with (default: any).")
    ] = "",
    database: DatabaseOption = None,
) -> None:
    """Add another way a skater is written; later imports attach results written so to them."""
    from ovaltime.cli.archive_output import skater_named
    from ovaltime.cli.database import open_database
    from ovaltime.services.archive.persons import add_alias
    from ovaltime.services.users import find_user
    from ovaltime.store.engine import read_session

    context, _ = open_database(database)
    try:
        with read_session(context.engine) as session:
            found = skater_named(session, to)
        user = find_user(context, actor)
        alias = add_alias(context, found.person_id, name, nation=nation, actor=user, reason=reason)
    finally:
        context.engine.dispose()
    written = " ".join(name.split())
    sys.stdout.write(
        f"alias #{alias} {written!r} added to {found.name} (#{found.person_id}) by {user.name}\n"
    )


def alias_move(
    alias: Annotated[str, typer.Argument(help="The alias's id (#ID), as `alias list` shows it.")],
    to: ToOption,
    actor: ActorOption,
    reason: ReasonOption,
    database: DatabaseOption = None,
) -> None:
    """Give an alias, and the competitions that wrote it so, to another skater."""
    from ovaltime.cli.archive_output import skater_named
    from ovaltime.cli.database import open_database
    from ovaltime.services.archive.persons import move_alias
    from ovaltime.services.errors import Invalid
    from ovaltime.services.users import find_user
    from ovaltime.store.engine import read_session

    number = alias.strip().removeprefix("#").strip()
    if not number.isdigit():
        raise Invalid("ALIAS", f"{alias!r} is no alias id: give the #ID `alias list` shows")
    context, _ = open_database(database)
    try:
        with read_session(context.engine) as session:
            found = skater_named(session, to)
        user = find_user(context, actor)
        moved = move_alias(context, int(number), found.person_id, actor=user, reason=reason)
    finally:
        context.engine.dispose()
    sys.stdout.write(
        f"alias #{number} moved to {found.name} (#{found.person_id}) by {user.name}: "
        f"{moved.skaters} entries moved, {moved.flags_changed} flags changed\n"
    )


def aliases_app() -> typer.Typer:
    """The ``archive alias`` group of commands."""
    group = typer.Typer(
        help="The names skaters are written as; admins' edits of them.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("list")(alias_list)
    group.command("add")(alias_add)
    group.command("move")(alias_move)
    return group
