"""``ovaltime import`` and ``ovaltime show`` on the published ISU results texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.core.ranking import rank_race
from ovaltime.formats.isu_text import read_isu_text_file
from tests.cli.helpers import invoke, run
from tests.conftest import isu_text_files

pytestmark = pytest.mark.shared_data


def _calgary(shared_data: Path) -> Path:
    path = shared_data / "isu-results-text" / "wc-2024-25-3-calgary.txt"
    if not path.is_file():
        pytest.skip(f"{path.name} not found in {path.parent}")
    return path


def test_import_writes_a_document_that_show_lists(shared_data: Path, tmp_path: Path) -> None:
    source = _calgary(shared_data)
    imported = run("import", source, "-o", "doc.json", cwd=tmp_path)
    assert imported.status == 0, imported.stderr
    assert imported.stdout == ""
    assert imported.lines() == [
        "ovaltime: wrote doc.json: 22 races, 513 results, 0 warning(s)",
    ]
    races = read_isu_text_file(source).competition.races
    listed = run("show", "doc.json", "--format", "json", cwd=tmp_path).json()
    assert listed["competition"] == "3. World Cup 2024/2025"
    assert len(listed["races"]) == len(races) == 22
    assert [row["race"] for row in listed["races"]] == list(range(1, len(races) + 1))
    assert listed["races"][0] == {
        "race": 1,
        "name": "5000 m women, division A",
        "date": "2025-01-24",
        "results": 12,
        "winner": "Joy Beune",
        "time": "6:45.76",
    }
    table = invoke("show", tmp_path / "doc.json")
    assert table.status == 0, table.stderr
    assert "Olympic Oval (CAN), 2025-01-24 to 2025-01-26" in table.stdout
    assert "1500 m men, division A" in table.stdout


def test_show_one_race_of_the_document_as_ranked(shared_data: Path, tmp_path: Path) -> None:
    source = _calgary(shared_data)
    assert invoke("import", source, "-o", tmp_path / "doc.json").status == 0
    shown = invoke("show", tmp_path / "doc.json", "--race", "1", "--format", "json").json()
    assert (shown["race"], shown["name"]) == (1, "5000 m women, division A")
    results = shown["results"]
    assert [(row["rank"], row["skater"], row["time"], row["behind"]) for row in results[:3]] == [
        (1, "Joy Beune", "6:45.76", None),
        (2, "Merel Conijn", "6:47.44", "+1.68"),
        (3, "Martina Sáblíková", "6:49.01", "+3.25"),
    ]
    expected = rank_race(read_isu_text_file(source).competition.races[0])
    assert [(row["rank"], row["skater"]) for row in results] == [
        (entry.rank, entry.result.skater.name) for entry in expected
    ]
    assert shown["leaders"] == [], "an ISU results text has no pairs"


@pytest.mark.parametrize("source", isu_text_files(), ids=lambda p: p.name)
def test_importing_the_document_again_gives_the_same_file(
    source: Path, shared_data: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "doc.json", tmp_path / "doc2.json"
    assert invoke("import", source, "-o", first).status == 0
    again = invoke("import", first, "-o", second)
    assert again.status == 0, again.stderr
    assert second.read_bytes() == first.read_bytes()
    races = read_isu_text_file(source).competition.races
    listed = invoke("show", second, "-f", "json").json()["races"]
    assert len(listed) == len(races)
    assert [row["results"] for row in listed] == [len(race.results) for race in races]


def test_import_without_output_summarises_or_prints_the_document(
    shared_data: Path, tmp_path: Path
) -> None:
    source = _calgary(shared_data)
    assert invoke("import", source, "-o", tmp_path / "doc.json").status == 0
    printed = invoke("import", source, "--format", "json")
    assert printed.status == 0, printed.stderr
    assert printed.stdout == (tmp_path / "doc.json").read_text(encoding="utf-8")
    summary = invoke("import", source, "--format", "csv")
    assert summary.status == 0, summary.stderr
    assert summary.stdout.splitlines()[0] == "race,name,date,results,winner,time"
    assert len(summary.stdout.splitlines()) == 1 + 22


def test_import_warns_about_lines_it_could_not_read_as_given(shared_data: Path) -> None:
    source = shared_data / "isu-results-text" / "wc-2024-25-5-tomaszow.txt"
    if not source.is_file():
        pytest.skip(f"{source.name} not found")
    outcome = run("import", source, "--format", "csv", cwd=source.parent)
    assert outcome.status == 0, outcome.stderr
    warnings = [line for line in outcome.lines() if line.startswith("ovaltime: warning: ")]
    assert warnings
    assert all(f"{source.name}:" in line for line in warnings)
    assert "Traceback" not in outcome.stderr
