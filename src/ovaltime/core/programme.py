"""Combinations as data: the programme of an allround or sprint classification (RULES §3).

A combination lists its distances in skating order; a distance may repeat (the sprint skates
500, 1000, 500, 1000). Each race of the programme is a ``RaceSlot`` (distance, number), where
``number`` counts the repeats of that distance and matches ``Race.distance`` / ``Race.number``.

Where a combination ends with a final distance for the best ``qualification_size`` skaters,
the two-list rule picks them: list A is the classification after every race before the final
(the first three in the big and small combination), list B the ranking of ``list_b`` (the
longest distance skated so far: 5000 m in the big, 3000 m in the small combination).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ovaltime.core.distances import check_distance
from ovaltime.core.points import POINT_WEIGHTINGS
from ovaltime.core.states import Gender

__all__ = [
    "BIG",
    "COMBINATIONS",
    "MINI",
    "SMALL",
    "SPRINT",
    "Combination",
    "RaceSlot",
    "combination_from_text",
    "combination_named",
    "standard_combination",
]


@dataclass(frozen=True, order=True, slots=True)
class RaceSlot:
    """One race of a programme: the distance and which race of that distance it is (1, 2...)."""

    distance: int
    number: int = 1

    def __str__(self) -> str:
        return f"{self.distance} m" if self.number == 1 else f"{self.distance} m ({self.number})"


def _slots(distances: Iterable[int]) -> tuple[RaceSlot, ...]:
    seen: dict[int, int] = {}
    out: list[RaceSlot] = []
    for distance in distances:
        seen[distance] = seen.get(distance, 0) + 1
        out.append(RaceSlot(distance, seen[distance]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Combination:
    """A programme of races whose samalog points add up to one classification.

    ``distances``: in skating order, repeats allowed. ``weighting``: metres per point, 500
    (ISU) or 100 (some youth combinations). ``final_distance``: the last distance when only
    the best skaters skate it, else ``None``; it must be the last of ``distances``.
    ``qualification_size``: how many skaters the final takes (8 today, 12 in older
    championships). ``list_b``: the race whose ranking is list B of the qualification (for a
    combination with a final distance; ``None`` otherwise). ``list_b_eligible_only``: list B
    ranks only the skaters eligible on list A (classified after the races before the final),
    so both lists count places among the same field; ``False`` keeps the rank numbers of the
    race's own ranking, where skaters not classified also take places. The rules do not say
    which is meant, so it is a switch [U].

    Build one with ``Combination.custom`` to get ``list_b`` filled in and everything checked;
    ``dataclasses.replace(BIG, qualification_size=12)`` gives the older 12-skater final.
    """

    name: str
    distances: tuple[int, ...]
    weighting: int = 500
    final_distance: int | None = None
    qualification_size: int = 8
    list_b: RaceSlot | None = None
    list_b_eligible_only: bool = True

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not self.name.strip():
            problems.append("a combination needs a name")
        if not self.distances:
            problems.append("a combination needs at least one distance")
        for distance in self.distances:
            try:
                check_distance(distance)
            except ValueError as error:
                problems.append(str(error))
        if self.weighting not in POINT_WEIGHTINGS:
            problems.append(f"weighting {self.weighting!r} m is not 500 or 100")
        if self.qualification_size < 1:
            problems.append("the qualification size must be at least 1")
        if self.final_distance is not None:
            if not self.distances or self.distances[-1] != self.final_distance:
                problems.append(
                    f"the final distance {self.final_distance} m must be the last distance"
                )
            elif len(self.distances) < 2:
                problems.append("a final distance needs races before it")
            if self.list_b is None:
                problems.append("a combination with a final distance needs its list B race")
            elif self.list_b not in self.slots[:-1]:
                problems.append(f"list B race {self.list_b} is not a race before the final")
        elif self.list_b is not None:
            problems.append("list B is only used with a final distance")
        if problems:
            raise ValueError(f"combination {self.name!r}: " + "; ".join(problems))

    @classmethod
    def custom(
        cls,
        distances: Iterable[int],
        *,
        name: str = "custom",
        weighting: int = 500,
        final_distance: int | None = None,
        qualification_size: int = 8,
        list_b: RaceSlot | None = None,
        list_b_eligible_only: bool = True,
    ) -> Combination:
        """A combination of any distances in skating order.

        With a ``final_distance`` and no ``list_b``, list B is the longest distance before
        the final (its last race, should that distance repeat).
        """
        programme = tuple(distances)
        if final_distance is not None and list_b is None and len(programme) > 1:
            before = _slots(programme[:-1])
            longest = max(slot.distance for slot in before)
            list_b = [slot for slot in before if slot.distance == longest][-1]
        return cls(
            name=name,
            distances=programme,
            weighting=weighting,
            final_distance=final_distance,
            qualification_size=qualification_size,
            list_b=list_b,
            list_b_eligible_only=list_b_eligible_only,
        )

    @property
    def slots(self) -> tuple[RaceSlot, ...]:
        """The races of the programme in skating order: sprint -> 500 (1), 1000 (1), 500 (2)..."""
        return _slots(self.distances)

    @property
    def final_slot(self) -> RaceSlot | None:
        """The race of the final distance, or ``None`` when every skater skates every race."""
        return self.slots[-1] if self.final_distance is not None else None

    @property
    def list_a_races(self) -> int:
        """How many races list A counts: all before the final (0 without a final distance)."""
        return len(self.distances) - 1 if self.final_distance is not None else 0


BIG = Combination.custom((500, 5000, 1500, 10000), name="big", final_distance=10000)
"""Men's allround ("big combination"): 500, 5000, 1500, 10000; best 8 to the 10000 m."""

