"""Two writers judging one distance and gender wait for each other on PostgreSQL.

A transaction that holds the lock of a distance and gender (``store.archive_locks``), as the
judge does from its first read of the records to its commit, makes an import of that distance
and gender wait until it ends; an import of another distance goes on meanwhile.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest

from ovaltime.core.states import Gender
from ovaltime.services.archive.summary import ArchiveSummary
from ovaltime.services.unit import Context, open_context
from ovaltime.store.archive_locks import lock_slices
from ovaltime.store.engine import write_session
from tests.archive.conftest import archive, competition, line, race

WAIT = 1.0
"""Seconds an import is given to show it is not waiting (it takes a fraction of that)."""


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Context]:
    context = open_context(postgres_url)
    yield context
    context.engine.dispose()


def _import_in_thread(context: Context, distance: int) -> tuple[threading.Thread, list[object]]:
    meeting = competition(
        f"Meeting {distance}",
        dt.date(2025, 1, 11),
        race(distance, Gender.MEN, [line("Jordan Stolz", "USA", "1:40.00")]),
    )
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(archive(context, meeting))
        except BaseException as error:  # handed to the test thread
            outcome.append(error)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread, outcome


def test_an_import_waits_for_the_lock_of_its_distance(pg: Context) -> None:
    with write_session(pg.engine) as holder:
        lock_slices(holder, [(1500, Gender.MEN)])
        thread, outcome = _import_in_thread(pg, 1500)
        thread.join(WAIT)
        assert thread.is_alive(), "the import judged 1500 m men while another writer held it"
        assert outcome == []
    thread.join(30)
    assert not thread.is_alive()
    (summary,) = outcome
    assert isinstance(summary, ArchiveSummary)
    assert summary.results_archived == 1


def test_an_import_of_another_distance_goes_on(pg: Context) -> None:
    with write_session(pg.engine) as holder:
        lock_slices(holder, [(1500, Gender.MEN), (1500, Gender.WOMEN)])
        thread, outcome = _import_in_thread(pg, 1000)
        thread.join(30)
        assert not thread.is_alive(), "the import of 1000 m waited for the lock of 1500 m"
    (summary,) = outcome
    assert isinstance(summary, ArchiveSummary)
    assert summary.results_archived == 1
