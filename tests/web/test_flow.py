"""A race day through the API: set up, skate, correct, make official, and read it all back."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ovaltime.services.events import (
    EventLog,
    PassageRecorded,
    RaceStateChanged,
    ResultCorrected,
    ResultRecorded,
)
from tests.web.conftest import LiveRace, bearer, error_of, make_live_race, ok


def test_a_race_from_start_list_to_official(
    client: TestClient, official_token: str, events: EventLog
) -> None:
    auth = bearer(official_token)
    race: LiveRace = make_live_race(client, official_token)
    path = race.path
    # Pair 1 skates: passages, then the finish.
    for result_id, times in ((race.anna, ("10.40", "37.34")), (race.bea, ("10.52", "37.90"))):
        ok(
            client.post(
                f"/api/results/{result_id}/passages",
                json={"metres": 100, "time": times[0]},
                headers=auth,
            ),
            201,
        )
        ok(client.post(f"/api/results/{result_id}", json={"time": times[1]}, headers=auth))
    # Pair 2 is on the ice: its passage is compared with the leader's at 100 m.
    ok(
        client.post(
            f"/api/results/{race.cara}/passages",
            json={"metres": 100, "time": "10.30"},
            headers=auth,
        ),
        201,
    )
    view = ok(client.get(path))
    assert view["state"] == "live"
    assert [row["skater"] for row in view["ranking"]] == ["Anna Visser", "Bea Berg"]
    assert [row["rank"] for row in view["ranking"]] == [1, 2]
    assert view["ranking"][1]["behind"] == "+0.56"
    cara = view["pairs"][1]["entries"][0]
    assert cara["recorded"] is False
    assert cara["against"] == "Anna Visser"
    assert cara["splits"][0]["words"].startswith("0.10 ahead")
    assert view["leaders"][0]["skater"] == "Anna Visser"

    ok(client.post(f"/api/results/{race.cara}", json={"time": "37.10"}, headers=auth))
    anna = next(
        e
        for p in ok(client.get(path))["pairs"]
        for e in p["entries"]
        if e["skater"] == "Anna Visser"
    )
    seen = anna["version"]
    # Two officials correct Anna's time from the same version: the second gets 409.
    first = ok(
        client.patch(
            f"/api/results/{race.anna}",
            json={"time": "37.35", "version": seen, "reason": "photo finish"},
            headers=auth,
        )
    )
    stale = client.patch(
        f"/api/results/{race.anna}",
        json={"time": "37.99", "version": seen, "reason": "other view"},
        headers=auth,
    )
    error = error_of(stale, 409, "stale_version")
    assert error["field"] == "version"
    after = ok(client.get(path))
    anna = next(r for r in after["ranking"] if r["skater"] == "Anna Visser")
    assert anna["time"] == "37.35", "the first correction is kept"
    assert anna["version"] == first["version"]
    assert [r["skater"] for r in after["ranking"]] == ["Cara Cole", "Anna Visser", "Bea Berg"]
    assert [(s["skater"], s["from_pair"], s["to_pair"]) for s in after["leaders"]] == [
        ("Anna Visser", 1, 1),
        ("Cara Cole", 2, 2),
    ]

    ok(client.post(f"{path}/state", json={"state": "unofficial"}, headers=auth))
    ok(client.post(f"{path}/state", json={"state": "official"}, headers=auth))
    assert (
        ok(client.get(f"/api/competitions/{race.competition_id}"))["races"][0]["state"]
        == "official"
    )

    audit = ok(client.get(f"{path}/audit"))["audit"]
    assert [a["action"] for a in audit] == [
        "start list",
        "state",
        "passage",
        "record",
        "passage",
        "record",
        "passage",
        "record",
        "correct",
        "state",
        "state",
    ]
    assert {a["who"] for a in audit} == {"official"}
    trail = ok(client.get(f"/api/results/{race.anna}/audit"))["audit"]
    assert [a["action"] for a in trail] == ["passage", "record", "correct"]
    correction = trail[-1]
    assert correction["reason"] == "photo finish"
    assert (correction["before"]["time"], correction["after"]["time"]) == (37340, 37350)
    published = [type(e) for e in events.events]
    assert published.count(ResultRecorded) == 3
    assert published.count(ResultCorrected) == 1, "the stale correction published nothing"
    assert published.count(PassageRecorded) == 3
    assert published.count(RaceStateChanged) == 3


def test_results_are_refused_once_the_race_is_official(
    client: TestClient, live: LiveRace, official_token: str, admin_token: str
) -> None:
    auth = bearer(official_token)
    ok(client.post(f"/api/results/{live.anna}", json={"time": "37.34"}, headers=auth))
    for state in ("unofficial", "official"):
        ok(client.post(f"{live.path}/state", json={"state": state}, headers=auth))
    late = client.post(f"/api/results/{live.bea}", json={"time": "38.00"}, headers=auth)
    assert "official" in error_of(late, 409, "conflict")["message"]
    reopen = {"state": "unofficial", "reason": "timing fault"}
    error_of(client.post(f"{live.path}/state", json=reopen, headers=auth), 403, "forbidden")
    done = ok(client.post(f"{live.path}/state", json=reopen, headers=bearer(admin_token)))
    assert (done["before"], done["after"]) == ("official", "unofficial")
