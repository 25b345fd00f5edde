"""The archive benchmark still runs: ``bench/archive.py --quick`` prints its table.

The figures are not checked (benchmarks are not timed tests); the rows and their form are.
DuckDB is the benchmark's own dependency (``.[bench]``): without it the test is skipped.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

ROWS = [
    "import, SQLite ",
    "import, SQLite, peak memory",
    "season list, top 100, SQLite, p50",
    "season list, top 100, SQLite, p99",
    "all-time list, top 100, SQLite, p99",
    "Adelskalender, top 100, SQLite, p99",
    "all-time list of a rink, top 100, SQLite, p99",
]


def test_the_quick_archive_benchmark_prints_its_table() -> None:
    pytest.importorskip("duckdb")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "archive.py"), "--quick", "--no-postgres",
         "--results", "5000", "--runs", "5"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("archive of 5,000 results") for line in lines), done.stdout
    for row in ROWS:
        (line,) = [line for line in lines if line.startswith(row)]
        assert re.search(r"\d[\d,.]* (ms|MiB|results/s) .* \d+\.\d\dx$", line), line
