"""The ``[[tables]]`` and ``[[cups]]`` of a season file: which races score what, and where.

Besides each entry on its own, two entries must never compete for one race: two tables of equal
specificity that both match a race, or two cups that both count it, would leave the answer to the
order of the file, so the file is refused instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from ovaltime.core.distances import check_distance
from ovaltime.core.season import Cup, PointsTable, TableRule
from ovaltime.core.states import Gender, RaceKind
from ovaltime.rules.checks import Checker, describe

__all__ = ["read_cups", "read_tables"]


def read_tables(check: Checker, value: object) -> tuple[TableRule, ...]:
    """``[[tables]]``: division, kind, optional genders and distances, points by rank."""
    entries = check.items(value, "tables") or []
    rules: list[tuple[int, TableRule]] = []
    for i, entry in enumerate(entries):
        key = f"tables[{i}]"
        table = check.table(
            entry, key, required=("division", "kind", "points"), optional=("genders", "distances")
        )
        if table is None:
            continue
        division = check.text(table.get("division"), f"{key}.division")
        kind = check.choice(table.get("kind"), f"{key}.kind", RaceKind)
        genders = _genders(check, table.get("genders", []), f"{key}.genders")
        distances = _distances(check, table.get("distances", []), f"{key}.distances")
        points = check.points(table.get("points"), f"{key}.points")
        if division and kind and genders is not None and distances is not None and points:
            rule = TableRule(PointsTable(points), division, kind, genders, distances)
            rules.append((i, rule))
    for later, (i, rule) in enumerate(rules):
        for j, other in rules[:later]:
            if _same_races(rule, other):
                check.problem(
                    f"tables[{i}]", f"applies to the same races as tables[{j}]; make one narrower"
                )
    return tuple(rule for _, rule in rules)


def read_cups(check: Checker, value: object) -> tuple[Cup, ...]:
    """``[[cups]]``: name, gender, kind and (for individual distances) the distances."""
    entries = check.items(value, "cups") or []
    cups: list[tuple[int, Cup]] = []
    for i, entry in enumerate(entries):
        key = f"cups[{i}]"
        table = check.table(
            entry, key, required=("name", "gender", "kind"), optional=("distances",)
        )
        if table is None:
            continue
        name = check.text(table.get("name"), f"{key}.name")
        gender = check.choice(table.get("gender"), f"{key}.gender", Gender)
        kind = check.choice(table.get("kind"), f"{key}.kind", RaceKind)
        distances = _distances(check, table.get("distances", []), f"{key}.distances")
        if kind is RaceKind.INDIVIDUAL and distances == ():
            check.problem(f"{key}.distances", "an individual cup must name its distances")
            continue
        if name and gender and kind and distances is not None:
            cups.append((i, Cup(name, gender, kind, distances)))
    for later, (i, cup) in enumerate(cups):
        for j, other in cups[:later]:
            if cup.gender is other.gender and cup.name == other.name:
                check.problem(
                    f"cups[{i}].name",
                    f"{other.gender.value} already have a cup {cup.name!r} (cups[{j}])",
                )
            elif _same_cup_races(cup, other):
                check.problem(f"cups[{i}]", f"counts races that cups[{j}] already counts")
    return tuple(cup for _, cup in cups)


def _genders(check: Checker, value: object, key: str) -> tuple[Gender, ...] | None:
    if not isinstance(value, list):
        check.problem(key, f'expected a list such as ["men"], got {describe(value)}')
        return None
    found = [check.choice(g, f"{key}[{n}]", Gender) for n, g in enumerate(value)]
    return tuple(g for g in found if g is not None) if None not in found else None


def _distances(check: Checker, value: object, key: str) -> tuple[int, ...] | None:
    if not isinstance(value, list):
        check.problem(key, f"expected a list such as [500, 1000], got {describe(value)}")
        return None
    found: list[int | None] = []
    for n, item in enumerate(value):
        metres = check.integer(item, f"{key}[{n}]", minimum=1)
        if metres is not None:
            try:
                check_distance(metres)
            except ValueError as error:
                check.problem(f"{key}[{n}]", str(error))
                metres = None
        found.append(metres)
    return tuple(d for d in found if d is not None) if None not in found else None


def _overlap(a: Sequence[object], b: Sequence[object]) -> bool:
    """Whether two selectors can match one race (an empty selector matches everything)."""
    return not a or not b or bool(set(a) & set(b))


def _same_races(a: TableRule, b: TableRule) -> bool:
    return (
        a.division == b.division
        and a.kind is b.kind
        and a.specificity == b.specificity
        and _overlap(a.genders, b.genders)
        and _overlap(a.distances, b.distances)
    )


def _same_cup_races(a: Cup, b: Cup) -> bool:
    return a.gender is b.gender and a.kind is b.kind and _overlap(a.distances, b.distances)
