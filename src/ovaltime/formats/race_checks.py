"""Checks that need the whole race: one result per skater, pairs of two in different lanes.

Shared by every reader so that a document and a CSV file refuse the same things in the same words.
"""

from __future__ import annotations

from ovaltime.core.results import Result
from ovaltime.core.states import RaceKind

__all__ = ["RaceChecker"]


class RaceChecker:
    """Admits results one by one; a result that clashes with an admitted one is refused.

    ``label`` names where a result came from (``line 4``, ``races[0].results[3]``) so that a
    message can point at the earlier result it clashes with. Pairs are checked only in races
    skated in pairs (individual races): a team pursuit pair holds whole teams.
    """

    def __init__(self, kind: RaceKind = RaceKind.INDIVIDUAL) -> None:
        self.kind = kind
        self.seen: dict[tuple[str, str], str] = {}
        self.pairs: dict[int, list[Result]] = {}

    def admit(self, result: Result, label: str) -> list[tuple[str, str]]:
        """Problems as (field, message); empty when ``result`` was admitted."""
        found: list[tuple[str, str]] = []
        earlier = self.seen.get(result.skater.key)
        if earlier is not None:
            found.append(("skater", f"{result.skater.name} already has a result ({earlier})"))
        mates = self.pairs.get(result.pair, []) if result.pair is not None else []
        if self.kind is RaceKind.INDIVIDUAL and mates:
            if len(mates) >= 2:
                found.append(("pair", f"pair {result.pair} already has two skaters"))
            elif result.lane is not None and any(m.lane is result.lane for m in mates):
                where = f"the {result.lane.value} lane"
                found.append(("lane", f"pair {result.pair} already has a skater in {where}"))
        if not found:
            self.seen[result.skater.key] = label
            if result.pair is not None:
                self.pairs.setdefault(result.pair, []).append(result)
        return found
