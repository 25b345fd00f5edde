"""``ovaltime report``: the documents handed out after a race or a day of a competition.

Every report command reads its competition the same way (``load_report_competition``): from a
file (a competition document ``.json``, an ISU results text, or a race CSV), or by its id from a
database. The commands import what draws the documents inside their bodies, so that the other
commands of ``ovaltime`` never load it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ovaltime.cli.errors import UserError, report_problems

if TYPE_CHECKING:
    from ovaltime.core.results import Competition

__all__ = [
    "CompetitionArgument",
    "CompetitionIdOption",
    "ReportDatabaseOption",
    "load_report_competition",
    "report_app",
]

report_app = typer.Typer(
    help="Documents of a competition: PDF start and result lists, classification and standings.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

#: The competition file: not checked by Typer, so that a missing file is one clear line.
CompetitionArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="COMPETITION",
        show_default=False,
        help="A competition document (.json) or an ISU results text; or use --competition.",
    ),
]
CompetitionIdOption = Annotated[
    int | None,
    typer.Option(
        "--competition", help="The competition's id in --database, instead of a file.", min=1
    ),
]
ReportDatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL for --competition (default: $OVALTIME_DATABASE, else "
        "sqlite:///ovaltime.db).",
        show_default=False,
    ),
]


def load_report_competition(
    path: Path | None, database: str | None, competition: int | None
) -> Competition:
    """The competition a report is made of: the file ``path``, or competition ``competition``
    of ``database`` (the default database when only the id is given).

    Exactly one source: a file and an id together, or neither, is a ``UserError``. A file is
    read leniently, its warnings printed as ``ovaltime import`` prints them; a file that cannot
    be read, a database that does not exist or an unknown id is one clear error.
    """
    if path is not None:
        if competition is not None or database is not None:
            raise UserError(
                f"{path}: give a competition file or --competition ID with --database, not both"
            )
        from ovaltime.cli.load import load_competition

        loaded = load_competition(path)
        report_problems(loaded.problems, prefix="warning")
        return loaded.competition
    if competition is None:
        raise UserError("give a competition file, or --competition ID (with --database URL)")
    from ovaltime.cli.database import load_stored_competition

    return load_stored_competition(database, competition)


@report_app.command("pdf")
def pdf(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the PDF.", show_default=False)
    ],
    file: CompetitionArgument = None,
    race: Annotated[
        int | None,
        typer.Option("--race", "-r", help="The result list of race N (programme order, from 1)."),
    ] = None,
    start_list: Annotated[
        int | None, typer.Option("--start-list", help="The start list of race N.")
    ] = None,
    classification: Annotated[
        bool, typer.Option("--classification", help="The classification list (allround, sprint).")
    ] = False,
    standings: Annotated[
        bool, typer.Option("--standings", help="The series standings after this competition.")
    ] = False,
    database: ReportDatabaseOption = None,
    competition: CompetitionIdOption = None,
    referee: Annotated[
        str, typer.Option(help="The referee's name, printed above the signature line.")
    ] = "",
    combination: Annotated[
        str | None,
        typer.Option(help="For --classification: big, small, sprint, mini or 500,1000,... "),
    ] = None,
    season: Annotated[
        str | None,
        typer.Option(help="For --standings: the season rules (default: the competition's)."),
    ] = None,
    meeting: Annotated[
        list[Path] | None,
        typer.Option(
            "--meeting", help="For --standings: an earlier meeting of the series (repeatable)."
        ),
    ] = None,
) -> None:
    """Write one PDF document: a result list, a start list, the classification or the series
    standings of a competition file or of --competition ID in --database."""
    from ovaltime.cli.report_pdf import Choice, pdf_command

    chosen = Choice.of(
        race=race, start_list=start_list, classification=classification, standings=standings
    )
    loaded = load_report_competition(file, database, competition)
    pdf_command(
        loaded,
        chosen,
        output=output,
        referee=referee,
        combination=combination,
        season=season,
        meetings=meeting or [],
    )
