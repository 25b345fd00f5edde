"""The in-process broker: ids, order, resume, reset, slow viewers, and the thread handoff."""

from __future__ import annotations

import asyncio
import threading

import pytest

from ovaltime.live import RESET, LocalBroker, Message, Subscription
from tests.live.helpers import recorded, run


async def take(subscription: Subscription, count: int) -> list[Message]:
    """The next ``count`` messages, each within a second."""
    return [m for m in [await subscription.next(timeout=1.0) for _ in range(count)] if m]


async def settle() -> None:
    """Let the loop run the deliveries handed over so far."""
    for _ in range(3):
        await asyncio.sleep(0)


def test_messages_arrive_in_order_with_growing_ids_per_competition() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1)
        await broker.start()
        with broker.subscribe(1) as first, broker.subscribe(2) as second:
            for result_id in (10, 11, 12):
                broker.publish(recorded(1, result_id))
            broker.publish(recorded(2, 20))
            got = await take(first, 3)
            assert [(m.id, m.event, m.data["result_id"]) for m in got] == [
                (1, "result-recorded", 10),
                (2, "result-recorded", 11),
                (3, "result-recorded", 12),
            ]
            assert [(m.competition_id, m.id) for m in await take(second, 1)] == [(2, 4)]
            assert first.pending == 0
        await broker.stop()

    run(body())


def test_default_ids_start_at_the_clock_so_a_restart_never_reuses_them() -> None:
    async def body() -> tuple[int, int]:
        earlier = LocalBroker()
        earlier.publish(recorded(1, 10))
        earlier.publish(recorded(1, 11))
        await asyncio.sleep(0.01)
        later = LocalBroker()  # a restart
        later.publish(recorded(1, 10))
        return earlier.latest_id(1), later.latest_id(1)

    first, second = run(body())
    assert 1_600_000_000_000 < first < second


def test_a_viewer_resuming_with_its_last_id_gets_exactly_what_it_missed() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1)
        for result_id in range(1, 6):
            broker.publish(recorded(1, result_id))
        await settle()
        with broker.subscribe(1, last_event_id=3) as resumed:
            assert [m.id for m in await take(resumed, 2)] == [4, 5]
            assert resumed.pending == 0
            broker.publish(recorded(1, 6))
            assert [m.id for m in await take(resumed, 1)] == [6]
        with broker.subscribe(1, last_event_id=6) as current:
            await settle()
            assert current.pending == 0
        with broker.subscribe(1) as new:
            await settle()
            assert new.pending == 0
            assert broker.latest_id(1) == 6

    run(body())


@pytest.mark.parametrize("last", [0, 1, 2, 99, -1])
def test_a_resume_the_buffer_cannot_serve_gets_a_reset(last: int) -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1, buffer_size=3)
        for result_id in range(1, 7):  # ids 1..6; the buffer keeps 4, 5, 6
            broker.publish(recorded(1, result_id))
        await settle()
        with broker.subscribe(1, last_event_id=last) as resumed:
            message = await resumed.next(timeout=1.0)
            assert message is not None
            assert (message.event, message.id) == (RESET, 6)
            assert "refetch" in message.data["reason"]
            assert resumed.pending == 0
        with broker.subscribe(1, last_event_id=3) as served:
            assert [m.id for m in await take(served, 3)] == [4, 5, 6]

    run(body())


def test_a_slow_viewer_gets_a_reset_and_never_holds_back_the_others() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1, queue_size=4)
        await broker.start()
        with broker.subscribe(1) as slow, broker.subscribe(1) as fast:
            for result_id in range(1, 11):
                broker.publish(recorded(1, result_id))
                await settle()
                assert (await fast.next(timeout=1.0) or Message(0, 0, "", {})).id == result_id
            assert slow.overflows == 2
            backlog = await take(slow, 2)
            assert [(m.event, m.id) for m in backlog] == [(RESET, 9), ("result-recorded", 10)]
            assert slow.pending == 0
        await broker.stop()

    run(body())


def test_publishing_is_never_blocked_by_a_viewer_that_does_not_read() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1, queue_size=8)
        await broker.start()
        with broker.subscribe(1) as stuck, broker.subscribe(1) as reader:
            for result_id in range(1000):
                broker.publish(recorded(1, result_id))
            got = await take(reader, 8)
            assert stuck.pending <= 8
            assert reader.overflows >= 1
            assert got[-1].id == 1000
        await broker.stop()

    run(body())


def test_publishes_from_threads_wake_a_waiting_viewer_in_id_order() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1)
        await broker.start()
        with broker.subscribe(1) as viewer:
            waiting = asyncio.ensure_future(viewer.next(timeout=5.0))
            await asyncio.sleep(0.05)
            threading.Thread(target=broker.publish, args=(recorded(1, 1),)).start()
            first = await waiting
            assert first is not None
            assert first.id == 1

            def burst(worker: int) -> None:
                for n in range(50):
                    broker.publish(recorded(1, worker * 1000 + n))

            threads = [threading.Thread(target=burst, args=(w,)) for w in range(1, 5)]
            for thread in threads:
                thread.start()
            got = await take(viewer, 200)
            for thread in threads:
                thread.join(5)
            assert [m.id for m in got] == list(range(2, 202))
            for worker in range(1, 5):
                mine = [m.data["result_id"] for m in got if m.data["result_id"] // 1000 == worker]
                assert mine == [worker * 1000 + n for n in range(50)]
        await broker.stop()

    run(body())


def test_stop_ends_every_stream_and_closing_unsubscribes() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1)
        await broker.start()
        viewer = broker.subscribe(1)
        other = broker.subscribe(1)
        assert broker.subscriber_count(1) == 2
        other.close()
        assert broker.subscriber_count(1) == 1
        broker.publish(recorded(1, 1))

        async def read_all() -> list[int]:
            return [m.id async for m in viewer]

        reading = asyncio.ensure_future(read_all())
        await asyncio.sleep(0.05)
        await broker.stop()
        assert await reading == [1]
        assert viewer.closed
        assert broker.subscriber_count(1) == 0
        broker.publish(recorded(1, 2))  # after stop: kept for a later start, reaches no one
        assert broker.latest_id(1) == 2

    run(body())


def test_a_broker_serves_one_event_loop() -> None:
    broker = LocalBroker(first_id=1)

    async def subscribe() -> None:
        broker.subscribe(1).close()

    run(subscribe())
    with pytest.raises(RuntimeError, match="another event loop"):
        run(subscribe())


def test_take_and_wait_read_without_timers() -> None:
    async def body() -> None:
        broker = LocalBroker(first_id=1)
        await broker.start()
        with broker.subscribe(1) as viewer:
            assert viewer.take() is None
            waiting = viewer.wait()
            assert not waiting.done()
            broker.publish(recorded(1, 10))
            await asyncio.wait_for(waiting, 1.0)
            assert [m.id for m in [viewer.take(), viewer.take()] if m] == [1]
            woken = viewer.wait()
            viewer.wake()  # the stream's timer wakes it without a message
            await asyncio.wait_for(woken, 1.0)
            assert viewer.take() is None
            broker.publish(recorded(1, 11))
            await settle()
            assert viewer.wait().done()  # a message is waiting: done at once
        assert viewer.closed
        assert viewer.wait().done()  # closed: done at once
        await broker.stop()

    run(body())
