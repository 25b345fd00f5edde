"""Thousandths of an ISU results text, rebuilt from the gaps to the winner.

``TIME`` prints hundredths; ``DIFF`` prints the gap to the winner in thousandths (``+0.189``).
Only the winner's own thousandth digit ``d`` is missing. For every skater ``i`` with a gap,
``TIME_i`` is the truncation of ``winner + d + DIFF_i``, so ``d`` must satisfy

    TIME_i * 10 <= winner_hundredths * 10 + d + DIFF_i < TIME_i * 10 + 10.

The smallest digit that satisfies every row is taken (any feasible digit gives the same order
and ties), and each time becomes ``winner + d + DIFF_i``. Where no digit satisfies all rows, the
digit that satisfies most is taken and the rows that disagree keep their printed hundredths with
``thousandths_known`` false, each reported. Only individual races are rebuilt; for a mass start
and team events the printed times stand, and a gap is only checked against its time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.states import Status
from ovaltime.core.times import Time
from ovaltime.formats.isu_rows import IsuRow
from ovaltime.formats.problems import Problem

__all__ = ["Timing", "check_gaps", "lost_thousandths", "rebuild_thousandths"]

_DIGITS = range(10)


@dataclass(frozen=True, slots=True)
class Timing:
    """The time a row is imported with, and whether its thousandth is known."""

    time: Time | None
    known: bool = True


def rebuild_thousandths(rows: Sequence[IsuRow], source: str) -> tuple[list[Timing], list[Problem]]:
    """Full thousandths for the rows of one individual race, in row order (see module doc)."""
    timings = [Timing(row.time) for row in rows]
    problems: list[Problem] = []
    timed = [i for i, row in enumerate(rows) if _timed(row)]
    if not timed:
        return timings, problems
    first = rows[timed[0]]
    base = _hundredths(first) * 10
    if first.diff:
        problems.append(Problem(source, first.line, "the first time has a gap; kept TIME", "DIFF"))
        return timings, problems
    gaps: dict[int, int] = {}
    for i in timed[1:]:
        row = rows[i]
        if row.diff is None and not row.pos and _hundredths(row) * 10 == base:
            gaps[i] = 0  # shares the winner's rank and time
        elif row.diff is None or row.diff < 0:
            what = "no gap" if row.diff is None else f"a negative gap {row.diff_text}"
            message = f"{what} to the winner; kept TIME, thousandth unknown"
            problems.append(Problem(source, row.line, message, "DIFF"))
            timings[i] = Timing(row.time, known=False)
        else:
            gaps[i] = row.diff
    fits = {i: _fitting(rows[i], base, gap) for i, gap in gaps.items()}
    digit = max(_DIGITS, key=lambda d: (sum(d in fit for fit in fits.values()), -d))
    timings[timed[0]] = Timing(Time(base + digit, precision=3))
    for i, gap in gaps.items():
        row = rows[i]
        if digit in fits[i]:
            timings[i] = Timing(Time(base + digit + gap, precision=3))
            continue
        message = (
            f"gap {row.diff_text} does not fit TIME {row.time_text} with the winner's "
            f"thousandth {digit}; kept TIME, thousandth unknown"
        )
        problems.append(Problem(source, row.line, message, "DIFF"))
        timings[i] = Timing(row.time, known=False)
    return timings, problems


def check_gaps(rows: Sequence[IsuRow], source: str) -> list[Problem]:
    """Report each gap that no winner's thousandth can make agree with its row's TIME.

    Used where the printed times stand (mass start, team events): the gap is then ignored. A
    lapped mass start skater's negative gap is fine as long as it agrees with the time.
    """
    timed = [row for row in rows if _timed(row)]
    if not timed:
        return []
    base = _hundredths(timed[0]) * 10
    return [
        Problem(
            source,
            row.line,
            f"gap {row.diff_text} disagrees with TIME {row.time_text}; gap ignored",
            "DIFF",
        )
        for row in timed[1:]
        if row.diff is not None and not _fitting(row, base, row.diff)
    ]


def lost_thousandths(rows: Sequence[IsuRow], ranks: Sequence[int | None]) -> set[int]:
    """Rows whose thousandth the text lost: runs of consecutive timed rows with equal TIME and
    DIFF that nevertheless hold more than one published rank. Returns their indices."""
    lost: set[int] = set()
    run: list[int] = []
    for i, row in enumerate([*rows, None]):
        if (
            row is not None
            and run
            and _timed(row)
            and (row.time_text, row.diff_text) == (rows[run[0]].time_text, rows[run[0]].diff_text)
        ):
            run.append(i)
            continue
        if len({ranks[j] for j in run}) > 1:
            lost.update(run)
        run = [i] if row is not None and _timed(row) else []
    return lost


def _fitting(row: IsuRow, base: int, gap: int) -> set[int]:
    """The winner's thousandth digits for which ``base + d + gap`` truncates to row's TIME."""
    low = _hundredths(row) * 10
    return {d for d in _DIGITS if low <= base + d + gap < low + 10}


def _timed(row: IsuRow) -> bool:
    return row.status is Status.OK and row.time is not None


def _hundredths(row: IsuRow) -> int:
    return row.time.hundredths if row.time is not None else 0
