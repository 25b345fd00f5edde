"""Words for numbers, names and places, as a news agency writes them.

* **Distances** with a thousands separator: ``1,500 m``, ``10,000 m``; a race named by its kind
  (``mass start``, ``team pursuit``) keeps that name.
* **Times** in the official notation (``1:51.79``); a gap in seconds with two decimals
  (``0.27 seconds``), three where only the thousandth separates (``0.003 seconds``).
* **Names.** The first mention is the full name as the list gives it, with the nation in brackets;
  later mentions use the surname. Result lists print names in two ways: ``KOK Femke`` (surname in
  capitals, first) and ``Femke Kok``. In the first, the tokens in capitals are the surname; in the
  second, the last token is, with the particles that precede it (``Jorien ter Mors`` -> ``ter
  Mors``, ``Antoinette de Jong`` -> ``de Jong``). A name in capitals is written in title case
  (``Van Der POEL`` -> ``Van Der Poel``): the list's own capitals are typography, not spelling.
* **Pairs**: ``the opening pair``, ``the final pair``, ``the penultimate pair``, else ``pair 4``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ovaltime.core.results import Race, Skater
from ovaltime.core.states import Gender, RaceKind
from ovaltime.core.times import Time

__all__ = [
    "count_words",
    "distance_words",
    "full_name",
    "gap_words",
    "join_words",
    "ordinal",
    "pair_words",
    "race_words",
    "surname",
    "time_words",
]

_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "ter",
    "ten",
    "op",
    "het",
    "'t",
    "zu",
}
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def _capitals(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _title(token: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))


def _split(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname tokens) of a name written either way (module docstring)."""
    tokens = name.split()
    if (
        len(tokens) > 1
        and any(_capitals(t) for t in tokens)
        and not all(_capitals(t) for t in tokens)
    ):
        family = [_title(t) for t in tokens if _capitals(t)]
        given = [t for t in tokens if not _capitals(t)]
        return given, family
    if len(tokens) <= 1:
        return [], tokens
    last = len(tokens) - 1
    while last > 1 and tokens[last - 1].casefold() in _PARTICLES:
        last -= 1
    return tokens[:last], tokens[last:]


def full_name(skater: Skater) -> str:
    """``Femke Kok`` for ``KOK Femke`` and for ``Femke Kok``."""
    given, family = _split(skater.name)
    return " ".join([*given, *family])


def surname(skater: Skater) -> str:
    """The name for later mentions: ``Kok``, ``ter Mors``, ``de Jong``."""
    _, family = _split(skater.name)
    return " ".join(family) if family else skater.name


def distance_words(distance: int) -> str:
    """``500 m``, ``1,500 m``, ``10,000 m``."""
    return f"{distance:,} m"


def race_words(race: Race) -> str:
    """``the women's 1,500 m``, ``the men's mass start``, ``the mixed relay``; the second race of
    a distance is ``the second men's 500 m``; division B says so."""
    what = distance_words(race.distance) if race.kind is RaceKind.INDIVIDUAL else race.kind.value
    who = "" if race.gender is Gender.MIXED else f"{race.gender.value}'s "
    number = f"{ordinal(race.number)} " if race.number > 1 else ""
    division = f" (division {race.division})" if race.division not in ("", "A") else ""
    return f"the {number}{who}{what}{division}"


def time_words(time: Time) -> str:
    """The official notation, ``1:51.79``."""
    return time.format()


def gap_words(thousandths: int) -> str:
    """``0.27 seconds``, ``1.73 seconds``, ``a hundredth of a second``, ``0.003 seconds``
    (where only the thousandth counts); never negative."""
    gap = abs(thousandths)
    if gap % 10:
        return f"{gap / 1000:.3f} seconds"
    if gap == 10:
        return "a hundredth of a second"
    whole, millis = divmod(gap, 1000)
    if whole >= 60:
        return f"{Time(gap).format(decimals=2)}"
    return f"{whole}.{millis // 10:02d} seconds"


_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(number: int) -> str:
    """``one`` ... ``ten``, then digits: ``12``."""
    return _COUNTS[number] if 0 <= number < len(_COUNTS) else str(number)


def ordinal(number: int) -> str:
    """``first`` ... ``tenth``, then ``11th``, ``22nd``."""
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def pair_words(pair: int, last_pair: int) -> str:
    """``the opening pair``, ``the final pair``, ``the penultimate pair`` or ``pair 4``."""
    if pair == last_pair and pair > 1:
        return "the final pair"
    if pair == 1:
        return "the opening pair"
    if pair == last_pair - 1:
        return "the penultimate pair"
    return f"pair {pair}"


def join_words(items: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
