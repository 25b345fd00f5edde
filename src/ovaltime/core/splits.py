"""Passages compared: with the leader at that moment, with the fastest of the race, as ranks.

A passage time is cumulative from the start (``Passage``). Comparisons are made at the same split
point and in integer thousandths; a gap is negative where the skater is ahead.

* **Leader at that moment.** A skater of pair *p* is compared with the leader before the pair
  started: the best finished result of pairs 1..p-1 (``pairs.leader_before_pair``; on a shared
  lead, the first of them in ranking order). Split points the leader has no passage for are
  left out. A skater still on the ice is no ``Result`` yet (a result needs a time or a status):
  compare their passages with ``split_gaps`` against ``leader_before_pair``.
* **Fastest of the race** and **ranks at a split point** take the passages of ranked results
  only unless ``include_unranked`` is given: a disqualified skater's passages do not count by
  default. Equal passages go to the first in skating order (pair number, then input order) and
  share a rank at the split point.
* **Words.** Gaps are worded on hundredths, truncated as times are (``0.88 ahead``,
  ``0.12 behind``; ``level`` under a hundredth); the last split point before the finish is
  ``with a lap to go``, others ``at 700 m``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ovaltime.core.distances import Passage, split_points
from ovaltime.core.pairs import leader_before_pair
from ovaltime.core.results import Result
from ovaltime.core.times import Time, format_behind

__all__ = [
    "SplitComparison",
    "SplitGap",
    "SplitRank",
    "compare_to_fastest",
    "compare_to_leader",
    "describe_gap",
    "describe_split",
    "fastest_opener",
    "fastest_passages",
    "split_gaps",
    "split_label",
    "split_ranks",
    "split_ranks_of",
]


@dataclass(frozen=True, slots=True)
class SplitGap:
    """A passage (``time`` at ``metres``) against the ``reference`` passage at the same point."""

    metres: int
    time: Time
    reference: Time

    @property
    def gap(self) -> int:
        """Thousandths behind the reference; negative when ahead."""
        return self.time - self.reference

    @property
    def words(self) -> str:
        """``0.88 ahead``, ``0.12 behind`` or ``level``."""
        return describe_gap(self.gap)


@dataclass(frozen=True, slots=True)
class SplitComparison:
    """The passages of ``result`` against those of ``against`` (None: nobody to compare with)."""

    result: Result
    against: Result | None
    gaps: tuple[SplitGap, ...]


@dataclass(frozen=True, slots=True)
class SplitRank:
    """A result's place at one split point: equal passages share ``rank``."""

    result: Result
    time: Time
    rank: int
    tied: bool


def split_gaps(passages: Iterable[Passage], reference: Result) -> tuple[SplitGap, ...]:
    """Each passage against ``reference``'s passage at the same split point, where it has one."""
    theirs = {p.metres: p.time for p in reference.passages}
    return tuple(
        SplitGap(p.metres, p.time, theirs[p.metres]) for p in passages if p.metres in theirs
    )


def compare_to_leader(results: Sequence[Result], result: Result) -> SplitComparison:
    """``result``'s passages against the leader when its pair started (module docstring).

    Raises ``ValueError`` naming the skater when ``result`` has no pair number.
    """
    if result.pair is None:
        raise ValueError(f"{result.skater.name} has no pair number: no leader to compare with")
    leaders = leader_before_pair(results, result.pair)
    if not leaders:
        return SplitComparison(result, None, ())
    return SplitComparison(result, leaders[0], split_gaps(result.passages, leaders[0]))


def fastest_passages(
    results: Sequence[Result], *, include_unranked: bool = False
) -> dict[int, tuple[Result, Time]]:
    """The fastest passage at each split point over the race: metres -> (result, time).

    Equal passages go to the first in skating order; keys ascend.
    """
    best: dict[int, tuple[Result, Time]] = {}
    for result in _counted(results, include_unranked):
        for passage in result.passages:
            held = best.get(passage.metres)
            if held is None or passage.time < held[1]:
                best[passage.metres] = (result, passage.time)
    return dict(sorted(best.items()))


def compare_to_fastest(
    results: Sequence[Result], result: Result, *, include_unranked: bool = False
) -> tuple[SplitGap, ...]:
    """``result``'s passages against the fastest of the race at each split point (gap >= 0
    for a result that counts; the fastest itself is level)."""
    fastest = fastest_passages(results, include_unranked=include_unranked)
    return tuple(
        SplitGap(p.metres, p.time, fastest[p.metres][1])
        for p in result.passages
        if p.metres in fastest
    )


def fastest_opener(
    results: Sequence[Result], *, include_unranked: bool = False
) -> tuple[Result, Time] | None:
    """The best passage at the first split point anyone passed (200 m on a 1000 m); None
    without passages."""
    fastest = fastest_passages(results, include_unranked=include_unranked)
    return fastest[min(fastest)] if fastest else None


def split_ranks(
    results: Sequence[Result], *, include_unranked: bool = False
) -> dict[int, list[SplitRank]]:
    """At each split point, the results that passed it in order of passage time.

    Equal passages share a rank and skip the next; ties keep skating order.
    """
    at: dict[int, list[tuple[Result, Time]]] = {}
    for result in _counted(results, include_unranked):
        for passage in result.passages:
            at.setdefault(passage.metres, []).append((result, passage.time))
    table: dict[int, list[SplitRank]] = {}
    for metres in sorted(at):
        field = sorted(at[metres], key=lambda entry: entry[1].thousandths)
        times = [t.thousandths for _, t in field]
        table[metres] = [
            SplitRank(
                result=result,
                time=time,
                rank=times.index(time.thousandths) + 1,
                tied=times.count(time.thousandths) > 1,
            )
            for result, time in field
        ]
    return table


def split_ranks_of(
    results: Sequence[Result], result: Result, *, include_unranked: bool = False
) -> dict[int, int]:
    """``result``'s rank at each split point it passed: metres -> rank."""
    table = split_ranks(results, include_unranked=include_unranked)
    return {
        metres: place.rank
        for metres, places in table.items()
        for place in places
        if place.result == result
    }


def describe_gap(thousandths: int) -> str:
    """A gap in words on hundredths: ``0.88 ahead`` (negative), ``0.12 behind``, ``level``."""
    if abs(thousandths) < 10:
        return "level"
    amount = format_behind(abs(thousandths))[1:]
    return f"{amount} {'ahead' if thousandths < 0 else 'behind'}"


def split_label(metres: int, distance: int) -> str:
    """Where a split point lies: ``with a lap to go`` for the last before the finish,
    ``at the finish``, else ``at 700 m``."""
    points = split_points(distance)
    if metres == distance:
        return "at the finish"
    if len(points) > 1 and metres == points[-2]:
        return "with a lap to go"
    return f"at {metres} m"


def describe_split(gap: SplitGap, distance: int) -> str:
    """A split comparison in words: ``0.88 ahead with a lap to go``, ``0.12 behind at 700 m``."""
    return f"{gap.words} {split_label(gap.metres, distance)}"


def _counted(results: Sequence[Result], include_unranked: bool) -> list[Result]:
    """Results whose passages count, in skating order (pair, then input order; no pair last)."""
    counted = [r for r in results if include_unranked or r.ranked]
    last = max((r.pair for r in counted if r.pair is not None), default=0) + 1
    return sorted(counted, key=lambda r: r.pair if r.pair is not None else last)
