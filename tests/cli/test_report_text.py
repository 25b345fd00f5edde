"""``ovaltime report text``: the written report of a race, a day or a competition."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.demo import demo_competition
from ovaltime.formats.document import write_competition_file
from tests.cli.helpers import BAD_INPUT, invoke, run


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    write_competition_file(demo_competition(), path)
    return path


def test_a_race_in_markdown(demo_file: Path) -> None:
    outcome = invoke("report", "text", demo_file, "--race", "2")
    assert outcome.status == 0, outcome.stderr
    assert outcome.stdout.startswith("# Demo Allround Championships: Men's 5,000 m\n")
    assert "won the men's 5,000 m in 6:16.53" in outcome.stdout
    # A championship: the classification after the distance is told (--combination auto).
    assert "After the 5,000 m, Morisaki leads the allround classification" in outcome.stdout


def test_a_day_in_html_to_a_file(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.html"
    outcome = invoke(
        "report", "text", demo_file, "--day", "2026-03-07", "--format", "html", "-o", out
    )
    assert outcome.status == 0, outcome.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<article class="report">')
    assert "<h2>Men&#39;s 500 m</h2>" in html
    assert "<h2>Men&#39;s 1,500 m</h2>" not in html  # skated on the second day


def test_the_combination_can_be_left_out(demo_file: Path) -> None:
    outcome = invoke("report", "text", demo_file, "--combination", "none")
    assert outcome.status == 0, outcome.stderr
    assert "classification" not in outcome.stdout
    assert "## Podiums" in outcome.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--race", "9"), "race 9: the competition has races 1-4"),
        (("--day", "2026-13-01"), "--day 2026-13-01: not a date (YYYY-MM-DD)"),
        (("--day", "2020-01-01"), "no race on 2020-01-01; race days: 2026-03-07, 2026-03-08"),
        (("--format", "pdf"), "--format pdf: one of md, html"),
        (("--combination", "huge"), "--combination huge:"),
    ],
)
def test_bad_options_are_one_line(demo_file: Path, args: tuple[str, ...], message: str) -> None:
    outcome = run("report", "text", demo_file, *args, cwd=demo_file.parent)
    assert outcome.status == BAD_INPUT
    assert message in outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert len(outcome.lines()) == 1, outcome.stderr


@pytest.mark.shared_data
def test_world_cup_standings_over_the_meetings_given(shared_data: Path) -> None:
    folder = shared_data / "isu-results-text"
    outcome = invoke(
        "report",
        "text",
        folder / "wc-2024-25-6-heerenveen.txt",
        "--meeting",
        folder / "wc-2024-25-3-calgary.txt",
    )
    assert outcome.status == 0, outcome.stderr
    text = outcome.stdout
    assert (
        "The standings of the 2024-25 season count two meetings: 3. World Cup 2024/2025 and "
        "6. World Cup 2024/2025." in text
    )
    assert "Jenning de Boo (NED) leads the men's 500 m World Cup with 162 points" in text
