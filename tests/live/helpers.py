"""Helpers for the live tests: bounded async runs, events to publish, polling with a deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from ovaltime.services.events import ResultRecorded

T = TypeVar("T")

#: No test waits longer than this for anything.
TIMEOUT = 10.0


def run(coroutine: Coroutine[Any, Any, T], timeout: float = TIMEOUT) -> T:
    """Run ``coroutine`` on a new event loop, failing with ``TimeoutError`` after ``timeout``."""

    async def bounded() -> T:
        return await asyncio.wait_for(coroutine, timeout)

    return asyncio.run(bounded())


def recorded(competition_id: int, result_id: int, version: int = 1) -> ResultRecorded:
    """A ``ResultRecorded`` event of race 7."""
    return ResultRecorded(competition_id, 7, result_id, version)


def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    """Poll ``condition`` until it holds; ``AssertionError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {condition}")
        time.sleep(0.02)
