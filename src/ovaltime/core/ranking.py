"""Ranking of one race on time (RULES §1).

The rules, in the order they are applied:

* **Ranked results.** A result takes a rank when its status is ``OK`` and it has a time.
* **Order by time.** Ranked results are ordered by their time in thousandths; the thousandth
  only matters where the hundredths are equal, and then it decides (``37.34(2)`` above
  ``37.34(3)``).
* **Ties.** Results equal to the thousandth share a rank and the next rank is skipped: two 9th,
  the next is 11th. A ranked result's rank is therefore 1 + the number of results strictly
  faster than it.
* **Thousandths unknown.** ``Result.thousandths_known`` is false where the source lost the
  thousandth that split this skater from another on equal time. Such a result never ties: where
  it is equal in time to a neighbour in the list, the two keep the order in which they were
  given (importers supply them in published order) and take separate ranks. Results with known
  thousandths that are equal tie as usual; in a mixed run of equal times, two neighbours tie only
  when both thousandths are known. Only for these results does the input order matter.
* **Unranked results** (DNF, DQ, WDR, DNS) follow the ranked ones in that order
  (``Status.listing_order``), in input order within one status; they have no rank and no gap.
* **Gap to the winner** (``behind``) is computed on the official hundredths and given in
  thousandths: ``(time.hundredths - winner.hundredths) * 10``, so a gap never shows a thousandth
  that the official times do not have, except where only the thousandth separates a skater from
  the winner: then the gap is that thousandth (``+0.003``), as the list prints it.
* **Thousandth in brackets** (``show_thousandth``) is set on a result when another ranked result
  has the same hundredths but a different thousandth. Only results with known thousandths take
  part: a lost thousandth is never printed and never forces another result's digit.

Tied results keep their input order among themselves, so the ranks, ties, gaps and brackets of a
race whose thousandths are all known do not depend on the input order.

``rank_race`` applies these rules to individual races and to team pursuit, team sprint and mixed
relay (each team member carries the team time, so members of one team tie, as published). A mass
start is ranked on points, not time (RULES §5); until the season rules rank it, ``rank_race``
keeps each result's ``published_rank``.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import RaceKind
from ovaltime.core.times import Time, format_behind

__all__ = ["Ranked", "rank_race", "rank_results", "ranked_first"]


@dataclass(frozen=True, slots=True)
class Ranked:
    """One line of a race's ranking.

    ``rank`` is None for an unranked result; ``tied`` says the rank is shared; ``behind`` is the
    gap to the winner in thousandths on official hundredths (0 for the winner, None when
    unranked or not ranked on time); ``show_thousandth`` asks the list to print the thousandth
    in brackets.
    """

    result: Result
    rank: int | None
    tied: bool = False
    behind: int | None = None
    show_thousandth: bool = False

    @property
    def skater(self) -> Skater:
        return self.result.skater

    @property
    def time_text(self) -> str:
        """The time as the list prints it: ``37.34(2)`` where the thousandth is shown, the
        status (``DNF``, ``DQ`` ...) for an unranked result."""
        if not self.result.ranked:
            return self.result.status.value
        return _time(self.result).format(thousandth=self.show_thousandth)

    @property
    def behind_text(self) -> str:
        """The gap as published (``+0.36``); empty for the winner(s) and unranked results.

        A skater beaten only on the thousandth shows that thousandth (``+0.003``).
        """
        if self.behind is None or self.rank == 1:
            return ""
        return format_behind(self.behind, decimals=2 if self.behind % 10 == 0 else 3)


def rank_results(results: Sequence[Result]) -> list[Ranked]:
    """Rank results on time by the rules of this module: ranked first, then unranked."""
    timed = sorted((r for r in results if r.ranked), key=_thousandths)
    ranks: list[int] = []
    for position, result in enumerate(timed):
        if position and _ties(timed[position - 1], result):
            ranks.append(ranks[-1])
        else:
            ranks.append(position + 1)
    shared = Counter(ranks)
    digits = _thousandth_digits(timed)
    out = [
        Ranked(
            result=result,
            rank=rank,
            tied=shared[rank] > 1,
            behind=_behind(timed[0], result),
            show_thousandth=result.thousandths_known and len(digits[_time(result).hundredths]) > 1,
        )
        for result, rank in zip(timed, ranks, strict=True)
    ]
    out.extend(Ranked(result=r, rank=None) for r in _unranked(results))
    return out


def ranked_first(results: Sequence[Result]) -> list[Result]:
    """The results ``rank_results`` ranks 1, in its order, without ranking the others: the
    first on the best time (input order decides among equal times), then each next one on that
    time as long as it ties with the one before (both thousandths known)."""
    timed = [r for r in results if r.ranked]
    if not timed:
        return []
    best = min(_thousandths(r) for r in timed)
    fastest = [r for r in timed if _thousandths(r) == best]
    first = fastest[:1]
    for before, after in itertools.pairwise(fastest):
        if not _ties(before, after):
            break
        first.append(after)
    return first


def _behind(winner: Result, result: Result) -> int:
    """The gap on official hundredths; on the thousandth where only that splits them."""
    gap = (_time(result).hundredths - _time(winner).hundredths) * 10
    if gap == 0 and result.thousandths_known and winner.thousandths_known:
        return _time(result) - _time(winner)
    return gap


def rank_race(race: Race) -> list[Ranked]:
    """Rank a race: on time, except a mass start, which keeps its published ranks.

    For a mass start the results are listed by ``published_rank`` (shared numbers are ties),
    then the results without one in the order DNF, DQ, WDR, DNS; ``behind`` stays None because
    the order is not one of time.
    """
    if race.kind is RaceKind.MASS_START:
        return _keep_published(race.results)
    return rank_results(race.results)


def _keep_published(results: Sequence[Result]) -> list[Ranked]:
    numbered = sorted((r for r in results if r.published_rank is not None), key=_published)
    shared = Counter(r.published_rank for r in numbered)
    out = [
        Ranked(result=r, rank=r.published_rank, tied=shared[r.published_rank] > 1) for r in numbered
    ]
    rest = [r for r in results if r.published_rank is None]
    out.extend(Ranked(result=r, rank=None) for r in sorted(rest, key=_listing))
    return out


def _ties(before: Result, after: Result) -> bool:
    """Whether two neighbours in time order share a rank."""
    return (
        before.thousandths_known
        and after.thousandths_known
        and _time(before).thousandths == _time(after).thousandths
    )


def _thousandth_digits(timed: Sequence[Result]) -> dict[int, set[int]]:
    """Hundredths -> the thousandth digits seen there, among results whose digit is known."""
    digits: dict[int, set[int]] = defaultdict(set)
    for result in timed:
        if result.thousandths_known:
            digits[_time(result).hundredths].add(_time(result).thousandth_digit)
    return digits


def _unranked(results: Sequence[Result]) -> list[Result]:
    return sorted((r for r in results if not r.ranked), key=_listing)


def _time(result: Result) -> Time:
    if result.time is None:
        raise ValueError(f"{result.skater.name}: no time")
    return result.time


def _thousandths(result: Result) -> int:
    return _time(result).thousandths


def _listing(result: Result) -> int:
    return result.status.listing_order


def _published(result: Result) -> int:
    return result.published_rank or 0
