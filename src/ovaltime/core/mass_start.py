"""Mass start: sprint points, the ranking on points, and the Olympic semifinals (RULES §5).

The rules, as this module applies them:

* **Points.** A skater's place in each intermediate sprint scores from the format's
  ``intermediate_points`` (1st, 2nd, 3rd ...), the finishing place from its ``final_points``;
  a place beyond a table scores 0. The points of each sprint are kept for display.
* **Struck points.** The referee strikes the points of a skater who was lapped or did not
  complete all laps (``MassStartEntry.struck``); not completing all laps strikes them anyway.
  Struck points still show per sprint, but the total is 0.
* **Skaters who completed all laps** (status OK, no lap count short of the format's) rank first:
  by total points, high first; equal totals, 0 included, by finishing order. Their ranks are
  never shared, because finishing places are not.
* **Then skaters who did not complete all laps** (a DNF, or a lapped skater with a time): by laps
  completed, more first; a lap count left out counts as 0. Equal laps **share a rank** and the
  next is skipped, as equal times do (RULES §1): nothing else is known to separate them. They are
  listed by name within the shared rank, so the order never depends on the input.
* **DQ last, then WDR and DNS** (RULES §1 order), without a rank, by name within a status.

Entries are checked first (``validate_entries``): a skater twice, a finishing place or a sprint
place given twice, a sprint place for a skater who did not start (DNS, WDR), a finishing place
for a skater with a status, a finisher without a finishing place, more laps or sprints than the
format has: each a ``ValueError`` naming the skater (and the sprint).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.mass_start_checks import MassStartChecker, completed_all_laps
from ovaltime.core.results import Result, Skater
from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Status

__all__ = [
    "MassStartEntry",
    "MassStartRanked",
    "OlympicQualifier",
    "olympic_qualifiers",
    "rank_mass_start",
    "sprint_points",
    "validate_entries",
]


@dataclass(frozen=True, slots=True)
class MassStartEntry:
    """One skater in one mass start, as the referee's sheet gives it.

    ``finish`` is the finishing place (1, 2, 3 ...) of a skater who completed all laps; ``laps``
    the laps completed (left out for a finisher: all of them); ``sprints`` the place in each
    intermediate sprint in order, ``None`` where the skater took no place (a shorter tuple
    leaves the later sprints without a place); ``struck`` says the referee struck the points.
    Time and status are the ``result``'s.
    """

    result: Result
    finish: int | None = None
    laps: int | None = None
    sprints: tuple[int | None, ...] = ()
    struck: bool = False

    def __post_init__(self) -> None:
        name = self.result.skater.name
        if self.finish is not None and self.finish < 1:
            raise ValueError(f"{name}: finishing places start at 1, not {self.finish}")
        if self.laps is not None and self.laps < 0:
            raise ValueError(f"{name}: laps completed cannot be negative ({self.laps})")
        for sprint, place in enumerate(self.sprints, start=1):
            if place is not None and place < 1:
                raise ValueError(f"{name}: places in sprint {sprint} start at 1, not {place}")

    @property
    def skater(self) -> Skater:
        return self.result.skater

    def completed(self, fmt: MassStartFormat) -> bool:
        """Whether the skater completed all laps of ``fmt``."""
        return completed_all_laps(self.result, self.laps, fmt)


@dataclass(frozen=True, slots=True)
class MassStartRanked:
    """One line of a mass start ranking.

    ``sprints`` holds the points of each intermediate sprint, then of the final sprint (kept
    even where struck, for display); ``struck`` says they do not count (struck by the referee,
    or the skater did not complete all laps), and ``total`` is then 0. ``completed`` says the
    skater completed all laps (ranked on points, not laps). ``rank`` is None for DQ, WDR and
    DNS; ``tied`` says the rank is shared.
    """

    entry: MassStartEntry
    rank: int | None
    sprints: tuple[int, ...]
    total: int
    struck: bool = False
    completed: bool = True
    tied: bool = False

    @property
    def result(self) -> Result:
        return self.entry.result

    @property
    def skater(self) -> Skater:
        return self.entry.result.skater

    @property
    def intermediate(self) -> tuple[int, ...]:
        """Points of the intermediate sprints alone."""
        return self.sprints[:-1]

    @property
    def final(self) -> int:
        """Points of the final sprint (the finishing place)."""
        return self.sprints[-1]


def validate_entries(entries: Sequence[MassStartEntry], fmt: MassStartFormat) -> None:
    """Raise ``ValueError`` for the first entry that breaks a rule of the module note."""
    checker = MassStartChecker(fmt)
    for entry in entries:
        problems = checker.admit(
            entry.result, finish=entry.finish, laps=entry.laps, sprints=entry.sprints
        )
        if problems:
            raise ValueError(problems[0][1])


def sprint_points(entry: MassStartEntry, fmt: MassStartFormat) -> tuple[int, ...]:
    """Points of each intermediate sprint of ``fmt``, then of the final sprint; 0 for no place
    and for a place beyond the table. Struck or not, these are the points the places earn."""
    places = (*entry.sprints, *([None] * (fmt.sprints - len(entry.sprints))))
    if len(places) > fmt.sprints:
        raise ValueError(
            f"{entry.skater.name}: places in {len(places)} sprints, "
            f"but the race has {fmt.sprints} intermediate sprints"
        )
    intermediate = tuple(_points(fmt.intermediate_points, place) for place in places)
    return (*intermediate, _points(fmt.final_points, entry.finish))


def rank_mass_start(
    entries: Sequence[MassStartEntry], fmt: MassStartFormat
) -> list[MassStartRanked]:
    """Check ``entries`` and rank them by the rules of the module note, scored by ``fmt``."""
    validate_entries(entries, fmt)
    finishers = [e for e in entries if e.completed(fmt)]
    lapped = [e for e in entries if not e.completed(fmt) and _skated(e)]
    others = [e for e in entries if not e.completed(fmt) and not _skated(e)]

    def line(entry: MassStartEntry, rank: int | None, tied: bool = False) -> MassStartRanked:
        points = sprint_points(entry, fmt)
        completed = entry.completed(fmt)
        struck = entry.struck or not completed
        total = 0 if struck else sum(points)
        return MassStartRanked(entry, rank, points, total, struck, completed, tied)

    scored = sorted((line(e, None) for e in finishers), key=lambda x: (-x.total, x.entry.finish))
    out = [line(x.entry, position) for position, x in enumerate(scored, start=1)]
    lapped.sort(key=lambda e: (-(e.laps or 0), e.skater.key))
    shared = Counter(e.laps or 0 for e in lapped)
    for entry in lapped:
        more = sum(1 for e in lapped if (e.laps or 0) > (entry.laps or 0))
        out.append(line(entry, len(finishers) + 1 + more, shared[entry.laps or 0] > 1))
    others.sort(key=lambda e: (e.result.status.listing_order, e.skater.key))
    out.extend(line(e, None) for e in others)
    return out


@dataclass(frozen=True, slots=True)
class OlympicQualifier:
    """A skater through to the final: their semifinal line, which semifinal (from 1), and why."""

    line: MassStartRanked
    semifinal: int
    reason: str

    @property
    def skater(self) -> Skater:
        return self.line.skater


def olympic_qualifiers(
    semifinals: Sequence[Sequence[MassStartRanked]], per_semifinal: int = 8
) -> list[OlympicQualifier]:
    """The skaters ranked in the best ``per_semifinal`` of each semifinal (RULES §5: 8 of each
    of two semifinals make a final of 16).

    The semifinals are rankings from ``rank_mass_start``. A skater qualifies with a rank of at
    most ``per_semifinal``, so skaters sharing the last place all go through; DQ, WDR and DNS
    never do. Qualifiers come in order of semifinal rank, semifinal 1 first on equal ranks (the
    winners of each semifinal, then the seconds ...). A skater in two semifinals is a
    ``ValueError``.
    """
    if per_semifinal < 1:
        raise ValueError(f"at least one skater per semifinal qualifies, not {per_semifinal}")
    seen: dict[tuple[str, str], int] = {}
    found: list[OlympicQualifier] = []
    for number, ranking in enumerate(semifinals, start=1):
        for line in ranking:
            earlier = seen.setdefault(line.skater.key, number)
            if earlier != number:
                raise ValueError(
                    f"{line.skater.name} skated semifinal {earlier} and semifinal {number}"
                )
            if line.rank is not None and line.rank <= per_semifinal:
                found.append(OlympicQualifier(line, number, _reason(line, number, per_semifinal)))
    found.sort(key=lambda q: (q.line.rank or 0, q.semifinal))
    return found


def _reason(line: MassStartRanked, semifinal: int, per_semifinal: int) -> str:
    what = f"{line.total} points" if line.completed else f"{line.entry.laps or 0} laps"
    return f"rank {line.rank} in semifinal {semifinal} ({what}), top {per_semifinal}"


def _skated(entry: MassStartEntry) -> bool:
    """Skaters ranked on laps when they did not complete the race: DNF and the lapped."""
    return entry.result.status in (Status.OK, Status.DNF)


def _points(table: tuple[int, ...], place: int | None) -> int:
    if place is None or place > len(table):
        return 0
    return table[place - 1]
