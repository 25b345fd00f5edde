"""Skaters, results, races and competitions: the plain values every other module works on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ovaltime.core.distances import Passage, check_distance
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import Time

__all__ = ["Competition", "Race", "Result", "Skater"]


@dataclass(frozen=True, slots=True)
class Skater:
    """A skater as a result list names them: name, nation (IOC code) and age group."""

    name: str
    nation: str = ""
    age_group: str = ""
    _key: tuple[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a skater needs a name")
        key = (" ".join(self.name.casefold().split()), self.nation.upper())
        object.__setattr__(self, "_key", key)

    @property
    def key(self) -> tuple[str, str]:
        """Identity within one competition: name and nation, case-insensitive."""
        return self._key


@dataclass(frozen=True, slots=True)
class Result:
    """The time or status of one skater in one race.

    ``thousandths_known`` is false where the source lost the thousandth that split this skater
    from another on equal hundredths: ranking then keeps the given order instead of a tie.
    ``published_rank`` is the rank a source printed (kept for comparison and for races that are
    not ranked on time, such as a mass start imported without its sprint points).
    """

    skater: Skater
    time: Time | None = None
    status: Status = Status.OK
    infraction: str = ""
    fell: bool = False
    pair: int | None = None
    lane: Lane | None = None
    passages: tuple[Passage, ...] = ()
    records: tuple[str, ...] = ()
    thousandths_known: bool = True
    published_rank: int | None = None

    def __post_init__(self) -> None:
        if self.status is Status.OK and self.time is None:
            raise ValueError(f"{self.skater.name}: a result without a status needs a time")
        if self.infraction and self.status is not Status.DQ:
            raise ValueError(f"{self.skater.name}: an infraction code goes with DQ only")
        if self.pair is not None and self.pair < 1:
            raise ValueError(f"{self.skater.name}: pair numbers start at 1")

    @property
    def ranked(self) -> bool:
        """Whether this result takes a rank: a valid time and no status."""
        return self.status is Status.OK and self.time is not None

    def with_(self, **changes: object) -> Result:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Race:
    """One distance skated once by a field.

    ``number`` tells apart two races of the same distance in one competition (the sprint skates
    the 500 m twice); ``division`` is the World Cup division ("A", "B") or empty.
    """

    distance: int
    gender: Gender
    results: tuple[Result, ...] = ()
    kind: RaceKind = RaceKind.INDIVIDUAL
    number: int = 1
    division: str = ""
    title: str = ""
    date: dt.date | None = None
    state: RaceState = RaceState.OFFICIAL

    def __post_init__(self) -> None:
        check_distance(self.distance)
        if self.number < 1:
            raise ValueError("race numbers start at 1")

    @property
    def name(self) -> str:
        """A readable name: ``500 m women``, ``500 m women (2)``, ``mass start men, division B``."""
        if self.title:
            return self.title
        what = f"{self.distance} m" if self.kind is RaceKind.INDIVIDUAL else self.kind.value
        text = f"{what} {self.gender.value}"
        if self.number > 1:
            text += f" ({self.number})"
        if self.division:
            text += f", division {self.division}"
        return text


@dataclass(frozen=True, slots=True)
class Competition:
    """A meeting or championship: its races in programme order."""

    name: str
    races: tuple[Race, ...] = ()
    venue: str = ""
    nation: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    def skaters(self) -> list[Skater]:
        """Every skater of the competition once, in order of first appearance."""
        seen: dict[tuple[str, str], Skater] = {}
        for race in self.races:
            for result in race.results:
                seen.setdefault(result.skater.key, result.skater)
        return list(seen.values())
