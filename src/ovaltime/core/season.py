"""Season rules as plain values: points tables, cups, the mass start format (RULES §4-§6).

Rules are data (DESIGN.md): the values here are built by ``ovaltime.rules`` from a season file;
the core only reads them. Nothing in this module knows any season's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction

from ovaltime.core.states import Gender, RaceKind

__all__ = [
    "Cup",
    "MassStartFormat",
    "PointsTable",
    "Rounding",
    "SeasonRules",
    "TableRule",
]


@dataclass(frozen=True, slots=True)
class PointsTable:
    """Points by rank: ``points[0]`` for the winner; ranks past the end score 0."""

    points: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.points:
            raise ValueError("a points table needs at least one value")
        if any(p < 0 for p in self.points):
            raise ValueError("points cannot be negative")
        if any(a < b for a, b in zip(self.points, self.points[1:], strict=False)):
            raise ValueError("points must not rise with the rank")

    def for_rank(self, rank: int) -> int:
        """The points of ``rank`` (1-based); 0 beyond the table."""
        if rank < 1:
            raise ValueError(f"rank {rank} is not a rank")
        return self.points[rank - 1] if rank <= len(self.points) else 0


@dataclass(frozen=True, slots=True)
class TableRule:
    """Which races a points table applies to. Empty selectors match everything.

    The most specific rule wins: one naming distances beats one that does not, one naming a
    gender beats one that does not (see ``SeasonRules.table_for``).
    """

    table: PointsTable
    division: str = "A"
    kind: RaceKind = RaceKind.INDIVIDUAL
    genders: tuple[Gender, ...] = ()
    distances: tuple[int, ...] = ()

    def matches(self, division: str, kind: RaceKind, gender: Gender, distance: int) -> bool:
        return (
            self.division == division
            and self.kind is kind
            and (not self.genders or gender in self.genders)
            and (not self.distances or distance in self.distances)
        )

    @property
    def specificity(self) -> tuple[int, int]:
        return (1 if self.distances else 0, 1 if self.genders else 0)


@dataclass(frozen=True, slots=True)
class Cup:
    """One World Cup standing: a gender and the races that count for it.

    ``name`` is what the standings call it: ``"500"``, ``"3000/5000"``, ``"mass start"``,
    ``"team pursuit"``. ``distances`` is empty for a cup defined by its race kind alone.
    """

    name: str
    gender: Gender
    kind: RaceKind = RaceKind.INDIVIDUAL
    distances: tuple[int, ...] = ()

    def counts(self, kind: RaceKind, gender: Gender, distance: int) -> bool:
        """Whether a race of this kind, gender and distance scores in this cup."""
        return (
            self.gender is gender
            and self.kind is kind
            and (not self.distances or distance in self.distances)
        )


class Rounding(Enum):
    """How a multiplied score becomes whole points."""

    DOWN = "down"
    HALF_UP = "half up"
    UP = "up"

    def apply(self, value: Fraction) -> int:
        if self is Rounding.DOWN:
            return int(value // 1)
        if self is Rounding.UP:
            return -int(-value // 1)
        return int((value + Fraction(1, 2)) // 1)


@dataclass(frozen=True, slots=True)
class MassStartFormat:
    """Laps, the laps that end an intermediate sprint, and the points of each sprint (RULES §5).

    ``intermediate_points`` are for places 1, 2, 3 ... of each intermediate sprint;
    ``final_points`` for the finishing order at the final sprint.
    """

    laps: int
    sprint_laps: tuple[int, ...]
    intermediate_points: tuple[int, ...]
    final_points: tuple[int, ...]

    def __post_init__(self) -> None:
        if any(not 0 < lap < self.laps for lap in self.sprint_laps):
            raise ValueError(f"sprint laps {self.sprint_laps} must lie inside 1-{self.laps - 1}")
        if list(self.sprint_laps) != sorted(set(self.sprint_laps)):
            raise ValueError("sprint laps must increase")

    @property
    def sprints(self) -> int:
        return len(self.sprint_laps)


@dataclass(frozen=True, slots=True)
class SeasonRules:
    """Everything that changes from season to season.

    ``final_multiplier`` scales the points of the season's final meeting, made whole by
    ``final_rounding``. ``verified`` and ``unverified`` say, in words, which values rest on
    official sheets and which are assumptions (RULES.md tags [V]/[S]/[U]).
    """

    season: str
    tables: tuple[TableRule, ...]
    cups: tuple[Cup, ...]
    mass_start: MassStartFormat
    final_multiplier: Fraction = Fraction(1)
    final_rounding: Rounding = Rounding.DOWN
    final_distance_size: int = 8
    verified: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    source: str = field(default="", compare=False)

    def table_for(
        self, division: str, kind: RaceKind, gender: Gender, distance: int
    ) -> PointsTable | None:
        """The points table of a race, or ``None`` when the season scores no such race."""
        best: TableRule | None = None
        for rule in self.tables:
            if rule.matches(division or "A", kind, gender, distance) and (
                best is None or rule.specificity > best.specificity
            ):
                best = rule
        return best.table if best else None

    def cup_of(self, kind: RaceKind, gender: Gender, distance: int) -> Cup | None:
        """The cup a race scores in, or ``None``."""
        return next((c for c in self.cups if c.counts(kind, gender, distance)), None)

    def final_points(self, points: int) -> int:
        """Points at the final meeting: multiplied and rounded by the season's rule."""
        return self.final_rounding.apply(self.final_multiplier * points)
