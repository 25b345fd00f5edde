"""A skater's PB progression as an inline SVG chart, drawn here without a plotting library.

One chart holds every distance: each time is drawn as **seconds per 500 m** (the samalog
measure the Adelskalender sums), so that a 500 m and a 10000 m share one axis and a season's
progress on each can be compared. Faster is higher; each distance is one line from its first
result to its current PB, a point per improvement. The chart is plain SVG (no script, no
external file), has a title and a description for screen readers, and the same numbers are
in the page's tables, so it is never the only place they can be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from ovaltime.core.times import Time

__all__ = ["Step", "progression_svg"]

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 110, 16, 36
#: Line colours by distance, told apart by their labels too (never by colour alone).
COLOURS = ("#1d4ed8", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0f766e", "#be123c")


@dataclass(frozen=True, slots=True)
class Step:
    """One improvement: when, and the time (written as the tables write it: ``41.8``)."""

    date: dt.date
    time: Time


def _per_500(distance: int, thousandths: int) -> Decimal:
    return Decimal(thousandths * 500) / Decimal(distance * 1000)


def _ticks(low: Decimal, high: Decimal, count: int = 4) -> list[Decimal]:
    span = high - low
    if span <= 0:
        return [low]
    return [low + span * Decimal(i) / Decimal(count) for i in range(count + 1)]


def progression_svg(progressions: Mapping[int, Sequence[Step]], *, title: str) -> Markup:
    """The chart of every distance's progression (distance -> steps, oldest first); an empty
    ``Markup`` when there is nothing to draw."""
    series = {d: list(steps) for d, steps in sorted(progressions.items()) if steps}
    if not series:
        return Markup("")
    values = [_per_500(d, s.time.thousandths) for d, steps in series.items() for s in steps]
    dates = [s.date for steps in series.values() for s in steps]
    low, high = min(values), max(values)
    if high - low < Decimal("0.5"):
        middle = (high + low) / 2
        low, high = middle - Decimal("0.25"), middle + Decimal("0.25")
    first, last = min(dates), max(dates)
    if (last - first).days < 60:
        first, last = first - dt.timedelta(days=30), last + dt.timedelta(days=30)
    days = (last - first).days
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(date: dt.date) -> float:
        return LEFT + inner_w * (date - first).days / days

    def y(value: Decimal) -> float:
        return TOP + float((value - low) / (high - low)) * inner_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        '<desc id="chart-desc">Personal bests over time in seconds per 500 m, faster higher; '
        "one line per distance. The same times are in the tables.</desc>",
        f'<rect x="{LEFT}" y="{TOP}" width="{inner_w}" height="{inner_h}" fill="none" '
        'stroke="#d0d7de"/>',
    ]
    for value in _ticks(low, high):
        at = y(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + inner_w}" y1="{at:.1f}" y2="{at:.1f}" '
            'stroke="#eef1f4"/>'
            f'<text x="{LEFT - 6}" y="{at + 4:.1f}" text-anchor="end" font-size="11">'
            f"{value:.2f}</text>"
        )
    for year in range(first.year + 1, last.year + 1):
        at = x(dt.date(year, 1, 1))
        parts.append(
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{TOP}" y2="{TOP + inner_h}" stroke="#eef1f4"/>'
        )
    step = max(1, (last.year - first.year) // 6)
    for year in range(first.year + 1, last.year + 1, step):
        at = x(dt.date(year, 1, 1))
        parts.append(
            f'<text x="{at:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11">{year}</text>'
        )
    if last.year == first.year:
        parts.append(
            f'<text x="{LEFT + inner_w / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle" font-size="11">{first.year}</text>'
        )
    parts.append(
        f'<text x="12" y="{TOP + inner_h / 2:.1f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 12 {TOP + inner_h / 2:.1f})">s per 500 m</text>'
    )
    for index, (distance, steps) in enumerate(series.items()):
        colour = COLOURS[index % len(COLOURS)]
        points = [(x(s.date), y(_per_500(distance, s.time.thousandths))) for s in steps]
        line = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<g class="series" data-distance="{distance}">')
        if len(points) > 1:
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for (px, py), s in zip(points, steps, strict=True):
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}">'
                f"<title>{distance} m: {s.time.format()} on {s.date.isoformat()}</title>"
                "</circle>"
            )
        _, end_y = points[-1]
        parts.append(
            f'<text x="{LEFT + inner_w + 8}" y="{end_y + 4:.1f}" font-size="12" '
            f'fill="{colour}">{distance} m</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
