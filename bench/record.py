"""Benchmark: recording a result on the competition server, archive judging included.

A live 500 m of 200 skaters in pairs on a new SQLite file; each result is recorded through
``services.results.record_result`` (one transaction: the result, its audit row, the archive's
identity, judging, bests, Adelskalender and the flags for the live page). The baseline writes
the same results the plainest way the store allows: per result one transaction with an
``UPDATE`` of the result row and an ``INSERT`` of its audit row, on a copy of the same
database. Medians of the per-result times, measured in this one run, and their ratio.

Usage: ``python bench/record.py [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceState
from ovaltime.core.times import Time
from ovaltime.services.competitions import add_race, create_competition
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context, open_context
from ovaltime.services.users import Role, add_user
from ovaltime.store.engine import make_engine


def live_race(context: Context, skaters: int) -> list[int]:
    """A live 500 m of ``skaters`` skaters in pairs; the ids of their results."""
    official = add_user(context, "official", Role.OFFICIAL)[0]
    competition = create_competition(context, "Bench Cup", start=dt.date(2025, 3, 1))
    race_id, _ = add_race(context, competition, distance=500, gender=Gender.WOMEN)
    entries = [
        StartEntry(Skater(f"Skater {i} Bench", "NED"), i // 2 + 1, (Lane.INNER, Lane.OUTER)[i % 2])
        for i in range(skaters)
    ]
    ids = set_start_list(context, race_id, entries, actor=official)
    change_race_state(context, race_id, RaceState.LIVE, actor=official)
    return list(ids)


def service(context: Context, ids: list[int]) -> list[float]:
    official = add_user(context, "bench", Role.OFFICIAL)[0]
    times = []
    for k, ident in enumerate(ids):
        began = time.perf_counter()
        record_result(context, ident, Outcome(Time(38_000 + 7 * k)), actor=official)
        times.append(time.perf_counter() - began)
    return times


def plain(url: str, ids: list[int]) -> list[float]:
    engine = make_engine(url)
    update = text(
        "UPDATE results SET time_thousandths = :t, time_precision = 3, status = 'OK', "
        "version = version + 1 WHERE id = :id"
    )
    audit = text(
        "INSERT INTO audit (competition_id, race_id, result_id, who, at, action, reason) "
        "SELECT r.competition_id, r.id, :id, 'bench', :at, 'record', '' "
        "FROM races r JOIN results x ON x.race_id = r.id WHERE x.id = :id"
    )
    times = []
    for k, ident in enumerate(ids):
        began = time.perf_counter()
        with engine.begin() as connection:
            connection.execute(update, {"t": 38_000 + 7 * k, "id": ident})
            connection.execute(audit, {"id": ident, "at": dt.datetime.now(dt.UTC)})
        times.append(time.perf_counter() - began)
    engine.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 skaters instead of 200")
    skaters = 40 if parser.parse_args().quick else 200
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "service.db", Path(folder) / "plain.db"
        context = open_context(f"sqlite:///{first}")
        ids = live_race(context, skaters)
        context.engine.dispose()
        shutil.copy(first, second)
        context = open_context(f"sqlite:///{first}")
        recorded = statistics.median(service(context, ids)) * 1000
        context.engine.dispose()
        written = statistics.median(plain(f"sqlite:///{second}", ids)) * 1000
    print(f"recording {skaters} results of a live 500 m, SQLite, median per result")
    print(f"{'benchmark':<44}{'value':>10}  {'baseline':<40}{'value':>10}  ratio")
    print(
        f"{'record_result (archive judging included)':<44}{recorded:>8.2f}ms  "
        f"{'UPDATE + audit INSERT, one transaction':<40}{written:>8.2f}ms  "
        f"{recorded / written:.2f}x"
    )


if __name__ == "__main__":
    main()
