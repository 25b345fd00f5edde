"""Records, personal and season bests, and the Adelskalender (RULES §8).

A ``RecordBook`` condenses everything judged before into best times, and flags each new result
against them. The rules:

* **Hundredths.** A result is judged on its official time, ``Time.hundredths`` (RULES §8): a
  thousandth never makes or breaks a record.
* **Records (WR, NR, TR)**: a result better than *or equal to* every earlier result of its
  gender on its distance, in the world (WR), of its nation (NR), on its rink (TR). An equal time
  equals the record and is flagged: the published world record progressions list equalled
  records (men's 500 m: 0:38.0 by Keller, then by Efskind; 0:36.41 twice by Jansen). A result
  without a nation never makes an NR, one without a rink never a TR. The first result ever
  judged on a distance is a record: a book that starts empty knows nothing better (seed it with
  the standing records, ``seed_record``, to judge a single result).
* **Junior records (WRJ, NRJ, TRJ)**: the same, for junior results only, against earlier junior
  results only. A junior result also counts for (and can make) the senior records.
* **PB**: the person's first result on the distance, or one strictly better than every earlier
  one. An equal time is no new best. **SB**: the same within the season (``season_start``:
  seasons run from July 1).
* A result gets every flag that holds: a world record is also a national and track record, and
  usually a PB and SB; ``headline`` picks the one a result list prints.

Results are judged in the order they are added: add them in the order they were skated (date,
then race order within a day). Nothing added later changes the flags of an earlier result.
The Adelskalender (``adelskalender_points``) ranks skaters by the samalog sum of their personal
bests on the classical allround distances.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TypeVar

from ovaltime.core.points import points_thousandths
from ovaltime.core.results import Race
from ovaltime.core.states import Gender
from ovaltime.core.times import Time

__all__ = [
    "ADELSKALENDER_DISTANCES",
    "JUNIOR_AGE_GROUPS",
    "RECORD_FLAGS",
    "RECORD_KINDS",
    "TWO_RACES_TITLE",
    "Entry",
    "RecordBook",
    "adelskalender_points",
    "headline",
    "is_junior",
    "is_two_race_sum",
    "season_label",
    "season_start",
]

_SEASON_FIRST_MONTH = 7  # July


def season_start(date: datetime.date) -> int:
    """The year a date's season starts: seasons run July 1 to June 30 (2025-01-24 -> 2024)."""
    return date.year if date.month >= _SEASON_FIRST_MONTH else date.year - 1


def season_label(start: int) -> str:
    """The season starting in ``start`` as written: 2024 -> ``"2024-25"``, 1999 -> ``"1999-00"``."""
    return f"{start}-{(start + 1) % 100:02d}"


# -- age groups ---------------------------------------------------------------------------------
JUNIOR_AGE_GROUPS = frozenset(
    {"a1", "a2", "b1", "b2", "c1", "c2", "jun", "junior", "juna", "junb", "junc"}
)
"""Junior age groups, written without case, spaces, hyphens or dots.

ISU result lists use Senior, Neo (neo-senior, not junior), A1 and A2 (juniors A, first and
second year). Other sources write ``Junior``, ``Jun A``/``JunA``, ``Junior B``, or the Dutch
junior categories B1, B2, C1, C2. ``Junior A``, ``Junior B``, ``Junior C`` are read as ``juna``,
``junb``, ``junc``.
"""


def is_junior(age_group: str) -> bool:
    """Whether an age group is a junior one (``A1``, ``Jun A``, ``junior``; not ``Neo``)."""
    key = "".join(c for c in age_group.casefold() if c.isalnum())
    if key.startswith("junior") and len(key) > len("junior"):
        key = "jun" + key.removeprefix("junior")
    return key in JUNIOR_AGE_GROUPS


# -- flags ------------------------------------------------------------------------------------
RECORD_FLAGS = ("WR", "WRJ", "NR", "NRJ", "TR", "TRJ", "PB", "SB")
"""Every flag the archive sets, most important first."""

RECORD_KINDS = ("WR", "WRJ", "NR", "NRJ", "TR", "TRJ")
"""The flags that are records of a scope (world, nation, rink), senior and junior."""

_RANK = {flag: index for index, flag in enumerate(RECORD_FLAGS)}


def headline(flags: Collection[str]) -> str:
    """The one flag a result list prints: the most important (``RECORD_FLAGS`` order).

    ``{"PB", "SB", "NR"}`` -> ``"NR"``; no flags -> ``""``. A flag the archive does not set
    (``OR``, an Olympic record) ranks after all of them, alphabetically among its kind.
    """
    if not flags:
        return ""
    return min(flags, key=lambda flag: (_RANK.get(flag, len(_RANK)), flag))