SMALL = Combination.custom((500, 3000, 1500, 5000), name="small", final_distance=5000)
"""Women's (and men's small) allround: 500, 3000, 1500, 5000; best 8 to the 5000 m."""

SPRINT = Combination.custom((500, 1000, 500, 1000), name="sprint")
"""Sprint: 500, 1000, 500, 1000 (once inner, once outer lane); no final distance."""

MINI = Combination.custom((500, 1500, 1000, 3000), name="mini")
"""Mini combination (juniors, historic women's): 500, 1500, 1000, 3000; no final distance."""

COMBINATIONS: dict[str, Combination] = {c.name: c for c in (BIG, SMALL, SPRINT, MINI)}


def combination_named(name: str) -> Combination:
    """The predefined combination called ``name`` (case-insensitive): big, small, sprint, mini.

    Raises ``ValueError`` naming the text and listing the known names.
    """
    key = name.strip().casefold()
    if key not in COMBINATIONS:
        known = ", ".join(COMBINATIONS)
        raise ValueError(f"unknown combination {name!r} (known: {known})")
    return COMBINATIONS[key]


#: The standard combinations a gender's races are matched against, the usual one first.
STANDARD_ORDER = {
    Gender.WOMEN: (SMALL, SPRINT, MINI, BIG),
    Gender.MEN: (BIG, SPRINT, SMALL, MINI),
    Gender.MIXED: (BIG, SMALL, SPRINT, MINI),
}


def standard_combination(slots: Iterable[RaceSlot], gender: Gender) -> Combination | None:
    """The first standard combination of ``gender`` (``STANDARD_ORDER``) whose programme holds
    every one of ``slots``; ``None`` when none does."""
    wanted = set(slots)
    return next((c for c in STANDARD_ORDER[gender] if wanted <= set(c.slots)), None)


def combination_from_text(text: str, *, final_size: int = 8, weighting: int = 500) -> Combination:
    """``big``/``small``/``sprint``/``mini``, or distances in skating order (``500,1000,1500``),
    with the final's size and the points weighting. Raises ``ValueError`` saying what is wrong."""
    if any(ch.isdigit() for ch in text):
        try:
            distances: Sequence[int] = [
                int(part) for part in text.replace(" ", "").split(",") if part
            ]
        except ValueError:
            raise ValueError("give a name or distances like 500,1000,1500") from None
        return Combination.custom(
            distances, name=text, weighting=weighting, qualification_size=final_size
        )
    return replace(combination_named(text), qualification_size=final_size, weighting=weighting)
