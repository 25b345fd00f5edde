"""The commands of ``ovaltime``: options and arguments here, the work in the modules they call."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ovaltime.cli.output import OutputFormat

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table, json or csv.", case_sensitive=False)
]
FileArgument = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, show_default=False)
]
DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (default: $OVALTIME_DATABASE, else sqlite:///ovaltime.db).",
        show_default=False,
    ),
]
LenientOption = Annotated[
    bool,
    typer.Option("--lenient", help="Use the rows that could be read and warn about the others."),
]


def rank(
    file: FileArgument,
    distance: Annotated[
        int | None, typer.Option(help="Distance in metres, where the file has no distance column.")
    ] = None,
    gender: Annotated[str | None, typer.Option(help="women, men or mixed.")] = None,
    fmt: FormatOption = OutputFormat.table,
    lenient: LenientOption = False,
    mass_start: Annotated[
        bool,
        typer.Option(
            "--mass-start", help="A mass start CSV, ranked on sprint points (needs --season)."
        ),
    ] = False,
    season: Annotated[
        str | None, typer.Option(help="Season rules for --mass-start, such as 2025-26.")
    ] = None,
) -> None:
    """Rank one race from a race CSV (skater,nation,pair,lane,time,status), or a mass start
    on sprint points (skater,nation,finish,time,laps,status,sprint1,...) by a season's rules."""
    if mass_start or season is not None:
        from ovaltime.cli.errors import UserError
        from ovaltime.cli.mass_start_output import mass_start_command

        if not mass_start:
            raise UserError("--season goes with --mass-start: a race on time needs no season")
        mass_start_command(file, season=season, gender=gender, fmt=fmt, lenient=lenient)
        return
    from ovaltime.cli.race_output import rank_command

    rank_command(file, distance=distance, gender=gender, fmt=fmt, lenient=lenient)


def classify(
    file: FileArgument,
    combination: Annotated[
        str,
        typer.Option(
            "--combination", "-c", help="big, small, sprint, mini, or distances like 500,1000,1500."
        ),
    ],
    final_size: Annotated[
        int, typer.Option(help="How many skaters qualify for the final distance.", min=1)
    ] = 8,
    weighting: Annotated[
        int, typer.Option(help="Points per 500 m (ISU) or per 100 m (some youth combinations).")
    ] = 500,
    after: Annotated[
        int | None, typer.Option(help="Classify after this many races (default: all skated).")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    lenient: LenientOption = False,
) -> None:
    """Score a combination (allround, sprint) from a classification CSV."""
    from ovaltime.cli.classify_output import classify_command

    classify_command(
        file,
        combination=combination,
        final_size=final_size,
        weighting=weighting,
        after=after,
        fmt=fmt,
        lenient=lenient,
    )


def import_(
    file: FileArgument,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write a competition document here.")
    ] = None,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="Load the competition into this database (a URL; importing it again is a no-op).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Read an ISU results text, a race CSV or a competition document; write a document with
    -o, load it into a database with --database, or else list its races."""
    if database is not None:
        from ovaltime.cli.database import import_into_database

        import_into_database(file, database)
        if output is None:
            return
    from ovaltime.cli.competition_output import import_command

    import_command(file, output=output, fmt=fmt)


def show(
    file: FileArgument,
    race: Annotated[
        int | None, typer.Option("--race", "-r", help="Race number in programme order, from 1.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The races of a competition, or one race with pairs, passages, laps and the leader."""
    from ovaltime.cli.competition_output import show_command

    show_command(file, race=race, fmt=fmt)


def demo(
    fmt: FormatOption = OutputFormat.table,
    pause: Annotated[
        float, typer.Option(help="Seconds to wait between distances on a terminal.", min=0)
    ] = 0.0,
) -> None:
    """A demo allround championship, ranked and classified distance by distance."""
    from ovaltime.cli.demo_output import demo_command

    demo_command(fmt=fmt, pause=pause)


def standings(
    files: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            show_default=False,
            help="ISU results texts or competition documents, one a meeting.",
        ),
    ],
    season: Annotated[str, typer.Option(help="Season rules, such as 2024-25.")],
    gender: Annotated[str | None, typer.Option(help="Only the cups of women or men.")] = None,
    distance: Annotated[
        str | None,
        typer.Option(help="Only one cup: 500, 1000, 1500, 3000/5000, 5000, mass start ..."),
    ] = None,
    final: Annotated[
        str, typer.Option(help="The season's final meeting: last, none, or one of the files.")
    ] = "none",
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """World Cup standings of every cup over the meetings given, in date order."""
    from ovaltime.cli.standings_output import standings_command

    standings_command(files, season=season, gender=gender, distance=distance, final=final, fmt=fmt)


def medals(file: FileArgument, fmt: FormatOption = OutputFormat.table) -> None:
    """The medal table of one competition: gold, silver, bronze per skater and per nation."""
    from ovaltime.cli.medals_output import medals_command

    medals_command(file, fmt=fmt)


def user_add(
    name: Annotated[str, typer.Argument(help="The user's name (one word).", show_default=False)],
    role: Annotated[str, typer.Option("--role", help="official or admin.", show_default=False)],
    database: DatabaseOption = None,
) -> None:
    """Add an official or admin; prints their API token, which is shown only this once."""
    from ovaltime.cli.database import user_add_command

    user_add_command(name, role, database)


def user_password(
    name: Annotated[str, typer.Argument(help="The user's name.", show_default=False)],
    database: DatabaseOption = None,
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin", help="Read the password from the first line of standard input."
        ),
    ] = False,
) -> None:
    """Set a user's password for the entry screens' login (asked twice, hidden; at least 10
    characters)."""
    from ovaltime.cli.passwords import user_password_command

    user_password_command(name, database, from_stdin=password_stdin)


def serve(
    database: DatabaseOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes; more than 1 needs PostgreSQL.", min=1)
    ] = 1,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Replay the demo championship live (into ovaltime-demo.db, recreated, "
            "unless --database is given).",
        ),
    ] = False,
    pace: Annotated[
        float, typer.Option(help="Race-day seconds per second in the demo.", min=0.01)
    ] = 20.0,
) -> None:
    """Serve the JSON API (and the live results) of a database over HTTP."""
    from ovaltime.cli.serve import serve_command

    serve_command(database, host=host, port=port, workers=workers, demo=demo, pace=pace)


def register(app: typer.Typer) -> None:
    app.command()(rank)
    app.command()(classify)
    app.command("import")(import_)
    app.command()(show)
    app.command()(demo)
    app.command()(standings)
    app.command()(medals)
    app.command()(serve)
    users = typer.Typer(
        help="Accounts of officials and admins.", no_args_is_help=True, rich_markup_mode=None
    )
    users.command("add")(user_add)
    users.command("password")(user_password)
    app.add_typer(users, name="user")
    from ovaltime.cli.archive import archive_app

    app.add_typer(archive_app(), name="archive")
