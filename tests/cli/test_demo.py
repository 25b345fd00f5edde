"""``ovaltime demo``: the demo allround championship, race by race."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import invoke, run


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    view: dict[str, Any] = invoke("demo", "--format", "json").json()
    return view


def test_runs_as_a_table_with_exit_status_0(tmp_path: Path) -> None:
    outcome = run("demo", cwd=tmp_path)
    assert outcome.status == 0, outcome.stderr
    assert outcome.stderr == ""
    assert "big: classification after 4 races" in outcome.stdout
    assert "10000 m" in outcome.stdout


def test_four_races_each_with_its_classification(demo: dict[str, Any]) -> None:
    races = demo["races"]
    names = ["500 m men", "5000 m men", "1500 m men", "10000 m men"]
    assert [race["name"] for race in races] == names
    assert [race["classification"]["after"] for race in races] == [1, 2, 3, 4]
    assert [race["classification"]["next"] for race in races] == [
        {"distance": 5000, "race": 1},
        {"distance": 1500, "race": 1},
        {"distance": 10000, "race": 1},
        None,
    ]
    for race in races:
        ranks = [row["rank"] for row in race["results"] if row["rank"] is not None]
        assert ranks[0] == 1
        assert ranks == sorted(ranks)


def test_final_classification_ranks_are_consistent(demo: dict[str, Any]) -> None:
    final = demo["races"][-1]["classification"]
    standings = final["standings"]
    ranked = [s for s in standings if s["rank"] is not None]
    assert ranked[0]["rank"] == 1
    assert [s["rank"] for s in ranked] == sorted(s["rank"] for s in ranked)
    statuses = [s["status"] for s in standings]
    finalists = [s for s in standings if s["status"] == "classified"]
    not_qualified = [s for s in standings if s["status"] == "NQ"]
    not_classified = [s for s in standings if s["status"] == "NC"]
    assert finalists
    assert not_qualified
    assert not_classified
    # finalists, then NQ, then NC
    assert statuses == sorted(statuses, key=["classified", "NQ", "NC"].index)
    assert all(s["completed"] == 4 for s in finalists)
    assert all(s["completed"] == 3 for s in not_qualified)
    assert max(s["rank"] for s in finalists) < min(s["rank"] for s in not_qualified)
    assert [s["rank"] for s in finalists] == list(range(1, len(finalists) + 1))
    assert all(s["rank"] is None and s["gap_points"] is None for s in not_classified)
    assert all(s["qualification"]["qualified"] for s in finalists)
    assert not any(s["qualification"]["qualified"] for s in not_qualified)
    assert [s["mark"] for s in standings] == (
        ["Q"] * len(finalists) + ["NQ"] * len(not_qualified) + ["NC"] * len(not_classified)
    )
    for group in (finalists, not_qualified):
        totals = [Decimal(s["total"]) for s in group]
        assert totals == sorted(totals)


def test_every_standing_has_one_entry_per_race_counted(demo: dict[str, Any]) -> None:
    final = demo["races"][-1]["classification"]
    programme = [(500, 1), (5000, 1), (1500, 1), (10000, 1)]
    assert [(r["distance"], r["race"]) for r in final["races"]] == programme
    for row in final["standings"]:
        assert [(r["distance"], r["race"]) for r in row["races"]] == programme, row["skater"]
    not_qualified = [row for row in final["standings"] if row["status"] == "NQ"]
    assert not_qualified
    for row in not_qualified:
        assert row["races"][3] == {
            "distance": 10000,
            "race": 1,
            "time": None,
            "status": None,
            "points": None,
        }
    (disqualified,) = [row for row in final["standings"] if row["status"] == "NC"]
    assert [r["status"] for r in disqualified["races"]] == ["OK", "DQ", None, None]
