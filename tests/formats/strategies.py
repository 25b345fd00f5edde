"""Hypothesis strategies for random but sound competitions, races and results."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ovaltime.core.distances import STANDARD_DISTANCES, Passage, split_points
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import Time

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZÅØÆåøæéüöäŻżçñ'-"

words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)
nations = st.sampled_from(["", "NED", "NOR", "USA", "JPN", "CAN", "POL"])
age_groups = st.sampled_from(["", "Senior", "Neo", "A1"])
skaters = st.builds(Skater, names, nations, age_groups)
times = st.builds(
    Time, st.integers(min_value=0, max_value=4 * 3600 * 1000), st.integers(min_value=0, max_value=3)
)
dates = st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2100, 12, 31))
short_text = st.text(alphabet=LETTERS + " 0123456789", min_size=1, max_size=12).map(str.strip)


@st.composite
def passages_for(draw: st.DrawFn, metres: int, final: Time | None) -> tuple[Passage, ...]:
    """Passages on split points in order with rising times; the finish equals ``final``."""
    points = draw(st.lists(st.sampled_from(split_points(metres)), unique=True, max_size=6))
    points.sort()
    if final is not None and points and points[-1] == metres:
        points.pop()
    stamps = draw(
        st.lists(
            st.integers(min_value=1, max_value=(final.thousandths - 1) if final else 10**6),
            unique=True,
            min_size=len(points),
            max_size=len(points),
        )
        if final is None or final.thousandths > len(points) + 1
        else st.just([])
    )
    if len(stamps) < len(points):
        return ()
    stamps.sort()
    precisions = draw(st.lists(st.integers(0, 3), min_size=len(points), max_size=len(points)))
    out = [Passage(m, Time(t, p)) for m, t, p in zip(points, stamps, precisions, strict=True)]
    if final is not None and draw(st.booleans()):
        out.append(Passage(metres, final))
    return tuple(out)


@st.composite
def results_for(
    draw: st.DrawFn, metres: int, index: int, skater: Skater, *, full: bool = True
) -> Result:
    """A sound result; ``full`` adds the fields only the competition document carries."""
    status = draw(st.sampled_from(list(Status)))
    time = draw(times) if status is Status.OK else draw(st.none() | times)
    paired = draw(st.booleans())
    return Result(
        skater=skater,
        time=time,
        status=status,
        infraction=draw(st.sampled_from(["", "T07", "T10"])) if status is Status.DQ else "",
        fell=draw(st.booleans()),
        pair=index // 2 + 1 if paired else None,
        lane=(Lane.INNER if index % 2 == 0 else Lane.OUTER) if paired else None,
        passages=draw(passages_for(metres, time)) if full or draw(st.booleans()) else (),
        records=tuple(draw(st.lists(st.sampled_from(["WR", "TR", "NR", "PB", "SB"]), max_size=2))),
        thousandths_known=draw(st.booleans()) if full else True,
        published_rank=draw(st.none() | st.integers(min_value=1, max_value=40)),
    )


@st.composite
def field_of(draw: st.DrawFn, pool: list[Skater], metres: int, *, full: bool) -> tuple[Result, ...]:
    """Results of distinct skaters (by their key) drawn from ``pool``."""
    chosen = draw(st.lists(st.sampled_from(pool), max_size=8, unique_by=lambda s: s.key))
    return tuple(draw(results_for(metres, i, s, full=full)) for i, s in enumerate(chosen))


@st.composite
def races(draw: st.DrawFn, pool: list[Skater] | None = None, *, full: bool = True) -> Race:
    """A race; with ``full`` false only what a race CSV carries (no metadata, no passages off)."""
    if pool is None:
        pool = draw(st.lists(skaters, min_size=1, max_size=10))
    metres = draw(st.sampled_from(STANDARD_DISTANCES))
    results = draw(field_of(pool, metres, full=full))
    if not full:
        return Race(metres, draw(st.sampled_from(list(Gender))), results)
    return Race(
        distance=metres,
        gender=draw(st.sampled_from(list(Gender))),
        results=results,
        kind=draw(st.sampled_from(list(RaceKind))),
        number=draw(st.integers(min_value=1, max_value=3)),
        division=draw(st.sampled_from(["", "A", "B"])),
        title=draw(st.sampled_from(["", "500 m men", "Mass start Division A"])),
        date=draw(st.none() | dates),
        state=draw(st.sampled_from(list(RaceState))),
    )


@st.composite
def competitions(draw: st.DrawFn) -> Competition:
    pool = draw(st.lists(skaters, min_size=1, max_size=12))
    start = draw(st.none() | dates)
    end = None
    if start is not None and draw(st.booleans()):
        end = start + dt.timedelta(days=draw(st.integers(0, 5)))
    return Competition(
        name=draw(st.text(max_size=30)),
        races=tuple(draw(st.lists(races(pool), max_size=5))),
        venue=draw(st.sampled_from(["", "Thialf, Heerenveen", "Hamar Olympic Hall"])),
        nation=draw(nations),
        start=start,
        end=end,
    )


@st.composite
def classification_races(draw: st.DrawFn) -> list[Race]:
    """Races of one gender with distinct (distance, number), results without passages."""
    pool = draw(st.lists(skaters, min_size=1, max_size=8))
    gender = draw(st.sampled_from(list(Gender)))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(STANDARD_DISTANCES), st.integers(1, 2)),
            unique=True,
            max_size=4,
        )
    )
    out = []
    for metres, number in keys:
        results = draw(field_of(pool, metres, full=False))
        stripped = tuple(r.with_(passages=()) for r in results)
        if stripped:
            out.append(Race(metres, gender, stripped, number=number))
    return out
