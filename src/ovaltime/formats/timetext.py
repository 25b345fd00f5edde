"""Times as text that keeps both the exact thousandths and the source's precision.

``Time.format`` writes the official notation, which cuts thousandths away; the files this package
writes must give back the very same ``Time``. The exact notation is the official one with the
source's number of decimals, followed, only where the thousandths hold more than those decimals
show, by the remaining digits in brackets — the way a result list prints a thousandth that splits
two skaters:

==================  ==========  =========
text                thousandths precision
==================  ==========  =========
``37.342``          37342       3
``37.34``           37340       2
``37.34(2)``        37342       2
``41.8``            41800       1
``41.8(50)``        41850       1
``1:07.01``         67010       2
``12:29.63``        749630      2
``41``              41000       0
``41(850)``         41850       0
==================  ==========  =========

Reading accepts every notation ``Time.parse`` accepts before the optional bracket.
"""

from __future__ import annotations

import re

from ovaltime.core.times import InvalidTime, Time

__all__ = ["format_exact", "parse_exact"]

_BRACKET = re.compile(r"^(.*?)\((\d{1,3})\)$")


def format_exact(time: Time) -> str:
    """The exact notation of ``time``: precision decimals, then any hidden digits in brackets."""
    text = time.format(decimals=time.precision)
    hidden = time.thousandths % 10 ** (3 - time.precision)
    if hidden:
        text += f"({hidden:0{3 - time.precision}d})"
    return text


def parse_exact(text: str) -> Time:
    """Read the exact notation (and every notation ``Time.parse`` accepts).

    The bracket must hold exactly the digits the decimals leave out (``37.34(2)``, ``41.8(50)``);
    anything else raises ``InvalidTime`` naming the text.
    """
    if not isinstance(text, str):
        raise InvalidTime(repr(text), "not text")
    match = _BRACKET.match(text.strip())
    if match is None:
        return Time.parse(text)
    main, digits = match.groups()
    try:
        shown = Time.parse(main)
    except InvalidTime as exc:
        raise InvalidTime(text, exc.reason) from None
    width = 3 - shown.precision
    if len(digits) != width:
        reason = (
            "no digits may follow three decimals"
            if width == 0
            else f"the bracket after {shown.precision} decimals needs {width} digit(s)"
        )
        raise InvalidTime(text, reason)
    return Time(shown.thousandths + int(digits), precision=shown.precision)
