"""Result statuses, race states, lanes and genders: enums, never loose strings."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

__all__ = ["Gender", "Lane", "RaceKind", "RaceState", "Status"]


class Status(Enum):
    """The status of one result. Only ``OK`` carries a rank and points (RULES §1)."""

    OK = "OK"
    DNF = "DNF"
    DQ = "DQ"
    WDR = "WDR"
    DNS = "DNS"

    @property
    def listing_order(self) -> int:
        """Order of unranked results after the ranked ones: DNF, DQ, WDR, DNS."""
        return _LISTING[self]

    @classmethod
    def parse(cls, text: str) -> Status:
        """``dnf``, ``DQ``, ``ok`` ...; an empty text is ``OK``. Raises ``ValueError`` naming it."""
        key = text.strip().upper()
        if not key:
            return cls.OK
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown status {text!r} (expected one of {names})") from None


_LISTING = {Status.OK: 0, Status.DNF: 1, Status.DQ: 2, Status.WDR: 3, Status.DNS: 4}


class RaceState(Enum):
    """scheduled -> live -> unofficial -> official (RULES §1)."""

    SCHEDULED = "scheduled"
    LIVE = "live"
    UNOFFICIAL = "unofficial"
    OFFICIAL = "official"


class Lane(Enum):
    """Start lane of a skater in a pair (white armband inner, red outer)."""

    INNER = "inner"
    OUTER = "outer"

    @classmethod
    def parse(cls, text: str) -> Lane:
        key = text.strip().lower()
        aliases = {
            "i": cls.INNER,
            "inner": cls.INNER,
            "w": cls.INNER,
            "white": cls.INNER,
            "o": cls.OUTER,
            "outer": cls.OUTER,
            "r": cls.OUTER,
            "red": cls.OUTER,
        }
        if key not in aliases:
            raise ValueError(f"unknown lane {text!r} (expected inner/i or outer/o)")
        return aliases[key]


class Gender(Enum):
    WOMEN = "women"
    MEN = "men"
    MIXED = "mixed"

    @classmethod
    def parse(cls, text: str) -> Gender:
        key = text.strip().lower()
        aliases = {
            "w": cls.WOMEN,
            "women": cls.WOMEN,
            "ladies": cls.WOMEN,
            "f": cls.WOMEN,
            "m": cls.MEN,
            "men": cls.MEN,
            "x": cls.MIXED,
            "mixed": cls.MIXED,
        }
        if key not in aliases:
            raise ValueError(f"unknown gender {text!r} (expected women, men or mixed)")
        return aliases[key]


_E = TypeVar("_E", bound=Enum)

_LANES = {
    "i": Lane.INNER,
    "inner": Lane.INNER,
    "w": Lane.INNER,
    "white": Lane.INNER,
    "o": Lane.OUTER,
    "outer": Lane.OUTER,
    "r": Lane.OUTER,
    "red": Lane.OUTER,
}
_GENDERS = {
    "w": Gender.WOMEN,
    "women": Gender.WOMEN,
    "ladies": Gender.WOMEN,
    "f": Gender.WOMEN,
    "m": Gender.MEN,
    "men": Gender.MEN,
    "x": Gender.MIXED,
    "mixed": Gender.MIXED,
}


def _by_alias(text: str, aliases: dict[str, _E], what: str, expected: str) -> _E:
    try:
        return aliases[text.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown {what} {text!r} (expected {expected})") from None


class RaceKind(Enum):
    """Individual races are skated in pairs; the others are ranked by their own rules."""

    INDIVIDUAL = "individual"
    MASS_START = "mass start"
    TEAM_PURSUIT = "team pursuit"
    TEAM_SPRINT = "team sprint"
    MIXED_RELAY = "mixed relay"
