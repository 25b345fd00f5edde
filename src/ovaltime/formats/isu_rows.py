"""Rows of an ISU results text: ``POS NAME AG NAT TIME DIFF RECORD`` in fixed-width columns.

Each block has its own header line, and the columns sit where that header puts its words, so
the header is read first (``Columns.from_header``). A row is cut at those positions; where that
does not give sound fields (a name longer than its column pushes the rest to the right), the row
is read by its tokens instead: the name runs up to the age group that precedes a three-letter
nation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ovaltime.core.results import Skater
from ovaltime.core.states import Status
from ovaltime.core.times import InvalidTime, Time
from ovaltime.formats.problems import Problem

__all__ = [
    "COLUMN_NAMES",
    "KNOWN_RECORDS",
    "Columns",
    "IsuRow",
    "RawRow",
    "parse_row",
    "split_row",
]

COLUMN_NAMES = ("POS", "NAME", "AG", "NAT", "TIME", "DIFF", "RECORD")
KNOWN_RECORDS = frozenset({"WR", "OR", "TR", "NR", "WRJ", "NRJ", "TRJ", "PB", "SB"})
_STATUSES = frozenset(s.value for s in Status if s is not Status.OK)

_WORD = re.compile(r"\S+")
_POS = re.compile(r"^(?:\d{1,4}|DQ|DNF|DNS|WDR)?$")
_NATION = re.compile(r"^[A-Z]{3}$")
_TIME = re.compile(r"^\S*$")
_DIFF = re.compile(r"^(?:[+-][\d:.,]+)?$")
_RECORDS = re.compile(r"^(?:[A-Z]{2,4}(?:\s*,\s*[A-Z]{2,4})*)?$")
_TOKENS = re.compile(
    r"^(?P<pos>\d{1,4}|DQ|DNF|DNS|WDR)?\s+(?P<name>\S.*?)\s+(?P<ag>\S+)\s+(?P<nat>[A-Z]{3})"
    r"(?:\s+(?P<time>\S+))(?:\s+(?P<diff>[+-][\d:.,]+))?"
    r"(?:\s+(?P<records>[A-Z]{2,4}(?:\s*,\s*[A-Z]{2,4})*))?\s*$"
)


@dataclass(frozen=True, slots=True)
class Columns:
    """Start of each column, in the order of ``COLUMN_NAMES``, as one block's header puts them."""

    starts: tuple[int, ...]

    @classmethod
    def from_header(cls, line: str) -> Columns | None:
        """The columns of a header line, or None when ``line`` is not one."""
        words = [(m.group(), m.start()) for m in _WORD.finditer(line)]
        if tuple(w for w, _ in words) != COLUMN_NAMES:
            return None
        return cls(tuple(start for _, start in words))


@dataclass(frozen=True, slots=True)
class RawRow:
    """The text of each field of one row, stripped."""

    pos: str
    name: str
    age_group: str
    nation: str
    time: str
    diff: str
    records: str


@dataclass(frozen=True, slots=True)
class IsuRow:
    """One row read: ``rank`` is the POS number (None when empty or a status); ``time`` has the
    printed hundredths; ``diff`` is the signed gap to the winner in thousandths."""

    line: int
    skater: Skater
    pos: str
    rank: int | None
    status: Status
    time: Time | None
    time_text: str
    diff: int | None
    diff_text: str
    records: tuple[str, ...]


def split_row(text: str, columns: Columns | None) -> RawRow | None:
    """Cut a row into fields: at the header's columns, else by tokens; None when neither fits."""
    if columns is not None:
        raw = _by_columns(text, columns)
        if raw is not None:
            return raw
    match = _TOKENS.match(text.rstrip())
    if match is None:
        return None
    return RawRow(
        pos=match["pos"] or "",
        name=match["name"],
        age_group=match["ag"],
        nation=match["nat"],
        time=match["time"],
        diff=match["diff"] or "",
        records=match["records"] or "",
    )


def _by_columns(text: str, columns: Columns) -> RawRow | None:
    starts = columns.starts
    for start in starts[1:]:
        # A word straddling a column start means the row does not follow the header.
        if 0 < start < len(text) and not text[start - 1].isspace() and not text[start].isspace():
            return None
    bounds = [*starts, len(text)]
    fields = [text[bounds[i] : bounds[i + 1]].strip() for i in range(len(starts))]
    raw = RawRow(*fields)
    sound = (
        _POS.match(raw.pos)
        and raw.name
        and " " not in raw.age_group
        and _NATION.match(raw.nation)
        and _TIME.match(raw.time)
        and _DIFF.match(raw.diff)
        and _RECORDS.match(raw.records)
    )
    return raw if sound else None


def parse_row(raw: RawRow, line: int, source: str) -> tuple[IsuRow | None, list[Problem]]:
    """Read the fields of a row; a row that cannot be imported is None with its problem.

    A status may stand in POS, in TIME, or both; ``-`` in TIME is no time. A row with neither a
    time nor a status is imported as ``DNF`` and reported. A DIFF that cannot be read is
    dropped (the row keeps its TIME) and reported.
    """
    problems: list[Problem] = []

    def report(message: str, field: str) -> None:
        problems.append(Problem(source, line, message, field))

    status = Status.OK
    rank: int | None = None
    if raw.pos in _STATUSES:
        status = Status(raw.pos)
    elif raw.pos:
        rank = int(raw.pos)
    time: Time | None = None
    if raw.time in _STATUSES:
        time_status = Status(raw.time)
        if status is not Status.OK and status is not time_status:
            report(f"POS says {raw.pos}, TIME says {raw.time}; kept {raw.pos}", "TIME")
        else:
            status = time_status
    elif raw.time != "-":
        try:
            time = Time.parse(raw.time)
        except InvalidTime as error:
            report(f"{error}; row skipped", "TIME")
            return None, problems
    if status is Status.OK and time is None:
        report("neither a time nor a status; imported as DNF", "TIME")
        status = Status.DNF
    diff = _diff(raw.diff, report) if time is not None else None
    records = tuple(flag.strip() for flag in raw.records.split(",") if flag.strip())
    for flag in records:
        if flag not in KNOWN_RECORDS:
            report(f"unknown record flag {flag!r} (kept)", "RECORD")
    skater = Skater(raw.name, raw.nation, raw.age_group)
    row = IsuRow(
        line=line,
        skater=skater,
        pos=raw.pos,
        rank=rank,
        status=status,
        time=time,
        time_text=raw.time,
        diff=diff,
        diff_text=raw.diff,
        records=records,
    )
    return row, problems


def _diff(text: str, report: Callable[[str, str], None]) -> int | None:
    if not text:
        return None
    try:
        gap = Time.parse(text[1:]).thousandths
    except InvalidTime as error:
        report(f"{error}; gap ignored", "DIFF")
        return None
    return -gap if text.startswith("-") else gap
