"""The archive's JSON API on SQLite and PostgreSQL: the demo championship archived, then read.

Where the API and ``ovaltime archive --format json`` answer the same question they must give
the same JSON, the ids the API adds for its links aside.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.core.combination_records import combination_totals
from ovaltime.core.results import Competition
from ovaltime.core.times import Time
from ovaltime.demo import demo_competition
from ovaltime.services.archive.importing import Source, archive_competitions
from tests.archive.test_precision import HUNDREDTHS, TENTHS, allround_in_tenths
from tests.cli.helpers import invoke
from tests.web.conftest import app_context, error_of, ok


@pytest.fixture(scope="module")
def demo() -> Competition:
    return demo_competition()


@pytest.fixture
def archived(app: FastAPI, client: TestClient, demo: Competition) -> Competition:
    """The demo championship in the application's archive (``client`` has started the app)."""
    summary = archive_competitions(app_context(app), [Source("demo", demo)])
    assert summary.competitions_added == 1
    return demo


def _finishers(demo: Competition, distance: int) -> list[tuple[str, str, Time]]:
    race = next(r for r in demo.races if r.distance == distance)
    timed = [(r.skater.name, r.skater.nation, r.time) for r in race.results if r.time is not None]
    return sorted(timed, key=lambda line: (line[2].hundredths, line[2].thousandths))


def _without_ids(view: dict[str, Any]) -> dict[str, Any]:
    return {
        key: [{k: v for k, v in line.items() if not k.endswith("_id")} for line in lines]
        for key, lines in view.items()
    }


def _skater_id(client: TestClient, name: str) -> int:
    found = ok(client.get("/api/archive/skaters", params={"q": name}))["skaters"]
    ident: int = found[0]["id"]
    return ident


def test_the_list_is_the_command_line_s_with_ids(
    client: TestClient, archived: Competition, database_url: str
) -> None:
    view = ok(client.get("/api/archive/lists", params={"distance": 1500, "gender": "men"}))
    lines = view["list"]
    expected = _finishers(archived, 1500)
    assert [(x["rank"], x["skater"], x["time"]) for x in lines] == [
        (rank, name, Time(time.thousandths).format())
        for rank, (name, _, time) in enumerate(expected, 1)
    ]
    assert all(x["skater_id"] == _skater_id(client, x["skater"]) for x in lines[:3])
    assert {x["competition_id"] for x in lines} == {1}
    cli = invoke(
        "archive", "list", "-d", "1500", "-g", "men", "--database", database_url, "-f", "json"
    )
    assert _without_ids(view) == cli.json()


def test_list_filters_and_pages(client: TestClient, archived: Competition) -> None:
    def names(**params: Any) -> list[str]:
        query = {"distance": "500", "gender": "men", **params}
        return [x["skater"] for x in ok(client.get("/api/archive/lists", params=query))["list"]]

    everyone = [name for name, _, _ in _finishers(archived, 500)]
    assert names(season="2025-26") == everyone
    assert names(season="2024-25") == []
    assert names(limit=2, offset=1) == everyone[1:3]
    assert names(nation="NOR") == [
        n for n, nation, _ in _finishers(archived, 500) if nation == "NOR"
    ]
    assert names(rink="thialf") == []
    assert names(age_group="A1") == []


def test_the_adelskalender_is_the_command_line_s_with_ids(
    client: TestClient, archived: Competition, database_url: str
) -> None:
    view = ok(client.get("/api/archive/adelskalender", params={"limit": 5}))
    assert len(view["list"]) == 5
    first = view["list"][0]
    assert set(first) == {"rank", "skater", "nation", "points", "bests", "skater_id"}
    assert list(first["bests"]) == ["500", "1500", "5000", "10000"]
    cli = invoke("archive", "adelskalender", "-n", "5", "--database", database_url, "-f", "json")
    assert _without_ids(view) == cli.json()
    assert ok(client.get("/api/archive/adelskalender?gender=women")) == {"list": []}


