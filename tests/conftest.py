"""Shared test helpers: where the published data lives, and a fixture that skips without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """The folder of real published results (``../shared/data``); skips the test when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"published data not found at {SHARED_DATA}")
    return SHARED_DATA


def isu_text_files() -> list[Path]:
    """Every ISU results text file, for parametrised tests (empty when the data is absent)."""
    folder = SHARED_DATA / "isu-results-text"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []
