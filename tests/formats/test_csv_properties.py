"""The CSV readers never fail with anything but FormatError, and written files read back."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from ovaltime.core.results import Race
from ovaltime.formats.classification_csv import read_classification_csv, write_classification_csv
from ovaltime.formats.problems import FormatError
from ovaltime.formats.race_csv import read_race_csv, write_race_csv
from tests.formats.strategies import classification_races, races

CSVISH = st.text(
    alphabet=st.sampled_from(list("skater,time;status\n\r\"' 0123456789:.DQNFSm\ufeff"))
)
HEADERS = st.sampled_from(
    ["skater,time\n", "skater;status;pair;lane;100\n", "skater,distance,race,time,status\n", ""]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), HEADERS.flatmap(lambda h: CSVISH.map(lambda body: h + body))))
def test_readers_raise_only_format_errors(text: str) -> None:
    for read in (read_race_csv, read_classification_csv):
        with contextlib.suppress(FormatError):
            read(text, "fuzz.csv")


@settings(max_examples=150, deadline=None)
@given(races(full=False))
def test_race_csv_round_trips(race: Race) -> None:
    text = write_race_csv(race)
    if race.results:
        imported = read_race_csv(text, "race.csv")
    else:  # distance and gender travel in the rows: an empty race needs them as arguments
        imported = read_race_csv(text, "race.csv", distance=race.distance, gender=race.gender)
    assert imported.problems == ()
    assert imported.race == race
    for result, back in zip(race.results, imported.race.results, strict=True):
        if result.time is not None:
            assert back.time is not None
            assert back.time.precision == result.time.precision


@settings(max_examples=100, deadline=None)
@given(classification_races())
def test_classification_csv_round_trips(found: list[Race]) -> None:
    imported = read_classification_csv(write_classification_csv(found), "c.csv")
    assert imported.problems == ()
    assert list(imported.races) == found
