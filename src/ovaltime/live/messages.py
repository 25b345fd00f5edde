"""Live messages: what a viewer of one competition receives for each published event.

A message is the event's type name (``result-recorded``), its fields as a small JSON object
(ids and what changed, never the new state itself: a viewer refetches what it shows, or applies
the payload), and an id. Ids only grow within a competition, so a viewer that reconnects names
the last id it saw and is sent what came after. ``reset`` is the one message that is not an
event: it tells the viewer that some messages cannot be sent again and it must refetch.

``Message.event_stream()`` is the message as a server-sent event, encoded once: the hub hands
the same message to every viewer of a competition, and each viewer's stream sends these bytes.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ovaltime.services.events import Event

__all__ = ["RESET", "Message", "event_name", "event_payload", "sse_event"]

#: The type name of the message telling a viewer to refetch everything it shows.
RESET = "reset"

_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Message:
    """One message of a competition's stream: ``id``, ``event`` (type name) and ``data``."""

    competition_id: int
    id: int
    event: str
    data: Mapping[str, Any]
    _encoded: bytes | None = field(default=None, init=False, repr=False, compare=False)

    def data_json(self) -> str:
        """The payload as compact JSON, the ``data:`` field of a server-sent event."""
        return json.dumps(self.data, separators=(",", ":"), sort_keys=True)

    def event_stream(self) -> bytes:
        """The message as one server-sent event (``id:``, ``event:``, ``data:``, a blank line),
        UTF-8; computed on first use and kept, so a message sent to many viewers is encoded
        once. The event name and the compact JSON hold no line break."""
        encoded = self._encoded
        if encoded is None:
            encoded = sse_event(self.data_json(), event=self.event, id=self.id)
            object.__setattr__(self, "_encoded", encoded)
        return encoded

    def to_json(self) -> str:
        """The whole message as compact JSON (what travels between worker processes)."""
        return json.dumps(
            {
                "competition_id": self.competition_id,
                "id": self.id,
                "event": self.event,
                "data": self.data,
            },
            separators=(",", ":"),
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Message:
        """Read back what ``to_json`` wrote; raises ``ValueError`` on anything else."""
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError(f"a live message is a JSON object, not {type(value).__name__}")
        try:
            competition_id, id_, event, data = (
                value["competition_id"],
                value["id"],
                value["event"],
                value["data"],
            )
        except KeyError as error:
            raise ValueError(f"live message without {error.args[0]!r}") from None
        if not (
            _is_int(competition_id)
            and _is_int(id_)
            and isinstance(event, str)
            and isinstance(data, dict)
        ):
            raise ValueError(f"live message with fields of the wrong type: {text[:200]!r}")
        return cls(competition_id, id_, event, data)


def sse_event(data: str, *, event: str, id: int, retry_ms: int | None = None) -> bytes:
    """One server-sent event with ``id:``, ``event:``, one ``data:`` line and, when given,
    ``retry:``; lines end with CRLF. ``data`` and ``event`` must not contain a line break."""
    if "\n" in data or "\r" in data or "\n" in event or "\r" in event:
        raise ValueError(f"a line break in a server-sent event field: {event!r}")
    retry = f"retry: {retry_ms}\r\n" if retry_ms is not None else ""
    return f"id: {id}\r\nevent: {event}\r\ndata: {data}\r\n{retry}\r\n".encode()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def event_name(event: Event) -> str:
    """The message type of an event: its class name in kebab case (``result-recorded``)."""
    return _WORD_START.sub("-", type(event).__name__).lower()


def event_payload(event: Event) -> dict[str, Any]:
    """The event's fields as JSON values: ids stay ints, enums become their values, tuples
    become lists."""
    return {field.name: _plain(getattr(event, field.name)) for field in dataclasses.fields(event)}


def _plain(value: object) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
