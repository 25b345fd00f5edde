"""The complete example in docs/seasons.md is a season file that loads and means what it says."""

from __future__ import annotations

import re
from pathlib import Path

from ovaltime.core.states import Gender, RaceKind
from ovaltime.rules import load_season_file

DOCS = Path(__file__).resolve().parents[2] / "docs" / "seasons.md"


def test_the_documented_example_loads(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 1
    path = tmp_path / "2030-31.toml"
    path.write_text(blocks[0], encoding="utf-8")
    rules = load_season_file(path)
    assert rules.season == "2030-31"
    assert rules.final_points(21) == 31
    men_10000 = rules.table_for("B", RaceKind.INDIVIDUAL, Gender.MEN, 10000)
    women_10000 = rules.table_for("B", RaceKind.INDIVIDUAL, Gender.WOMEN, 10000)
    assert men_10000 is not None
    assert women_10000 is not None
    assert (men_10000.for_rank(1), women_10000.for_rank(1)) == (36, 20)
    assert rules.table_for("A", RaceKind.TEAM_SPRINT, Gender.MEN, 1200) is None
    cup = rules.cup_of(RaceKind.INDIVIDUAL, Gender.MEN, 10000)
    assert cup is not None
    assert cup.name == "5000/10000"
