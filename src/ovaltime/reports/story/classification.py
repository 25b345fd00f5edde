"""The classification after a race of a combination (allround, sprint): who leads, by how much.

Rules (each sentence's ``kind``):

* ``classification`` — after each race of the programme: the leader with their points and the
  gap to second place, in points and in seconds on the next distance ("0.124 points ahead of
  Pedersen, 1.24 seconds on the 1,500 m"). After the last race the leader has won the
  combination.
* ``new-leader`` — the leader changed with this race.
* ``movement`` — a skater in the top three now who was lower before this race (the places they
  climbed).

Points are written with their three decimals, as classifications print them.
"""

from __future__ import annotations

from decimal import Decimal

from ovaltime.core.classification import Classification, standings_after_each
from ovaltime.core.programme import Combination, RaceSlot
from ovaltime.core.results import Race
from ovaltime.reports.story.document import Sentence
from ovaltime.reports.story.names import Namer
from ovaltime.reports.story.words import distance_words, ordinal

__all__ = ["classification_story"]

_TITLES = {"big": "allround", "small": "allround", "sprint": "sprint", "mini": "mini combination"}


def _points(value: Decimal) -> str:
    return f"{value:.3f}"


def classification_story(
    combination: Combination, races: list[Race], race: Race, name: Namer
) -> list[Sentence]:
    """What the classification says after ``race`` (one of ``races``, the combination's races
    of one gender); nothing when ``race`` is not in the programme."""
    slot = RaceSlot(race.distance, race.number)
    if slot not in combination.slots:
        return []
    index = combination.slots.index(slot)
    counted = [r for r in races if RaceSlot(r.distance, r.number) in combination.slots[: index + 1]]
    after = standings_after_each(combination, counted)
    if len(after) <= index:
        return []
    now = after[index]
    before = after[index - 1] if index else None
    return [s for s in (_leader(now, combination, name), _new_leader(now, before, name)) if s] + (
        _movements(now, before, name)
    )


def _leader(now: Classification, combination: Combination, name: Namer) -> Sentence | None:
    leader = now.leader
    if leader is None:
        return None
    title = _TITLES.get(combination.name, f"{combination.name} classification")
    nxt = now.next_slot
    second = next(
        (
            gap
            for standing, gap in zip(now.standings, now.gaps(), strict=True)
            if standing.rank is not None and standing.skater.key != leader.skater.key
        ),
        None,
    )
    done = distance_words(combination.slots[now.after - 1].distance)
    if nxt is None:
        text = f"{name(leader.skater)} won the {title} title with {_points(leader.total)} points"
    else:
        text = (
            f"After the {done}, {name(leader.skater)} leads the {title} classification with "
            f"{_points(leader.total)} points"
        )
    if second is not None and second.points is not None:
        text += f", {_points(second.points)} points ahead of {name(second.skater)}"
        if second.seconds is not None and nxt is not None:
            text += f" ({second.seconds:.2f} seconds on the {distance_words(nxt.distance)})"
    return Sentence("classification", text + ".")


def _new_leader(now: Classification, before: Classification | None, name: Namer) -> Sentence | None:
    if before is None or before.leader is None or now.leader is None:
        return None
    if before.leader.skater.key == now.leader.skater.key:
        return None
    return Sentence(
        "new-leader",
        f"{name(now.leader.skater)} took over the lead from {name(before.leader.skater)}.",
    )


def _movements(now: Classification, before: Classification | None, name: Namer) -> list[Sentence]:
    if before is None:
        return []
    earlier = {s.skater.key: s.rank for s in before.standings}
    told = []
    for standing in now.standings:
        if standing.rank is None or standing.rank > 3 or standing.rank == 1:
            continue
        was = earlier.get(standing.skater.key)
        if was is not None and was > standing.rank:
            told.append(
                Sentence(
                    "movement",
                    f"{name(standing.skater)} moved up from {ordinal(was)} to "
                    f"{ordinal(standing.rank)}.",
                )
            )
    return told
