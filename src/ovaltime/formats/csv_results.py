"""One CSV row as one ``Result``: the result columns shared by the race and classification files.

Columns (names case-insensitive, spaces around ignored; see ``race_csv`` for the file):

``skater`` (or ``name``)
    required, the skater's name.
``nation``, ``age_group``
    optional text.
``time``
    any notation ``Time.parse`` accepts (``36.97``, ``1:07.01``, ``0:41.8``, ``1.15,70``,
    ``37.342``) and the result-list bracket ``37.34(2)``; a status word in this column
    (``DNF``, ``DQ T07``) is read as the status.
``status``
    empty or ``OK``, ``DNS``, ``DNF``, ``DQ``, ``WDR``; a DQ may carry its code: ``DQ T07``.
``infraction``
    the code of a DQ (``T07``), instead of putting it after ``DQ``.
``pair``, ``lane``
    pair number from 1; lane ``inner``/``i``/``white`` or ``outer``/``o``/``red``.
``fell``
    ``yes``/``y``/``true``/``1``/``x``/``F`` for a fall; ``no``/``n``/``false``/``0`` or empty.
``records``
    record flags separated by spaces, commas or slashes: ``TR PB``.
``rank``
    the rank the source printed (kept as ``published_rank``, never used to rank).

Passage columns (race files only) are handled by the caller and passed in as ``passages``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ovaltime.core.distances import Passage
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Lane, Status
from ovaltime.core.times import InvalidTime, Time
from ovaltime.formats.csv_table import Row
from ovaltime.formats.timetext import format_exact, parse_exact

__all__ = ["RESULT_COLUMNS", "Report", "parse_result", "parse_time", "result_cells"]

RESULT_COLUMNS = (
    "skater",
    "nation",
    "age_group",
    "pair",
    "lane",
    "time",
    "status",
    "infraction",
    "fell",
    "records",
    "rank",
)

Report = Callable[[str, str], None]
"""Records a problem of the current row: (field, message)."""

_YES = {"1", "true", "yes", "y", "x", "f", "fell"}
_NO = {"", "0", "false", "no", "n"}
_STATUS_WORDS = {s.value for s in Status if s is not Status.OK}
_SPLIT = re.compile(r"[\s():,/;+]+")


def parse_result(row: Row, report: Report, passages: tuple[Passage, ...] = ()) -> Result | None:
    """The result of ``row``, or ``None`` after reporting every bad field of it."""
    counter = _Counter(report)
    report = counter
    name = row.get("skater") or row.get("name")
    if not name:
        report("skater", "the skater's name is missing")
    time, status, infraction = _time_and_status(row, report)
    pair = _positive(row.get("pair"), "pair", report)
    rank = _positive(row.get("rank"), "rank", report)
    lane = None
    if row.get("lane"):
        try:
            lane = Lane.parse(row.get("lane"))
        except ValueError as exc:
            report("lane", str(exc))
    fell = row.get("fell").lower()
    if fell not in _YES | _NO:
        report("fell", f"{row.get('fell')!r} is not yes or no")
    if counter.count:
        return None
    try:
        return Result(
            skater=Skater(name, row.get("nation"), row.get("age_group")),
            time=time,
            status=status,
            infraction=infraction,
            fell=fell in _YES,
            pair=pair,
            lane=lane,
            passages=passages,
            records=tuple(flag for flag in _SPLIT.split(row.get("records")) if flag),
            published_rank=rank,
        )
    except ValueError as exc:
        report("time", str(exc).removeprefix(f"{name}: "))
        return None


def result_cells(result: Result) -> dict[str, str]:
    """The cells of ``result`` under the names of ``RESULT_COLUMNS`` (``skater`` for the name)."""
    return {
        "skater": result.skater.name,
        "nation": result.skater.nation,
        "age_group": result.skater.age_group,
        "pair": str(result.pair) if result.pair is not None else "",
        "lane": result.lane.value if result.lane else "",
        "time": format_exact(result.time) if result.time else "",
        "status": "" if result.status is Status.OK else result.status.value,
        "infraction": result.infraction,
        "fell": "yes" if result.fell else "",
        "records": " ".join(result.records),
        "rank": str(result.published_rank) if result.published_rank is not None else "",
    }


def parse_time(text: str, field: str, report: Report) -> Time | None:
    """The time in ``text``, or ``None`` after reporting why it is not one."""
    try:
        return parse_exact(text)
    except InvalidTime as exc:
        report(field, str(exc))
        return None


def _time_and_status(row: Row, report: Report) -> tuple[Time | None, Status, str]:
    """Time, status and infraction from ``time``, ``status`` and ``infraction`` together."""
    time_text, status_text = row.get("time"), row.get("status")
    if _SPLIT.split(time_text.upper())[0] in _STATUS_WORDS:
        if status_text and status_text.upper() != time_text.upper():
            report("time", f"status {time_text!r} here and {status_text!r} under status")
        time_text, status_text = "", time_text
    words = [w for w in _SPLIT.split(status_text) if w]
    status = Status.OK
    try:
        status = Status.parse(words[0] if words else "")
    except ValueError as exc:
        report("status", str(exc))
    code = " ".join(words[1:])
    infraction = row.get("infraction")
    if code and status is not Status.DQ:
        report("status", f"only a DQ carries an infraction code, not {status_text!r}")
    elif code and infraction and code != infraction:
        report("infraction", f"{infraction!r} differs from the code {code!r} under status")
    elif infraction and status is not Status.DQ:
        report("infraction", f"an infraction code ({infraction}) goes with DQ only")
    infraction = infraction or code
    time = parse_time(time_text, "time", report) if time_text else None
    if not time_text and not status_text:
        report("time", "neither a time nor a status")
    return time, status, infraction


def _positive(text: str, field: str, report: Report) -> int | None:
    if not text:
        return None
    value = text.removesuffix(".")
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        report(field, f"{text!r} is not a whole number from 1")
        return None
    return int(value)


class _Counter:
    """Passes problems on and counts them, so the caller knows whether the row was bad."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.count = 0

    def __call__(self, field: str, message: str) -> None:
        self.count += 1
        self.report(field, message)
