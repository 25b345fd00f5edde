"""One mass start as CSV: a row per skater with finishing place, laps and sprint places.

Columns (header row required; names case-insensitive, spaces around ignored; ``,``, ``;`` or
tab)::

    skater,nation,finish,time,laps,status,sprint1,sprint2,sprint3

``skater`` (or ``name``), ``time`` or ``status``, and ``finish`` are required; the result
columns (``nation``, ``time``, ``status``, ``infraction``, ``records``, ``rank`` ...) read as in
the race CSV (``csv_results``). Mass start columns:

``finish``
    the finishing place (1, 2, 3 ...) of a skater who completed all laps; empty otherwise.
``laps``
    laps completed (0 and up); empty for a finisher, who completed them all.
``sprint1``, ``sprint2`` ... (also ``sprint 1``)
    the skater's place in that intermediate sprint; empty for no place. As many columns as the
    format has intermediate sprints; a column beyond them is reported and ignored.
``struck``
    ``yes``/``y``/``true``/``1``/``x`` where the referee struck the skater's points; ``no`` or
    empty otherwise.
``gender``
    ``women``/``men``/``mixed``: the race's gender comes from the ``gender`` argument, else the
    first cell that reads, else mixed; a row of another gender is reported and skipped.

Reading is lenient, like the race CSV: every bad field is reported with its line, and the row
skipped; so is a second row of the same skater, a finishing place or sprint place already
taken, and a sprint place for a skater who did not start (the checks of
``ovaltime.core.mass_start_checks``). The race has kind ``MASS_START`` and the format's laps
of 400 m as its distance (16 laps, 6400 m, where no format is given).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ovaltime.core.distances import LAP_METRES
from ovaltime.core.mass_start import MassStartEntry
from ovaltime.core.mass_start_checks import MassStartChecker, sprint_field
from ovaltime.core.results import Race
from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Gender, RaceKind
from ovaltime.formats.csv_results import RESULT_COLUMNS, Report, parse_result
from ovaltime.formats.csv_table import Row, Table, read_table, reporter, require
from ovaltime.formats.problems import FormatError, Problem
from ovaltime.formats.textfile import read_text

__all__ = [
    "MASS_START_COLUMNS",
    "MassStartImport",
    "read_mass_start_csv",
    "read_mass_start_csv_file",
]

MASS_START_COLUMNS = ("finish", "laps", "struck")
"""The columns a mass start file adds to the result columns, besides ``sprint1`` ..."""

DEFAULT_LAPS = 16

_SPRINT = re.compile(r"^sprint_?(\d+)$")
_YES = {"1", "true", "yes", "y", "x"}
_NO = {"", "0", "false", "no", "n"}


@dataclass(frozen=True, slots=True)
class MassStartImport:
    """What a mass start file gave: the race, an entry per result (bad rows left out, in file
    order, ``entries[i].result is race.results[i]``) and every problem met."""

    race: Race
    entries: tuple[MassStartEntry, ...]
    problems: tuple[Problem, ...] = ()

    def strict(self) -> tuple[MassStartEntry, ...]:
        """The entries, or ``FormatError`` listing the problems where there were any."""
        if self.problems:
            raise FormatError(list(self.problems))
        return self.entries


def read_mass_start_csv(
    text: str,
    source: str = "<csv>",
    *,
    fmt: MassStartFormat | None = None,
    gender: Gender | None = None,
) -> MassStartImport:
    """Read one mass start from CSV ``text``; ``source`` names the file in problems. With
    ``fmt`` the laps and sprint places are checked against it."""
    table = read_table(text, source)
    problems = list(table.problems)
    require(table, source, ("skater", "name"), ("time", "status"), ("finish",))
    sprints = _sprint_columns(table, source, fmt, problems)
    sex = _gender(table, gender)
    checker = MassStartChecker(fmt)
    entries: list[MassStartEntry] = []
    for row in table.rows:
        report = reporter(problems, source, row.line)
        before = len(problems)
        if row.overflow:
            report("", "more cells than columns: row skipped")
            continue
        _same_gender(row, sex, report)
        entry = _entry(row, sprints, report)
        if entry is None or len(problems) > before:
            continue
        label = f"line {row.line}"
        found = checker.admit(
            entry.result, finish=entry.finish, laps=entry.laps, sprints=entry.sprints, label=label
        )
        for field, message in found:
            report(field, message)
        if not found:
            entries.append(entry)
    laps = fmt.laps if fmt is not None else DEFAULT_LAPS
    race = Race(
        laps * LAP_METRES,
        sex,
        tuple(e.result for e in entries),
        kind=RaceKind.MASS_START,
    )
    return MassStartImport(race, tuple(entries), tuple(problems))


def read_mass_start_csv_file(
    path: str | Path, *, fmt: MassStartFormat | None = None, gender: Gender | None = None
) -> MassStartImport:
    """Read a mass start CSV file (UTF-8, a byte-order mark allowed); its path is the source."""
    return read_mass_start_csv(read_text(path), str(path), fmt=fmt, gender=gender)


def _sprint_columns(
    table: Table, source: str, fmt: MassStartFormat | None, problems: list[Problem]
) -> dict[int, str]:
    """Sprint number -> column; other unknown columns are reported once and ignored."""
    known = {*RESULT_COLUMNS, *MASS_START_COLUMNS, "name", "gender"}
    found: dict[int, str] = {}
    for column in table.columns:
        if column in known:
            continue
        match = _SPRINT.match(column)
        number = int(match[1]) if match else 0
        if match and number >= 1 and (fmt is None or number <= fmt.sprints):
            if number in found:
                why = f"sprint {number} is already in column {found[number]!r}: ignored"
                problems.append(Problem(source, table.header_line, why, column))
            else:
                found[number] = column
            continue
        why = "unknown column: ignored"
        if match and fmt is not None and number:
            why = f"the race has {fmt.sprints} intermediate sprints: ignored"
        problems.append(Problem(source, table.header_line, why, column))
    return found


def _entry(row: Row, sprints: dict[int, str], report: Report) -> MassStartEntry | None:
    """The entry of ``row``, or ``None`` after reporting every bad field of it."""
    result = parse_result(row, report)
    finish = _whole(row.get("finish"), "finish", 1, report)
    laps = _whole(row.get("laps"), "laps", 0, report)
    count = max(sprints, default=0)
    places = tuple(
        _whole(row.get(sprints[n]), sprint_field(n), 1, report) if n in sprints else None
        for n in range(1, count + 1)
    )
    struck = row.get("struck").lower()
    if struck not in _YES | _NO:
        report("struck", f"{row.get('struck')!r} is not yes or no")
    while places and places[-1] is None:
        places = places[:-1]
    if result is None:
        return None
    return MassStartEntry(result, finish, laps, places, struck in _YES)


def _whole(text: str, field: str, minimum: int, report: Report) -> int | None:
    """A whole number of at least ``minimum`` in ``text``; ``None`` for an empty cell, or after
    reporting why it is not one."""
    if not text:
        return None
    value = text.removesuffix(".")
    if not value.isascii() or not value.isdigit() or int(value) < minimum:
        report(field, f"{text!r} is not a whole number from {minimum}")
        return None
    return int(value)


def _gender(table: Table, given: Gender | None) -> Gender:
    """``given``, else the first ``gender`` cell that reads, else mixed."""
    if given is not None:
        return given
    for row in table.rows:
        try:
            return Gender.parse(row.get("gender"))
        except ValueError:
            continue
    return Gender.MIXED


def _same_gender(row: Row, expected: Gender, report: Report) -> None:
    text = row.get("gender")
    if not text:
        return
    try:
        value = Gender.parse(text)
    except ValueError as exc:
        report("gender", str(exc))
        return
    if value is not expected:
        report("gender", f"{text!r} differs from the race's gender ({expected.value}): row skipped")
