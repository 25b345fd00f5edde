"""Distances, split points, passages and lap times (RULES §2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ovaltime.core.times import Time

__all__ = [
    "LAP_METRES",
    "STANDARD_DISTANCES",
    "InvalidPassages",
    "Passage",
    "check_distance",
    "lap_times",
    "laps",
    "split_points",
    "validate_passages",
]

LAP_METRES = 400
STANDARD_DISTANCES = (100, 300, 500, 700, 1000, 1500, 3000, 5000, 10000)


def check_distance(metres: int) -> int:
    """Return ``metres`` if it is a distance a 400 m oval can host (100-10000 m), else raise."""
    if not isinstance(metres, int) or isinstance(metres, bool) or not 100 <= metres <= 10000:
        raise ValueError(f"distance {metres!r} m is outside 100-10000 m")
    if metres % 100:
        raise ValueError(f"distance {metres} m is not a whole number of 100 m")
    return metres


def laps(metres: int) -> Fraction:
    """Laps of a 400 m track: 500 m -> 5/4, 10000 m -> 25."""
    return Fraction(check_distance(metres), LAP_METRES)


def split_points(metres: int) -> tuple[int, ...]:
    """Where passages are timed: the first split, then every full lap to the finish.

    The first split is the part-lap before the first whole lap (500 m: 100; 1500 m: 300), or
    200 m where the distance is whole laps plus 200 (1000, 3000, 5000 m), or 400 m for whole
    laps (10000 m). 500 m -> (100, 500); 1000 m -> (200, 600, 1000); 10000 m -> (400, ..., 10000).
    """
    check_distance(metres)
    first = metres % LAP_METRES or LAP_METRES
    return tuple(range(first, metres + 1, LAP_METRES))


@dataclass(frozen=True, slots=True)
class Passage:
    """The time at which a skater passed a split point."""

    metres: int
    time: Time


class InvalidPassages(ValueError):
    """Passages that cannot belong to one race of one skater; lists every problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def validate_passages(
    metres: int, passages: Sequence[Passage], final: Time | None = None
) -> list[str]:
    """Every problem with a skater's passages on ``metres``; empty when they are sound.

    Passages must lie on the distance's split points, strictly increase in distance and time,
    and the passage at the finish, where given, must equal the final time (on hundredths);
    a final time must be later than every passage before the finish.
    """
    problems: list[str] = []
    points = set(split_points(metres))
    previous: Passage | None = None
    for passage in passages:
        if passage.metres not in points:
            problems.append(f"{passage.metres} m is not a split point of the {metres} m")
        if previous is not None:
            if passage.metres <= previous.metres:
                problems.append(
                    f"passage at {passage.metres} m does not follow {previous.metres} m"
                )
            elif passage.time <= previous.time:
                problems.append(
                    f"passage at {passage.metres} m ({passage.time}) is not later than "
                    f"at {previous.metres} m ({previous.time})"
                )
        previous = passage
    finish = previous if previous is not None and previous.metres == metres else None
    if final is not None and finish is not None and finish.time.hundredths != final.hundredths:
        problems.append(f"passage at the finish ({finish.time}) differs from the time {final}")
    before = [p for p in passages if p.metres < metres]
    if final is not None and before and final <= before[-1].time:
        last = before[-1]
        problems.append(
            f"the time {final} is not later than the passage at {last.metres} m ({last.time})"
        )
    return problems


def lap_times(passages: Sequence[Passage]) -> list[tuple[int, int]]:
    """(metres, thousandths) of each section between consecutive passages; the first section
    runs from the start. Times are differences of passage times."""
    out: list[tuple[int, int]] = []
    before = 0
    for passage in passages:
        out.append((passage.metres, passage.time.thousandths - before))
        before = passage.time.thousandths
    return out
