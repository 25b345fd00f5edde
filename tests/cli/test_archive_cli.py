"""``ovaltime archive``: import into a SQLite file, then lists, bests and the Adelskalender.

The expected values are computed from the demo championship itself (its times, and the
samalog points of ``core.records``), so that they follow the demo if it changes; the shared
ISU texts are checked against what they publish.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from ovaltime.core.combination_records import combination_totals
from ovaltime.core.records import adelskalender_points
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.demo import demo_competition
from ovaltime.formats.document import write_competition_file
from tests.archive.test_precision import HUNDREDTHS, TENTHS, allround_in_tenths
from tests.cli.helpers import BAD_INPUT, invoke, run, write

LIST_KEYS = ["rank", "skater", "nation", "time", "date", "competition", "rink"]


@pytest.fixture(scope="module")
def demo() -> Competition:
    return demo_competition()


@pytest.fixture
def database(tmp_path: Path, demo: Competition) -> str:
    """A SQLite file holding the demo championship, imported by the command."""
    path = tmp_path / "demo.json"
    write_competition_file(demo, path)
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    done = invoke("archive", "import", path, "--database", url, "--format", "json")
    assert done.status == 0, done.stderr
    return url


def _official(time: Time) -> str:
    return Time(time.thousandths).format()


def _finishers(demo: Competition, distance: int) -> list[tuple[str, str, Time]]:
    race = next(r for r in demo.races if r.distance == distance)
    timed = [(r.skater.name, r.skater.nation, r.time) for r in race.results if r.time is not None]
    return sorted(timed, key=lambda line: (line[2].hundredths, line[2].thousandths))


def test_import_says_what_it_added_and_a_second_import_adds_nothing(
    tmp_path: Path, demo: Competition
) -> None:
    path = tmp_path / "demo.json"
    write_competition_file(demo, path)
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    first = invoke("archive", "import", path, "--database", url, "--format", "json").json()
    results = sum(len(race.results) for race in demo.races)
    timed = sum(1 for race in demo.races for r in race.results if r.time is not None)
    assert first["files_read"] == 1
    assert [(a["competition"], a["results"], a["archived"]) for a in first["added"]] == [
        (demo.name, results, timed)
    ]
    assert first["skipped"] == []
    assert first["results_archived"] == timed
    assert sum(first["not_archived"].values()) == results - timed
    assert first["persons_created"] == len({r.skater for race in demo.races for r in race.results})
    assert first["unmapped_venues"] == [f"{demo.venue} ({demo.nation})"]
    assert first["problems"] == []
    again = invoke("archive", "import", tmp_path, "--database", url, "--format", "json").json()
    assert again["added"] == []
    assert [s["competition_id"] for s in again["skipped"]] == [first["added"][0]["competition_id"]]
    assert "already imported" in again["skipped"][0]["reason"]
    assert (again["results_archived"], again["persons_created"]) == (0, 0)


def test_the_import_table_names_what_was_left_out_and_why(
    tmp_path: Path, demo: Competition
) -> None:
    path = tmp_path / "demo.json"
    write_competition_file(demo, path)
    done = invoke("archive", "import", path, "--database", f"sqlite:///{tmp_path / 'a.db'}")
    assert done.status == 0, done.stderr
    assert "1 competition(s) added, 0 skipped" in done.stdout
    assert "not archived: 1 status DQ" in done.stdout
    assert "Venues without a rink: Demo Oval (NOR)" in done.stdout
    assert done.stderr == ""


def test_a_file_with_problems_exits_2_and_the_others_are_imported(
    tmp_path: Path, demo: Competition
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    write_competition_file(demo, folder / "demo.json")
    write(folder, "broken.json", '{"name": "Broken", "races": [')
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    done = run(
        "archive", "import", folder, tmp_path / "missing.txt", "--database", url, cwd=tmp_path
    )
    assert done.status == BAD_INPUT
    assert "1 competition(s) added" in done.stdout
    problems = done.lines()
    assert len(problems) == 2, done.stderr
    assert problems[0].startswith(f"ovaltime: problem: {folder / 'broken.json'}")
    assert problems[1] == f"ovaltime: problem: {tmp_path / 'missing.txt'}: no such file or folder"
    assert "Traceback" not in done.stderr
    listed = invoke("archive", "list", "-d", "500", "-g", "men", "--database", url, "-f", "json")
    assert len(listed.json()["list"]) == len(_finishers(demo, 500))


def test_the_all_time_list(database: str, demo: Competition) -> None:
    done = invoke(
        "archive",
        "list",
        "--distance",
        "1500",
        "--gender",
        "men",
        "--limit",
        "3",
        "--database",
        database,
        "--format",
        "json",
    )
    lines = done.json()["list"]
    assert [list(line) for line in lines] == [LIST_KEYS] * 3
    expected = _finishers(demo, 1500)[:3]
    assert [(x["rank"], x["skater"], x["nation"], x["time"]) for x in lines] == [
        (rank, name, nation, _official(time))
        for rank, (name, nation, time) in enumerate(expected, 1)
    ]
    race = next(r for r in demo.races if r.distance == 1500)
    assert race.date is not None
    assert {(x["date"], x["competition"], x["rink"]) for x in lines} == {
        (race.date.isoformat(), demo.name, "")
    }


def test_the_list_filters(database: str, demo: Competition) -> None:
    def listed(*options: str) -> list[str]:
        done = invoke(
            "archive",
            "list",
            "-d",
            "500",
            "-g",
            "men",
            "--database",
            database,
            "-f",
            "json",
            *options,
        )
        return [line["skater"] for line in done.json()["list"]]

    everyone = [name for name, _, _ in _finishers(demo, 500)]
    assert listed() == everyone
    assert listed("--season", "2025-26") == everyone
    assert listed("--season", "2024/25") == []
    dutch = [name for name, nation, _ in _finishers(demo, 500) if nation == "NED"]
    assert dutch
    assert listed("--nation", "ned") == dutch
    assert listed("--offset", "2", "--limit", "2") == everyone[2:4]
    assert listed("--rink", "calgary") == []
    assert listed("-g", "women") == []


def test_the_list_as_csv(database: str, demo: Competition) -> None:
    done = invoke(
        "archive", "list", "-d", "10000", "-g", "men", "--database", database, "-f", "csv"
    )
    assert done.status == 0, done.stderr
    header, first, *_ = done.stdout.splitlines()
    assert header == ",".join(LIST_KEYS)
    name, _, time = _finishers(demo, 10000)[0]
    assert first.startswith(f"1,{name},")
    assert f",{_official(time)}," in first


def test_the_adelskalender(database: str, demo: Competition) -> None:
    bests: dict[tuple[str, str], dict[int, Time]] = {}
    for distance in (500, 1500, 5000, 10000):
        for name, nation, time in _finishers(demo, distance):
            bests.setdefault((name, nation), {})[distance] = time
    points = {skater: adelskalender_points(times, Gender.MEN) for skater, times in bests.items()}
    expected = sorted((p, name) for (name, _), p in points.items() if p is not None)
    done = invoke("archive", "adelskalender", "--database", database, "--format", "json")
    lines = done.json()["list"]
    assert [list(line) for line in lines] == [
        ["rank", "skater", "nation", "points", "bests"]
    ] * len(expected)
    assert [(line["skater"], line["points"]) for line in lines] == [
        (name, f"{p // 1000}.{p % 1000:03d}") for p, name in expected
    ]
    assert [line["rank"] for line in lines] == list(range(1, len(expected) + 1))
    top = lines[0]
    nation = next(n for (name, n) in bests if name == top["skater"])
    assert top["nation"] == nation
    assert top["bests"] == {
        str(d): _official(t) for d, t in sorted(bests[(top["skater"], nation)].items())
    }
    women = invoke("archive", "adelskalender", "-g", "women", "--database", database, "-f", "json")
    assert women.json() == {"list": []}
    short = invoke("archive", "adelskalender", "-n", "2", "--database", database)
    assert short.status == 0
    assert expected[0][1] in short.stdout
    assert expected[2][1] not in short.stdout


def test_bests_of_a_skater_by_any_spelling_or_id(database: str, demo: Competition) -> None:
    name, nation, _ = _finishers(demo, 500)[0]
    first, last = name.split(" ", 1)
    view = invoke(
        "archive", "bests", f"{last.upper()} {first}", "--database", database, "-f", "json"
    ).json()
    assert (view["skater"]["name"], view["skater"]["nation"]) == (name, nation)
    assert view["season"] == "2025-26"
    mine = {race.distance: r for race in demo.races for r in race.results if r.skater.name == name}
    timed = {d: r.time for d, r in mine.items() if r.time is not None}
    assert [b["distance"] for b in view["bests"]] == sorted(timed)
    for line in view["bests"]:
        assert line["pb"]["time"] == _official(timed[line["distance"]])
        assert line["sb"] == line["pb"]
        assert "PB" in line["pb"]["flags"]
        assert line["pb"]["competition"] == demo.name
    by_id = invoke(
        "archive", "bests", f"#{view['skater']['id']}", "--database", database, "-f", "json"
    ).json()
    assert by_id == view
    table = invoke("archive", "bests", name, "--database", database)
    assert table.status == 0
    assert "season bests of 2025-26" in table.stdout


def test_a_name_fitting_several_skaters_lists_them(database: str) -> None:
    done = invoke("archive", "bests", "a", "--database", database)
    assert done.status == BAD_INPUT
    first, *listed = done.lines()
    assert first.startswith("ovaltime: error: 'a' fits ")
    assert len(listed) > 1
    assert all(line.lstrip().startswith("#") for line in listed)
    assert done.stdout == ""


def test_head_to_head(database: str, demo: Competition) -> None:
    (a, _, time_a), (b, _, time_b), *_ = _finishers(demo, 500)
    view = invoke("archive", "h2h", a, b, "--database", database, "-f", "json").json()
    assert (view["a"]["name"], view["b"]["name"]) == (a, b)
    sprint = [m for m in view["meetings"] if m["distance"] == 500]
    assert [(m["time_a"], m["time_b"], m["winner"]) for m in sprint] == [
        (_official(time_a), _official(time_b), "a")
    ]
    assert {"distance": 500, "a": 1, "b": 0, "equal": 0} in view["totals"]


def test_records_standing_now(database: str, demo: Competition) -> None:
    name, nation, time = _finishers(demo, 5000)[0]
    view = invoke(
        "archive", "records", "-d", "5000", "-g", "men", "--database", database, "-f", "json"
    ).json()
    assert [(r["kind"], r["skater"], r["time"]) for r in view["records"]] == [
        ("WR", name, _official(time))
    ]
    national = invoke(
        "archive",
        "records",
        "-d",
        "5000",
        "-g",
        "men",
        "-k",
        "nr",
        "--nation",
        nation,
        "--database",
        database,
        "-f",
        "json",
    ).json()
    assert [(r["kind"], r["scope"], r["skater"]) for r in national["records"]] == [
        ("NR", nation, name)
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["list", "-d", "1501", "-g", "men"], "--distance: distance 1501 m is not a whole"),
        (["list", "-d", "fast", "-g", "men"], "--distance: 'fast' is not a distance"),
        (["list", "-d", "500", "-g", "mixed"], "--gender: unknown gender 'mixed'"),
        (["list", "-d", "500", "-g", "men", "--season", "2024-26"], "--season: '2024-26' is not"),
        (
            ["list", "-d", "500", "-g", "men", "--season", "last"],
            "--season: 'last' is not a season",
        ),
        (["adelskalender", "-g", "girls"], "--gender: unknown gender 'girls'"),
        (["bests", "Nobody Here"], "skater 'Nobody Here' not found"),
        (["bests", "#999"], "skater 999 not found"),
        (["records", "-d", "500", "-g", "men", "-k", "OR"], "--kind: unknown record 'OR'"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path, database: str, arguments: list[str], message: str
) -> None:
    done = run("archive", *arguments, "--database", database, cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert len(done.lines()) == 1, done.stderr
    assert done.stderr.startswith(f"ovaltime: error: {message}"), done.stderr
    assert done.stdout == ""


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    done = run("archive", "adelskalender", "--database", "nosuchdb://here", cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert len(done.lines()) == 1, done.stderr
    assert done.stderr.startswith("ovaltime: error: --database 'nosuchdb://here': not a database")
    assert "Traceback" not in done.stderr


@pytest.mark.shared_data
def test_the_isu_texts(tmp_path: Path, shared_data: Path) -> None:
    """The 2024-25 World Cups in Calgary, Milwaukee, Tomaszów and Heerenveen and the single
    distance championships in Hamar: Femke Kok's 37.01 in Calgary leads the season's 500 m."""
    url = f"sqlite:///{tmp_path / 'isu.db'}"
    folder = shared_data / "isu-results-text"
    first = invoke("archive", "import", folder, "--database", url, "-f", "json")
    summary = json.loads(first.stdout)
    assert len(summary["added"]) == len(list(folder.glob("*.txt")))
    assert first.status == (BAD_INPUT if summary["problems"] else 0)
    assert all(":" in problem for problem in summary["problems"])
    assert summary["not_archived"]["mass start"] > 0
    again = json.loads(invoke("archive", "import", folder, "--database", url, "-f", "json").stdout)
    assert (again["added"], again["persons_created"]) == ([], 0)
    season = invoke(
        "archive",
        "list",
        "-d",
        "500",
        "-g",
        "women",
        "--season",
        "2024-25",
        "-n",
        "1",
        "--database",
        url,
        "-f",
        "json",
    ).json()
    assert [
        (x["rank"], x["skater"], x["nation"], x["time"], x["date"]) for x in season["list"]
    ] == [(1, "Femke Kok", "NED", "37.01", "2025-01-26")]
    kok = invoke("archive", "bests", "KOK Femke", "--database", url, "-f", "json").json()
    assert kok["skater"]["name"] == "Femke Kok"
    assert next(b for b in kok["bests"] if b["distance"] == 500)["pb"]["time"] == "37.01"


def test_an_admin_adds_an_alias(tmp_path: Path, database: str, demo: Competition) -> None:
    assert invoke("user", "add", "marit", "--role", "admin", "--database", database).status == 0
    assert invoke("user", "add", "sven", "--role", "official", "--database", database).status == 0
    name, nation, _ = _finishers(demo, 500)[0]
    done = invoke(
        "archive",
        "alias",
        "add",
        "The Rocket",
        "--to",
        name,
        "--as",
        "marit",
        "--reason",
        "his nickname in the press",
        "--database",
        database,
    )
    assert done.status == 0, done.stderr
    assert done.stdout.startswith("alias #")
    assert f"'The Rocket' added to {name} (#" in done.stdout
    found = invoke("archive", "bests", "rocket the", "--database", database, "-f", "json").json()
    assert (found["skater"]["name"], found["skater"]["nation"]) == (name, nation)
    assert "The Rocket" in found["skater"]["aliases"]
    refused = run(
        "archive",
        "alias",
        "add",
        "Speedy",
        "--to",
        name,
        "--as",
        "sven",
        "--reason",
        "why not",
        "--database",
        database,
        cwd=tmp_path,
    )
    assert refused.status == BAD_INPUT
    assert len(refused.lines()) == 1, refused.stderr
    assert refused.stderr.startswith("ovaltime: error: ")
    unknown = run(
        "archive",
        "alias",
        "add",
        "Speedy",
        "--to",
        name,
        "--as",
        "nobody",
        "--reason",
        "why not",
        "--database",
        database,
        cwd=tmp_path,
    )
    assert unknown.lines() == ["ovaltime: error: user 'nobody' not found"]
    blank = run(
        "archive",
        "alias",
        "add",
        "Speedy",
        "--to",
        name,
        "--as",
        "marit",
        "--reason",
        " ",
        "--database",
        database,
        cwd=tmp_path,
    )
    assert blank.status == BAD_INPUT
    assert len(blank.lines()) == 1
    assert "needs a reason" in blank.stderr


RINKS = """\
demo            Demo Oval
                Demoville               NOR     INDOOR             5
