"""``ovaltime import`` and ``ovaltime show``: a whole competition, or one of its races."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ovaltime.cli.errors import UserError, report_problems
from ovaltime.cli.load import load_competition
from ovaltime.cli.output import OutputFormat, console, table, write_csv, write_json
from ovaltime.cli.race_output import print_race_details, race_details, write_ranking
from ovaltime.core.ranking import rank_race
from ovaltime.core.results import Competition, Race
from ovaltime.formats.views import ranking_view

RACE_COLUMNS = ("race", "name", "date", "results", "winner", "time")


def _race_summary(number: int, race: Race) -> dict[str, Any]:
    ranking = rank_race(race)
    winner = ranking[0] if ranking and ranking[0].rank == 1 else None
    return {
        "race": number,
        "name": race.name,
        "date": race.date.isoformat() if race.date else None,
        "results": len(race.results),
        "winner": winner.result.skater.name if winner else None,
        "time": winner.time_text if winner else None,
    }


def _competition_title(competition: Competition) -> str:
    parts = [competition.name]
    if competition.venue:
        parts.append(competition.venue + (f" ({competition.nation})" if competition.nation else ""))
    if competition.start:
        end = competition.end if competition.end and competition.end != competition.start else None
        parts.append(competition.start.isoformat() + (f" to {end.isoformat()}" if end else ""))
    return ", ".join(parts)


def write_races(competition: Competition, fmt: OutputFormat) -> None:
    rows = [_race_summary(n, race) for n, race in enumerate(competition.races, start=1)]
    if fmt is OutputFormat.json:
        write_json({"competition": competition.name, "races": rows})
    elif fmt is OutputFormat.csv:
        write_csv(RACE_COLUMNS, ([row[key] for key in RACE_COLUMNS] for row in rows))
    else:
        console().print(
            table(
                _competition_title(competition),
                ["Race", "Name", "Date", "Results", "Winner", "Time"],
                ([row[key] for key in RACE_COLUMNS] for row in rows),
                right=("Race", "Results", "Time"),
            )
        )


def import_command(path: Path, *, output: Path | None, fmt: OutputFormat) -> None:
    """Read ``path`` leniently; write the document to ``output`` or summarise it."""
    from ovaltime.formats.document import dumps_competition, write_competition_file

    loaded = load_competition(path)
    report_problems(loaded.problems, prefix="warning")
    competition = loaded.competition
    if output is not None:
        write_competition_file(competition, output)
        results = sum(len(race.results) for race in competition.races)
        sys.stderr.write(
            f"ovaltime: wrote {output}: {len(competition.races)} races, {results} results, "
            f"{len(loaded.problems)} warning(s)\n"
        )
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(dumps_competition(competition))  # ends with its newline
    else:
        write_races(competition, fmt)


def show_command(path: Path, *, race: int | None, fmt: OutputFormat) -> None:
    loaded = load_competition(path)
    report_problems(loaded.problems, prefix="warning")
    competition = loaded.competition
    if race is None:
        write_races(competition, fmt)
        return
    if not 1 <= race <= len(competition.races):
        raise UserError(
            f"{path}: --race {race}: the competition has races 1 to {len(competition.races)}"
        )
    chosen = competition.races[race - 1]
    ranking = rank_race(chosen)
    if fmt is OutputFormat.json:
        write_json(
            {"race": race, "name": chosen.name, **ranking_view(ranking), **race_details(chosen)}
        )
        return
    write_ranking(chosen, ranking, fmt)
    if fmt is OutputFormat.table:
        print_race_details(chosen)
