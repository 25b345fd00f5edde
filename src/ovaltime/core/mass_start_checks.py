"""What a mass start's entries may not say: checked entry by entry, so readers can name the line.

Shared by ``ovaltime.core.mass_start`` (which raises on the first problem) and the mass start CSV
reader (which reports every problem with its line and skips the entry), so that both refuse the
same things in the same words. Every message names the skater, and the sprint where one is meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from ovaltime.core.results import Result
from ovaltime.core.season import MassStartFormat
from ovaltime.core.states import Status

__all__ = ["DID_NOT_START", "MassStartChecker", "completed_all_laps", "sprint_field"]

#: Statuses of a skater who did not skate the race, and so cannot hold a sprint place.
DID_NOT_START = frozenset({Status.DNS, Status.WDR})


def sprint_field(sprint: int) -> str:
    """The field (and CSV column) of intermediate sprint ``sprint`` (from 1): ``sprint1``."""
    return f"sprint{sprint}"


def completed_all_laps(
    result: Result, laps: int | None, fmt: MassStartFormat | None = None
) -> bool:
    """Whether a skater completed every lap: status OK and no lap count short of the format's.

    A lap count left out means all laps for a skater with status OK (the usual finisher); a
    skater with a time but fewer laps was lapped and taken out of the race.
    """
    if result.status is not Status.OK:
        return False
    return laps is None or fmt is None or laps >= fmt.laps


class MassStartChecker:
    """Admits entries one by one; an entry that clashes with the format or an admitted entry is
    refused, and the checker's state stays as it was.

    ``fmt`` may be ``None`` where the format is not known yet (a reader without season rules):
    the checks that need the number of laps or sprints are then left out.
    """

    def __init__(self, fmt: MassStartFormat | None = None) -> None:
        self.fmt = fmt
        self.skaters: dict[tuple[str, str], str] = {}
        self.finishers: dict[int, str] = {}
        self.places: dict[tuple[int, int], str] = {}

    def admit(
        self,
        result: Result,
        *,
        finish: int | None,
        laps: int | None,
        sprints: Sequence[int | None],
        label: str = "",
    ) -> list[tuple[str, str]]:
        """Problems as (field, message); empty when the entry was admitted. ``label`` says where
        the entry came from (``line 4``) for a later clash to point at."""
        name = result.skater.name
        found: list[tuple[str, str]] = []
        earlier = self.skaters.get(result.skater.key)
        if earlier is not None:
            found.append(("skater", f"{name} already has an entry{_at(earlier)}"))
        found += self._laps(result, finish, laps)
        found += self._sprints(result, sprints)
        if finish is not None and finish in self.finishers:
            other = self.finishers[finish]
            found.append(("finish", f"{name}: finishing place {finish} is already {other}'s"))
        if found:
            return found
        self.skaters[result.skater.key] = label
        if finish is not None:
            self.finishers[finish] = name
        for sprint, place in enumerate(sprints, start=1):
            if place is not None:
                self.places[sprint, place] = name
        return found

    def _laps(self, result: Result, finish: int | None, laps: int | None) -> list[tuple[str, str]]:
        name, status = result.skater.name, result.status
        found: list[tuple[str, str]] = []
        if self.fmt is not None and laps is not None and laps > self.fmt.laps:
            found.append(("laps", f"{name}: {laps} laps, but the race has {self.fmt.laps}"))
        if finish is not None and status is not Status.OK:
            found.append(
                ("finish", f"{name}: a finishing place goes with no status, not {status.value}")
            )
        if finish is None and completed_all_laps(result, laps, self.fmt):
            found.append(("finish", f"{name} completed all laps but has no finishing place"))
        if status is Status.DNF and self.fmt is not None and laps == self.fmt.laps:
            found.append(("laps", f"{name}: DNF, but all {laps} laps completed"))
        return found

    def _sprints(self, result: Result, sprints: Sequence[int | None]) -> list[tuple[str, str]]:
        name = result.skater.name
        found: list[tuple[str, str]] = []
        for sprint, place in enumerate(sprints, start=1):
            if place is None:
                continue
            message = ""
            if self.fmt is not None and sprint > self.fmt.sprints:
                message = f"the race has {self.fmt.sprints} intermediate sprints"
            elif result.status in DID_NOT_START:
                message = f"the skater did not start ({result.status.value})"
            elif (sprint, place) in self.places:
                message = f"that place is already {self.places[sprint, place]}'s"
            if message:
                found.append(
                    (
                        sprint_field(sprint),
                        f"{name}: place {place} in sprint {sprint}, but {message}",
                    )
                )
        return found


def _at(label: str) -> str:
    return f" ({label})" if label else ""