calgary         Olympic Oval
                Calgary                 CAN     INDOOR          1034
"""
"""Two rinks in the format of the published rinks list: the demo's own oval, and Calgary's
Olympic Oval at 1 034 m (its altitude as the ISU lists it)."""


def test_a_rinks_list_is_loaded_and_imports_find_their_rink(
    tmp_path: Path, demo: Competition
) -> None:
    url = f"sqlite:///{tmp_path / 'rinks.db'}"
    rinks = write(tmp_path, "rinks.txt", RINKS)
    loaded = invoke("archive", "rinks", rinks, "--database", url)
    assert loaded.status == 0, loaded.stderr
    assert loaded.stdout.startswith("2 rinks added, 0 updated in ")
    again = invoke("archive", "rinks", rinks, "--database", url)
    assert again.stdout.startswith("0 rinks added, 2 updated in ")
    path = tmp_path / "demo.json"
    write_competition_file(demo, path)
    imported = invoke("archive", "import", path, "--database", url, "-f", "json").json()
    assert [a["rink"] for a in imported["added"]] == ["demo"]
    listed = invoke(
        "archive",
        "list",
        "-d",
        "500",
        "-g",
        "men",
        "--rink",
        "demo",
        "--database",
        url,
        "-f",
        "json",
    ).json()["list"]
    assert listed
    assert {line["rink"] for line in listed} == {"demo"}
    assert invoke(
        "archive", "list", "-d", "500", "-g", "men", "--rink", "calgary", "--database", url,
        "-f", "json",
    ).json()["list"] == []  # fmt: skip


def test_an_admin_moves_a_competition_to_another_rink(tmp_path: Path, demo: Competition) -> None:
    url = f"sqlite:///{tmp_path / 'rinks.db'}"
    assert invoke("archive", "rinks", write(tmp_path, "rinks.txt", RINKS), "--database", url)
    path = tmp_path / "demo.json"
    write_competition_file(demo, path)
    assert invoke("archive", "import", path, "--database", url).status == 0
    assert invoke("user", "add", "marit", "--role", "admin", "--database", url).status == 0
    moved = invoke(
        "archive", "rink", "1", "calgary", "--level", "championship", "--as", "marit",
        "--reason", "skated in Calgary", "--database", url,
    )  # fmt: skip
    assert moved.status == 0, moved.stderr
    assert moved.stdout == "competition #1: rink calgary, level championship, by marit\n"
    listed = invoke(
        "archive", "list", "-d", "500", "-g", "men", "--rink", "calgary", "--database", url,
        "-f", "json",
    ).json()["list"]  # fmt: skip
    assert listed
    assert {line["rink"] for line in listed} == {"calgary"}
    records = invoke(
        "archive", "records", "-d", "500", "-g", "men", "--kind", "TR", "--database", url,
        "-f", "json",
    ).json()  # fmt: skip
    assert records, "the track record moved to Calgary"
    unknown = run(
        "archive", "rink", "1", "thialf", "--as", "marit", "--reason", "x", "--database", url,
        cwd=tmp_path,
    )  # fmt: skip
    assert unknown.status == BAD_INPUT
    assert unknown.lines() == ["ovaltime: error: rink 'thialf' not found"]


def test_a_rinks_list_with_a_bad_line_stores_the_others(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rinks.db'}"
    lost = "nowhere         Lost Oval\n                Nowhere     XXX     SOMEWHERE     high\n"
    rinks = write(tmp_path, "rinks.txt", RINKS + lost)
    done = run("archive", "rinks", rinks, "--database", url, cwd=tmp_path)
    assert done.status == BAD_INPUT
    assert done.stdout.startswith("2 rinks added")
    assert done.lines()
    assert all(line.startswith("ovaltime: problem: ") for line in done.lines())
    assert "rinks.txt:6" in done.stderr


def _club_cup_imported(tmp_path: Path, database: str, *results: Result) -> None:
    """A later club race of men's 500 m holding ``results``, imported; and an admin, marit."""
    later = Competition(
        "Club Cup",
        races=(Race(500, Gender.MEN, results=results),),
        venue="Demo Oval",
        nation="NOR",
        start=dt.date(2026, 3, 20),
    )
    path = tmp_path / "later.json"
    write_competition_file(later, path)
    assert invoke("archive", "import", path, "--database", database).status == 0
    assert invoke("user", "add", "marit", "--role", "admin", "--database", database).status == 0


