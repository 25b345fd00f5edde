"""Skating order and the running leader: who led the race after each pair.

A race on time is skated pair by pair (``Result.pair``, 1..n). After each pair the leader is the
result ranked first among all finished results so far, by the rules of ``ranking`` (equal
thousandths share the lead; a result whose thousandth was lost keeps its given order and does not
share). Unranked results (DNF, DQ, WDR, DNS) never lead.

Results without a pair number: a ranked one raises ``ValueError`` naming the skater, because
the running leader cannot be told without knowing when that time was set; an unranked one is
left out, because it can never lead and a skater who did not start may never have been given a
pair. The last pair of the race is the highest pair number among the remaining results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.ranking import ranked_first
from ovaltime.core.results import Result, Skater
from ovaltime.core.times import Time

__all__ = [
    "LeaderAfterPair",
    "LeaderSpell",
    "leader_after_each_pair",
    "leader_before_pair",
    "leader_spells",
    "pairs_of",
]


@dataclass(frozen=True, slots=True)
class LeaderAfterPair:
    """The state of the race once pair ``pair`` has finished.

    ``leaders`` holds the leading result, or several when they share the lead on equal time, or
    none while no one has finished; ``changed`` is true when a skater of this pair took or
    shared the lead.
    """

    pair: int
    leaders: tuple[Result, ...]
    changed: bool

    @property
    def shared(self) -> bool:
        return len(self.leaders) > 1


@dataclass(frozen=True, slots=True)
class LeaderSpell:
    """A time at the top: ``result`` led from pair ``from_pair`` to ``to_pair`` inclusive.

    "Set the pace in the opening pair and stayed in front until the penultimate pair" is a spell
    with ``from_pair == 1`` and ``to_pair == last_pair - 1``; a spell that lasts to the last
    pair has ``held_to_end`` (that result won the race, or shares the win).
    """

    result: Result
    from_pair: int
    to_pair: int
    last_pair: int

    @property
    def skater(self) -> Skater:
        return self.result.skater

    @property
    def time(self) -> Time:
        if self.result.time is None:  # a leader is always a ranked result
            raise ValueError(f"{self.result.skater.name}: no time")
        return self.result.time

    @property
    def held_to_end(self) -> bool:
        return self.to_pair == self.last_pair

    @property
    def pairs(self) -> int:
        """For how many pairs the lead was held, the pair that set it included."""
        return self.to_pair - self.from_pair + 1


def pairs_of(results: Sequence[Result]) -> dict[int, tuple[Result, ...]]:
    """Results grouped by pair, in skating order; input order within a pair.

    Raises ``ValueError`` naming the skater for a ranked result without a pair number; unranked
    results without one are left out (module docstring).
    """
    grouped: dict[int, list[Result]] = {}
    for result in results:
        if result.pair is None:
            if result.ranked:
                raise ValueError(
                    f"{result.skater.name} has a time but no pair number: "
                    "the running leader needs the skating order"
                )
            continue
        grouped.setdefault(result.pair, []).append(result)
    return {pair: tuple(grouped[pair]) for pair in sorted(grouped)}


def leader_after_each_pair(results: Sequence[Result]) -> list[LeaderAfterPair]:
    """Who led after each pair, one entry per pair number present, in skating order.

    Only the results on the fastest time so far can rank first, so after each pair the leaders
    are found among those (in skating order, as in the whole field) rather than among everyone
    skated so far."""
    out: list[LeaderAfterPair] = []
    fastest: list[Result] = []  # every ranked result on the best time so far, in skating order
    best: int | None = None
    before: tuple[Result, ...] = ()
    for pair, members in pairs_of(results).items():
        for result in members:
            if not result.ranked or result.time is None:  # a ranked result has a time
                continue
            thousandths = result.time.thousandths
            if best is None or thousandths < best:
                fastest, best = [result], thousandths
            elif thousandths == best:
                fastest.append(result)
        leaders = _leaders(fastest)
        out.append(LeaderAfterPair(pair=pair, leaders=leaders, changed=leaders != before))
        before = leaders
    return out


def leader_before_pair(results: Sequence[Result], pair: int) -> tuple[Result, ...]:
    """The leader(s) when pair ``pair`` starts: the best finished results of earlier pairs.

    Empty for the opening pair, or while no earlier skater has finished.
    """
    earlier = [r for number, members in pairs_of(results).items() if number < pair for r in members]
    return _leaders(earlier)


def leader_spells(
    results: Sequence[Result], walk: Sequence[LeaderAfterPair] | None = None
) -> list[LeaderSpell]:
    """Every spell at the top of the race, in the order the leads were taken.

    A result leads from its own pair until the last pair after which it is still (alone or
    jointly) in front; since times do not change, nobody leads twice. ``walk`` is
    ``leader_after_each_pair(results)`` when the caller has it already.
    """
    if walk is None:
        walk = leader_after_each_pair(results)
    if not walk:
        return []
    last_pair = walk[-1].pair
    spans: dict[int, tuple[Result, int, int]] = {}
    order: list[int] = []
    for after in walk:
        for leader in after.leaders:
            key = id(leader)  # the very object given: equal duplicates stay apart
            if key in spans:
                spans[key] = (leader, spans[key][1], after.pair)
            else:
                spans[key] = (leader, after.pair, after.pair)
                order.append(key)
    return [
        LeaderSpell(
            result=spans[key][0],
            from_pair=spans[key][1],
            to_pair=spans[key][2],
            last_pair=last_pair,
        )
        for key in order
    ]


def _leaders(results: Sequence[Result]) -> tuple[Result, ...]:
    return tuple(ranked_first(results))
