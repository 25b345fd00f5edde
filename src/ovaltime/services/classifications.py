"""The classification of a competition: which combination its races make, and the standings
of one gender after each race. The API, the pages, the PDF classification list and the command
line all classify a competition through here.

Without a combination named, the programme is guessed from the gender's individual races: the
first of the predefined combinations whose programme holds every one of them
(``core.programme.standard_combination``), else a custom programme of those races in
programme order. The guess is reported (``CompetitionClassification.guessed``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ovaltime.core.combination import Classification, Combination, RaceSlot, classify
from ovaltime.core.programme import combination_from_text, standard_combination
from ovaltime.core.results import Competition, Race
from ovaltime.core.states import Gender, RaceKind
from ovaltime.services.errors import Invalid

__all__ = [
    "CompetitionClassification",
    "classified_genders",
    "classify_competition",
    "guess_combination",
    "parse_combination",
]


@dataclass(frozen=True, slots=True)
class CompetitionClassification:
    """One gender's classification: after every race skated (``classification``) and after
    race 1, races 1-2, ... (``after_each``, the last equal to ``classification``)."""

    gender: Gender
    combination: Combination
    guessed: bool
    classification: Classification
    after_each: tuple[Classification, ...]


def parse_combination(text: str, *, final_size: int, weighting: int) -> Combination:
    """``big``/``small``/``sprint``/``mini``, or distances in skating order (``500,1000,500``)."""
    try:
        return combination_from_text(text, final_size=final_size, weighting=weighting)
    except ValueError as error:
        raise Invalid("combination", f"{text!r}: {error}") from None


def guess_combination(
    races: Sequence[Race], gender: Gender, *, final_size: int, weighting: int
) -> Combination:
    """The combination these races belong to (module docstring)."""
    known = standard_combination((RaceSlot(r.distance, r.number) for r in races), gender)
    if known is not None:
        return dataclasses.replace(known, qualification_size=final_size, weighting=weighting)
    try:
        return Combination.custom(
            [r.distance for r in races], weighting=weighting, qualification_size=final_size
        )
    except ValueError as error:
        raise Invalid("combination", f"cannot guess the combination: {error}") from None


def classified_genders(competition: Competition) -> list[Gender]:
    """The genders with individual races that have results, in the order women, men, mixed."""
    found = {r.gender for r in competition.races if r.kind is RaceKind.INDIVIDUAL and r.results}
    return [gender for gender in Gender if gender in found]


def _gender(races: Sequence[Race], asked: str | None) -> Gender:
    if asked is not None:
        try:
            return Gender.parse(asked)
        except ValueError as error:
            raise Invalid("gender", str(error)) from None
    genders = sorted({r.gender.value for r in races})
    if len(genders) > 1:
        raise Invalid(
            "gender", f"the competition has races of {' and '.join(genders)}: give ?gender="
        )
    return Gender(genders[0]) if genders else Gender.MEN


def classify_competition(
    competition: Competition,
    *,
    gender: str | None = None,
    combination: str | None = None,
    after: int | None = None,
    final_size: int = 8,
    weighting: int = 500,
) -> CompetitionClassification:
    """Classify the individual races of one gender (``gender`` may be left out where the
    competition has one); ``Invalid`` names the option that cannot be used."""
    individual = [r for r in competition.races if r.kind is RaceKind.INDIVIDUAL]
    chosen = _gender(individual, gender)
    races = [r for r in individual if r.gender is chosen]
    if weighting not in (500, 100):
        raise Invalid("weighting", f"{weighting}: points are per 500 m or per 100 m")
    if combination is not None:
        programme = parse_combination(combination, final_size=final_size, weighting=weighting)
    elif races:
        programme = guess_combination(races, chosen, final_size=final_size, weighting=weighting)
    else:
        raise Invalid("combination", f"{competition.name} has no {chosen.value}'s races")
    skated = [r for r in races if r.results]
    if after is not None and after > len(programme.slots):
        raise Invalid("after", f"the {programme.name} has {len(programme.slots)} races")
    try:
        result = classify(programme, skated, after=after)
        each = tuple(classify(programme, skated, after=k) for k in range(1, result.after + 1))
    except ValueError as error:
        raise Invalid("combination", str(error)) from None
    return CompetitionClassification(chosen, programme, combination is None, result, each)
