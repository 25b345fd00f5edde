"""Races made up for the PDF tests: every case a result list must print, and a long field."""

from __future__ import annotations

import datetime as dt

from ovaltime.core.distances import Passage
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceState, Status
from ovaltime.core.times import Time

NAMES = ("Sebastian Kłosowski", "Kjeld Nuis", "Metoděj Jílek", "Andżelika Wójcik", "Zoë Ærø")


def result(
    name: str,
    nation: str,
    time: str | None,
    pair: int,
    lane: Lane,
    **more: object,
) -> Result:
    return Result(
        Skater(name, nation),
        time=Time.parse(time) if time else None,
        pair=pair,
        lane=lane,
        **more,  # type: ignore[arg-type]
    )


def every_case(state: RaceState = RaceState.OFFICIAL) -> Race:
    """A 1000 m with equal hundredths split by the thousandth, a record, DQ, DNF and a fall."""
    return Race(
        1000,
        Gender.MEN,
        (
            result("Kjeld Nuis", "NED", "1:07.342", 1, Lane.INNER, records=("TR", "PB")),
            result("Sebastian Kłosowski", "POL", "1:07.348", 1, Lane.OUTER),
            result("Metoděj Jílek", "CZE", "1:07.70", 2, Lane.INNER, fell=True),
            result(
                "Andżelika Wójcik", "POL", None, 2, Lane.OUTER, status=Status.DQ, infraction="T25"
            ),
            result("Zoë Ærø", "DEN", None, 3, Lane.INNER, status=Status.DNF),
        ),
        date=dt.date(2025, 3, 1),
        state=state,
    )


def competition(*races: Race) -> Competition:
    return Competition(
        "Kampioenschap Łódź–Thialf",
        races,
        venue="IJsstadion Thialf",
        nation="NED",
        start=dt.date(2025, 2, 28),
        end=dt.date(2025, 3, 2),
    )


def long_field(skaters: int = 120) -> Race:
    """A 500 m of ``skaters`` in pairs, times 0.07 s apart from 35.00, with passages."""
    results = []
    for index in range(skaters):
        time = Time(35_000 + 70 * index)
        opener = Time(9_600 + 20 * index)
        results.append(
            Result(
                Skater(f"Skater {index + 1:03d} Łukasz", "POL"),
                time=time,
                pair=index // 2 + 1,
                lane=Lane.INNER if index % 2 == 0 else Lane.OUTER,
                passages=(Passage(100, opener),),
            )
        )
    return Race(500, Gender.MEN, tuple(results), date=dt.date(2025, 3, 1))
