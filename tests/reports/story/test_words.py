"""Words for names, distances, gaps and pairs."""

from __future__ import annotations

import pytest

from ovaltime.core.results import Race, Skater
from ovaltime.core.states import Gender, RaceKind
from ovaltime.reports.story.names import Namer
from ovaltime.reports.story.words import (
    distance_words,
    full_name,
    gap_words,
    join_words,
    ordinal,
    pair_words,
    race_words,
    surname,
)


@pytest.mark.parametrize(
    ("written", "full", "short"),
    [
        ("Femke Kok", "Femke Kok", "Kok"),
        ("KOK Femke", "Femke Kok", "Kok"),
        ("Jorien ter Mors", "Jorien ter Mors", "ter Mors"),
        ("Antoinette de Jong", "Antoinette de Jong", "de Jong"),
        ("Sverre Lunde Pedersen", "Sverre Lunde Pedersen", "Pedersen"),
        ("VAN DER POEL Nils", "Nils Van Der Poel", "Van Der Poel"),
        ("Ted-Jan Bloemen", "Ted-Jan Bloemen", "Bloemen"),
        ("Madonna", "Madonna", "Madonna"),
    ],
)
def test_names_in_both_list_styles(written: str, full: str, short: str) -> None:
    skater = Skater(written, "NED")
    assert full_name(skater) == full
    assert surname(skater) == short


def test_the_namer_gives_the_nation_once_then_the_surname() -> None:
    name = Namer()
    kok, kok2 = Skater("Femke Kok", "NED"), Skater("Anna Kok", "NED")
    bowe = Skater("Brittany Bowe", "USA")
    name.meet([kok, kok2, bowe])
    assert name(bowe) == "Brittany Bowe (USA)"
    assert name(bowe) == "Bowe"
    assert name(kok) == "Femke Kok (NED)"
    assert name(kok) == "Femke Kok"  # two skaters called Kok: full names throughout


def test_numbers_as_an_agency_writes_them() -> None:
    assert distance_words(1500) == "1,500 m"
    assert distance_words(10000) == "10,000 m"
    assert gap_words(270) == "0.27 seconds"
    assert gap_words(-270) == "0.27 seconds"
    assert gap_words(10) == "a hundredth of a second"
    assert gap_words(3) == "0.003 seconds"
    assert gap_words(12120) == "12.12 seconds"
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 21, 22, 23)] == [
        "first",
        "second",
        "third",
        "11th",
        "12th",
        "21st",
        "22nd",
        "23rd",
    ]
    assert join_words(["A"]) == "A"
    assert join_words(["A", "B", "C"]) == "A, B and C"


def test_pairs_and_races() -> None:
    assert pair_words(1, 8) == "the opening pair"
    assert pair_words(7, 8) == "the penultimate pair"
    assert pair_words(8, 8) == "the final pair"
    assert pair_words(4, 8) == "pair 4"
    assert race_words(Race(1500, Gender.WOMEN)) == "the women's 1,500 m"
    assert race_words(Race(500, Gender.MEN, number=2)) == "the second men's 500 m"
    assert race_words(Race(1000, Gender.MEN, division="B")) == "the men's 1,000 m (division B)"
    relay = Race(2000, Gender.MIXED, kind=RaceKind.MIXED_RELAY)
    assert race_words(relay) == "the mixed relay"
