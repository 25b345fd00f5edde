"""``ovaltime report pdf``: each document from a file or a database; bad input is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovaltime.demo import demo_competition
from ovaltime.formats.document import write_competition_file
from tests.cli.helpers import BAD_INPUT, run
from tests.reports.pdf.poppler import rows, text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo championship as a competition document, and imported into a SQLite file."""
    here = tmp_path_factory.mktemp("report")
    write_competition_file(demo_competition(), here / "demo.json")
    assert run("import", "demo.json", "--database", "sqlite:///demo.db", cwd=here).status == 0
    return here


def test_result_list_of_a_race(folder: Path) -> None:
    done = run(
        "report", "pdf", "demo.json", "--race", "2", "-o", "race.pdf", "--referee", "Jo", cwd=folder
    )
    assert done.status == 0, done.stderr
    assert "wrote race.pdf" in done.stderr
    whole = text((folder / "race.pdf").read_bytes())
    assert "5000 m men" in whole
    assert "Jo" in whole


def test_start_list_from_the_database(folder: Path) -> None:
    done = run(
        "report",
        "pdf",
        "--database",
        "sqlite:///demo.db",
        "--competition",
        "1",
        "--start-list",
        "1",
        "-o",
        "start.pdf",
        cwd=folder,
    )
    assert done.status == 0, done.stderr
    assert "Pair Lane Skater Nation" in rows((folder / "start.pdf").read_bytes())


def test_classification_list(folder: Path) -> None:
    done = run("report", "pdf", "demo.json", "--classification", "-o", "class.pdf", cwd=folder)
    assert done.status == 0, done.stderr
    assert "Men: big combination, after 4 of 4 races" in rows((folder / "class.pdf").read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["demo.json", "--race", "9"],
            "--race 9: Demo Allround Championships: the competition has races 1 to 4",
        ),
        (["demo.json", "--start-list", "0"], "--start-list 0:"),
        (["missing.json", "--race", "1"], "missing.json: cannot read the file"),
        (["demo.json"], "choose one document"),
        (["demo.json", "--race", "1", "--standings"], "given: --race, --standings"),
        (
            ["--database", "sqlite:///demo.db", "--competition", "7", "--race", "1"],
            "there is no competition 7",
        ),
        (
            ["--database", "sqlite:///absent.db", "--competition", "1", "--race", "1"],
            "no such database file",
        ),
        (["demo.json", "--competition", "1", "--race", "1"], "not both"),
    ],
)
def test_bad_input_is_one_clear_line(folder: Path, args: list[str], message: str) -> None:
    done = run("report", "pdf", *args, "-o", "bad.pdf", cwd=folder)
    assert done.status == BAD_INPUT
    assert len(done.lines()) == 1, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (folder / "absent.db").exists()
