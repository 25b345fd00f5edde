"""Who has been named already in a report: the full name and nation first, the surname after."""

from __future__ import annotations

from ovaltime.core.results import Skater
from ovaltime.reports.story.words import full_name, surname

__all__ = ["Namer"]


class Namer:
    """``Femke Kok (NED)`` on the first mention within one story, ``Kok`` after it.

    Two skaters of the story with the same surname keep their full names throughout.
    """

    def __init__(self) -> None:
        self._named: set[tuple[str, str]] = set()
        self._surnames: dict[str, set[tuple[str, str]]] = {}

    def meet(self, skaters: list[Skater]) -> None:
        """Tell the namer everyone the story may mention, so shared surnames are caught."""
        for skater in skaters:
            self._surnames.setdefault(surname(skater).casefold(), set()).add(skater.key)

    def __call__(self, skater: Skater) -> str:
        if skater.key in self._named:
            if len(self._surnames.get(surname(skater).casefold(), ())) > 1:
                return full_name(skater)
            return surname(skater)
        self._named.add(skater.key)
        nation = f" ({skater.nation})" if skater.nation else ""
        return f"{full_name(skater)}{nation}"

    def named(self, skater: Skater) -> bool:
        return skater.key in self._named
