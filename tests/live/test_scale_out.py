"""Scale-out: two ``ovaltime serve`` processes on one PostgreSQL database. A result recorded
through one reaches a viewer of the other's live stream, with the id the first one's viewers see."""

from __future__ import annotations

import json
import subprocess
from contextlib import ExitStack
from pathlib import Path

import httpx

from tests.cli.helpers import COMMAND
from tests.live.helpers import TIMEOUT
from tests.live.http import read_events
from tests.served import serving

STREAM = {"Accept": "text/event-stream"}


def official_token(database: str, folder: Path) -> str:
    """The token ``ovaltime user add`` prints for a new official."""
    done = subprocess.run(
        [*COMMAND, "user", "add", "secretary", "--role", "official", "--database", database],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip().split()[-1]


def test_a_result_recorded_on_one_worker_reaches_a_viewer_of_the_other(
    postgres_url: str, tmp_path: Path
) -> None:
    token = official_token(postgres_url, tmp_path)
    auth = {"Authorization": f"Bearer {token}"}
    with ExitStack() as stack:
        one = stack.enter_context(serving(postgres_url, tmp_path)).base
        two = stack.enter_context(serving(postgres_url, tmp_path)).base
        writer = stack.enter_context(httpx.Client(base_url=one, timeout=TIMEOUT, headers=auth))

        def ok(response: httpx.Response) -> dict[str, object]:
            assert response.is_success, response.text
            body: dict[str, object] = response.json()
            return body

        competition = ok(writer.post("/api/competitions", json={"name": "Club Cup"}))["id"]
        race = ok(
            writer.post(
                f"/api/competitions/{competition}/races", json={"distance": 500, "gender": "women"}
            )
        )
        position = race["position"]
        entries = [
            {"skater": "Anna Visser", "nation": "NED", "pair": 1, "lane": "inner"},
            {"skater": "Bea Berg", "nation": "NOR", "pair": 1, "lane": "outer"},
        ]
        started = ok(
            writer.put(
                f"/api/competitions/{competition}/races/{position}/start-list",
                json={"entries": entries},
            )
        )
        anna = started["result_ids"][0]  # type: ignore[index]
        ok(
            writer.post(
                f"/api/competitions/{competition}/races/{position}/state", json={"state": "live"}
            )
        )

        viewer = stack.enter_context(httpx.Client(timeout=TIMEOUT, headers=STREAM))
        url = f"/api/competitions/{competition}/events"
        at_two = stack.enter_context(viewer.stream("GET", two + url))
        at_one = stack.enter_context(viewer.stream("GET", one + url))
        lines_two, lines_one = at_two.iter_lines(), at_one.iter_lines()
        read_events(lines_two, 1)  # ready: subscribed
        read_events(lines_one, 1)

        recorded = ok(writer.post(f"/api/results/{anna}", json={"time": "37.34"}))
        (seen_two,) = read_events(lines_two, 1)
        (seen_one,) = read_events(lines_one, 1)

    assert seen_two == seen_one
    assert seen_two.event == "result-recorded"
    data = json.loads(seen_two.data)
    assert (data["result_id"], data["version"]) == (anna, recorded["version"])
    assert data["competition_id"] == competition
