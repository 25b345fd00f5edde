"""Combination classification: samalog totals, standings after each race, NC and NQ (RULES §3).

The rules, as implemented and pinned by tests:

* Points per race come from ``points.samalog_points`` (official hundredths, truncated); the
  total is their plain sum. Lowest total wins.
* Skaters with more races completed rank above those with fewer (standings during the event);
  then the lower total. Equal totals with equal races completed SHARE a rank and the next rank
  is skipped: no tie-break is known [U]. Tied skaters are listed in ``Skater.key`` order.
* A skater with DNF, DQ, WDR or DNS on a counted race is not classified (NC): no rank, listed
  below every ranked skater (by races completed, then total of the valid races).
* A skater merely absent from a race (not yet skated, or no result given) is not NC: they have
  completed fewer races and rank below those who completed more.
* NQ: once a race of the final distance is in the input, a skater the two-list rule left out
  who has no result in it is NQ. An NQ skater keeps a rank (below the finalists, who have one
  race more), as championship result lists rank them. A skater with a result in the final
  (a reserve who replaced a withdrawn finalist) is never NQ.

List B of the qualification is the list B race ranked on time by ``ranking.rank_results``
(thousandths decide between equal hundredths, RULES §1), unlike the points, which use the
official hundredths only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ovaltime.core.points import (
    gap_seconds,
    points_from_thousandths,
    points_thousandths,
    time_to_overtake,
)
from ovaltime.core.programme import Combination, RaceSlot
from ovaltime.core.qualification import Qualification, two_list_qualification
from ovaltime.core.ranking import rank_results
from ovaltime.core.results import Race, Skater
from ovaltime.core.states import Status
from ovaltime.core.times import Time

__all__ = [
    "Classification",
    "Gap",
    "RaceEntry",
    "Standing",
    "StandingStatus",
    "classify",
    "qualify",
    "standings_after_each",
]


class StandingStatus(Enum):
    """Where a skater stands in a classification."""

    CLASSIFIED = "classified"
    NC = "NC"
    """Not classified: a DNF, DQ, WDR or DNS on a counted race."""
    NQ = "NQ"
    """Not qualified for the final distance (still ranked on the races skated)."""


@dataclass(frozen=True, slots=True)
class RaceEntry:
    """One skater's result in one race of the programme, with its points (``None`` if none)."""

    distance: int
    number: int
    time: Time | None
    status: Status
    points: Decimal | None

    @property
    def slot(self) -> RaceSlot:
        return RaceSlot(self.distance, self.number)


@dataclass(frozen=True, slots=True)
class Standing:
    """One line of a classification.

    ``rank`` is ``None`` for NC skaters. ``total`` is the sum of the points of the completed
    races (three decimals). ``completed`` counts races with a valid time. ``entries`` holds
    the skater's results in programme order (races they have no result in are left out).
    """

    rank: int | None
    skater: Skater
    total: Decimal
    completed: int
    entries: tuple[RaceEntry, ...]
    status: StandingStatus


@dataclass(frozen=True, slots=True)
class Gap:
    """How far a skater is behind the leader: in points, and in seconds on the next race.

    Both are ``None`` where no gap is meaningful: an NC skater, or one who has completed a
    different number of races than the leader. ``seconds`` is also ``None`` when the
    programme has no next race.
    """

    skater: Skater
    points: Decimal | None
    seconds: Decimal | None


