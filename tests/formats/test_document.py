"""The competition document: exact round trips, schema conformity, every problem with its path."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ovaltime.core.distances import Passage
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import Time
from ovaltime.formats.document import (
    dump_competition,
    dumps_competition,
    load_competition,
    read_competition_file,
    schema,
    write_competition_file,
)
from ovaltime.formats.problems import FormatError

ROEST = Skater("Patrick Roest", "NED", "Senior")
PEDERSEN = Skater("Sverre Lunde Pedersen", "NOR")
KRAMER = Skater("Sven Kramer", "NED")
ZUREK = Skater("Damian Żurek", "POL", "Senior")


def t(text: str) -> Time:
    return Time.parse(text)


def full_competition() -> Competition:
    """Every field of every value set to something other than its default, somewhere."""
    five_hundred = Race(
        500,
        Gender.MEN,
        (
            Result(
                ROEST,
                t("36.97"),
                pair=1,
                lane=Lane.INNER,
                passages=(Passage(100, t("9.71")), Passage(500, t("36.970"))),
                records=("TR", "PB"),
                published_rank=1,
            ),
            Result(PEDERSEN, Time(37422, 2), pair=1, lane=Lane.OUTER, thousandths_known=False),
            Result(KRAMER, t("37.43"), fell=True, pair=2, lane=Lane.INNER),
            Result(ZUREK, None, Status.DQ, infraction="T07", pair=2, lane=Lane.OUTER),
        ),
        date=dt.date(2018, 3, 3),
    )
    five_thousand = Race(
        5000,
        Gender.MEN,
        (
            Result(ROEST, t("6:37.07")),
            Result(PEDERSEN, t("6:33.81"), records=("TR",)),
            Result(KRAMER, t("6:34.15")),
            Result(ZUREK, None, Status.DNS),
        ),
        number=2,
        division="A",
        title="5000 m men",
        state=RaceState.UNOFFICIAL,
    )
    mass_start = Race(
        6400,
        Gender.MEN,
        (Result(KRAMER, Time(7_45_000 + 300, 1), Status.DNF),),
        kind=RaceKind.MASS_START,
        state=RaceState.LIVE,
    )
    old = Race(500, Gender.MEN, (Result(Skater("Old Timer"), t("0:41.8")),), number=3)
    return Competition(
        "World Allround Championships",
        (five_hundred, five_thousand, mass_start, old),
        venue="Olympic Stadium, Amsterdam",
        nation="NED",
        start=dt.date(2018, 3, 3),
        end=dt.date(2018, 3, 4),
    )


def test_round_trip_is_equal_and_gives_the_same_text() -> None:
    competition = full_competition()
    text = dumps_competition(competition)
    back = load_competition(text)
    assert back == competition
    assert dumps_competition(back) == text


def test_round_trip_keeps_precision() -> None:
    back = load_competition(dumps_competition(full_competition()))
    times = [r.time for race in back.races for r in race.results if r.time]
    original = [r.time for race in full_competition().races for r in race.results if r.time]
    assert [x.precision for x in times] == [x.precision for x in original]


def test_layout() -> None:
    data = dump_competition(full_competition())
    assert list(data) == ["format", "version", "competition", "skaters", "races"]
    assert data["format"] == "ovaltime-competition"
    assert data["version"] == 1
    assert data["skaters"][0] == {
        "id": "s1",
        "name": "Patrick Roest",
        "nation": "NED",
        "age_group": "Senior",
    }
    assert len(data["skaters"]) == 5
    first = data["races"][0]
    assert first["distance"] == 500
    assert "kind" not in first
    assert "number" not in first
    assert "state" not in first
    assert first["results"][0] == {
        "skater": "s1",
        "time": "36.97",
        "pair": 1,
        "lane": "inner",
        "passages": [{"metres": 100, "time": "9.71"}, {"metres": 500, "time": "36.970"}],
        "records": ["TR", "PB"],
        "published_rank": 1,
    }
    assert first["results"][1]["time"] == "37.42(2)"
    assert first["results"][1]["thousandths_known"] is False
    assert first["results"][3] == {
        "skater": "s4",
        "status": "DQ",
        "infraction": "T07",
        "pair": 2,
        "lane": "outer",
    }
    assert data["races"][2]["kind"] == "mass start"
    assert data["races"][3]["results"][0]["time"] == "41.8"


def test_text_is_pretty_utf8_and_stable() -> None:
    text = dumps_competition(full_competition())
    assert "Damian Żurek" in text
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format": "ovaltime-competition",\n  "version": 1,')
    assert dumps_competition(full_competition()) == text


def test_exported_document_validates_against_the_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(dump_competition(full_competition()), schema())


def test_empty_competition() -> None:
    empty = Competition("")
    assert dump_competition(empty)["competition"] == {"name": ""}
    assert load_competition(dumps_competition(empty)) == empty


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "amsterdam.json"
    write_competition_file(full_competition(), path)
    assert read_competition_file(path) == full_competition()
    assert path.read_text(encoding="utf-8") == dumps_competition(full_competition())


def test_unreadable_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read the file"):
        read_competition_file(tmp_path / "missing.json")


def test_importing_the_module_does_not_import_jsonschema() -> None:
    code = "import sys, ovaltime.formats.document; print('jsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- bad documents ----------------------------------------------------------------------------
def bad_document() -> dict[str, Any]:
    data = copy.deepcopy(dump_competition(full_competition()))
    races = data["races"]
    races[0]["results"][0]["time"] = "1:7.0"
    races[0]["results"][1]["skater"] = "s99"
    races[0]["results"][0]["passages"][0]["metres"] = 200
    races[1]["distance"] = 550
    races[1]["results"][1]["time"] = "6:33,81x"
    races[1]["results"][2]["skater"] = "s1"
    races[1]["colour"] = "blue"
    races[2]["results"][0]["lane"] = "middle"
    data["skaters"].append({"id": "s2", "name": "Someone Else"})
    data["competition"]["start"] = "2018-02-30"
    return data


def problems_of(data: dict[str, Any] | str) -> list[str]:
    with pytest.raises(FormatError) as caught:
        load_competition(data, "champs.json")
    return [str(problem) for problem in caught.value.problems]


def test_bad_document_lists_every_problem_with_its_path() -> None:
    found = problems_of(bad_document())
    expected = [
        "champs.json: races[0].results[0].time: invalid time '1:7.0'",
        "champs.json: races[0].results[1].skater: unknown skater id 's99'",
        "champs.json: races[0].results[0].passages: 200 m is not a split point of the 500 m",
        "champs.json: races[1].results[2].skater: Patrick Roest already has a result",
        "champs.json: races[1].distance: 550 is not a multiple of 100",
        "champs.json: races[1].results[1].time: invalid time '6:33,81x'",
        "champs.json: races[1]: Additional properties are not allowed ('colour' was unexpected)",
        "champs.json: races[2].results[0].lane: 'middle' is not one of ['inner', 'outer']",
        "champs.json: skaters[5].id: skater id 's2' is used twice",
        "champs.json: competition.start: invalid date '2018-02-30' (expected YYYY-MM-DD)",
    ]
    for line in expected:
        assert any(problem.startswith(line) for problem in found), (line, found)
    assert len(found) == len(set(found))


def test_duplicate_skater_in_a_race() -> None:
    data = dump_competition(full_competition())
    data["races"][1]["results"][2]["skater"] = "s1"
    assert problems_of(data) == [
        "champs.json: races[1].results[2].skater: "
        "Patrick Roest already has a result (races[1].results[0])"
    ]


def test_three_skaters_in_a_pair() -> None:
    data = dump_competition(full_competition())
    data["races"][0]["results"][2]["pair"] = 1
    del data["races"][0]["results"][2]["lane"]
    assert problems_of(data) == [
        "champs.json: races[0].results[2].pair: pair 1 already has two skaters"
    ]


def test_pairs_are_not_checked_outside_individual_races() -> None:
    data = dump_competition(full_competition())
    data["races"][0]["kind"] = "team pursuit"
    for result in data["races"][0]["results"]:
        result["pair"] = 1
    assert load_competition(data).races[0].kind is RaceKind.TEAM_PURSUIT


def test_same_lane_twice_in_a_pair() -> None:
    data = dump_competition(full_competition())
    data["races"][0]["results"][1]["lane"] = "inner"
    assert problems_of(data) == [
        "champs.json: races[0].results[1].lane: pair 1 already has a skater in the inner lane"
    ]


def test_result_rules_are_problems() -> None:
    data = dump_competition(full_competition())
    del data["races"][0]["results"][0]["time"]
    data["races"][0]["results"][2]["infraction"] = "T08"
    data["races"][0]["results"][0]["passages"][1]["time"] = "37.02"
    assert problems_of(data) == [
        "champs.json: races[0].results[0]: a result without a status needs a time",
        "champs.json: races[0].results[2]: an infraction code goes with DQ only",
    ]


def test_passage_at_the_finish_must_match_the_time() -> None:
    data = dump_competition(full_competition())
    data["races"][0]["results"][0]["passages"][1]["time"] = "37.02"
    data["races"][0]["results"][0]["passages"][0]["time"] = "38.0"
    found = problems_of(data)
    assert found == [
        "champs.json: races[0].results[0].passages: passage at 500 m (37.02) is not later "
        "than at 100 m (38.0)",
        "champs.json: races[0].results[0].passages: passage at the finish (37.02) differs "
        "from the time 36.97",
        "champs.json: races[0].results[0].passages: the time 36.97 is not later than the "
        "passage at 100 m (38.0)",
    ]


def test_missing_fields_and_wrong_types() -> None:
    data = dump_competition(full_competition())
    del data["races"][0]["gender"]
    data["races"][0]["results"][0]["pair"] = "one"
    data["skaters"][0]["name"] = 7
    found = problems_of(data)
    assert "champs.json: races[0]: 'gender' is a required property" in found
    assert "champs.json: races[0].results[0].pair: 'one' is not of type 'integer'" in found
    assert "champs.json: skaters[0].name: 7 is not of type 'string'" in found


def test_not_json_names_the_line() -> None:
    assert problems_of('{\n  "format": "ovaltime-competition",\n  oops\n}') == [
        "champs.json:3: not JSON: Expecting property name enclosed in double quotes"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "champs.json: a competition document is a JSON object"),
        ({"format": "other"}, "champs.json: format: not an ovaltime-competition document"),
        (
            {"format": "ovaltime-competition", "version": 2},
            "champs.json: version: unsupported version 2; this reader knows 1",
        ),
    ],
)
def test_other_documents_are_refused(data: Any, message: str) -> None:
    found = problems_of(json.dumps(data))
    assert len(found) == 1
    assert found[0].startswith(message)


def test_competition_ending_before_it_starts() -> None:
    data = dump_competition(full_competition())
    data["competition"]["end"] = "2018-03-01"
    assert problems_of(data) == [
        "champs.json: competition.end: the competition ends (2018-03-01) before it starts "
        "(2018-03-03)"
    ]
