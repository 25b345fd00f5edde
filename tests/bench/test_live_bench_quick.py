"""The live benchmark still runs: ``bench/live.py --quick`` with 50 viewers prints its table.

The figures are not checked (benchmarks are not timed tests); the rows and their values are.
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

ROWS = [
    "result to last of 50 viewers, p50",
    "result to last of 50 viewers, p99",
    "record a result (POST, 50 viewers), median",
    "server memory per viewer (50 viewers)",
    "GET race JSON, 10 results/s to 50 viewers",
]


def test_the_quick_live_benchmark_prints_its_table() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "live.py"), "--quick", "--clients", "50"],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "RLIMIT_NOFILE" in done.stdout
    lines = done.stdout.splitlines()
    for row in ROWS:
        (line,) = [line for line in lines if line.startswith(row)]
        assert re.search(r"\d+(\.\d+)? (ms|KiB|req/s) .* \d+\.\d\dx$", line), line
