"""Reading competitions, classifications and standings; importing files and documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from ovaltime.demo import demo_competition
from ovaltime.formats.document import dump_competition
from ovaltime.services.competitions import import_competition
from tests.web.conftest import app_context, bearer, error_of, ok, world_cup_meeting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_demo_championship_reads_back(app: FastAPI, client: TestClient) -> None:
    ident = import_competition(app_context(app), demo_competition()).competition_id
    listed = ok(client.get("/api/competitions"))["competitions"]
    assert [(c["id"], c["races"]) for c in listed] == [(ident, 4)]
    competition = ok(client.get(f"/api/competitions/{ident}"))
    assert [r["distance"] for r in competition["races"]] == [500, 5000, 1500, 10000]
    assert all(r["state"] == "official" and r["winner"] for r in competition["races"])
    race = ok(client.get(f"/api/competitions/{ident}/races/3"))
    assert race["ranking"][0]["rank"] == 1
    assert all(row["result_id"] for row in race["ranking"])
    assert race["leaders"][-1]["held_to_end"]
    skater = race["pairs"][-1]["entries"][0]
    assert [p["metres"] for p in skater["passages"]][:2] == [300, 700]
    assert skater["passages"][1]["lap"] is not None
    assert skater["splits"]
    assert skater["against"]


def test_the_classification_is_guessed_and_gives_every_distance(
    app: FastAPI, client: TestClient
) -> None:
    ident = import_competition(app_context(app), demo_competition()).competition_id
    view = ok(client.get(f"/api/competitions/{ident}/classification"))
    assert (view["combination"], view["guessed"], view["after"]) == ("big", True, 4)
    assert [step["after"] for step in view["after_each"]] == [1, 2, 3, 4]
    assert view["standings"][0]["rank"] == 1
    assert any(s["status"] == "NC" for s in view["standings"]), "the demo has a DQ on the 5000 m"
    after_three = ok(
        client.get(f"/api/competitions/{ident}/classification?combination=big&after=3")
    )
    assert after_three["next"] == {"distance": 10000, "race": 1}
    qualified = [
        s
        for s in after_three["standings"]
        if s["qualification"] and s["qualification"]["qualified"]
    ]
    assert len(qualified) == 8
    assert after_three["standings"][1]["gap_seconds"] is not None
    bad = client.get(f"/api/competitions/{ident}/classification?combination=huge")
    assert error_of(bad, 422, "invalid")["field"] == "combination"


def test_series_standings_over_the_seasons_meetings(app: FastAPI, client: TestClient) -> None:
    context = app_context(app)
    first = world_cup_meeting("WC 1", dt.date(2024, 11, 8), [("Anna", "37.30"), ("Bea", "37.50")])
    second = world_cup_meeting("WC 2", dt.date(2024, 11, 15), [("Bea", "37.20"), ("Anna", "37.60")])
    for competition in (second, first):
        import_competition(context, competition)
    import_competition(context, demo_competition())  # no divisions: not a series meeting
    view = ok(client.get("/api/standings?season=2024-25"))
    assert [c["name"] for c in view["competitions"]] == ["WC 1", "WC 2"]
    cup = next(c for c in view["cups"] if c["gender"] == "women" and c["distance"] == "500")
    assert [line["skater"] for line in cup["standings"]][:2] in (["Anna", "Bea"], ["Bea", "Anna"])
    assert cup["standings"][0]["points"] == cup["standings"][1]["points"]
    error = error_of(client.get("/api/standings?season=1900-01"), 422, "invalid")
    assert error["field"] == "season"


def test_import_a_file_upload_once(client: TestClient, official_token: str) -> None:
    path = FIXTURES / "race-500m-men-hamar-2025.csv"
    files = {"file": (path.name, path.read_bytes(), "text/csv")}
    done = ok(client.post("/api/competitions/import", files=files, headers=bearer(official_token)))
    assert (done["created"], done["races"]) == (True, 1)
    assert done["results"] > 10
    again = ok(client.post("/api/competitions/import", files=files, headers=bearer(official_token)))
    assert (again["id"], again["created"]) == (done["id"], False)
    competition = ok(client.get(f"/api/competitions/{done['id']}"))
    assert competition["name"] == path.stem
    assert competition["races"][0]["winner"] == "Jenning de Boo"


def test_import_a_competition_document_body(client: TestClient, official_token: str) -> None:
    document = dump_competition(demo_competition())
    done = ok(
        client.post("/api/competitions/import", json=document, headers=bearer(official_token))
    )
    assert (done["created"], done["races"]) == (True, 4)


def test_an_upload_without_a_file_is_422(client: TestClient, official_token: str) -> None:
    response = client.post(
        "/api/competitions/import",
        data={"other": "x"},
        files={"x": ("a.txt", b"", "text/plain")},
        headers=bearer(official_token),
    )
    assert error_of(response, 422, "invalid")["field"] == "file"
