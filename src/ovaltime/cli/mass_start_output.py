"""``ovaltime rank --mass-start``: a mass start ranked on sprint points by a season's rules.

The table prints the points of each sprint as the official sheet does: struck points stay
visible (struck through on a terminal) and the total is 0. JSON and CSV carry every sprint's
points, including zeros, so that a reader can add them up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ovaltime.cli.errors import UserError
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.cli.race_output import accept
from ovaltime.core.mass_start import MassStartRanked, rank_mass_start
from ovaltime.core.ranking import Ranked
from ovaltime.core.results import Race
from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Gender, Status
from ovaltime.formats.textfile import read_text
from ovaltime.formats.views import ranked_row


def mass_start_command(
    path: Path, *, season: str | None, gender: str | None, fmt: OutputFormat, lenient: bool
) -> None:
    """Read a mass start CSV, rank it by the mass start format of ``season`` and print it."""
    if season is None:
        raise UserError("--mass-start needs --season, the season whose rules score it (2025-26)")
    from ovaltime.formats.mass_start_csv import read_mass_start_csv
    from ovaltime.rules import load_season

    rules = load_season(season)
    parsed = read_mass_start_csv(
        read_text(path),
        str(path),
        fmt=rules.mass_start,
        gender=Gender.parse(gender) if gender else None,
    )
    accept(parsed.problems, lenient=lenient)
    ranking = rank_mass_start(parsed.entries, rules.mass_start)
    if fmt is OutputFormat.json:
        write_json({"results": [mass_start_row(line, rules.mass_start) for line in ranking]})
    elif fmt is OutputFormat.csv:
        write_mass_start_csv(ranking, rules.mass_start)
    else:
        title = f"{parsed.race.name}, season {rules.season}"
        console().print(mass_start_table(title, parsed.race, ranking, rules.mass_start))


def laps_completed(line: MassStartRanked, fmt: MassStartFormat) -> int | None:
    """All the format's laps for a finisher, else the laps given (``None`` when unknown)."""
    return fmt.laps if line.completed else line.entry.laps


def mass_start_row(line: MassStartRanked, fmt: MassStartFormat) -> dict[str, Any]:
    """The usual result row (``ranked_row``) with ``points`` (the total, an int), ``sprints``
    (points of each intermediate sprint, then of the final sprint), ``finish``, ``laps`` and
    ``struck``."""
    row = ranked_row(Ranked(result=line.result, rank=line.rank, tied=line.tied))
    row["points"] = line.total
    row["sprints"] = list(line.sprints)
    row["finish"] = line.entry.finish
    row["laps"] = laps_completed(line, fmt)
    row["struck"] = line.struck
    return row


def write_mass_start_csv(ranking: Sequence[MassStartRanked], fmt: MassStartFormat) -> None:
    sprints = [f"s{n}" for n in range(1, fmt.sprints + 1)]
    header = ["rank", "skater", "nation", *sprints, "final", "points", "time", "laps", "status"]
    write_csv(
        [*header, "infraction", "finish", "struck"],
        (
            [
                line.rank,
                line.skater.name,
                line.skater.nation,
                *line.sprints,
                line.total,
                line.result.time.format() if line.result.time else None,
                laps_completed(line, fmt),
                line.result.status.value,
                line.result.infraction,
                line.entry.finish,
                "yes" if line.struck else "",
            ]
            for line in ranking
        ),
    )


def mass_start_table(
    title: str, race: Race, ranking: Sequence[MassStartRanked], fmt: MassStartFormat
) -> Any:
    sprints = [f"S{n}" for n in range(1, fmt.sprints + 1)]
    header = ["Rank", "Skater", "Nat", *sprints, "Final", "Points", "Time", "Laps", "Status"]
    rows = [
        [
            line.rank if line.rank is not None else "",
            line.skater.name,
            line.skater.nation,
            *(_points(points, line.struck) for points in line.sprints),
            line.total if line.rank is not None else "",
            line.result.time.format() if line.result.time else "",
            _blank(laps_completed(line, fmt)),
            _status(line),
        ]
        for line in ranking
    ]
    caption = f"{race.distance // 400} laps; points per sprint; struck points count 0"
    right = [*sprints, "Rank", "Final", "Points", "Time", "Laps"]
    return table(title, header, rows, right=right, caption=caption)


def _blank(value: int | None) -> object:
    return "" if value is None else value


def _points(points: int, struck: bool) -> str:
    """Points as the sheet prints them: nothing for 0, struck through where they do not count."""
    if not points:
        return ""
    return f"[strike]{points}[/strike]" if struck else str(points)


def _status(line: MassStartRanked) -> str:
    result = line.result
    if result.status is not Status.OK:
        return f"{result.status.value} {result.infraction}".strip()
    if not line.completed:
        return "lapped"
    return "points struck" if line.struck else ""
