"""Real parts for the end-to-end tests: ``ovaltime serve`` in its own process on a free loopback
port, and how to launch Debian's headless Chromium."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.cli.helpers import COMMAND
from tests.pg import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0


@dataclass(frozen=True)
class Server:
    """A running server: its process, base URL and the file its output goes to."""

    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(
    database: str,
    folder: Path,
    *,
    name: str = "serve",
    options: Sequence[str] = (),
    secret: str = "test secret",
) -> Iterator[Server]:
    """Start ``ovaltime serve --database DATABASE`` and wait until its API answers; stop it at
    the end (SIGTERM, then SIGKILL), unless a test has already killed it.

    Output goes to ``folder/NAME-PORT.log``; a server that exits or does not answer within
    ``START_TIMEOUT`` fails the test with that output.
    """
    port = free_port()
    log = folder / f"{name}-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*COMMAND, "serve", "--database", database, "--port", str(port), *options],
            cwd=folder,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "OVALTIME_SECRET": secret},
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                httpx.get(f"{server.base}/api/competitions", timeout=2).raise_for_status()
                break
            except httpx.TransportError:
                assert process.poll() is None, f"the server exited: {server.output()}"
                assert time.monotonic() < deadline, f"the server did not start: {server.output()}"
                time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_TIMEOUT)
