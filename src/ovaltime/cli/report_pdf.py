"""``ovaltime report pdf``: one PDF document of a competition, written to a file.

Exactly one document per run: ``--race N`` (result list), ``--start-list N``,
``--classification`` (every gender with individual races, the combination guessed unless
``--combination`` names it) or ``--standings`` (the series standings after this competition and
any earlier ``--meeting`` files, by the season's rules). reportlab is imported here only.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ovaltime.cli.errors import UserError
from ovaltime.core.results import Competition, Race


@dataclass(frozen=True, slots=True)
class Choice:
    """Which document: ``kind`` is ``race``, ``start-list``, ``classification`` or
    ``standings``; ``race`` the race number for the first two."""

    kind: str
    race: int | None = None

    @classmethod
    def of(
        cls, *, race: int | None, start_list: int | None, classification: bool, standings: bool
    ) -> Choice:
        given = [
            (name, value)
            for name, value in (
                ("--race", race),
                ("--start-list", start_list),
                ("--classification", classification or None),
                ("--standings", standings or None),
            )
            if value is not None
        ]
        if len(given) != 1:
            names = ", ".join(name for name, _ in given) or "none"
            raise UserError(
                "choose one document: --race N, --start-list N, --classification or "
                f"--standings (given: {names})"
            )
        if race is not None:
            return cls("race", race)
        if start_list is not None:
            return cls("start-list", start_list)
        return cls("classification" if classification else "standings")


def _race(competition: Competition, option: str, number: int) -> Race:
    races = len(competition.races)
    if not 1 <= number <= races:
        where = f"the competition has races 1 to {races}" if races else "it has no races"
        raise UserError(f"{option} {number}: {competition.name}: {where}")
    return competition.races[number - 1]


def pdf_command(
    competition: Competition,
    choice: Choice,
    *,
    output: Path,
    referee: str,
    combination: str | None,
    season: str | None,
    meetings: Sequence[Path],
) -> None:
    from ovaltime.reports import pdf

    if choice.kind == "race" and choice.race is not None:
        document = pdf.result_list_pdf(
            competition, _race(competition, "--race", choice.race), referee=referee
        )
    elif choice.kind == "start-list" and choice.race is not None:
        document = pdf.start_list_pdf(competition, _race(competition, "--start-list", choice.race))
    elif choice.kind == "classification":
        document = _classification(competition, combination, referee)
    else:
        document = _standings(competition, season, meetings)
    output.write_bytes(document)
    sys.stderr.write(f"ovaltime: wrote {output} ({len(document) // 1024 + 1} kB)\n")


def _classification(competition: Competition, combination: str | None, referee: str) -> bytes:
    from ovaltime.reports.pdf import ClassificationSection, classification_list_pdf
    from ovaltime.services.classifications import classified_genders, classify_competition

    genders = classified_genders(competition)
    if not genders:
        raise UserError(f"{competition.name}: no individual races with results to classify")
    sections = []
    for gender in genders:
        found = classify_competition(competition, gender=gender.value, combination=combination)
        title = f"{gender.value.capitalize()}: {found.combination.name} combination"
        sections.append(ClassificationSection(title, found.classification))
    return classification_list_pdf(competition, sections, referee=referee)


def _standings(competition: Competition, season: str | None, meetings: Sequence[Path]) -> bytes:
    from ovaltime.cli.load import load_competition
    from ovaltime.core.standings import Meeting, in_date_order, series_standings
    from ovaltime.reports.pdf import standings_list_pdf
    from ovaltime.rules import load_season, season_of

    if season is None:
        if competition.start is None:
            raise UserError(f"{competition.name} has no date: give --season")
        season = season_of(competition.start)
    earlier = [load_competition(path).competition for path in meetings]
    ordered = in_date_order([*earlier, competition])
    series = series_standings([Meeting(c) for c in ordered], load_season(season))
    return standings_list_pdf(series, notes=series.notes)
