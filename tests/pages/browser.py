"""A real server and a real browser for the page tests: ``ovaltime serve`` in a subprocess on
loopback over a SQLite file, and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

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
#: Seconds any one wait of these tests may take.
TIMEOUT = 15.0
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or ``None``."""
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}"
    return None


@contextmanager
def ovaltime_server(database_url: str) -> Iterator[str]:
    """``ovaltime serve --database URL --port P`` on 127.0.0.1; yields the base URL and stops
    the process (SIGTERM, then SIGKILL) afterwards."""
    port = free_port()
    command = shutil.which("ovaltime", path=str(Path(sys.executable).parent))
    assert command is not None, "the ovaltime command is not installed next to this Python"
    process = subprocess.Popen(
        [command, "serve", "--database", database_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(TIMEOUT)
        if process.stderr is not None:
            process.stderr.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise AssertionError(f"ovaltime serve exited with {process.returncode}: {error}")
        try:
            if httpx.get(f"{base}/api/competitions", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"ovaltime serve did not answer within {TIMEOUT} s")
