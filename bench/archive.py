"""Benchmarks of the archive: import rate, memory, and list queries beside DuckDB.

The data is ``archive_data.synthetic_archive``: by default 1 000 000 results (20 000 skaters,
30 seasons, 25 rinks), made again, identically, by each process that needs it (seeded).

* **Import** through the archive's own import path (``archive_competitions``, the function
  ``ovaltime archive import`` runs), into a new database, against a baseline measured the same
  way in the same run: a plain DBAPI ``executemany`` of the same results, one row each, into
  one flat table of the same kind of database, committed in batches of the same size. Both
  read the same generator; the time the generator alone takes is measured apart and taken
  off both, so the rates are of the databases' work. Each import runs in a process of its
  own, whose peak resident memory (``ru_maxrss``) is reported.
* **Queries**: p50 and p99 of ``--runs`` runs each, with parameters drawn at random (seeded,
  the same for every engine): the season list and the all-time list (top 100 of a distance
  and gender) and the Adelskalender (top 100 of a gender), through ``store.archive_queries``
  on SQLite and on PostgreSQL; and the same lists computed by **DuckDB** from the flat
  results (``GROUP BY`` and window functions over the raw rows, which is DuckDB's strength).
  The all-time list filtered on a rink (the path that reads the results themselves) is
  measured too.

PostgreSQL is a throwaway server started like the tests' (``tests/pg.py``), or the server of
``--postgres URL`` (an empty database). Usage::

    python bench/archive.py [--quick] [--results N] [--runs N] [--postgres URL] [--no-postgres]

``--quick`` is a smoke run: 20 000 results, 20 runs of each query.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from archive_data import (  # noqa: E402
    FLAT_COLUMNS,
    FREQUENCY,
    RINKS,
    flat_rows,
    person_ids,
    synthetic_archive,
)
from ovaltime.core.states import Gender  # noqa: E402

BATCH = 20_000
SEED = 2025
STEP_TIMEOUT = 3600.0
ADELSKALENDER = {"men": (500, 1500, 5000, 10000), "women": (500, 1500, 3000, 5000)}


# --- the processes ---------------------------------------------------------------------------


def report(**figures: Any) -> None:
    """Print the figures of a process, with its peak memory, for the parent to read."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps({**figures, "peak_mib": peak}), flush=True)


def role_generate(results: int) -> None:
    began = time.perf_counter()
    count = sum(sum(len(r.results) for r in c.races) for c in synthetic_archive(results, SEED))
    report(seconds=time.perf_counter() - began, results=count)


def rinks_text() -> str:
    """The synthetic rinks as a rinks list (the format ``import_rinks`` reads)."""
    lines = []
    for key, name, city, nation, altitude, environment in RINKS:
        lines.append(f"{key:<16}{name}")
        lines.append(f"{'':16}{city:<24}{nation}     {environment.upper():<12}{altitude:>6}")
    return "\n".join(lines) + "\n"


def role_archive(url: str, results: int, folder: Path) -> None:
    from ovaltime.services.archive.importing import Source, archive_competitions
    from ovaltime.services.archive.rinks import import_rinks
    from ovaltime.services.unit import open_context

    context = open_context(url)
    path = folder / "rinks.txt"
    path.write_text(rinks_text(), encoding="utf-8")
    import_rinks(context, path)
    began = time.perf_counter()
    summary = archive_competitions(
        context,
        (Source(c.name, c) for c in synthetic_archive(results, SEED)),
        batch_results=BATCH,
    )
    seconds = time.perf_counter() - began
    context.engine.dispose()
    report(
        seconds=seconds,
        results=summary.results_stored,
        archived=summary.results_archived,
        persons=summary.persons_created,
        variants=len(summary.variants),
        ambiguous=len(summary.ambiguous),
    )


