"""Two worker processes' brokers on one PostgreSQL database (here two brokers in one process,
each with its own LISTEN connection): same messages, same ids, resume across workers."""

from __future__ import annotations

import asyncio

import psycopg

from ovaltime.live import RESET, Message, PostgresBroker, Subscription
from ovaltime.live.postgres import conninfo
from tests.live.helpers import recorded, run


async def take(subscription: Subscription, count: int) -> list[Message]:
    """The next ``count`` messages, each within five seconds."""
    got = [await subscription.next(timeout=5.0) for _ in range(count)]
    return [m for m in got if m is not None]


async def publish(broker: PostgresBroker, competition_id: int, result_id: int) -> None:
    """Publish from a worker thread, as a service called by a request handler does."""
    await asyncio.to_thread(broker.publish, recorded(competition_id, result_id))


def test_a_message_published_by_one_worker_reaches_the_other_with_the_same_id(
    postgres_url: str,
) -> None:
    async def body() -> None:
        one, two = PostgresBroker(postgres_url), PostgresBroker(postgres_url)
        await one.start()
        await two.start()
        try:
            with one.subscribe(1) as at_one, two.subscribe(1) as at_two, two.subscribe(2) as other:
                await publish(one, 1, 10)
                await publish(two, 1, 11)
                await publish(one, 2, 20)
                await publish(one, 1, 12)
                seen_one, seen_two = await take(at_one, 3), await take(at_two, 3)
                assert seen_one == seen_two
                assert [m.data["result_id"] for m in seen_two] == [10, 11, 12]
                ids = [m.id for m in seen_two]
                assert ids == sorted(ids)
                assert len(set(ids)) == 3
                (elsewhere,) = await take(other, 1)
                assert (elsewhere.competition_id, elsewhere.data["result_id"]) == (2, 20)
                assert ids[1] < elsewhere.id < ids[2]
        finally:
            await one.stop()
            await two.stop()

    run(body(), timeout=30)


def test_a_viewer_resumes_on_another_worker_or_is_reset_there(postgres_url: str) -> None:
    async def body() -> None:
        one = PostgresBroker(postgres_url)
        await one.start()
        late = PostgresBroker(postgres_url)
        try:
            with one.subscribe(1) as viewer:
                for result_id in (1, 2, 3):
                    await publish(one, 1, result_id)
                first, second, third = (m.id for m in await take(viewer, 3))
            await late.start()  # a worker that started after those messages
            two = PostgresBroker(postgres_url)
            await two.start()
            try:
                await publish(one, 1, 4)
                with one.subscribe(1, last_event_id=second) as back_at_one:
                    resumed = await take(back_at_one, 2)
                    assert [m.data["result_id"] for m in resumed] == [3, 4]
                fourth = resumed[-1].id
                await asyncio.sleep(0.2)
                with late.subscribe(1, last_event_id=third) as moved:
                    (missed,) = await take(moved, 1)
                    assert (missed.id, missed.data["result_id"]) == (fourth, 4)
                with late.subscribe(1, last_event_id=first) as too_old:
                    (reset,) = await take(too_old, 1)
                    assert (reset.event, reset.id) == (RESET, fourth)
                with two.subscribe(1, last_event_id=fourth + 1000) as ahead:
                    (reset,) = await take(ahead, 1)
                    assert reset.event == RESET
            finally:
                await two.stop()
        finally:
            await one.stop()
            await late.stop()

    run(body(), timeout=30)


def test_the_listener_reconnects_and_resets_its_viewers(postgres_url: str) -> None:
    async def body() -> None:
        publisher = PostgresBroker(postgres_url)
        worker = PostgresBroker(postgres_url, reconnect_delay=0.1, heartbeat=0.5)
        await publisher.start()
        await worker.start()
        try:
            with worker.subscribe(1) as viewer:
                await publish(publisher, 1, 1)
                (before,) = await take(viewer, 1)
                pid = worker.listener_pid
                assert pid is not None
                async with await psycopg.AsyncConnection.connect(
                    conninfo(postgres_url), autocommit=True
                ) as admin:
                    await admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
                (reset,) = await take(viewer, 1)
                assert reset.event == RESET
                assert reset.id >= before.id
                assert worker.reconnects == 1
                assert worker.listener_pid not in {None, pid}
                await publish(publisher, 1, 2)
                (after,) = await take(viewer, 1)
                assert (after.event, after.data["result_id"]) == ("result-recorded", 2)
                assert after.id > before.id
        finally:
            await publisher.stop()
            await worker.stop()

    run(body(), timeout=30)


def test_publishing_reconnects_a_lost_connection(postgres_url: str) -> None:
    async def body() -> None:
        broker = PostgresBroker(postgres_url)
        await broker.start()
        try:
            with broker.subscribe(1) as viewer:
                await publish(broker, 1, 1)
                await take(viewer, 1)
                async with await psycopg.AsyncConnection.connect(
                    conninfo(postgres_url), autocommit=True
                ) as admin:
                    await admin.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                        "AND pid <> %s",
                        (broker.listener_pid,),
                    )
                await publish(broker, 1, 2)
                (message,) = await take(viewer, 1)
                assert message.data["result_id"] == 2
        finally:
            await broker.stop()

    run(body(), timeout=30)
