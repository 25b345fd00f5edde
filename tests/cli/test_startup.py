"""Ranking a CSV from the command line loads neither a web nor a database stack, nor what draws
the PDF documents and charts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import write

HEAVY = (
    "fastapi",
    "starlette",
    "sqlalchemy",
    "uvicorn",
    "pydantic",
    "jsonschema",
    "reportlab",
    "matplotlib",
)

#: Runs ``ovaltime ARGS`` through the console entry point in this interpreter, then writes the
#: top-level names of every imported module to the file named by the first argument.
PROBE = """
import sys
out, args = sys.argv[1], sys.argv[2:]
sys.argv = ["ovaltime", *args]
from ovaltime.cli.app import main
try:
    main()
except SystemExit as exit:
    status = exit.code
else:
    status = 0
with open(out, "w", encoding="utf-8") as handle:
    handle.write(f"{status}\\n")
    handle.write("\\n".join(sorted(sys.modules)))
"""


def _imported(tmp_path: Path, *args: str) -> tuple[str, set[str], str]:
    modules = tmp_path / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(modules), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    status, *names = modules.read_text(encoding="utf-8").splitlines()
    return status, {name.split(".")[0] for name in names}, done.stdout


def test_rank_as_json_imports_no_web_or_database_stack(tmp_path: Path) -> None:
    write(tmp_path, "race.csv", "skater,nation,time\nAnna,NED,37.34\nBea,GER,37.52\n")
    status, top_level, stdout = _imported(tmp_path, "rank", "race.csv", "--format", "json")
    assert status == "0"
    assert '"skater": "Anna"' in stdout, "the probe ranked the file"
    assert "ovaltime" in top_level
    assert not top_level & set(HEAVY), sorted(top_level & set(HEAVY))
    assert "rich" not in top_level, "Rich is imported only when a table is drawn"