def _flat_sql(placeholder: str) -> tuple[str, str]:
    create = (
        "CREATE TABLE flat (id INTEGER PRIMARY KEY, person INTEGER, name VARCHAR(200), "
        "nation VARCHAR(3), gender VARCHAR(10), distance INTEGER, season INTEGER, date DATE, "
        "rink VARCHAR(200), age_group VARCHAR(20), time_thousandths INTEGER, "
        "hundredths INTEGER, status VARCHAR(3), competition VARCHAR(200))"
    )
    marks = ", ".join(placeholder for _ in FLAT_COLUMNS)
    return create, f"INSERT INTO flat ({', '.join(FLAT_COLUMNS)}) VALUES ({marks})"


def role_flat(url: str, results: int) -> None:
    """The baseline: the same results, one plain row each, by DBAPI executemany."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    persons = person_ids(SEED)
    if parsed.get_backend_name() == "sqlite":
        import sqlite3

        connection: Any = sqlite3.connect(parsed.database or "", isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL"):
            connection.execute(f"PRAGMA {pragma}")
        create, insert = _flat_sql("?")
        connection.execute(create)

        def begin() -> None:
            connection.execute("BEGIN")

        def commit() -> None:
            connection.execute("COMMIT")

    else:
        import psycopg

        connection = psycopg.connect(
            host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database
        )
        create, insert = _flat_sql("%s")
        connection.execute(create)
        connection.commit()

        def begin() -> None:
            pass

        def commit() -> None:
            connection.commit()

    began = time.perf_counter()
    rows: list[tuple[object, ...]] = []
    done = 0
    for competition in synthetic_archive(results, SEED):
        rows += flat_rows(competition, done + len(rows) + 1, persons)
        if len(rows) >= BATCH:
            begin()
            connection.cursor().executemany(insert, rows)
            commit()
            done += len(rows)
            rows = []
    if rows:
        begin()
        connection.cursor().executemany(insert, rows)
        commit()
        done += len(rows)
    seconds = time.perf_counter() - began
    connection.close()
    report(seconds=seconds, results=done)


def parameters(runs: int) -> list[dict[str, Any]]:
    """The query parameters of every run, the same for every engine."""
    chance = random.Random(SEED)
    chosen = []
    for _ in range(runs):
        gender = chance.choice(("men", "women"))
        weights = FREQUENCY[Gender(gender)]
        distance = chance.choices(list(weights), list(weights.values()))[0]
        chosen.append(
            {
                "gender": gender,
                "distance": distance,
                "season": chance.randint(1995, 2024),
                "rink": chance.choice(RINKS)[0],
            }
        )
    return chosen


def timed(runs: list[dict[str, Any]], query: Callable[[dict[str, Any]], object]) -> list[float]:
    query(runs[0])  # a first run warms the caches
    times = []
    for run in runs:
        began = time.perf_counter()
        query(run)
        times.append(time.perf_counter() - began)
    return times


def role_queries(url: str, runs: int) -> None:
    from ovaltime.store import archive_queries as q
    from ovaltime.store.engine import make_engine, read_session

    engine = make_engine(url)
    chosen = parameters(runs)
    figures = {}
    with read_session(engine) as session:
        queries: dict[str, Callable[[dict[str, Any]], object]] = {
            "season": lambda p: q.season_list(
                session, p["distance"], Gender(p["gender"]), p["season"], limit=100
            ),
            "alltime": lambda p: q.alltime_list(
                session, p["distance"], Gender(p["gender"]), limit=100
            ),
            "adelskalender": lambda p: q.adelskalender(session, Gender(p["gender"]), limit=100),
            "alltime rink": lambda p: q.alltime_list(
                session, p["distance"], Gender(p["gender"]), rink=p["rink"], limit=100
            ),
        }
        for name, query in queries.items():
            figures[name] = timed(chosen, query)
            session.rollback()
    engine.dispose()
    report(times=figures)


DUCK_LIST = """
SELECT rank() OVER (ORDER BY hundredths) AS rank, person, name, nation, time_thousandths,
       date, competition, rink
FROM (SELECT *, row_number() OVER (PARTITION BY person ORDER BY hundredths, date, id) AS n
      FROM flat WHERE distance = $distance AND gender = $gender AND status = 'OK' {season})