def test_an_admin_merges_two_persons(tmp_path: Path, database: str, demo: Competition) -> None:
    name, nation, best = _finishers(demo, 500)[0]
    _club_cup_imported(tmp_path, database, Result(Skater("Xavier Otherway", nation), best))
    merged = invoke(
        "archive", "merge", name, "Xavier Otherway", "--as", "marit",
        "--reason", "the same skater, misspelt by the club", "--database", database,
    )  # fmt: skip
    assert merged.status == 0, merged.stderr
    assert merged.stdout.startswith("Xavier Otherway (#")
    assert f") merged into {name} (#" in merged.stdout
    assert "by marit: 1 entries moved" in merged.stdout
    found = invoke("archive", "bests", "Xavier Otherway", "--database", database, "-f", "json")
    assert found.json()["skater"]["name"] == name, "the other spelling is now an alias"
    pb = next(b for b in found.json()["bests"] if b["distance"] == 500)["pb"]
    assert pb["competition"] == demo.name, "an equal time later is no new best"
    gone = run("archive", "merge", name, "#999", "--as", "marit", "--reason", "x",
               "--database", database, cwd=tmp_path)  # fmt: skip
    assert gone.status == BAD_INPUT
    assert len(gone.lines()) == 1


def test_an_admin_lists_and_moves_an_alias(
    tmp_path: Path, database: str, demo: Competition
) -> None:
    """A wrong merge is mended by moving the alias: the competition written so, with its
    result, goes to the other skater, whose bests follow."""
    name, nation, best = _finishers(demo, 500)[0]
    slower, slowest = Time(best.thousandths + 1000), Time(best.thousandths + 2000)
    _club_cup_imported(
        tmp_path,
        database,
        Result(Skater("Xavier Otherway", nation), slower),
        Result(Skater("Paul Stand", nation), slowest),
    )
    merged = invoke("archive", "merge", name, "Xavier Otherway", "--as", "marit",
                    "--reason", "looked alike", "--database", database)  # fmt: skip
    assert merged.status == 0, merged.stderr
    listed = invoke("archive", "alias", "list", name, "--database", database, "-f", "json").json()
    assert listed["skater"]["name"] == name
    aliases = {a["name"]: a for a in listed["aliases"]}
    assert aliases["Xavier Otherway"]["skaters"] == 1
    assert aliases["Xavier Otherway"]["origin"] == "import"
    assert aliases[name]["skaters"] == 1
    alias_id = aliases["Xavier Otherway"]["id"]
    table_text = invoke("archive", "alias", "list", name, "--database", database).stdout
    assert "Xavier Otherway" in table_text
    assert f"(#{listed['skater']['id']})" in table_text

    moved = invoke("archive", "alias", "move", f"#{alias_id}", "--to", "Paul Stand", "--as",
                   "marit", "--reason", "not the same", "--database", database)  # fmt: skip
    assert moved.status == 0, moved.stderr
    assert moved.stdout.startswith(f"alias #{alias_id} moved to Paul Stand (#")
    assert "by marit: 1 entries moved" in moved.stdout
    paul = invoke("archive", "bests", "Paul Stand", "--database", database, "-f", "json").json()
    pb = next(b for b in paul["bests"] if b["distance"] == 500)["pb"]
    assert pb["time"] == _official(slower), "the moved result is Paul's best now"
    paul_aliases = invoke("archive", "alias", "list", "Paul Stand", "--database", database,
                          "-f", "json").json()["aliases"]  # fmt: skip
    assert sorted((a["name"], a["skaters"]) for a in paul_aliases) == [
        ("Paul Stand", 1),
        ("Xavier Otherway", 1),
    ]
    again = invoke("archive", "alias", "list", name, "--database", database, "-f", "csv")
    assert "Xavier Otherway" not in again.stdout
    assert again.stdout.splitlines()[0] == "id,name,nation,origin,competitions"

    for given, expected in (("abc", "'abc' is no alias id"), ("#999", "alias 999")):
        refused = run("archive", "alias", "move", given, "--to", "Paul Stand", "--as", "marit",
                      "--reason", "x", "--database", database, cwd=tmp_path)  # fmt: skip
        assert refused.status == BAD_INPUT
        assert len(refused.lines()) == 1, refused.stderr
        assert expected in refused.stderr


