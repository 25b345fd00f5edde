"""Hand-built results for the ranking, pairs and splits tests."""

from __future__ import annotations

from ovaltime.core.distances import Passage
from ovaltime.core.results import Result, Skater
from ovaltime.core.states import Lane, Status
from ovaltime.core.times import Time


def res(
    name: str,
    time: str | None = None,
    status: Status = Status.OK,
    *,
    pair: int | None = None,
    lane: Lane | None = None,
    passages: tuple[tuple[int, str], ...] = (),
    known: bool = True,
    published_rank: int | None = None,
) -> Result:
    """A result from readable values: ``res("E", "1:09.50", pair=3, passages=((200, "16.50"),))``.

    Passage times are given as text; every skater is Dutch, nation does not matter here.
    """
    return Result(
        skater=Skater(name, "NED"),
        time=Time.parse(time) if time is not None else None,
        status=status,
        pair=pair,
        lane=lane,
        passages=tuple(Passage(metres, Time.parse(t)) for metres, t in passages),
        thousandths_known=known,
        published_rank=published_rank,
    )


def eight_pairs() -> list[Result]:
    """A 1000 m in 8 pairs where the lead changes hands twice: A sets the pace in pair 1, E takes
    over in pair 3, K in pair 6 and holds on to the end. H's faster time is a DQ, C is a DNF and
    M did not start (and has no pair)."""
    inner, outer = Lane.INNER, Lane.OUTER
    return [
        res("A", "1:10.00", pair=1, lane=inner, passages=((200, "16.60"), (600, "42.40"))),
        res("B", "1:11.00", pair=1, lane=outer),
        res("C", None, Status.DNF, pair=2, lane=inner, passages=((200, "16.20"),)),
        res("D", "1:12.00", pair=2, lane=outer),
        res("E", "1:09.50", pair=3, lane=inner, passages=((200, "16.50"), (600, "42.00"))),
        res("F", "1:10.50", pair=3, lane=outer, passages=((200, "16.50"), (600, "42.30"))),
        res("G", "1:11.00", pair=4, lane=inner),
        res("H", "1:05.00", Status.DQ, pair=4, lane=outer, passages=((200, "15.90"),)),
        res("I", "1:10.00", pair=5, lane=inner),
        res("J", "1:12.00", pair=5, lane=outer),
        res(
            "K",
            "1:08.90",
            pair=6,
            lane=inner,
            passages=((200, "16.40"), (600, "41.90"), (1000, "1:08.90")),
        ),
        res("L", "1:13.00", pair=6, lane=outer),
        res("M", None, Status.DNS),
        res("N", "1:09.00", pair=7, lane=outer),
        res("O", "1:09.10", pair=8, lane=inner, passages=((200, "16.40"), (600, "42.10"))),
        res("P", "1:08.95", pair=8, lane=outer),
    ]
