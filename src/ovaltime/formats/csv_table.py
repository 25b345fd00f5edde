"""A CSV file as a header and numbered rows, read as spreadsheets write them.

Tolerates what spreadsheet programs produce: a byte-order mark, ``;`` instead of ``,`` (sniffed
from the header line; a tab works too), column names in any case with spaces around them, blank
lines, short rows and empty trailing columns. Each row keeps the physical line it starts on, so
problems can name it. A file without a header, or with a column named twice, is a
``FormatError``; everything else is left to the reader that knows what the columns mean.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from ovaltime.core.distances import check_distance
from ovaltime.formats.problems import FormatError, Problem

__all__ = [
    "Row",
    "Table",
    "normalise_column",
    "parse_distance",
    "read_table",
    "reporter",
    "require",
    "write_rows",
]

_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class Row:
    """One record: the line it starts on, its cells by column name (stripped, ``""`` when
    missing), and whether it holds values beyond the named columns."""

    line: int
    cells: dict[str, str]
    overflow: bool = False

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]
    header_line: int = 1


def normalise_column(name: str) -> str:
    """``" Age Group "`` -> ``age_group``: case-insensitive, spaces around ignored."""
    return "_".join(name.strip().lower().split())


def read_table(text: str, source: str, rename: Callable[[str], str] = normalise_column) -> Table:
    """Split ``text`` into a header and rows; ``rename`` maps each header cell to a column name.

    A ``csv`` failure midway (a field beyond the size limit) is a problem on its line, and the
    rows before it are kept.
    """
    text = text.removeprefix("\ufeff")
    delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    header: list[str] | None = None
    rows: list[Row] = []
    line = header_line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header, header_line = _header(record, source, start, rename), start
                continue
            rows.append(_row(header, record, start))
    except csv.Error as exc:
        problems.append(Problem(source, line, f"unreadable CSV, rest of the file skipped: {exc}"))
    if header is None:
        raise FormatError(problems or [Problem(source, 0, "empty file: no header row")])
    return Table(tuple(c for c in header if c), tuple(rows), tuple(problems), header_line)


def _sniff(text: str) -> str:
    """The delimiter used most in the first non-blank line (``,`` when none is used)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(record: list[str], source: str, line: int, rename: Callable[[str], str]) -> list[str]:
    names = [rename(cell) for cell in record]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise FormatError([Problem(source, line, "column named twice", name)])
        seen.add(name)
    return names


def _row(header: list[str], record: list[str], line: int) -> Row:
    cells: dict[str, str] = {}
    overflow = False
    for index, cell in enumerate(record):
        value = cell.strip()
        name = header[index] if index < len(header) else ""
        if name:
            cells[name] = value
        elif value:
            overflow = True
    return Row(line, cells, overflow)


# -- helpers shared with the classification file --------------------------------------------------
def require(table: Table, source: str, *groups: tuple[str, ...]) -> None:
    """Each group needs one of its columns; a ``FormatError`` names every group missing."""
    missing = [group for group in groups if not set(group) & set(table.columns)]
    if missing:
        raise FormatError(
            [
                Problem(
                    source, table.header_line, f"required column {group[0]!r} missing", group[0]
                )
                for group in missing
            ]
        )


def write_rows(columns: list[str], rows: list[dict[str, str]]) -> str:
    """CSV text with a header of ``columns``; cells missing from a row are written empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([row.get(c, "") for c in columns] for row in rows)
    return out.getvalue()


def parse_distance(text: str) -> int:
    """``500``, ``500m`` or ``500 m`` -> 500; raises ``ValueError`` for anything else."""
    value = text.strip().lower().removesuffix("m").strip()
    if not value.isascii() or not value.isdigit():
        raise ValueError(f"distance {text!r} is not a number of metres")
    return check_distance(int(value))


def reporter(problems: list[Problem], source: str, line: int) -> Callable[[str, str], None]:
    """A function that adds a problem of ``line`` with its field and message to ``problems``."""

    def report(field: str, message: str) -> None:
        problems.append(Problem(source, line, message, field))

    return report
