"""One race as CSV: one row per skater, read leniently and written back losslessly.

Columns (header row required; names case-insensitive, spaces around ignored; ``,`` or ``;``)::

    skater,nation,pair,lane,time,status

``skater`` (or ``name``) is required, and ``time`` or ``status`` (or both). Optional: ``nation``,
``age_group``, ``pair``, ``lane``, ``infraction``, ``fell``, ``records``, ``rank`` (see
``csv_results`` for their values), ``distance`` and ``gender`` (see below), and one column per
passage named by its metres: ``200``, ``200m``, ``200 m`` or ``p200`` holding the passage time.

The race's distance comes from the ``distance`` argument, else the first ``distance`` cell, else
``DEFAULT_DISTANCE`` (500 m); its gender from ``gender``, else the first ``gender`` cell, else
``DEFAULT_GENDER`` (mixed). A row whose distance or gender differs from the race's is skipped.

Reading is lenient: each bad row is reported (file, line, field) and skipped, the rest is kept;
so is a second row of the same skater, and a third skater in a pair. Unknown columns are
reported once and ignored. A file without a usable header is a ``FormatError``.

The race's kind, number, division, title, date, state and the results' ``thousandths_known``
have no column: ``write_race_csv`` leaves them out, and reading gives the defaults. Distance and
gender travel in every row, so a race without results needs them as arguments when read back.

A time in Dutch notation (``1.15,70``) holds a comma: quote it, or use ``;`` as the delimiter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ovaltime.core.distances import Passage, check_distance, split_points, validate_passages
from ovaltime.core.results import Race, Result
from ovaltime.core.states import Gender
from ovaltime.formats.csv_results import RESULT_COLUMNS, Report, parse_result, parse_time
from ovaltime.formats.csv_results import result_cells as _cells
from ovaltime.formats.csv_table import (
    Row,
    Table,
    normalise_column,
    parse_distance,
    read_table,
    reporter,
    require,
    write_rows,
)
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.formats.race_checks import RaceChecker
from ovaltime.formats.textfile import read_text
from ovaltime.formats.timetext import format_exact

__all__ = [
    "DEFAULT_DISTANCE",
    "DEFAULT_GENDER",
    "RaceImport",
    "read_race_csv",
    "read_race_csv_file",
    "write_race_csv",
]

DEFAULT_DISTANCE = 500
DEFAULT_GENDER = Gender.MIXED

T = TypeVar("T")

_PASSAGE = re.compile(r"^p?(\d+)_?m?$")


@dataclass(frozen=True, slots=True)
class RaceImport:
    """What a race file gave: the race (bad rows left out) and every problem met."""

    race: Race
    problems: tuple[Problem, ...] = ()

    def strict(self) -> Race:
        """The race, or ``FormatError`` listing the problems where there were any."""
        if self.problems:
            raise FormatError(list(self.problems))
        return self.race


def read_race_csv(
    text: str,
    source: str = "<csv>",
    *,
    distance: int | None = None,
    gender: Gender | None = None,
) -> RaceImport:
    """Read one race from CSV ``text``; ``source`` names the file in problems."""
    table = read_table(text, source, _rename)
    problems = list(table.problems)
    require(table, source, ("skater", "name"), ("time", "status"))
    metres = _distance(table, source, distance)
    sex = _gender(table, gender)
    known = {*RESULT_COLUMNS, "name", "distance", "gender"}
    points = set(split_points(metres))
    passage_columns: list[tuple[str, int]] = []
    for column in table.columns:
        if column in known:
            continue
        match = _PASSAGE.match(column)
        if match and int(match[1]) in points:
            passage_columns.append((column, int(match[1])))
            continue
        why = f"not a split point of the {metres} m" if match else "unknown column"
        problems.append(Problem(source, table.header_line, f"{why}: ignored", column))
    passage_columns.sort(key=lambda item: item[1])
    checker = RaceChecker()
    results: list[Result] = []
    for row in table.rows:
        report = reporter(problems, source, row.line)
        before = len(problems)
        if row.overflow:
            report("", "more cells than columns: row skipped")
            continue
        _same(row, "distance", metres, parse_distance, report)
        _same(row, "gender", sex, Gender.parse, report)
        passages = _passages(row, passage_columns, report)
        result = parse_result(row, report, passages)
        if result is None or len(problems) > before:
            continue
        for message in validate_passages(metres, passages, result.time):
            report("passages", message)
        if len(problems) > before:
            continue
        for field, message in checker.admit(result, f"line {row.line}"):
            report(field, message)
        if len(problems) == before:
            results.append(result)
    return RaceImport(Race(metres, sex, tuple(results)), tuple(problems))


def read_race_csv_file(
    path: str | Path, *, distance: int | None = None, gender: Gender | None = None
) -> RaceImport:
    """Read a race CSV file (UTF-8, a byte-order mark allowed); the file's path is the source."""
    return read_race_csv(read_text(path), str(path), distance=distance, gender=gender)


def write_race_csv(race: Race) -> str:
    """The race as CSV that ``read_race_csv`` reads back to an equal race (see the module note
    for the fields a race file does not carry). Optional columns appear only when used."""
    metres = sorted({p.metres for r in race.results for p in r.passages})
    rows = []
    for result in race.results:
        cells = _cells(result)
        cells["distance"] = str(race.distance)
        cells["gender"] = race.gender.value
        at = {p.metres: format_exact(p.time) for p in result.passages}
        cells.update({str(m): at.get(m, "") for m in metres})
        rows.append(cells)
    order = ["skater", "nation", "age_group", "distance", "gender", *RESULT_COLUMNS[3:]]
    always = {"skater", "distance", "gender", "time", "status"}
    columns = [c for c in order if c in always or any(row[c] for row in rows)]
    return write_rows([*columns, *map(str, metres)], rows)


def _rename(name: str) -> str:
    column = normalise_column(name)
    match = _PASSAGE.match(column)
    return f"p{int(match[1])}" if match else column


def _distance(table: Table, source: str, given: int | None) -> int:
    if given is not None:
        try:
            return check_distance(given)
        except ValueError as exc:
            raise FormatError([Problem(source, 0, str(exc), "distance")]) from None
    for row in table.rows:
        try:
            return parse_distance(row.get("distance"))
        except ValueError:
            continue
    return DEFAULT_DISTANCE


def _gender(table: Table, given: Gender | None) -> Gender:
    if given is not None:
        return given
    for row in table.rows:
        try:
            return Gender.parse(row.get("gender"))
        except ValueError:
            continue
    return DEFAULT_GENDER


def _same(row: Row, column: str, expected: T, parse: Callable[[str], T], report: Report) -> None:
    """Report a cell of ``column`` that does not read as ``expected``."""
    text = row.get(column)
    if not text:
        return
    try:
        value = parse(text)
    except ValueError as exc:
        report(column, str(exc))
        return
    if value != expected:
        report(column, f"{text!r} differs from the race's {column} ({expected}): row skipped")


def _passages(row: Row, columns: list[tuple[str, int]], report: Report) -> tuple[Passage, ...]:
    out = []
    for column, metres in columns:
        if text := row.get(column):
            time = parse_time(text, str(metres), report)
            if time is not None:
                out.append(Passage(metres, time))
    return tuple(out)
