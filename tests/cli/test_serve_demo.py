"""``ovaltime serve --demo``: the demo championship is replayed live while the server runs."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

from tests.cli.helpers import BAD_INPUT, COMMAND, run
from tests.pg import free_port


def _get(url: str) -> Any:
    response = httpx.get(url, timeout=2)
    assert response.status_code == 200, response.text
    return response.json()


def test_serve_demo_replays_the_championship_live(tmp_path: Path) -> None:
    (tmp_path / "ovaltime-demo.db").write_bytes(b"left over from an earlier run")
    port = free_port()
    base = f"http://127.0.0.1:{port}/api"
    server = subprocess.Popen(
        [*COMMAND, "serve", "--demo", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "OVALTIME_SECRET": "", "OVALTIME_DATABASE": ""},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                listing = _get(f"{base}/competitions")["competitions"]
                if listing:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            assert time.monotonic() < deadline, "the server did not start the demo"
            time.sleep(0.1)
        assert [c["name"] for c in listing] == ["Demo Allround Championships"]
        competition_url = f"{base}/competitions/{listing[0]['id']}"
        deadline = time.monotonic() + 10
        while True:
            races = _get(competition_url)["races"]
            live = [r for r in races if r["state"] == "live" and r["results"] > 0]
            if live:
                break
            assert time.monotonic() < deadline, f"no live race with results in 10 s: {races}"
            time.sleep(0.1)
        assert live[0]["name"] == "500 m men"
        assert live[0]["winner"]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait(timeout=10)
    output = server.stdout.read().decode("utf-8", "replace") if server.stdout else ""
    assert f"open http://127.0.0.1:{port}" in output
    assert "Traceback" not in output
    assert server.returncode == 0, output
    assert (tmp_path / "ovaltime-demo.db").read_bytes()[:16] == b"SQLite format 3\x00"


def test_the_demo_runs_in_one_worker(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/demo.db"
    done = run("serve", "--demo", "--database", url, "--workers", "2", cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert "--workers 2" in done.stderr
    assert "Traceback" not in done.stderr
