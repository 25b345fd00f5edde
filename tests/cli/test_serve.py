"""``ovaltime serve``: the server answers over HTTP; several workers need PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx

from tests.cli.helpers import BAD_INPUT, COMMAND, run
from tests.pg import free_port


def test_serve_answers_the_api(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*COMMAND, "serve", "--database", f"sqlite:///{tmp_path}/served.db", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "OVALTIME_SECRET": ""},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/competitions", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json() == {"competitions": []}
        refused = httpx.post(f"http://127.0.0.1:{port}/api/competitions", json={"name": "x"})
        assert refused.status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert (tmp_path / "served.db").is_file(), "the database was created and migrated"


def test_several_workers_on_sqlite_are_refused(tmp_path: Path) -> None:
    done = run("serve", "--database", f"sqlite:///{tmp_path}/x.db", "--workers", "2", cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert "need PostgreSQL" in done.stderr
    assert "Traceback" not in done.stderr
