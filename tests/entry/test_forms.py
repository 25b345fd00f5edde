"""The entry screen without JavaScript: every form posts to a page route; a refusal gives the
screen back with the reason next to the field and every value kept; a success goes on."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.entry.conftest import HTML, csrf_of, entry_path, errors_of, sign_in, value_of
from tests.web.conftest import LiveRace, bearer, ok


@pytest.fixture
def csrf(client: TestClient, live: LiveRace) -> str:
    """Signed in as ``anna``; the CSRF token of her session, from the entry screen."""
    assert sign_in(client).status_code == 303
    return csrf_of(client.get(entry_path(live)).text)


def post(client: TestClient, live: LiveRace, route: str, data: dict[str, str]) -> Any:
    return client.post(
        f"{entry_path(live)}{route}", data=data, headers=HTML, follow_redirects=False
    )


def entries(client: TestClient, live: LiveRace) -> dict[str, dict[str, Any]]:
    race = ok(client.get(live.path))
    return {e["skater"]: e for p in race["pairs"] for e in p["entries"]}


def test_a_pair_is_recorded_and_the_screen_moves_to_the_next_pair(
    client: TestClient, live: LiveRace, csrf: str
) -> None:
    response = post(
        client,
        live,
        "/pairs/1",
        {
            "csrf_token": csrf,
            f"r{live.anna}-p100": "10.30",
            f"r{live.anna}-time": "37.34",
            f"r{live.bea}-p100": "10.41",
            f"r{live.bea}-time": "",
            f"r{live.bea}-status": "DQ",
            f"r{live.bea}-infraction": "t08",
            f"r{live.bea}-fell": "1",
        },
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{entry_path(live)}?pair=2#entry"
    found = entries(client, live)
    assert found["Anna Visser"]["time"] == "37.34"
    assert found["Anna Visser"]["passages"][0]["time"] == "10.30"
    assert found["Bea Berg"]["status"] == "DQ"
    screen = client.get(response.headers["location"]).text
    assert "Pair 2" in screen
    assert "DQ T08 fell" in screen


def test_a_bad_time_comes_back_with_its_reason_and_nothing_typed_is_lost(
    client: TestClient, live: LiveRace, csrf: str
) -> None:
    data = {
        "csrf_token": csrf,
        f"r{live.anna}-p100": "10.30",
        f"r{live.anna}-time": "37.34",
        f"r{live.bea}-p100": "10.41",
        f"r{live.bea}-time": "3x.12",
    }
    response = post(client, live, "/pairs/1", data)
    assert response.status_code == 422
    assert errors_of(response.text) == {
        f"r{live.bea}-time": "invalid time &#39;3x.12&#39;: not a time"
    }
    assert value_of(response.text, f"r{live.bea}-time") == "3x.12"
    assert value_of(response.text, f"r{live.bea}-p100") == "10.41"
    assert "Not everything was recorded" in response.text
    found = entries(client, live)
    assert found["Anna Visser"]["time"] == "37.34", "the good values were recorded"
    assert found["Bea Berg"]["passages"][0]["time"] == "10.41"
    assert not found["Bea Berg"]["recorded"]
    fixed = post(client, live, "/pairs/1", {"csrf_token": csrf, f"r{live.bea}-time": "38.12"})
    assert fixed.status_code == 303
    assert entries(client, live)["Bea Berg"]["time"] == "38.12"


def test_a_refusal_of_the_services_is_shown_at_the_field_it_concerns(
    client: TestClient, live: LiveRace, csrf: str
) -> None:
    response = post(
        client,
        live,
        "/pairs/1",
        {
            "csrf_token": csrf,
            f"r{live.anna}-p100": "10.30",
            f"r{live.anna}-time": "37.34",
            f"r{live.anna}-infraction": "T08",
        },
    )
    assert response.status_code == 422
    errors = errors_of(response.text)
    assert list(errors) == [f"r{live.anna}-infraction"]
    assert "infraction" in errors[f"r{live.anna}-infraction"]
    assert value_of(response.text, f"r{live.anna}-time") == "37.34"
    assert value_of(response.text, f"r{live.anna}-infraction") == "T08"
    assert value_of(response.text, f"r{live.anna}-p100") == "10.30", "recorded, shown as such"
    assert not entries(client, live)["Anna Visser"]["recorded"]


def test_a_correction_needs_a_reason_and_the_current_version(
    client: TestClient, live: LiveRace, csrf: str, token: str
) -> None:
    post(client, live, "/pairs/1", {"csrf_token": csrf, f"r{live.anna}-time": "37.34"})
    version = entries(client, live)["Anna Visser"]["version"]
    route = f"/results/{live.anna}/correct"
    no_reason = post(
        client, live, route, {"csrf_token": csrf, "time": "37.43", "version": str(version)}
    )
    assert no_reason.status_code == 422
    assert "reason" in errors_of(no_reason.text)
    assert value_of(no_reason.text, f"c{live.anna}-time") == "37.43"

    # Someone else corrects it meanwhile, through the API.
    ok(
        client.patch(
            f"/api/results/{live.anna}",
            json={"time": "37.35", "version": version, "reason": "photo finish"},
            headers=bearer(token),
        )
    )
    stale = post(
        client,
        live,
        route,
        {"csrf_token": csrf, "time": "37.43", "version": str(version), "reason": "typo"},
    )
    assert stale.status_code == 409
    assert "based on version" in errors_of(stale.text)["version"]
    assert value_of(stale.text, f"c{live.anna}-time") == "37.43", "the typed value is kept"
    assert value_of(stale.text, f"c{live.anna}-reason") == "typo"
    assert "data-current>37.35</span>" in stale.text, "the current value is shown"
    assert entries(client, live)["Anna Visser"]["time"] == "37.35"

    current = entries(client, live)["Anna Visser"]["version"]
    done = post(
        client,
        live,
        route,
        {"csrf_token": csrf, "time": "37.43", "version": str(current), "reason": "typo"},
    )
    assert done.status_code == 303
    assert entries(client, live)["Anna Visser"]["time"] == "37.43"
    audit = client.get(done.headers["location"]).text
    assert "photo finish" in audit
    assert "typo" in audit
    assert "37.35" in audit


def test_the_start_list_is_edited_with_refusals_next_to_the_rows(
    client: TestClient, live: LiveRace, csrf: str
) -> None:
    rows = {
        "csrf_token": csrf,
        "skater-0": "Anna Visser", "nation-0": "NED", "pair-0": "1", "lane-0": "inner",
        "skater-1": "Bea Berg", "nation-1": "NOR", "pair-1": "1", "lane-1": "outer",
        "skater-2": "Cara Cole", "nation-2": "CAN", "pair-2": "2", "lane-2": "inner",
        "skater-3": "Dora Dahl", "nation-3": "nor", "pair-3": "2", "lane-3": "inner",
        "skater-4": "", "nation-4": "", "pair-4": "", "lane-4": "",
    }  # fmt: skip
    refused = post(client, live, "/start-list", rows)
    assert refused.status_code == 422
    errors = errors_of(refused.text)
    assert list(errors) == ["lane-3"]
    assert "inner lane" in errors["lane-3"]
    assert value_of(refused.text, "skater-3") == "Dora Dahl"
    saved = post(client, live, "/start-list", {**rows, "lane-3": "outer"})
    assert saved.status_code == 303
    found = entries(client, live)
    assert (found["Dora Dahl"]["pair"], found["Dora Dahl"]["lane"]) == (2, "outer")
    assert found["Dora Dahl"]["nation"] == "NOR"


def test_the_race_goes_forward_with_a_confirmation_and_back_with_a_reason(
    client: TestClient, live: LiveRace, csrf: str
) -> None:
    ok_state = post(client, live, "/state", {"csrf_token": csrf, "state": "unofficial"})
    assert ok_state.status_code == 303
    unconfirmed = post(client, live, "/state", {"csrf_token": csrf, "state": "official"})
    assert unconfirmed.status_code == 422
    assert "confirm" in errors_of(unconfirmed.text)
    assert ok(client.get(live.path))["state"] == "unofficial"
    no_reason = post(client, live, "/state", {"csrf_token": csrf, "state": "live"})
    assert no_reason.status_code == 422
    assert "reason" in errors_of(no_reason.text)
    official = post(
        client, live, "/state", {"csrf_token": csrf, "state": "official", "confirm": "1"}
    )
    assert official.status_code == 303
    assert ok(client.get(live.path))["state"] == "official"
    reopen = post(
        client, live, "/state", {"csrf_token": csrf, "state": "unofficial", "reason": "x"}
    )
    assert reopen.status_code == 403
    assert "admin" in errors_of(reopen.text)["state"]
    screen = client.get(entry_path(live)).text
    assert "Only an admin reopens an official race." in screen
    assert "Back to unofficial" not in screen, "an official is not offered what is refused"
