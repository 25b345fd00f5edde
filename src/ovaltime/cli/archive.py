"""``ovaltime archive``: import results into the archive and read records, bests and rankings.

Options and arguments are here; the work is in ``archive_output``, imported inside each
command so that the other commands never load the database stack. Filters are taken as text
and checked by ``services.archive_views`` so that a bad one is one line naming the option, as
the API names the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ovaltime.cli.archive_aliases import aliases_app
from ovaltime.cli.archive_combinations import combinations
from ovaltime.cli.archive_persons import merge
from ovaltime.cli.archive_rinks import rink_attach, rinks_import
from ovaltime.cli.commands import DatabaseOption, FormatOption
from ovaltime.cli.output import OutputFormat

__all__ = ["archive_app"]

SkaterArgument = Annotated[
    str,
    typer.Argument(help="A name in any spelling or order (KOK Femke), or #ID.", show_default=False),
]
GenderOption = Annotated[str, typer.Option("--gender", "-g", help="women or men.")]
LimitOption = Annotated[
    int, typer.Option("--limit", "-n", help="How many lines.", min=1, max=10000)
]
OffsetOption = Annotated[int, typer.Option("--offset", help="Lines to leave out first.", min=0)]


def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files (ISU results texts, competition documents, CSV) or folders of them.",
            show_default=False,
        ),
    ],
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Import files and folders into the archive; a competition imported before is skipped.
    Exit status 2 when some file had problems (the others are imported all the same)."""
    from ovaltime.cli.archive_output import import_command

    import_command(paths, database, fmt)


def bests(
    skater: SkaterArgument,
    season: Annotated[
        str | None, typer.Option(help="Season bests of this season (default: the latest skated).")
    ] = None,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """A skater's personal best (PB) and season best (SB) on each distance, with date,
    competition and rink, and their Adelskalender positions."""
    from ovaltime.cli.archive_output import bests_command

    bests_command(skater, season, database, fmt)


def list_(
    distance: Annotated[str, typer.Option("--distance", "-d", help="In metres: 500, 1500 ...")],
    gender: GenderOption,
    season: Annotated[
        str | None, typer.Option(help="A season, such as 2024-25 (default: all time).")
    ] = None,
    nation: Annotated[str | None, typer.Option(help="Only skaters of this nation (NED).")] = None,
    age_group: Annotated[
        str | None, typer.Option("--age-group", help="Only results in this age group (A1).")
    ] = None,
    rink: Annotated[str | None, typer.Option(help="Only results on this rink (calgary).")] = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """A season's or the all-time list of a distance: each skater's best time, fastest first;
    equal official times share a rank."""
    from ovaltime.cli.archive_output import list_command

    list_command(
        distance,
        gender,
        season=season,
        nation=nation,
        age_group=age_group,
        rink=rink,
        limit=limit,
        offset=offset,
        database=database,
        fmt=fmt,
    )


def adelskalender(
    gender: GenderOption = "men",
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The Adelskalender: skaters by the samalog sum of their personal bests on the allround
    distances (men 500, 1500, 5000, 10000 m; women 500, 1500, 3000, 5000 m), lowest first."""
    from ovaltime.cli.archive_output import adelskalender_command

    adelskalender_command(gender, limit=limit, offset=offset, database=database, fmt=fmt)


def h2h(
    skater_a: SkaterArgument,
    skater_b: SkaterArgument,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Head to head: every race two skaters both finished, who was faster, and the count per
    distance."""
    from ovaltime.cli.archive_output import h2h_command

    h2h_command(skater_a, skater_b, database, fmt)


def records(
    distance: Annotated[str, typer.Option("--distance", "-d", help="In metres: 500, 1500 ...")],
    gender: GenderOption,
    kind: Annotated[str, typer.Option("--kind", "-k", help="WR, WRJ, NR, NRJ, TR or TRJ.")] = "WR",
    nation: Annotated[str | None, typer.Option(help="The national record of this nation.")] = None,
    rink: Annotated[str | None, typer.Option(help="The track record of this rink.")] = None,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The records standing now, as the archive judged them from the results it holds."""
    from ovaltime.cli.archive_output import records_command

    records_command(
        distance, gender, kind=kind, nation=nation, rink=rink, database=database, fmt=fmt
    )


def archive_app() -> typer.Typer:
    """The ``archive`` group of commands."""
    group = typer.Typer(
        help="The archive: import results; records, bests, lists, the Adelskalender.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    group.command("import")(import_)
    group.command()(bests)
    group.command("list")(list_)
    group.command()(adelskalender)
    group.command()(combinations)
    group.command()(h2h)
    group.command()(records)
    group.command("rinks")(rinks_import)
    group.command("rink")(rink_attach)
    group.command()(merge)
    group.add_typer(aliases_app(), name="alias")
    return group