@dataclass(frozen=True, slots=True)
class Classification:
    """The classification after the first ``after`` races of ``combination``'s programme.

    ``qualification`` is the two-list outcome once every race of list A is counted (a
    combination with a final distance only), else ``None``.
    """

    combination: Combination
    after: int
    standings: tuple[Standing, ...]
    qualification: Qualification | None = None

    @property
    def leader(self) -> Standing | None:
        """The first ranked skater, or ``None`` when nobody is ranked."""
        return next((s for s in self.standings if s.rank is not None), None)

    @property
    def next_slot(self) -> RaceSlot | None:
        """The next race of the programme, or ``None`` after the last one."""
        slots = self.combination.slots
        return slots[self.after] if self.after < len(slots) else None

    def standing_of(self, skater: Skater) -> Standing:
        """The standing of ``skater`` (matched by ``Skater.key``); ``KeyError`` if absent."""
        for standing in self.standings:
            if standing.skater.key == skater.key:
                return standing
        raise KeyError(f"{skater.name} is not in this classification")

    def gaps(self) -> list[Gap]:
        """Every skater's gap to the leader, in standings order.

        Points: total minus the leader's total. Seconds: that gap converted to the next race
        of the programme (``points.gap_seconds``), "1.161 points = 11.61 s on the 5000 m".
        """
        leader = self.leader
        nxt = self.next_slot
        out: list[Gap] = []
        for standing in self.standings:
            comparable = (
                leader is not None
                and standing.rank is not None
                and standing.completed == leader.completed
            )
            if not comparable or leader is None:
                out.append(Gap(standing.skater, None, None))
                continue
            behind = standing.total - leader.total
            seconds = (
                gap_seconds(behind, nxt.distance, self.combination.weighting)
                if nxt is not None
                else None
            )
            out.append(Gap(standing.skater, behind, seconds))
        return out

    def mark(self, standing: Standing) -> str:
        """What a classification list prints beside ``standing``: ``Q`` or ``NQ`` for the final
        distance, ``NC`` when not classified, else empty."""
        if standing.status is StandingStatus.NC:
            return "NC"
        entry = self.qualification.entry(standing.skater) if self.qualification else None
        if entry is not None:
            return "Q" if entry.qualified else "NQ"
        return "NQ" if standing.status is StandingStatus.NQ else ""

    def time_to_overtake(
        self, skater: Skater, leader_time: Time, *, tie: bool = False
    ) -> Time | None:
        """The slowest official time on the next race that puts ``skater`` ahead of the leader.

        ``leader_time`` is the leader's time on that race. Strictly ahead by default; with
        ``tie=True`` at least level (a shared rank). ``None`` when no time can do it. See
        ``points.time_to_overtake`` for the exact truncation rule.
        """
        leader, nxt = self.leader, self.next_slot
        if leader is None or nxt is None:
            raise ValueError("no leader or no next race to overtake on")
        own = self.standing_of(skater)
        return time_to_overtake(
            own.total,
            leader.total,
            nxt.distance,
            leader_time,
            weighting=self.combination.weighting,
            tie=tie,
        )


def classify(
    combination: Combination, races: Sequence[Race], after: int | None = None
) -> Classification:
    """The classification after the first ``after`` races of the programme.

    ``races`` are the races skated so far (any order; a race still being skated counts with
    the results it has). Each is matched to the programme by ``(distance, number)``; races
    outside the programme, two races for one slot, mixed genders or a skater twice in one race
    raise ``ValueError`` listing every problem. ``after`` defaults to the last programme race
    present in ``races``.
    """
    by_slot = _index_races(combination, races)
    slots = combination.slots
    if after is None:
        after = max((slots.index(slot) + 1 for slot in by_slot), default=0)
    if not 0 <= after <= len(slots):
        raise ValueError(f"after must be 0-{len(slots)}, not {after}")
    qualification = None
    if combination.final_slot is not None and after >= combination.list_a_races:
        qualification = _qualify(combination, by_slot)
    standings = _standings(combination, by_slot, after, qualification)
    return Classification(combination, after, standings, qualification)


