"""Where a competition was skated and what level it is, from what its file says.

**Rinks.** A results file names its venue as its source prints it (ISU results texts:
``Olympic Oval (CAN)`` on line 3); the archive's rinks come from a rinks list
(``import_rinks``) keyed like the record lists (``calgary``). A venue maps to a rink of the
same nation when, folded (``core.identity.fold``):

1. it is listed in ``VENUE_KEYS`` (names the record lists spell otherwise), or
2. the rink's name equals the venue's name, or
3. every word of the rink's name is a word of the venue (``IJsstadion Thialf`` is ``Thialf``),

and exactly one rink qualifies at the first of these steps that finds any. Anything else is
left without a rink and reported: its results make no track records until an admin attaches
one (``attach_rink``).

**Levels** (``level_of``): ``olympics`` for Olympic Games, ``world-cup``, ``championship``
for championships, else empty (``national`` and ``club`` are set by hand).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ovaltime.core.identity import fold

__all__ = ["LEVELS", "VENUE_KEYS", "KnownRink", "Venues", "level_of", "venue_label"]

LEVELS = ("olympics", "world-cup", "championship", "national", "club", "")
"""The levels a competition can have ("" for unknown)."""

VENUE_KEYS: dict[tuple[str, str], str] = {
    ("hamar olympic hall", "NOR"): "hamar",
    ("vikingskipet", "NOR"): "hamar",
    ("max aicher arena", "GER"): "inzell",
}
"""Venues as results files name them (folded, with the nation) -> rink keys of the lists."""


@dataclass(frozen=True, slots=True)
class KnownRink:
    id: int
    key: str
    name: str
    nation: str


@dataclass
class Venues:
    """The stored rinks, to map venues onto (see the module)."""

    rinks: list[KnownRink]
    _by_key: dict[str, KnownRink] = field(init=False)

    def __post_init__(self) -> None:
        self._by_key = {rink.key: rink for rink in self.rinks}

    def by_key(self, key: str) -> KnownRink | None:
        """The rink of this key, or None."""
        return self._by_key.get(key)

    def rink_of(self, venue: str, nation: str) -> KnownRink | None:
        """The rink ``venue`` (of ``nation``) names, or None."""
        place, country = fold(venue), nation.strip().upper()
        if not place:
            return None
        listed = VENUE_KEYS.get((place, country))
        if listed is not None and listed in self._by_key:
            return self._by_key[listed]
        home = [r for r in self.rinks if not country or r.nation == country]
        words = set(place.split())
        for found in (
            [r for r in home if fold(r.name) == place],
            [r for r in home if set(fold(r.name).split()) <= words],
        ):
            if found:
                return found[0] if len(found) == 1 else None
        return None


def level_of(name: str) -> str:
    """The level a competition's name tells: ``olympics``, ``world-cup``, ``championship``."""
    words = fold(name)
    if "olympic" in words and ("games" in words or "olympics" in words or "winter" in words):
        return "olympics"
    if "world cup" in words:
        return "world-cup"
    if "championship" in words:
        return "championship"
    return ""


def venue_label(venue: str, nation: str) -> str:
    """``Olympic Oval (CAN)``: a venue as the reports name it."""
    return f"{venue} ({nation})" if nation else venue
