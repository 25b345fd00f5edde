"""Times: an exact count of thousandths of a second, parsed from every published notation.

Official times are hundredths, truncated from the timing's thousandths (RULES §1). The thousandth
is printed in brackets (``37.34(2)``) only where it separates skaters equal on hundredths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["InvalidTime", "Time", "format_behind"]


class InvalidTime(ValueError):
    """A text that is not a time; the message names the text."""

    def __init__(self, text: str, reason: str = "not a time") -> None:
        super().__init__(f"invalid time {text!r}: {reason}")
        self.text = text
        self.reason = reason


# [[h:]m:]s[.fraction] with ':' between units, or the Dutch/ISU-diff style m.ss,hh / m.ss.fff.
_COLON = re.compile(r"^(?:(?:(\d+):)?(\d+):)?(\d+)(?:\.(\d{1,3}))?$")
_DOTTED = re.compile(r"^(\d+)\.(\d{1,2})[.,](\d{1,3})$")
_COMMA = re.compile(r"^(\d+),(\d{1,3})$")


@dataclass(frozen=True, order=True, slots=True)
class Time:
    """A time of day-free duration in thousandths of a second.

    ``precision`` is how many decimals the source gave (1, 2 or 3); it only affects how a
    time is written back (``0:41.8`` stays ``41.8``), never comparisons.
    """

    thousandths: int
    precision: int = field(default=3, compare=False)

    def __post_init__(self) -> None:
        if self.thousandths < 0:
            raise InvalidTime(str(self.thousandths), "negative")
        if self.precision not in (0, 1, 2, 3):
            raise InvalidTime(str(self.thousandths), f"precision {self.precision} not 0-3")

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> Time:
        """Parse every published notation (RULES §1).

        ``36.48``, ``1:07.01``, ``12:29.63``, ``0:41.8``, ``37.342``, Dutch ``1.15,70`` and
        ``41,38``, and the ISU gap style ``1.02.410``. Raises ``InvalidTime`` naming the text.
        """
        if not isinstance(text, str):
            raise InvalidTime(repr(text), "not text")
        raw = text.strip()
        if not raw:
            raise InvalidTime(text, "empty")
        hours = minutes = 0
        has_minutes = True
        if m := _COLON.match(raw):
            h, mi, s, frac = m.groups()
            has_minutes = mi is not None
            if h is not None:
                hours = int(h)
            if mi is not None:
                minutes = int(mi)
            if (h is not None or mi is not None) and len(s) != 2:
                raise InvalidTime(text, "seconds after minutes need two digits")
            if h is not None and len(mi) != 2:
                raise InvalidTime(text, "minutes after hours need two digits")
        elif m := _DOTTED.match(raw):
            mi, s, frac = m.groups()
            minutes = int(mi)
            if len(s) != 2:
                raise InvalidTime(text, "seconds after minutes need two digits")
        elif m := _COMMA.match(raw):
            s, frac = m.groups()
            has_minutes = False
        else:
            raise InvalidTime(text)
        seconds = int(s)
        if has_minutes and seconds >= 60:
            raise InvalidTime(text, "seconds must be below 60")
        if hours and minutes >= 60:
            raise InvalidTime(text, "minutes must be below 60")
        digits = len(frac) if frac else 0
        fraction = int((frac or "0").ljust(3, "0"))
        total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction
        return cls(total, precision=digits)

    @classmethod
    def from_seconds(cls, seconds: Decimal | str | int) -> Time:
        """From a decimal number of seconds (``Decimal("37.342")``); at most three decimals."""
        value = Decimal(seconds)
        thousandths = value * 1000
        if thousandths != thousandths.to_integral_value() or value < 0:
            raise InvalidTime(str(seconds), "more than three decimals or negative")
        exponent = value.as_tuple().exponent
        precision = min(3, max(0, -exponent)) if isinstance(exponent, int) else 3
        return cls(int(thousandths), precision=precision)

    # -- views --------------------------------------------------------------------------------
    @property
    def hundredths(self) -> int:
        """The official time in hundredths, truncated (37.087 -> 3708)."""
        return self.thousandths // 10

    @property
    def official(self) -> Time:
        """This time cut to its official hundredths."""
        return Time(self.hundredths * 10, precision=min(self.precision, 2))

    @property
    def seconds(self) -> Decimal:
        """Exact seconds as a Decimal, with the source's precision (``Decimal('37.342')``)."""
        return Decimal(self.thousandths).scaleb(-3)

    @property
    def thousandth_digit(self) -> int:
        return self.thousandths % 10

    def format(self, *, thousandth: bool = False, decimals: int | None = None) -> str:
        """The official notation: ``36.48``, ``1:07.01``; ``37.34(2)`` with ``thousandth``.

        ``decimals`` (0-3) overrides the number of decimals written; by default the official
        hundredths, or fewer when the source had fewer (``41.8``).
        """
        places = min(self.precision, 2) if decimals is None else decimals
        whole, millis = divmod(self.thousandths, 1000)
        text = _clock(whole)
        if places:
            text += "." + f"{millis:03d}"[:places]
        if thousandth and decimals is None:
            text += f"({self.thousandth_digit})"
        return text

    def __str__(self) -> str:
        return self.format()

    def __add__(self, other: Time) -> Time:
        return Time(self.thousandths + other.thousandths, min(self.precision, other.precision))

    def __sub__(self, other: Time) -> int:
        """The difference in thousandths (may be negative)."""
        return self.thousandths - other.thousandths


def _clock(whole_seconds: int) -> str:
    minutes, seconds = divmod(whole_seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    if minutes:
        return f"{minutes}:{seconds:02d}"
    return str(seconds)


def format_behind(thousandths: int, *, decimals: int = 2) -> str:
    """A gap as published: ``+0.36``, ``+1:02.41``; ``-0.12`` for a time ahead.

    ``decimals`` 2 (default) truncates to hundredths; 3 keeps the thousandths (``+0.189``).
    """
    sign = "-" if thousandths < 0 else "+"
    whole, millis = divmod(abs(thousandths), 1000)
    return f"{sign}{_clock(whole)}.{f'{millis:03d}'[:decimals]}"
