"""The race day as a timeline: the moments at which officials enter what the demo holds."""

from __future__ import annotations

from ovaltime.core.distances import Passage
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.demo import demo_competition
from ovaltime.services.race_day import (
    LEAD_IN,
    OFFICIAL_AFTER,
    PAIR_GAP,
    RACE_GAP,
    UNOFFICIAL_AFTER,
    ChangeState,
    RecordPassage,
    RecordResult,
    SetStartList,
    Step,
    pair_of,
    race_day,
)

ANNA = Skater("Anna Visser", "NED")
BEA = Skater("Bea Berg", "NOR")
CARA = Skater("Cara Cole", "CAN")


def _passages(*pairs: tuple[int, int]) -> tuple[Passage, ...]:
    return tuple(Passage(metres, Time(thousandths)) for metres, thousandths in pairs)


def _race() -> Race:
    return Race(
        500,
        Gender.WOMEN,
        (
            Result(ANNA, Time(38_000), pair=1, lane=Lane.INNER, passages=_passages((100, 10_000))),
            Result(BEA, status=Status.DQ, infraction="T08", pair=1, lane=Lane.OUTER),
            Result(
                CARA,
                Time(39_000),
                pair=2,
                lane=Lane.INNER,
                passages=_passages((100, 10_500), (500, 39_000)),
            ),
        ),
    )


def test_a_race_day_in_order_with_its_moments() -> None:
    steps = race_day(Competition("Club Cup", (_race(),)))
    second_pair = LEAD_IN + 38.0 + PAIR_GAP
    finish = second_pair + 39.0
    assert steps == [
        Step(0.0, SetStartList(0)),
        Step(0.0, ChangeState(0, RaceState.LIVE)),
        Step(LEAD_IN + 10.0, RecordPassage(0, 0, Passage(100, Time(10_000)))),
        Step(LEAD_IN + 38.0, RecordResult(0, 0)),
        Step(LEAD_IN + 38.0, RecordResult(0, 1)),  # the DQ once the pair is done
        Step(second_pair + 10.5, RecordPassage(0, 2, Passage(100, Time(10_500)))),
        Step(finish, RecordPassage(0, 2, Passage(500, Time(39_000)))),
        Step(finish, RecordResult(0, 2)),  # after its own finish passage
        Step(finish + UNOFFICIAL_AFTER, ChangeState(0, RaceState.UNOFFICIAL)),
        Step(finish + UNOFFICIAL_AFTER + OFFICIAL_AFTER, ChangeState(0, RaceState.OFFICIAL)),
    ]


def test_the_next_race_starts_after_the_gap() -> None:
    steps = race_day(Competition("Club Cup", (_race(), _race())))
    official = steps[9]
    assert official.action == ChangeState(0, RaceState.OFFICIAL)
    assert steps[10] == Step(official.at + RACE_GAP, SetStartList(1))


def test_the_demo_day_is_ordered_and_complete() -> None:
    demo = demo_competition()
    steps = race_day(demo)
    assert [s.at for s in steps] == sorted(s.at for s in steps)
    results = [s.action for s in steps if isinstance(s.action, RecordResult)]
    assert len(results) == sum(len(race.results) for race in demo.races)
    passages = [s for s in steps if isinstance(s.action, RecordPassage)]
    assert len(passages) == sum(len(r.passages) for race in demo.races for r in race.results)
    first = next(s for s in steps if isinstance(s.action, RecordResult))
    assert 40.0 < first.at < 60.0, "the first 500 m pair finishes within a minute"


def test_pairs_without_numbers_go_two_by_two_and_a_mass_start_skates_together() -> None:
    skaters = (Result(ANNA, Time(1)), Result(BEA, Time(1)), Result(CARA, Time(1)))
    paired = Race(500, Gender.WOMEN, skaters)
    assert [pair_of(paired, i) for i in range(3)] == [1, 1, 2]
    mass = Race(10000, Gender.WOMEN, skaters, kind=RaceKind.MASS_START)
    assert [pair_of(mass, i) for i in range(3)] == [1, 1, 1]
