"""World Cup 2024-25 standings over meetings 3-6, checked against the published ranks.

Source: ISU World Cup 2024-25 meetings 3-6 (Calgary, Milwaukee, Tomaszów Mazowiecki,
Heerenveen) as copied from the ISU results pages (``../shared/data/isu-results-text``), scored
with the shipped 2024-25 season. The expected points are recomputed here with plain code from
each row's published POS and the season's tables, independently of ``ovaltime.core.standings``:
a mismatch names the cup and the skater.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from ovaltime.core.results import Competition
from ovaltime.core.season import SeasonRules
from ovaltime.core.series_scores import MASS_START_NOTE
from ovaltime.core.standings import Meeting, SeriesStandings, in_date_order, series_standings
from ovaltime.core.states import RaceKind
from ovaltime.formats.isu_text import read_isu_text_file
from ovaltime.rules import load_season
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.shared_data

Expected = dict[tuple[str, str], dict[tuple[str, str], int]]


@pytest.fixture(scope="module")
def meetings() -> list[Competition]:
    folder = SHARED_DATA / "isu-results-text"
    paths = sorted(folder.glob("wc-2024-25-*.txt"))
    if len(paths) != 4:
        pytest.skip(f"the four 2024-25 World Cup files are not in {folder}")
    return in_date_order(read_isu_text_file(path).competition for path in paths)


@pytest.fixture(scope="module")
def rules() -> SeasonRules:
    return load_season("2024-25")


@pytest.fixture(scope="module")
def series(meetings: list[Competition], rules: SeasonRules) -> SeriesStandings:
    return series_standings([Meeting(c) for c in meetings], rules)


def expected_points(meetings: list[Competition], rules: SeasonRules) -> Expected:
    """(gender, cup) -> competitor key -> points, summed from published ranks and tables.

    A team race's rows carry the team's published rank on every member: one nation's rows with
    one rank are one team, scoring once for the nation.
    """
    out: Expected = defaultdict(lambda: defaultdict(int))
    for competition in meetings:
        for race in competition.races:
            table = rules.table_for(race.division or "A", race.kind, race.gender, race.distance)
            cup = rules.cup_of(race.kind, race.gender, race.distance)
            if table is None or cup is None:
                continue
            standing = out[(cup.gender.value, cup.name)]
            if race.kind is RaceKind.TEAM_PURSUIT:
                teams = {
                    (r.skater.nation.upper(), r.published_rank)
                    for r in race.results
                    if r.published_rank is not None
                }
                for nation, rank in teams:
                    assert rank is not None
                    standing[("", nation)] += table.for_rank(rank)
                continue
            for result in race.results:
                if result.published_rank is not None:
                    standing[result.skater.key] += table.for_rank(result.published_rank)
    return out


def test_every_cup_of_both_genders_has_a_standing(
    series: SeriesStandings, rules: SeasonRules
) -> None:
    names = {(c.cup.gender.value, c.cup.name) for c in series.cups if c.standings}
    assert names == {(cup.gender.value, cup.name) for cup in rules.cups}
    assert len(names) == 12
    assert series.meetings == (
        "3. World Cup 2024/2025",
        "4. World Cup 2024/2025",
        "5. World Cup 2024/2025",
        "6. World Cup 2024/2025",
    )


def test_points_are_the_sum_of_the_table_values_of_the_published_ranks(
    series: SeriesStandings, meetings: list[Competition], rules: SeasonRules
) -> None:
    expected = expected_points(meetings, rules)
    divergences: list[str] = []
    for cup in series.cups:
        want = {k: p for k, p in expected[(cup.cup.gender.value, cup.cup.name)].items() if p > 0}
        got = {line.competitor.key: line.points for line in cup.standings}
        for key in sorted(want.keys() | got.keys()):
            if want.get(key) != got.get(key):
                divergences.append(
                    f"{cup.cup.gender.value} {cup.cup.name}: {key[0] or key[1]}: "
                    f"published ranks give {want.get(key)}, standings {got.get(key)}"
                )
    assert not divergences, "\n".join(divergences)


def test_both_divisions_contribute_to_every_individual_and_mass_start_cup(
    series: SeriesStandings,
) -> None:
    for cup in series.cups:
        divisions = {s.division for line in cup.standings for s in line.scores}
        if cup.cup.kind is RaceKind.TEAM_PURSUIT:
            # The season has no Division B team pursuit table; the notes say so.
            assert divisions == {"A"}
        else:
            assert divisions == {"A", "B"}, cup.cup
    assert any("team pursuit women, division B: no points table" in n for n in series.notes)


def test_mass_start_keeps_its_published_ranks_and_says_so(
    series: SeriesStandings, meetings: list[Competition]
) -> None:
    assert MASS_START_NOTE in series.notes
    (cup,) = [c for c in series.cups if c.cup.name == "mass start" and c.cup.gender.value == "men"]
    published = {
        (race.division, r.skater.key): r.published_rank
        for race in meetings[1].races
        if race.kind is RaceKind.MASS_START and race.gender.value == "men"
        for r in race.results
    }
    scored = [
        (s.division, line.competitor.key, s.rank)
        for line in cup.standings
        for s in line.scores
        if s.competition == meetings[1].name
    ]
    assert scored
    assert all(published[(division, key)] == rank for division, key, rank in scored)


def test_figures_and_leaders(series: SeriesStandings) -> None:
    """Counts and leaders as computed on 2024-25 data: a change deserves a look."""
    figures = {
        f"{c.cup.gender.value} {c.cup.name}": (
            len(c.standings),
            [(line.competitor.name, line.points) for line in c.standings if line.rank == 1],
        )
        for c in series.cups
    }
    assert figures == {
        "men 500": (56, [("Laurent Dubreuil", 336)]),
        "men 1000": (55, [("Jordan Stolz", 180)]),
        "men 1500": (56, [("Jordan Stolz", 220)]),
        "men 5000/10000": (53, [("Sander Eitrem", 222)]),
        "men mass start": (45, [("Andrea Giovannini", 184)]),
        "men team pursuit": (7, [("USA", 120)]),
        "women 500": (57, [("Erin Jackson", 351)]),
        "women 1000": (58, [("Miho Takagi", 234)]),
        "women 1500": (57, [("Miho Takagi", 216)]),
        "women 3000/5000": (52, [("Ragne Wiklund", 212)]),
        "women mass start": (34, [("Marijke Groenewoud", 220)]),
        "women team pursuit": (7, [("NED", 120)]),
    }
