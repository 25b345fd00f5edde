"""What the services announce after a commit, and where they announce it.

Events are small frozen values carrying the ids a listener needs to read the new state; they
never carry the state itself, so a listener always reads what was committed. A ``Publisher``
receives them; ``EventLog`` keeps them in memory and calls subscribers (the live broker comes
later and implements the same protocol).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ovaltime.core.states import RaceState

__all__ = [
    "CompetitionCreated",
    "CompetitionImported",
    "Event",
    "EventLog",
    "PassageRecorded",
    "Publisher",
    "RaceAdded",
    "RaceStateChanged",
    "ResultCorrected",
    "ResultRecorded",
    "StartListSet",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CompetitionCreated:
    competition_id: int


@dataclass(frozen=True, slots=True)
class CompetitionImported:
    competition_id: int
    races: int
    results: int


@dataclass(frozen=True, slots=True)
class RaceAdded:
    competition_id: int
    race_id: int
    position: int


@dataclass(frozen=True, slots=True)
class StartListSet:
    competition_id: int
    race_id: int
    result_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PassageRecorded:
    competition_id: int
    race_id: int
    result_id: int
    metres: int


@dataclass(frozen=True, slots=True)
class ResultRecorded:
    competition_id: int
    race_id: int
    result_id: int
    version: int


@dataclass(frozen=True, slots=True)
class ResultCorrected:
    competition_id: int
    race_id: int
    result_id: int
    version: int
    audit_id: int


@dataclass(frozen=True, slots=True)
class RaceStateChanged:
    competition_id: int
    race_id: int
    before: RaceState
    after: RaceState


Event = (
    CompetitionCreated
    | CompetitionImported
    | RaceAdded
    | StartListSet
    | PassageRecorded
    | ResultRecorded
    | ResultCorrected
    | RaceStateChanged
)


class Publisher(Protocol):
    """Receives each event once, after the transaction that caused it has committed."""

    def publish(self, event: Event) -> None: ...


class EventLog:
    """An in-process publisher: keeps every event and calls each subscriber with it.

    A subscriber that raises is logged and skipped: the write it announces is already committed
    and must not be reported to its caller as failed.
    """

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._subscribers: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Callable[[Event], None]) -> None:
        with self._lock:
            self._subscribers.append(callback)

    def publish(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(event)
            except Exception:
                _log.exception("subscriber %r failed on %r", callback, event)