WHERE n = 1 ORDER BY time_thousandths, date, person LIMIT 100
"""
DUCK_ADELSKALENDER = """
WITH pb AS (SELECT person, distance, min(hundredths) AS h FROM flat
            WHERE gender = $gender AND status = 'OK' AND distance IN ($a, $b, $c, $d)
            GROUP BY person, distance),
     points AS (SELECT person, sum((5000 * h) // distance) AS points, count(*) AS n
                FROM pb GROUP BY person),
     top AS (SELECT rank() OVER (ORDER BY points) AS rank, person, points FROM points
             WHERE n = 4 ORDER BY points, person LIMIT 100)
SELECT top.rank, top.person, top.points, pb.distance, pb.h FROM top JOIN pb USING (person)
ORDER BY top.points, top.person, pb.distance
"""


def role_duckdb(results: int, runs: int, folder: Path) -> None:
    import csv

    import duckdb

    path = folder / "flat.csv"
    persons = person_ids(SEED)
    done = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for competition in synthetic_archive(results, SEED):
            rows = flat_rows(competition, done + 1, persons)
            writer.writerows(rows)
            done += len(rows)
    connection = duckdb.connect()
    create, _ = _flat_sql("?")
    connection.execute(create)
    began = time.perf_counter()
    connection.execute(f"COPY flat FROM '{path}' (HEADER false)")
    loaded = time.perf_counter() - began
    path.unlink()
    chosen = parameters(runs)

    def listed(p: dict[str, Any], season: bool) -> object:
        text = DUCK_LIST.format(season="AND season = $season" if season else "")
        values = {"distance": p["distance"], "gender": p["gender"]}
        if season:
            values["season"] = p["season"]
        return connection.execute(text, values).fetchall()

    def adelskalender(p: dict[str, Any]) -> object:
        a, b, c, d = ADELSKALENDER[p["gender"]]
        values = {"gender": p["gender"], "a": a, "b": b, "c": c, "d": d}
        return connection.execute(DUCK_ADELSKALENDER, values).fetchall()

    def rink(p: dict[str, Any]) -> object:
        name = next(r[1] for r in RINKS if r[0] == p["rink"])
        text = DUCK_LIST.format(season="AND rink = $rink")
        values = {"distance": p["distance"], "gender": p["gender"], "rink": name}
        return connection.execute(text, values).fetchall()

    figures = {
        "season": timed(chosen, lambda p: listed(p, True)),
        "alltime": timed(chosen, lambda p: listed(p, False)),
        "adelskalender": timed(chosen, adelskalender),
        "alltime rink": timed(chosen, rink),
    }
    report(times=figures, load_seconds=loaded, results=done, version=duckdb.__version__)


# --- the parent ------------------------------------------------------------------------------


def run(*arguments: str) -> dict[str, Any]:
    """Run this script in a role; the figures it reported."""
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=STEP_TIMEOUT, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments[:2])} failed:\n{done.stdout}{done.stderr}")
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    figures: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    return figures


@contextmanager
def postgres(given: str | None, wanted: bool) -> Iterator[Callable[[str], str] | None]:
    """A function giving the URL of a new database on the server, or None without one."""
    if not wanted:
        yield None
        return
    import psycopg

    if given:
        yield lambda _name: given
        return
    from tests.pg import PostgresUnavailable, start_server

    try:
        server = start_server()
    except PostgresUnavailable as error:
        print(f"PostgreSQL left out: {error}")
        yield None
        return
    try:
        made: set[str] = set()

        def database(name: str) -> str:
            if name not in made:
                with psycopg.connect(server.conninfo(), autocommit=True) as admin:
                    admin.execute(f"CREATE DATABASE {name}")
                made.add(name)
            return server.url(name)

        yield database
    finally:
        server.stop()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def table(rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return [
        f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c:<{widths[2]}}  {d:>{widths[3]}}  {e:>{widths[4]}}"
        for a, b, c, d, e in rows
    ]


QUERY_NAMES = {
    "season": "season list, top 100",
    "alltime": "all-time list, top 100",
    "adelskalender": "Adelskalender, top 100",
    "alltime rink": "all-time list of a rink, top 100",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 000 results, 20 query runs")
    parser.add_argument("--results", type=int, help="results in the archive (1 000 000)")
    parser.add_argument("--runs", type=int, help="runs of each query (200)")
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database to use")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite and DuckDB only")
    parser.add_argument("--role", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    results = args.results or (20_000 if args.quick else 1_000_000)
    runs = args.runs or (20 if args.quick else 200)
    if args.role:
        folder = Path(args.folder or tempfile.gettempdir())
        if args.role == "generate":
            role_generate(results)
        elif args.role == "archive":
            role_archive(args.url, results, folder)
        elif args.role == "flat":
            role_flat(args.url, results)
        elif args.role == "queries":
            role_queries(args.url, runs)
        elif args.role == "duckdb":
            role_duckdb(results, runs, folder)
        return
    measure(results, runs, args.postgres, not args.no_postgres)


def measure(results: int, runs: int, given: str | None, with_postgres: bool) -> None:
    common = ("--results", str(results), "--runs", str(runs))
    rows: list[tuple[str, str, str, str, str]] = [
        ("benchmark", "value", "baseline", "value", "ratio")
    ]
    with tempfile.TemporaryDirectory(prefix="ovaltime-archive-bench-") as temporary:
        folder = Path(temporary)
        where = ("--folder", str(folder))
        generated = run("--role", "generate", *common)
        make = generated["seconds"]
        print(f"generating {results:,} results alone: {make:.1f} s (taken off the import times)")
        engines: dict[str, dict[str, Any]] = {}
        with postgres(given, with_postgres) as database:
            kinds = [("SQLite", lambda n: f"sqlite:///{folder / n}.db")]
            if database is not None:
                kinds.append(("PostgreSQL", database))
            for label, url_of in kinds:
                ours = run("--role", "archive", "--url", url_of("archive"), *common, *where)
                flat = run("--role", "flat", "--url", url_of("flat"), *common, *where)
                engines[label] = run("--role", "queries", "--url", url_of("archive"), *common)
                mine = results / max(ours["seconds"] - make, 1e-9)
                theirs = results / max(flat["seconds"] - make, 1e-9)
                rows.append(
                    (
                        f"import, {label}",
                        f"{mine:,.0f} results/s",
                        f"executemany into a flat table, {label}",
                        f"{theirs:,.0f} results/s",
                        f"{mine / theirs:.2f}x",
                    )
                )
                rows.append(
                    (
                        f"import, {label}, peak memory",
                        f"{ours['peak_mib']:.0f} MiB",
                        "executemany, peak memory",
                        f"{flat['peak_mib']:.0f} MiB",
                        f"{ours['peak_mib'] / flat['peak_mib']:.2f}x",
                    )
                )
                print(
                    f"{label}: {ours['results']:,} results stored, {ours['archived']:,} archived, "
                    f"{ours['persons']:,} persons ({ours['variants']} variants, "
                    f"{ours['ambiguous']} ambiguous) in {ours['seconds']:.1f} s; "
                    f"flat table in {flat['seconds']:.1f} s"
                )
        duck = run("--role", "duckdb", *common, *where)
        print(
            f"DuckDB {duck['version']}: {duck['results']:,} flat rows loaded in "
            f"{duck['load_seconds']:.1f} s"
        )
        for query, title in QUERY_NAMES.items():
            for label, figures in engines.items():
                for share, which in ((0.5, "p50"), (0.99, "p99")):
                    mine = percentile(figures["times"][query], share) * 1000
                    theirs = percentile(duck["times"][query], share) * 1000
                    rows.append(
                        (
                            f"{title}, {label}, {which}",
                            f"{mine:.2f} ms",
                            f"DuckDB from the flat results, {which}",
                            f"{theirs:.2f} ms",
                            f"{mine / theirs:.2f}x",
                        )
                    )
    print(f"archive of {results:,} results, {runs} runs of each query, measured in this run")
    print("\n".join(table(rows)))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