def _standings(
    combination: Combination,
    by_slot: dict[RaceSlot, Race],
    after: int,
    qualification: Qualification | None,
) -> tuple[Standing, ...]:
    """Rank the skaters on the first ``after`` races; NQ needs ``qualification``."""
    slots = combination.slots
    counted = [(slot, by_slot.get(slot)) for slot in slots[:after]]
    entries: dict[tuple[str, str], list[RaceEntry]] = {}
    scored: dict[tuple[str, str], list[int]] = {}
    skaters: dict[tuple[str, str], Skater] = {}
    for slot, race in counted:
        for result in race.results if race is not None else ():
            key = result.skater.key
            skaters.setdefault(key, result.skater)
            points = None
            if result.ranked and result.time is not None:
                points = points_thousandths(result.time, slot.distance, combination.weighting)
                scored.setdefault(key, []).append(points)
            entries.setdefault(key, []).append(
                RaceEntry(
                    slot.distance,
                    slot.number,
                    result.time,
                    result.status,
                    None if points is None else points_from_thousandths(points),
                )
            )

    final = combination.final_slot
    final_race = by_slot.get(final) if final is not None and after == len(slots) else None
    in_final = {r.skater.key for r in final_race.results} if final_race is not None else set()

    ranked: list[tuple[tuple[int, int, tuple[str, str]], Skater, StandingStatus]] = []
    unranked: list[Standing] = []
    for key, skater in skaters.items():
        own = entries[key]
        total, done = sum(scored.get(key, ())), len(scored.get(key, ()))
        if any(e.status is not Status.OK for e in own):
            nc = StandingStatus.NC
            unranked.append(
                Standing(None, skater, points_from_thousandths(total), done, tuple(own), nc)
            )
            continue
        status = StandingStatus.CLASSIFIED
        if (
            final_race is not None
            and qualification is not None
            and key not in in_final
            and not qualification.is_qualified(skater)
        ):
            status = StandingStatus.NQ
        ranked.append(((-done, total, key), skater, status))

    ranked.sort(key=lambda item: item[0])
    standings: list[Standing] = []
    previous: tuple[int, int] | None = None
    rank = 0
    for position, ((minus_done, total, key), skater, status) in enumerate(ranked, start=1):
        if (minus_done, total) != previous:
            rank, previous = position, (minus_done, total)
        standings.append(
            Standing(
                rank,
                skater,
                points_from_thousandths(total),
                -minus_done,
                tuple(entries[key]),
                status,
            )
        )
    unranked.sort(key=lambda s: (-s.completed, s.total, s.skater.key))
    return tuple(standings + unranked)


def standings_after_each(combination: Combination, races: Sequence[Race]) -> list[Classification]:
    """The classification after race 1, after races 1-2, ... up to the last race present."""
    last = classify(combination, races).after
    return [classify(combination, races, after=k) for k in range(1, last + 1)]


def qualify(combination: Combination, races: Sequence[Race]) -> Qualification:
    """The two-list qualification for the final distance from the races before it.

    Raises ``ValueError`` for a combination without a final distance.
    """
    if combination.final_slot is None:
        raise ValueError(f"combination {combination.name!r} has no final distance")
    return _qualify(combination, _index_races(combination, races))


def _qualify(combination: Combination, by_slot: dict[RaceSlot, Race]) -> Qualification:
    list_a = [
        (s.skater, s.rank)
        for s in _standings(combination, by_slot, combination.list_a_races, None)
        if s.rank is not None
        and s.status is StandingStatus.CLASSIFIED
        and s.completed == combination.list_a_races
    ]
    race_b = by_slot.get(combination.list_b) if combination.list_b is not None else None
    results_b = [r for r in race_b.results if r.ranked] if race_b is not None else []
    if combination.list_b_eligible_only:
        eligible = {skater.key for skater, _ in list_a}
        results_b = [r for r in results_b if r.skater.key in eligible]
    list_b = [(r.skater, r.rank) for r in rank_results(results_b) if r.rank is not None]
    return two_list_qualification(list_a, list_b, combination.qualification_size)


def _index_races(combination: Combination, races: Sequence[Race]) -> dict[RaceSlot, Race]:
    """The races by programme slot; every problem at once in one ``ValueError``."""
    problems: list[str] = []
    by_slot: dict[RaceSlot, Race] = {}
    programme = set(combination.slots)
    genders = {race.gender for race in races}
    if len(genders) > 1:
        names = ", ".join(sorted(g.value for g in genders))
        problems.append(f"races of more than one gender ({names})")
    for race in races:
        slot = RaceSlot(race.distance, race.number)
        if slot not in programme:
            problems.append(f"{race.name} is not a race of the {combination.name} combination")
        elif slot in by_slot:
            problems.append(f"{race.name} is given twice")
        else:
            by_slot[slot] = race
        seen: set[tuple[str, str]] = set()
        for result in race.results:
            if result.skater.key in seen:
                problems.append(f"{result.skater.name} has two results in the {race.name}")
            seen.add(result.skater.key)
    if problems:
        raise ValueError("; ".join(problems))
    return by_slot