def test_times_in_tenths_keep_their_precision(tmp_path: Path, database_url: str) -> None:
    """A competition hand-timed in tenths beside one skater timed in hundredths: every answer
    writes ``41.8`` as ``41.8``, and ``42.35`` still with two decimals."""
    path = tmp_path / "tenths.json"
    write_competition_file(allround_in_tenths(), path)
    done = invoke("archive", "import", path, "--database", database_url, "-f", "json")
    assert done.status == 0, done.stderr

    def answer(*args: str) -> Any:
        return invoke("archive", *args, "--database", database_url, "-f", "json").json()

    listed = answer("list", "-d", "500", "-g", "women")["list"]
    assert [(x["skater"], x["time"]) for x in listed] == [("Tora", "41.8"), ("Hilde", "42.35")]
    tora = answer("bests", "Tora")["bests"]
    assert [b["pb"]["time"] for b in tora] == list(TENTHS)
    (world,) = answer("records", "-d", "500", "-g", "women")["records"]
    assert (world["skater"], world["time"]) == ("Tora", "41.8")
    table = answer("adelskalender", "-g", "women")["list"]
    assert [list(x["bests"].values()) for x in table] == [list(TENTHS), list(HUNDREDTHS)]
    meetings = answer("h2h", "Tora", "Hilde")["meetings"]
    assert [(m["time_a"], m["time_b"]) for m in meetings] == list(
        zip(TENTHS, HUNDREDTHS, strict=True)
    )
    shown = invoke("archive", "list", "-d", "500", "-g", "women", "--database", database_url)
    assert "41.8" in shown.stdout
    assert "41.80" not in shown.stdout
    assert "42.35" in shown.stdout


def test_the_combination_totals(tmp_path: Path, database: str, demo: Competition) -> None:
    best = min(combination_totals(demo), key=lambda t: t.points)
    listed = invoke("archive", "combinations", "--database", database, "-f", "json").json()
    first = listed["list"][0]
    assert (first["rank"], first["skater"], first["flags"]) == (1, best.skater.name, "WR NR PB")
    assert len(listed["list"]) == 8
    shown = invoke("archive", "combinations", "-c", "big", "-g", "men", "--database", database)
    assert shown.status == 0
    assert "big combination, men" in shown.stdout
    assert best.skater.name in shown.stdout
    empty = invoke("archive", "combinations", "-c", "sprint", "--database", database)
    assert "no championship of this combination in the archive" in empty.stdout
    bad = run("archive", "combinations", "-c", "quad", "--database", database, cwd=tmp_path)
    assert bad.status == BAD_INPUT
    assert bad.lines() == [
        "ovaltime: error: --combination: 'quad': expected one of big, small, sprint, mini"
    ]
    bests = invoke("archive", "bests", best.skater.name, "--database", database)
    assert "Combination totals" in bests.stdout
