"""The races of a classification (allround, sprint) as one CSV file: one row per skater and race.

Columns (header row required; names case-insensitive, spaces around ignored; ``,`` or ``;``)::

    skater,nation,distance,race,time,status

``skater`` (or ``name``) and ``distance`` (metres: ``500``, ``500m``) are required, and ``time``
or ``status`` (or both). ``race`` tells which race of that distance a row belongs to — 1 or 2,
the sprint skates 500 m and 1000 m twice — and is 1 when empty or absent. Optional: ``nation``,
``age_group``, ``pair``, ``lane``, ``infraction``, ``fell``, ``records``, ``rank`` (values as in
``csv_results``) and ``gender``. The gender comes from the ``gender`` argument, else the first
``gender`` cell, else ``DEFAULT_GENDER`` (mixed); a row of another gender is skipped.

Rows are grouped into one ``Race`` per (distance, race) in the order the races first appear.
Reading is lenient as for a race file: every bad row is reported with its line and field and
skipped, a skater's second row in one race too. Passages, and the races' kind, division, title,
date and state, have no column here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ovaltime.core.results import Race, Result
from ovaltime.core.states import Gender
from ovaltime.formats.csv_results import RESULT_COLUMNS, Report, parse_result, result_cells
from ovaltime.formats.csv_table import (
    Row,
    parse_distance,
    read_table,
    reporter,
    require,
    write_rows,
)
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.formats.race_checks import RaceChecker
from ovaltime.formats.textfile import read_text

__all__ = [
    "DEFAULT_GENDER",
    "ClassificationImport",
    "read_classification_csv",
    "read_classification_csv_file",
    "write_classification_csv",
]

DEFAULT_GENDER = Gender.MIXED


@dataclass(frozen=True, slots=True)
class ClassificationImport:
    """What a classification file gave: its races (bad rows left out) and every problem met."""

    races: tuple[Race, ...]
    problems: tuple[Problem, ...] = ()

    def strict(self) -> tuple[Race, ...]:
        """The races, or ``FormatError`` listing the problems where there were any."""
        if self.problems:
            raise FormatError(list(self.problems))
        return self.races


def read_classification_csv(
    text: str, source: str = "<csv>", *, gender: Gender | None = None
) -> ClassificationImport:
    """Read the races of a classification from CSV ``text``; ``source`` names the file."""
    table = read_table(text, source)
    problems = list(table.problems)
    require(table, source, ("skater", "name"), ("distance",), ("time", "status"))
    known = {*RESULT_COLUMNS, "name", "distance", "race", "gender"}
    for column in table.columns:
        if column not in known:
            problems.append(Problem(source, table.header_line, "unknown column: ignored", column))
    sex = gender or _first_gender(table.rows)
    races: dict[tuple[int, int], tuple[RaceChecker, list[Result]]] = {}
    for row in table.rows:
        report = reporter(problems, source, row.line)
        before = len(problems)
        if row.overflow:
            report("", "more cells than columns: row skipped")
            continue
        key = _race_key(row.get("distance"), row.get("race"), report)
        if row.get("gender"):
            try:
                if Gender.parse(row.get("gender")) is not sex:
                    report("gender", f"not {sex.value}, the gender of this file: row skipped")
            except ValueError as exc:
                report("gender", str(exc))
        result = parse_result(row, report)
        if key is None or result is None or len(problems) > before:
            continue
        checker, results = races.setdefault(key, (RaceChecker(), []))
        for field, message in checker.admit(result, f"line {row.line}"):
            report(field, message)
        if len(problems) == before:
            results.append(result)
    found = tuple(
        Race(distance, sex, tuple(results), number=number)
        for (distance, number), (_, results) in races.items()
    )
    return ClassificationImport(found, tuple(problems))


def read_classification_csv_file(
    path: str | Path, *, gender: Gender | None = None
) -> ClassificationImport:
    """Read a classification CSV file (UTF-8, a byte-order mark allowed)."""
    return read_classification_csv(read_text(path), str(path), gender=gender)


def write_classification_csv(races: Sequence[Race]) -> str:
    """The races as one CSV file that ``read_classification_csv`` reads back to equal races.

    The races are those of one gender, as in a classification; passages and the fields named in
    the module note are not written.
    """
    rows = []
    for race in races:
        for result in race.results:
            cells = result_cells(result)
            cells.update(
                distance=str(race.distance), race=str(race.number), gender=race.gender.value
            )
            rows.append(cells)
    order = ["skater", "nation", "age_group", "gender", "distance", "race", *RESULT_COLUMNS[3:]]
    always = {"skater", "gender", "distance", "race", "time", "status"}
    columns = [c for c in order if c in always or any(row[c] for row in rows)]
    return write_rows(columns, rows)


def _first_gender(rows: Sequence[Row]) -> Gender:
    for row in rows:
        try:
            return Gender.parse(row.get("gender"))
        except ValueError:
            continue
    return DEFAULT_GENDER


def _race_key(distance: str, number: str, report: Report) -> tuple[int, int] | None:
    """(metres, race number) of a row, or ``None`` after reporting what is wrong."""
    metres = race = None
    if not distance:
        report("distance", "the distance is missing")
    else:
        try:
            metres = parse_distance(distance)
        except ValueError as exc:
            report("distance", str(exc))
    text = number or "1"
    if text.isascii() and text.isdigit() and int(text) >= 1:
        race = int(text)
    else:
        report("race", f"{number!r} is not a race number from 1")
    return None if metres is None or race is None else (metres, race)