def test_a_skater_their_bests_progression_and_positions(
    client: TestClient, archived: Competition
) -> None:
    name, nation, time = _finishers(archived, 500)[0]
    first, last = name.split(" ", 1)
    found = ok(client.get("/api/archive/skaters", params={"q": f"{last.upper()} {first}"}))
    assert [(s["name"], s["nation"], s["gender"]) for s in found["skaters"]] == [
        (name, nation, "men")
    ]
    ident = found["skaters"][0]["id"]
    view = ok(client.get(f"/api/archive/skaters/{ident}"))
    assert view["skater"]["id"] == ident
    assert view["season"] == "2025-26"
    sprint = next(b for b in view["bests"] if b["distance"] == 500)
    assert sprint["pb"]["time"] == Time(time.thousandths).format()
    assert sprint["pb"]["flags"][:1] == ["WR"]
    assert sprint["sb"] == sprint["pb"]
    assert [step["date"] for step in view["adelskalender"]] in ([], ["2026-03-08"])
    earlier = ok(client.get(f"/api/archive/skaters/{ident}", params={"season": "2024-25"}))
    assert all(b["sb"] is None for b in earlier["bests"])
    steps = ok(client.get(f"/api/archive/skaters/{ident}/progression", params={"distance": 500}))
    assert [s["time"] for s in steps["progression"]] == [sprint["pb"]["time"]]
    none = ok(client.get(f"/api/archive/skaters/{ident}/progression", params={"distance": 3000}))
    assert none["progression"] == []


def test_head_to_head_and_records(client: TestClient, archived: Competition) -> None:
    (a, _, time_a), (b, _, _), *_ = _finishers(archived, 500)
    ids = _skater_id(client, a), _skater_id(client, b)
    view = ok(client.get("/api/archive/head-to-head", params={"a": ids[0], "b": ids[1]}))
    assert (view["a"]["name"], view["b"]["name"]) == (a, b)
    assert {"distance": 500, "a": 1, "b": 0, "equal": 0} in view["totals"]
    records = ok(client.get("/api/archive/records", params={"distance": 500, "gender": "men"}))
    assert [(r["kind"], r["skater"], r["time"], r["skater_id"]) for r in records["records"]] == [
        ("WR", a, Time(time_a.thousandths).format(), ids[0])
    ]


