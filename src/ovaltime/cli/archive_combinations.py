"""``ovaltime archive combinations``: the best samalog totals of a combination."""

from __future__ import annotations

from typing import Annotated

import typer

from ovaltime.cli.commands import DatabaseOption, FormatOption
from ovaltime.cli.output import OutputFormat

__all__ = ["combinations"]


def combinations(
    combination: Annotated[
        str, typer.Option("--combination", "-c", help="big, small, sprint or mini.")
    ] = "big",
    gender: Annotated[str, typer.Option("--gender", "-g", help="women or men.")] = "men",
    nation: Annotated[str | None, typer.Option(help="Only skaters of this nation.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many lines.", min=1)] = 100,
    offset: Annotated[int, typer.Option(help="Lines to leave out first.", min=0)] = 0,
    database: DatabaseOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Each skater's best total of a combination (championships whose races were the whole
    combination), lowest first, with the flags it earned (WR, NR, PB)."""
    from ovaltime.cli.archive_output import reading
    from ovaltime.cli.output import console, table, write_csv, write_json
    from ovaltime.services.archive_views import parse_gender, parse_text
    from ovaltime.services.combination_views import combinations_view, parse_combination_name
    from ovaltime.store.combination_rows import combination_lines

    name = parse_combination_name(combination, "--combination")
    chosen = parse_gender(gender, "--gender")
    wanted = parse_text(nation, "--nation")
    with reading(database) as session:
        lines = combination_lines(session, name, chosen, nation=wanted, limit=limit, offset=offset)
    view = combinations_view(lines)
    if fmt is OutputFormat.json:
        write_json(view)
        return
    header = ("rank", "skater", "nation", "points", "date", "competition", "flags")
    rows = [tuple(line[key] for key in header) for line in view["list"]]
    if fmt is OutputFormat.csv:
        write_csv(header, rows)
        return
    caption = None if rows else "no championship of this combination in the archive"
    title = f"{name} combination, {chosen.value}"
    console().print(table(title, header, rows, right=("rank", "points"), caption=caption))
