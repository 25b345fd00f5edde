"""Messages: type names, small JSON payloads, and the JSON that travels between workers."""

from __future__ import annotations

import json

import pytest

from ovaltime.core.states import RaceState
from ovaltime.live import RESET, LocalBroker, Message, PostgresBroker, make_broker
from ovaltime.live.messages import event_name, event_payload, sse_event
from ovaltime.live.postgres import MAX_PAYLOAD_BYTES, conninfo, fit_payload
from ovaltime.services.events import (
    CompetitionImported,
    RaceStateChanged,
    ResultCorrected,
    StartListSet,
)


def test_type_names_are_the_event_classes_in_kebab_case() -> None:
    assert event_name(ResultCorrected(1, 2, 3, 4, 5)) == "result-corrected"
    assert event_name(CompetitionImported(1, 2, 3)) == "competition-imported"
    assert event_name(RaceStateChanged(1, 2, RaceState.LIVE, RaceState.UNOFFICIAL)) == (
        "race-state-changed"
    )
    assert RESET == "reset"


def test_payload_holds_the_ids_and_what_changed_as_json_values() -> None:
    change = RaceStateChanged(1, 2, RaceState.LIVE, RaceState.UNOFFICIAL)
    assert event_payload(change) == {
        "competition_id": 1,
        "race_id": 2,
        "before": "live",
        "after": "unofficial",
    }
    assert event_payload(StartListSet(1, 2, (10, 11))) == {
        "competition_id": 1,
        "race_id": 2,
        "result_ids": [10, 11],
    }


def test_message_json_round_trip_and_compact_data() -> None:
    message = Message(4, 17, "result-recorded", {"result_id": 9, "version": 1})
    assert Message.from_json(message.to_json()) == message
    assert message.data_json() == '{"result_id":9,"version":1}'


@pytest.mark.parametrize(
    "text",
    ["[]", '{"id": 1}', '{"competition_id": 1, "id": "2", "event": "x", "data": {}}', "nope"],
)
def test_unreadable_message_json_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        Message.from_json(text)


def test_a_payload_over_the_notify_limit_leaves_out_its_lists() -> None:
    big = Message(1, 5, "start-list-set", event_payload(StartListSet(1, 2, tuple(range(2000)))))
    text = fit_payload(big)
    assert len(text.encode()) <= MAX_PAYLOAD_BYTES < len(big.to_json().encode())
    assert json.loads(text)["data"] == {"competition_id": 1, "race_id": 2, "truncated": True}
    small = Message(1, 6, "result-recorded", {"result_id": 3})
    assert fit_payload(small) == small.to_json()


def test_make_broker_picks_by_database() -> None:
    assert isinstance(make_broker("sqlite:///x.db"), LocalBroker)
    broker = make_broker("postgresql+psycopg://skater:pw@127.0.0.1:5433/oval")
    assert isinstance(broker, PostgresBroker)
    assert broker.conninfo == "postgresql://skater:pw@127.0.0.1:5433/oval"
    assert conninfo("postgresql://127.0.0.1/oval") == "postgresql://127.0.0.1/oval"


def test_a_message_is_encoded_as_a_server_sent_event_once() -> None:
    message = Message(4, 17, "result-recorded", {"result_id": 9, "version": 1})
    encoded = message.event_stream()
    assert encoded == (
        b'id: 17\r\nevent: result-recorded\r\ndata: {"result_id":9,"version":1}\r\n\r\n'
    )
    assert message.event_stream() is encoded  # kept: every viewer is sent the same bytes
    assert message == Message(4, 17, "result-recorded", {"result_id": 9, "version": 1})
    assert sse_event("{}", event="ready", id=3, retry_ms=2000) == (
        b"id: 3\r\nevent: ready\r\ndata: {}\r\nretry: 2000\r\n\r\n"
    )
    with pytest.raises(ValueError, match="line break"):
        sse_event("a\nb", event="x", id=1)
