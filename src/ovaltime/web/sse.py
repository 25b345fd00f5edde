"""A server-sent event stream as a plain ASGI response: one viewer's subscription on the wire.

``EventStream`` sends the response head, then an optional first event (``ready``), then every
message of its subscription as the bytes the message was encoded to once for all its viewers
(``Message.event_stream``).

**What a viewer costs.** A message goes to thousands of viewers at once, so waking a viewer
must be cheap. The request's own task sits at the bottom of the framework's stack of
coroutines (middleware, routing), and waking it resumes that whole stack; so it only waits for
the client to leave (``http.disconnect``), which wakes it once. The messages are sent by a
second task of one coroutine, which waits on one future per message
(``Subscription.wait``), and one timer per viewer, re-armed only when it fires, keeps time:

* **Keep-alive.** When nothing has been sent for ``ping_seconds``, a comment line (``: ping``)
  is sent, so that proxies do not close an idle stream.
* **Slow viewers.** A send that has not been accepted after ``send_timeout`` seconds (the
  server's buffer for that connection is full: the viewer stopped reading) ends the response
  unfinished, which makes the server close the connection (uvicorn logs that it was left
  unfinished); the viewer's browser reconnects and resumes. The timer checks a send in progress
  when it fires, at least every ``ping_seconds``: the viewer is dropped after
  ``max(send_timeout, ping_seconds)`` at most.
* **The end.** The client leaving closes the subscription. Closing it otherwise (the broker
  stopped, or ``Broker.close_subscriptions`` as the server stops) ends the stream once what was
  queued is sent: the body is finished and the connection is free for the next request.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ovaltime.live import Subscription

__all__ = ["PING", "STREAM_SEND", "EventStream", "StreamSend"]

#: The scope key under which ``StreamSend`` leaves the ``send`` it was given.
STREAM_SEND = "ovaltime.stream_send"

#: The keep-alive comment.
PING = b": ping\r\n\r\n"

_HEADERS = {
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
}


class EventStream(Response):
    """The ``text/event-stream`` response of one subscription.

    ``subscribe`` is called when the response starts, on the event loop: it gives the
    subscription to follow and the bytes to send first (``b""`` for none). The subscription is
    closed however the response ends.
    """

    media_type = "text/event-stream"
    charset = "utf-8"

    def __init__(
        self,
        subscribe: Callable[[], tuple[Subscription, bytes]],
        *,
        ping_seconds: float,
        send_timeout: float,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if ping_seconds <= 0 or send_timeout <= 0:
            raise ValueError("the keep-alive interval and the send timeout must be above 0")
        self.subscribe = subscribe
        self.ping_seconds = ping_seconds
        self.send_timeout = send_timeout
        self.status_code = 200
        self.background = None
        self.init_headers({**_HEADERS, **(headers or {})})  # no body: no content-length

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {
            "type": "http.response.start",
            "status": self.status_code,
            "headers": self.raw_headers,
        }
        subscription, first = self.subscribe()
        with subscription:
            await send(start)
            body_send: Send = scope.get(STREAM_SEND, send)
            await _Viewer(subscription, body_send, self.ping_seconds, self.send_timeout).run(
                first, receive
            )


class StreamSend:
    """ASGI middleware: leaves the ``send`` it was given in the scope (``STREAM_SEND``).

    An ``EventStream`` sends the start of its response through the ``send`` it is called
    with, and its body, thousands of small chunks at a time, through this one: the middleware
    and routing between the two wrap ``send`` only to see that a response has started, and
    passing each chunk through them costs a third of a stream's work per message. Add it last,
    so that it wraps the others."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope[STREAM_SEND] = send
        await self.app(scope, receive, send)


class _Viewer:
    """One stream: its subscription, the task that sends, and its timer."""

    __slots__ = (
        "ended",
        "left",
        "loop",
        "ping_due",
        "ping_seconds",
        "request",
        "send_timeout",
        "sender",
        "sending",
        "sent_at",
        "subscription",
        "timed_out",
        "timer",
        "transmit",
    )

    def __init__(
        self, subscription: Subscription, send: Send, ping_seconds: float, send_timeout: float
    ) -> None:
        self.subscription = subscription
        self.transmit = send
        self.ping_seconds = ping_seconds
        self.send_timeout = send_timeout
        self.loop = asyncio.get_running_loop()
        request = asyncio.current_task()
        if request is None:
            raise RuntimeError("an event stream runs in a task")
        self.request = request
        self.sender: asyncio.Task[None] | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.sending = False
        self.ping_due = False
        self.timed_out = False
        self.left = False
        self.ended = False
        self.sent_at = self.loop.time()

    async def run(self, first: bytes, receive: Receive) -> None:
        """Start the sender, then wait in the request's task until the client leaves or the
        sender is done (the stream was ended, or a send timed out)."""
        sender = self.sender = self.loop.create_task(self.follow(first))
        sender.add_done_callback(self._sender_done)
        self.timer = self.loop.call_at(self.sent_at + self.ping_seconds, self._tick)
        try:
            while (await receive())["type"] != "http.disconnect":
                pass
            self.left = True
        except asyncio.CancelledError:
            if not self.ended:  # cancelled from outside: the server gives up on the request
                raise
            self.request.uncancel()  # cancelled by _sender_done, to stop waiting
        finally:
            if self.timer is not None:
                self.timer.cancel()
            if not sender.done():
                sender.cancel()
        if not self.left:
            await sender  # done: raises what the sender raised, if anything

    def _sender_done(self, _sender: asyncio.Task[None]) -> None:
        self.ended = True
        if not self.left:
            self.request.cancel()

    async def follow(self, first: bytes) -> None:
        """Send ``first``, then the subscription's messages and the keep-alive comments until
        the subscription is closed and drained, then finish the body; stop early, the body
        unfinished, when a send times out. (The hottest loop of the server: a send is written
        out here rather than in a method of its own.)"""
        subscription, transmit, clock = self.subscription, self.transmit, self.loop.time
        chunk = first
        try:
            while True:
                if chunk:
                    self.sent_at = clock()  # the timer watches how long a send takes
                    self.sending = True
                    await transmit({"type": "http.response.body", "body": chunk, "more_body": True})
                    self.sending = False
                message = subscription.take()
                if message is not None:
                    chunk = message.event_stream()
                elif self.ping_due:
                    self.ping_due = False
                    chunk = PING
                elif subscription.closed:
                    break
                else:
                    await subscription.wait()
                    chunk = b""
            self.sent_at = clock()
            self.sending = True
            await transmit({"type": "http.response.body", "body": b"", "more_body": False})
        except asyncio.CancelledError:
            if not self.timed_out:
                raise
            # cancelled by _tick: return, leaving the body unfinished

    def _tick(self) -> None:
        """The timer: drop a viewer whose send takes too long, or ask for a keep-alive comment
        when nothing was sent for ``ping_seconds``; then set the timer again."""
        now = self.loop.time()
        if self.sending:
            if now >= self.sent_at + self.send_timeout:
                self.timed_out = True
                if self.sender is not None:
                    self.sender.cancel()
                return
            due = min(self.sent_at + self.send_timeout, now + self.ping_seconds)
        elif now >= self.sent_at + self.ping_seconds:
            self.ping_due = True
            self.subscription.wake()
            due = now + self.ping_seconds
        else:
            due = self.sent_at + self.ping_seconds
        self.timer = self.loop.call_at(due, self._tick)
