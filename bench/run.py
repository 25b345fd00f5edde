"""Benchmarks: CLI start-up, race ranking and combination scoring throughput.

Each figure is the median of several runs measured in this one run, printed beside a baseline
measured the same way, and the ratio between them (machines are shared and noisy: compare
ratios, not absolute times).

* start-up: ``ovaltime rank`` of a 20-skater race CSV against a bare ``python3 -c pass``, and
  against ``python3 -c "import typer"`` (the floor for any Typer command line).
* ranking: 100 000 synthetic results (5 000 races of 20) ranked by ``rank_results``, against a
  plain ``sorted`` of the same times (the floor for any ranking).
* classification: 100 000 synthetic results (1 250 allround championships of 20 skaters over the
  4 distances of the big combination) scored by ``classify``, against a hand-written loop that
  only sums truncated points per skater and sorts the totals.

Usage: ``python bench/run.py [--quick]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from ovaltime.core.combination import BIG, classify
from ovaltime.core.ranking import rank_results
from ovaltime.core.results import Race, Result, Skater
from ovaltime.core.states import Gender, Status
from ovaltime.core.times import Time

RESULTS = 100_000


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_table(title: str, rows: list[tuple[str, float, str, float]]) -> None:
    """Each benchmark's median beside its baseline's, and the ratio."""
    name_width = max(len(row[0]) for row in rows)
    base_width = max(len(row[2]) for row in rows)
    print(title)
    print(
        f"{'benchmark':<{name_width}}  {'median':>9}  {'baseline':<{base_width}}  "
        f"{'median':>9}  {'ratio':>6}"
    )
    for name, ours, base_name, base in rows:
        print(
            f"{name:<{name_width}}  {ours * 1000:>7.1f}ms  {base_name:<{base_width}}  "
            f"{base * 1000:>7.1f}ms  {ours / base:>5.2f}x"
        )


def race_results(rng: random.Random, size: int, base: int, prefix: str) -> list[Result]:
    results = []
    for index in range(size):
        skater = Skater(f"{prefix} skater {index}", "NED")
        if rng.random() < 0.03:
            results.append(Result(skater, status=rng.choice(list(Status)[1:])))
        else:
            results.append(Result(skater, Time(base + rng.randint(0, base // 20))))
    return results


def startup(runs: int) -> list[tuple[str, float, str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        race = Path(folder, "race.csv")
        lines = ["skater,nation,pair,lane,time"]
        lines += [f"Skater {i},NED,{i // 2 + 1},{'io'[i % 2]},{36 + i / 37:.3f}" for i in range(20)]
        race.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cli = [sys.executable, "-m", "ovaltime", "rank", str(race), "--format", "json"]

        def run(command: list[str]) -> Callable[[], object]:
            return lambda: subprocess.run(command, check=True, capture_output=True)

        bare = median_seconds(run([sys.executable, "-c", "pass"]), runs)
        typer_only = median_seconds(run([sys.executable, "-c", "import typer"]), runs)
        ours = median_seconds(run(cli), runs)
        table_out = median_seconds(run(cli[:-2]), runs)
    return [
        ("ovaltime rank --format json (20 skaters)", ours, "python3 -c pass", bare),
        ("ovaltime rank --format json (20 skaters)", ours, "python3 -c 'import typer'", typer_only),
        ("ovaltime rank, Rich table (20 skaters)", table_out, "python3 -c pass", bare),
    ]


def ranking(runs: int) -> list[tuple[str, float, str, float]]:
    rng = random.Random(1)
    races = [race_results(rng, 20, 35_000 + 1_000 * (i % 7), f"r{i}") for i in range(RESULTS // 20)]

    def ours() -> None:
        for results in races:
            rank_results(results)

    def floor() -> None:
        for results in races:
            sorted(r.time.thousandths for r in results if r.time is not None)

    return [
        (
            f"rank_results, {RESULTS:,} results",
            median_seconds(ours, runs),
            "sorted() of the times",
            median_seconds(floor, runs),
        )
    ]


def championships(rng: random.Random, count: int) -> list[list[Race]]:
    bases = {500: 35_500, 5000: 375_000, 1500: 106_000, 10000: 780_000}
    out = []
    for index in range(count):
        races = []
        for distance, base in bases.items():
            results = [
                Result(
                    Skater(f"c{index} skater {k}", "NOR"), Time(base + rng.randint(0, base // 25))
                )
                for k in range(20)
            ]
            races.append(Race(distance, Gender.MEN, tuple(results)))
        out.append(races)
    return out


def classification(runs: int) -> list[tuple[str, float, str, float]]:
    rng = random.Random(2)
    events = championships(rng, RESULTS // 80)

    def ours() -> None:
        for races in events:
            classify(BIG, races)

    def floor() -> None:
        for races in events:
            totals: dict[str, Decimal] = {}
            for race in races:
                for r in race.results:
                    assert r.time is not None
                    points = Decimal(r.time.hundredths * 5000 // race.distance).scaleb(-3)
                    totals[r.skater.name] = totals.get(r.skater.name, Decimal(0)) + points
            sorted(totals.items(), key=lambda item: item[1])

    return [
        (
            f"classify (big), {RESULTS:,} results",
            median_seconds(ours, runs),
            "sum of points + sort",
            median_seconds(floor, runs),
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke test")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows = startup(runs * 2) + ranking(runs) + classification(runs)
    print_table(f"medians of {runs} runs ({runs * 2} for start-up), measured in this run", rows)


if __name__ == "__main__":
    main()
