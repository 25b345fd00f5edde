"""A real server and a real browser for the page tests: ``ovaltime serve`` in a subprocess on
loopback over a SQLite file, and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

from tests.served import CHROMIUM

#: Seconds any one wait of these tests may take.
TIMEOUT = 15.0
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or ``None``."""
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}"
    return None
