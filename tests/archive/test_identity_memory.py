"""What a ``Directory`` remembers across competitions changes none of its decisions."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from pathlib import Path

from ovaltime.core.identity import MatchKind
from ovaltime.core.results import Competition, Race, Result, Skater
from ovaltime.core.states import Gender
from ovaltime.core.times import Time
from ovaltime.services.archive.identity import Directory, Resolution
from ovaltime.services.unit import open_context, transaction

#: Women and men, each with the ways result lists spell them: the same, variants, namesakes
#: abroad and close names meet.
WOMEN = [
    [("Femke Kok", "NED"), ("KOK Femke", "NED"), ("femke kok", "ned")],
    [("Femke Kok", "BEL")],
    [("Daniela Anschütz", "GER"), ("Daniela Anschutz", "GER")],
    *([(name, "USA")] for name in ("Erin Jackson", "Kimi Goetz", "Brittany Bowe")),
    *([(name, "NED")] for name in ("Joy Beune", "Jutta Leerdam", "Irene Schouten")),
]
MEN = [
    [("Pavel Kulizhnikov", "RUS"), ("Pavel Koulijnikov", "RUS"), ("KULIZHNIKOV Pavel", "")],
    [("Jan Smit", "NED")],
    [("Jan Smyt", "NED")],
    [("Jan Smit", "GER")],
    *([(name, "NED")] for name in ("Kjeld Nuis", "Patrick Roest", "Jenning de Boo")),
    *([(name, "CAN")] for name in ("Laurent Dubreuil", "Ted-Jan Bloemen")),
]


def competitions(count: int, seed: int) -> list[Competition]:
    draw = random.Random(seed)
    out = []
    for number in range(count):
        races = []
        for gender, people in ((Gender.WOMEN, WOMEN), (Gender.MEN, MEN), (Gender.MIXED, MEN)):
            field = [draw.choice(spellings) for spellings in draw.sample(people, 5)]
            results = tuple(
                Result(Skater(name, nation, draw.choice(["Senior", "Neo"])), Time(40_000 + i))
                for i, (name, nation) in enumerate(field)
            )
            races.append(Race(500, gender, results))
        out.append(Competition(f"Cup {number}", tuple(races)))
    return out


def resolve_all(
    path: Path, sequence: list[Competition], *, remember: bool
) -> list[list[Resolution]]:
    """Each competition resolved in a transaction of its own, as an import's batches are."""
    context = open_context(f"sqlite:///{path}")
    directory: Directory | None = None
    out = []
    for competition in sequence:
        with transaction(context) as unit:
            if directory is None:
                directory = Directory(unit.session)
            directory.begin(unit.session)
            if not remember:
                directory._settled.clear()
            out.append(directory.resolve(competition))
            directory.flush()
    return out


def plain(resolutions: list[Resolution]) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(r) for r in resolutions]


def test_settled_skaters_are_who_the_matcher_says(tmp_path: Path) -> None:
    kinds: Counter[MatchKind] = Counter()
    for seed in range(4):
        sequence = competitions(40, seed)
        fast = resolve_all(tmp_path / f"fast{seed}.db", sequence, remember=True)
        slow = resolve_all(tmp_path / f"slow{seed}.db", sequence, remember=False)
        assert [plain(r) for r in fast] == [plain(r) for r in slow]
        kinds.update(r.kind for rs in fast for r in rs)
    assert set(kinds) == set(MatchKind)
    assert kinds[MatchKind.SAME] > sum(kinds.values()) / 2