@pytest.mark.parametrize(
    ("url", "field", "words"),
    [
        ("/api/archive/lists?distance=1501&gender=men", "distance", "not a whole number"),
        ("/api/archive/lists?distance=far&gender=men", "distance", "not a distance"),
        ("/api/archive/lists?gender=men", "distance", "required"),
        ("/api/archive/lists?distance=500&gender=mixed", "gender", "unknown gender"),
        ("/api/archive/lists?distance=500&gender=men&season=24-25", "season", "not a season"),
        ("/api/archive/lists?distance=500&gender=men&season=2024-26", "season", "2024-25"),
        ("/api/archive/lists?distance=500&gender=men&limit=0", "limit", "greater than"),
        ("/api/archive/adelskalender?gender=x", "gender", "unknown gender"),
        ("/api/archive/skaters?q=", "q", "at least 1"),
        ("/api/archive/skaters?q=a%00b", "q", "control character"),
        ("/api/archive/lists?distance=500&gender=men&nation=N%00D", "nation", "control"),
        ("/api/archive/records?distance=500&gender=men&rink=%1b", "rink", "control"),
        ("/api/archive/skaters/1?season=winter", "season", "not a season"),
        ("/api/archive/skaters/1/progression?distance=50", "distance", "outside"),
        ("/api/archive/head-to-head?a=1&b=1", "b", "themselves"),
        ("/api/archive/head-to-head?a=1", "b", "required"),
        ("/api/archive/records?distance=500&gender=men&kind=OR", "kind", "unknown record"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(
    client: TestClient, archived: Competition, url: str, field: str, words: str
) -> None:
    error = error_of(client.get(url), 422, "invalid")
    assert error["field"] == field
    assert words.lower() in error["message"].lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/archive/skaters/999",
        "/api/archive/skaters/999/progression?distance=500",
        "/api/archive/head-to-head?a=1&b=999",
    ],
)
def test_an_unknown_skater_is_404(client: TestClient, archived: Competition, url: str) -> None:
    error = error_of(client.get(url), 404, "not_found")
    assert error["message"] == "skater 999 not found"


def test_an_empty_archive_answers_with_empty_lists(client: TestClient) -> None:
    assert ok(client.get("/api/archive/lists?distance=500&gender=women")) == {"list": []}
    assert ok(client.get("/api/archive/adelskalender")) == {"list": []}
    assert ok(client.get("/api/archive/skaters?q=anyone")) == {"skaters": []}
    assert ok(client.get("/api/archive/records?distance=500&gender=women")) == {"records": []}


def test_times_in_tenths_keep_their_precision(
    app: FastAPI, client: TestClient, database_url: str
) -> None:
    """``41.8`` stays ``41.8`` in every answer, ``42.35`` keeps its hundredths; the list is
    the command line's."""
    assert archive_competitions(app_context(app), [Source("tenths", allround_in_tenths())])
    params = {"distance": "500", "gender": "women"}
    listed = ok(client.get("/api/archive/lists", params=params))
    assert [(x["skater"], x["time"]) for x in listed["list"]] == [
        ("Tora", "41.8"),
        ("Hilde", "42.35"),
    ]
    cli = invoke(
        "archive", "list", "-d", "500", "-g", "women", "--database", database_url, "-f", "json"
    )
    assert _without_ids(listed) == cli.json()
    tora, hilde = _skater_id(client, "Tora"), _skater_id(client, "Hilde")
    bests = ok(client.get(f"/api/archive/skaters/{tora}"))["bests"]
    assert [b["pb"]["time"] for b in bests] == list(TENTHS)
    steps = ok(client.get(f"/api/archive/skaters/{tora}/progression", params={"distance": 500}))
    assert [s["time"] for s in steps["progression"]] == ["41.8"]
    (world,) = ok(client.get("/api/archive/records", params=params))["records"]
    assert world["time"] == "41.8"
    table = ok(client.get("/api/archive/adelskalender", params={"gender": "women"}))["list"]
    assert [list(x["bests"].values()) for x in table] == [list(TENTHS), list(HUNDREDTHS)]
    meetings = ok(client.get("/api/archive/head-to-head", params={"a": tora, "b": hilde}))
    assert [(m["time_a"], m["time_b"]) for m in meetings["meetings"]] == list(
        zip(TENTHS, HUNDREDTHS, strict=True)
    )


def test_the_combination_totals_are_the_command_line_s_with_ids(
    client: TestClient, archived: Competition, database_url: str
) -> None:
    expected = sorted(combination_totals(archived), key=lambda t: t.points)
    view = ok(client.get("/api/archive/combinations", params={"combination": "big"}))
    assert [(x["skater"], x["points"]) for x in view["list"]] == [
        (t.skater.name, f"{t.points // 1000}.{t.points % 1000:03d}") for t in expected
    ]
    first = view["list"][0]
    assert set(first) == {
        "rank", "skater", "nation", "points", "date", "competition", "flags", "skater_id",
        "competition_id",
    }  # fmt: skip
    assert (first["rank"], first["flags"], first["date"]) == (1, "WR NR PB", "2026-03-08")
    cli = invoke("archive", "combinations", "--database", database_url, "-f", "json")
    assert _without_ids(view) == cli.json()
    skater = ok(client.get(f"/api/archive/skaters/{first['skater_id']}"))
    assert skater["combinations"] == [
        {
            "combination": "big",
            "gender": "men",
            "points": first["points"],
            "date": "2026-03-08",
            "competition": archived.name,
            "flags": "WR NR PB",
        }
    ]
    assert ok(client.get("/api/archive/combinations?combination=sprint")) == {"list": []}
    error = error_of(client.get("/api/archive/combinations?combination=quad"), 422, "invalid")
    assert error["field"] == "combination"