# -- the 2 × 500 m ----------------------------------------------------------------------------
TWO_RACES_TITLE = "2 × 500 m"
"""The title that starts the name of a race whose times are sums of two 500 m races."""


def is_two_race_sum(race: Race) -> bool:
    """Whether ``race`` ranks sums of two 500 m races (Olympic 500 m 2002-2014), not 500 m times.

    Such a race has distance 500 and a title starting ``2 × 500 m`` (or ``2 x 500 m``, case and
    spacing free). Its times are no 500 m times: they make no 500 m record, best or
    Adelskalender entry.
    """
    title = " ".join(race.title.casefold().replace("×", "x").split())
    return race.distance == 500 and title.startswith("2 x 500 m")


# -- the record book --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    """One individual timed result, as the archive judges it.

    ``person`` is the archive's person id; ``rink`` a rink id or key (None: unknown, no TR);
    ``nation`` the skater's nation then ("": unknown, no NR); ``junior`` whether the skater
    was a junior (``is_junior`` of the age group).
    """

    person: int
    distance: int
    gender: Gender
    date: datetime.date
    time: Time
    nation: str = ""
    rink: int | str | None = None
    junior: bool = False

    @property
    def season(self) -> int:
        return season_start(self.date)


_Scope = tuple[str, int, str, str | int | None]
"""(kind, distance, gender's value, where): the gender by its value, which hashes faster."""
_K = TypeVar("_K")


def _scope(kind: str, distance: int, gender: Gender, nation: str, rink: int | str | None) -> _Scope:
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown record {kind!r} (expected one of {', '.join(RECORD_KINDS)})")
    where: str | int | None = None
    if kind.startswith("NR"):
        if not nation:
            raise ValueError(f"an {kind} needs a nation")
        where = nation.upper()
    elif kind.startswith("TR"):
        if rink is None or rink == "":
            raise ValueError(f"a {kind} needs a rink")
        where = rink
    return (kind, distance, gender.value, where)


_BIT = {flag: 1 << index for index, flag in enumerate(RECORD_FLAGS)}
_FLAG_SETS = tuple(
    frozenset(flag for flag in RECORD_FLAGS if mask & _BIT[flag])
    for mask in range(1 << len(RECORD_FLAGS))
)
"""Every set of flags, by the mask of its ``_BIT``s: one frozenset object per set."""
_PB = _BIT["PB"]
_SB = _BIT["SB"]


@lru_cache(maxsize=1 << 14)
def _scopes(
    distance: int, gender: Gender, nation: str, rink: int | str | None, junior: bool
) -> tuple[tuple[int, _Scope], ...]:
    """The record scopes a result competes in, each with its flag's bit."""
    kinds = ["WR"]
    if nation:
        kinds.append("NR")
    if rink is not None and rink != "":
        kinds.append("TR")
    if junior:
        kinds += [kind + "J" for kind in kinds]
    return tuple((_BIT[kind], _scope(kind, distance, gender, nation, rink)) for kind in kinds)


@dataclass
class RecordBook:
    """Everything earlier, condensed: best hundredths per (distance, gender) world, per nation,
    per rink, junior variants, per person (PB) and per person+season (SB).

    ``add`` judges an entry and remembers it; ``judge`` only judges. ``add_hundredths`` and
    ``judge_hundredths`` do the same for a result given as plain values (no ``Entry``). A
    database loads only what one judgement needs with the ``seed_*`` methods (a seed keeps the
    better of what the book had and what it is given).
    """

    _records: dict[_Scope, int] = field(default_factory=dict, init=False, repr=False)
    _personal: dict[tuple[int, int], int] = field(default_factory=dict, init=False, repr=False)
    _seasonal: dict[tuple[int, int, int], int] = field(default_factory=dict, init=False, repr=False)

    # -- reading ------------------------------------------------------------------------------
    def record(
        self,
        kind: str,
        distance: int,
        gender: Gender,
        *,
        nation: str = "",
        rink: int | str | None = None,
    ) -> int | None:
        """The current record ``kind`` (``WR``, ``NRJ``, ...) in hundredths, None if none."""
        return self._records.get(_scope(kind, distance, gender, nation, rink))

    def personal_best(self, person: int, distance: int) -> int | None:
        """The person's best on the distance in hundredths, None if none."""
        return self._personal.get((person, distance))

    def season_best(self, person: int, distance: int, season: int) -> int | None:
        """The person's best on the distance in the season starting in ``season``."""
        return self._seasonal.get((person, distance, season))

    # -- judging ------------------------------------------------------------------------------
    def judge(self, entry: Entry, *, firsts: bool = True) -> frozenset[str]:
        """The flags ``entry`` earns against everything added (or seeded) before.

        With ``firsts=False`` only what improves on something the book holds: a scope, a
        person's distance or season the book knows nothing of earns no flag (what a result
        list can announce when the book may not hold the history).
        """
        return self.judge_hundredths(
            entry.person,
            entry.distance,
            entry.gender,
            entry.season,
            entry.time.hundredths,
            nation=entry.nation,
            rink=entry.rink,
            junior=entry.junior,
            firsts=firsts,
        )

    def add(self, entry: Entry) -> frozenset[str]:
        """Judge ``entry``, then remember it; returns its flags."""
        return self.add_hundredths(
            entry.person,
            entry.distance,
            entry.gender,
            entry.season,
            entry.time.hundredths,
            nation=entry.nation,
            rink=entry.rink,
            junior=entry.junior,
        )

    def judge_hundredths(
        self,
        person: int,
        distance: int,
        gender: Gender,
        season: int,
        hundredths: int,
        *,
        nation: str = "",
        rink: int | str | None = None,
        junior: bool = False,
        firsts: bool = True,
    ) -> frozenset[str]:
        """``judge`` of a result given as its values (``Entry``'s, the season's start year and
        the official time in hundredths)."""
        mask = 0
        records = self._records
        for bit, scope in _scopes(distance, gender, nation, rink, junior):
            best = records.get(scope)
            if firsts if best is None else hundredths <= best:
                mask |= bit
        personal = self._personal.get((person, distance))
        if firsts if personal is None else hundredths < personal:
            mask |= _PB
        seasonal = self._seasonal.get((person, distance, season))
        if firsts if seasonal is None else hundredths < seasonal:
            mask |= _SB
        return _FLAG_SETS[mask]

    def add_hundredths(
        self,
        person: int,
        distance: int,
        gender: Gender,
        season: int,
        hundredths: int,
        *,
        nation: str = "",
        rink: int | str | None = None,
        junior: bool = False,
    ) -> frozenset[str]:
        """``add`` of a result given as its values (see ``judge_hundredths``): judged, then
        remembered, in one pass."""
        mask = 0
        records = self._records
        for bit, scope in _scopes(distance, gender, nation, rink, junior):
            best = records.get(scope)
            if best is None or hundredths <= best:
                mask |= bit
                records[scope] = hundredths
        key = (person, distance)
        personal = self._personal.get(key)
        if personal is None or hundredths < personal:
            mask |= _PB
            self._personal[key] = hundredths
        seasonal_key = (person, distance, season)
        seasonal = self._seasonal.get(seasonal_key)
        if seasonal is None or hundredths < seasonal:
            mask |= _SB
            self._seasonal[seasonal_key] = hundredths
        return _FLAG_SETS[mask]

    # -- seeding ------------------------------------------------------------------------------
    def seed_record(
        self,
        kind: str,
        distance: int,
        gender: Gender,
        hundredths: int,
        *,
        nation: str = "",
        rink: int | str | None = None,
    ) -> None:
        """Know a standing record (``WR``, ``NR`` with ``nation``, ``TRJ`` with ``rink``, ...)."""
        _keep_best(self._records, _scope(kind, distance, gender, nation, rink), hundredths)

    def seed_personal_best(self, person: int, distance: int, hundredths: int) -> None:
        """Know a person's best on a distance."""
        _keep_best(self._personal, (person, distance), hundredths)

    def seed_season_best(self, person: int, distance: int, season: int, hundredths: int) -> None:
        """Know a person's best on a distance in the season starting in ``season``."""
        _keep_best(self._seasonal, (person, distance, season), hundredths)


def _keep_best(book: dict[_K, int], key: _K, hundredths: int) -> None:
    best = book.get(key)
    if best is None or hundredths < best:
        book[key] = hundredths


# -- the Adelskalender --------------------------------------------------------------------------
ADELSKALENDER_DISTANCES: Mapping[Gender, tuple[int, ...]] = MappingProxyType(
    {Gender.MEN: (500, 1500, 5000, 10000), Gender.WOMEN: (500, 1500, 3000, 5000)}
)
"""The classical allround distances the Adelskalender sums (RULES §8)."""


def adelskalender_points(bests: Mapping[int, Time], gender: Gender) -> int | None:
    """The Adelskalender score in thousandths of a point; None when a distance has no best.

    The samalog points (``points_thousandths``: seconds per 500 m of the official time,
    truncated to the thousandth) of the personal bests on ``ADELSKALENDER_DISTANCES``, summed.
    Lowest is best. Bests on other distances are ignored. Raises ``ValueError`` for
    ``Gender.MIXED``, which has no Adelskalender.
    """
    try:
        distances = ADELSKALENDER_DISTANCES[gender]
    except KeyError:
        raise ValueError(f"no Adelskalender for {gender.value}") from None
    if any(distance not in bests for distance in distances):
        return None
    return sum(points_thousandths(bests[distance], distance) for distance in distances)
