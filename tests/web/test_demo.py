"""The demo's pace reaches each worker's application through the environment."""

from __future__ import annotations

import pytest

from ovaltime.web.demo import ENV_DEMO_PACE, demo_pace_from_environment
from ovaltime.web.settings import Settings


@pytest.mark.parametrize(
    ("text", "pace"),
    [("20", 20.0), ("2.5", 2.5), ("", None), ("0", None), ("-3", None), ("fast", None)],
)
def test_the_pace_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, text: str, pace: float | None
) -> None:
    monkeypatch.setenv(ENV_DEMO_PACE, text)
    assert demo_pace_from_environment() == pace
    assert Settings.from_environment().demo_pace == pace


def test_no_demo_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DEMO_PACE, raising=False)
    assert Settings.from_environment().demo_pace is None
