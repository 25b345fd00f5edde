"""Qualification for the final distance of an allround combination: the two-list rule.

RULES §3 [V]: list A is the classification after the races before the final, list B the
ranking of the longest distance skated so far. Everyone in the top N of both lists qualifies;
the remaining places go, one by one, to the candidate with the better rank number on either
list, list A winning on equal rank numbers. The others are not qualified (NQ).

Two cases the rules leave open [U], decided here and pinned by tests:

* Two candidates with the same best rank number on the same list (a shared rank): the better
  rank on the other list goes first; if that is equal too, the tie is not broken and, where
  they compete for the last place, both qualify (the final grows by one).
* Equal ranks inside the top N (a shared 8th place on both lists) all qualify, even if that
  makes more than N.

This module works on rank numbers only; ``classification`` builds the two lists from races.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.results import Skater

__all__ = ["Qualification", "Qualifier", "two_list_qualification"]

_NO_RANK = 1 << 30


@dataclass(frozen=True, slots=True)
class Qualifier:
    """One candidate: their rank numbers on both lists, the outcome and why, in words."""

    skater: Skater
    rank_a: int
    rank_b: int | None
    qualified: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Qualification:
    """The outcome of the two-list rule.

    ``qualified`` is in the order the places were given: first everyone in the top ``size`` of
    both lists (by list A rank), then the remaining places in turn. ``not_qualified`` is
    ordered by the same key the places were given by.
    """

    size: int
    qualified: tuple[Qualifier, ...]
    not_qualified: tuple[Qualifier, ...]

    def is_qualified(self, skater: Skater) -> bool:
        """Whether ``skater`` has a place in the final (matched by ``Skater.key``)."""
        return any(q.skater.key == skater.key for q in self.qualified)

    def entry(self, skater: Skater) -> Qualifier | None:
        """The candidate entry of ``skater``, or ``None`` when they were no candidate."""
        for q in (*self.qualified, *self.not_qualified):
            if q.skater.key == skater.key:
                return q
        return None


def two_list_qualification(
    list_a: Sequence[tuple[Skater, int]],
    list_b: Sequence[tuple[Skater, int]],
    size: int,
) -> Qualification:
    """Apply the two-list rule to (skater, rank) pairs and give the final field of ``size``.

    Only skaters on ``list_a`` are candidates (list A holds the classified skaters); list B
    entries of other skaters only matter through the rank numbers they take. A candidate
    missing from list B has no rank there.
    """
    if size < 1:
        raise ValueError("the qualification size must be at least 1")
    ranks_b = {skater.key: rank for skater, rank in list_b}
    candidates = [(skater, rank_a, ranks_b.get(skater.key)) for skater, rank_a in list_a]

    def in_both(c: tuple[Skater, int, int | None]) -> bool:
        return c[1] <= size and c[2] is not None and c[2] <= size

    both = sorted((c for c in candidates if in_both(c)), key=lambda c: (c[1], _b(c[2]), c[0].key))
    qualified = [Qualifier(s, a, b, True, f"top {size} in both lists") for s, a, b in both]

    rest = sorted((c for c in candidates if not in_both(c)), key=_place_key)
    not_qualified: list[Qualifier] = []
    last_key: tuple[int, int, int] | None = None
    for skater, rank_a, rank_b in rest:
        key = _place_key((skater, rank_a, rank_b))[:3]
        if len(qualified) < size or key == last_key:
            reason = _best_reason(rank_a, rank_b)
            if len(qualified) >= size:
                reason += ", tied for the last place"
            qualified.append(Qualifier(skater, rank_a, rank_b, True, reason))
            last_key = key
        else:
            not_qualified.append(
                Qualifier(skater, rank_a, rank_b, False, _ranks_text(rank_a, rank_b))
            )
    return Qualification(size, tuple(qualified), tuple(not_qualified))


def _b(rank_b: int | None) -> int:
    return _NO_RANK if rank_b is None else rank_b


def _place_key(c: tuple[Skater, int, int | None]) -> tuple[int, int, int, tuple[str, str]]:
    """Order of the remaining places: best rank number, list A before B, the other rank."""
    _, rank_a, rank_b = c
    if rank_a <= _b(rank_b):
        return (rank_a, 0, _b(rank_b), c[0].key)
    return (_b(rank_b), 1, rank_a, c[0].key)


def _best_reason(rank_a: int, rank_b: int | None) -> str:
    if rank_b is None or rank_a <= rank_b:
        return f"rank {rank_a} on list A"
    return f"rank {rank_b} on list B"


def _ranks_text(rank_a: int, rank_b: int | None) -> str:
    b = "no rank on list B" if rank_b is None else f"rank {rank_b} on list B"
    return f"rank {rank_a} on list A, {b}"
