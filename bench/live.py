"""Benchmarks of the live server: fan-out to many viewers, memory per viewer, reads under load.

Every figure is measured in this one run beside a baseline measured the same way, on loopback
(127.0.0.1) only, and printed with the ratio between them (machines are shared and noisy:
compare ratios, not absolute times).

* fan-out: ``ovaltime serve`` on a fresh SQLite database with N viewers of a competition's live
  stream (``GET /api/competitions/{id}/events``, server-sent events). A result is recorded over
  the API (``POST /api/results/{id}``) and timed until the *last* viewer has received its
  ``result-recorded`` message; p50 and p99 over ``--messages`` results, one at a time (with 20
  results the p99 is the slowest). The baseline is a minimal broadcaster in raw asyncio: a
  server of a few lines that writes the same SSE bytes (chunked, as uvicorn sends them) to the
  same number of viewers when it is sent a ``POST /publish``, with no database and no
  framework.
* memory per viewer: the server's resident memory (``VmRSS``) after its viewers connected,
  minus before, divided by their number; the same for the raw broadcaster.
* reads under load: ``GET`` of a race's JSON (what the race page shows) from 4 threads of
  another process for ``--seconds`` seconds, while 10 results a second are recorded and fanned
  out to the first N viewers, against the same reads of an idle server (no viewer connected,
  nothing recorded).

The viewers are raw asyncio sockets in a separate process, which notes when each message
arrives (both processes read the same monotonic clock). Each viewer holds a file descriptor in
the server and in that process, so the benchmark raises its soft ``RLIMIT_NOFILE`` to the hard
limit (inherited by the processes it starts) and says so. Every process it starts has a
deadline and every wait a timeout: the benchmark stops by itself.

Usage: ``python bench/live.py [--quick] [--clients 1000,5000] [--messages 20] [--seconds 10]``.
``--quick`` is a smoke run: 50 viewers, 5 results, 1 s of reads.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import queue
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
#: Results recorded per second while the reads are measured under load.
RECORD_RATE = 10
#: Threads of the reading process.
READ_THREADS = 4
#: Results recorded before the timed ones (first requests, warm caches).
WARM_UP = 2
#: How long any one step may take before the benchmark gives up (connecting 5 000 viewers).
STEP_TIMEOUT = 180.0
#: No process the benchmark starts outlives this many seconds.
PROCESS_DEADLINE = 900.0
#: Viewers connecting at the same time.
CONNECTING = 100
MARKER = b"event: result-recorded"
SEP = "\r\n"


# --- the viewers: raw asyncio sockets in their own process ------------------------------------


async def viewers(port: int, path: str, count: int, deadline: float) -> None:
    """Connect ``count`` viewers to ``path``; print ``connected N`` when every one has its
    ``ready`` message, then ``got K T`` when the last of them has received the K-th
    ``result-recorded`` (T: the monotonic clock). Ends at ``deadline`` (or when killed)."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: text/event-stream\r\n\r\n"
    ).encode()
    seen: list[int] = []
    gate = asyncio.Semaphore(CONNECTING)
    keep = len(MARKER) - 1
    writers: list[asyncio.StreamWriter] = []

    def arrived(index: int, now: float) -> None:
        while len(seen) <= index:
            seen.append(0)
        seen[index] += 1
        if seen[index] == count:
            print(f"got {index} {now:.6f}", flush=True)

    async def connect() -> asyncio.StreamReader:
        async with gate:
            reader, writer = await asyncio.open_connection(HOST, port)
            writers.append(writer)
            writer.write(request)
            head = b""
            while b"event: ready" not in head:
                chunk = await reader.read(65536)
                if not chunk:
                    raise ConnectionError(f"closed before ready: {head[:200]!r}")
                head += chunk
            return reader

    async def follow(reader: asyncio.StreamReader) -> None:
        tail, index = b"", 0
        while chunk := await reader.read(65536):
            data = tail + chunk
            found = data.count(MARKER)
            if found:
                now = time.monotonic()
                for _ in range(found):
                    arrived(index, now)
                    index += 1
            tail = data[-keep:]

    readers = await asyncio.wait_for(
        asyncio.gather(*(connect() for _ in range(count))), max(1.0, deadline - time.monotonic())
    )
    print(f"connected {len(readers)}", flush=True)
    tasks = [asyncio.ensure_future(follow(reader)) for reader in readers]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*tasks), max(1.0, deadline - time.monotonic()))
    for writer in writers:
        writer.close()


# --- the baseline: a minimal broadcaster in raw asyncio ---------------------------------------


def chunked(payload: bytes) -> bytes:
    """One chunk of a chunked HTTP/1.1 body."""
    return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"


async def raw_broadcaster(port: int, deadline: float) -> None:
    """Serve SSE viewers on any ``GET``; ``POST /publish`` writes its body, one SSE message, to
    every viewer and answers 204. Nothing else: no framework, no queue per viewer, no database."""
    watching: set[asyncio.StreamWriter] = set()
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
        b"cache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n"
    )
    ready = chunked(f'id: 0{SEP}event: ready{SEP}data: {{"competition_id":1}}{SEP}{SEP}'.encode())

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while request := await reader.readuntil(b"\r\n\r\n"):
                if request.startswith(b"POST /publish"):
                    size = re.search(rb"(?i)content-length: *(\d+)", request)
                    body = await reader.readexactly(int(size.group(1)) if size else 0)
                    frame = chunked(body)
                    for viewer in watching:
                        viewer.write(frame)
                    writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                    continue
                writer.write(head + ready)
                watching.add(writer)
                await reader.read()  # until the viewer leaves
                return
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        finally:
            watching.discard(writer)
            writer.close()

    server = await asyncio.start_server(handle, HOST, port, backlog=4096)
    async with server:
        await asyncio.sleep(max(1.0, deadline - time.monotonic()))


# --- reads: a few threads of GETs for a while, in their own process ---------------------------


def reads(url: str, seconds: float, threads: int) -> None:
    """GET ``url`` from ``threads`` threads for ``seconds``; print ``reads OK FAILED SECONDS``."""
    import httpx

    counts = [0, 0]
    lock = threading.Lock()
    start = time.monotonic()
    stop = start + seconds

    def loop() -> None:
        with httpx.Client(timeout=10) as client:
            while time.monotonic() < stop:
                try:
                    good = client.get(url).status_code == 200
                except httpx.HTTPError:
                    good = False
                with lock:
                    counts[0 if good else 1] += 1

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    print(f"reading {url}", flush=True)
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(seconds + 30)
    print(f"reads {counts[0]} {counts[1]} {time.monotonic() - start:.3f}", flush=True)


# --- the benchmark ---------------------------------------------------------------------------


def raise_fd_limit() -> tuple[int, int]:
    """Raise the soft limit on open files to the hard limit; (before, after)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return soft, resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def rss_kib(pid: int) -> int:
    """The resident memory of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def free_port() -> int:
    """A free TCP port of 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.99: the value 99 % are at or below)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def this_script(*arguments: str) -> list[str]:
    """The command that runs this file with ``arguments`` (for the processes it starts)."""
    return [sys.executable, str(Path(__file__).resolve()), *arguments]


class Lines:
    """The lines a process prints, read by a thread, waited for with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.strip())
        self._queue.put(None)

    def next(self, prefix: str, timeout: float = STEP_TIMEOUT) -> list[str]:
        """The fields of the next line starting with ``prefix``; other lines are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no {prefix!r} line in {timeout:.0f} s") from None
            if line is None:
                raise RuntimeError(f"the process ended before a {prefix!r} line")
            if line.startswith(prefix + " "):
                return line.split()[1:]


@contextlib.contextmanager
def started(command: list[str], log: Path | None = None) -> Iterator[subprocess.Popen[str]]:
    """A process, ended at the end of the block (SIGTERM, then SIGKILL)."""
    sink = log.open("w") if log else None
    process = subprocess.Popen(
        command,
        stdout=sink or subprocess.PIPE,
        stderr=sink or subprocess.DEVNULL,
        text=True,
        env={**os.environ, "OVALTIME_SECRET": "benchmark secret"},
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if sink:
            sink.close()


def wait_for_port(port: int, process: subprocess.Popen[str], what: str) -> None:
    """Wait until ``port`` takes connections (at most a minute, while ``process`` runs)."""
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.1)


@dataclass
class Measured:
    """What one server gave with N viewers."""

    viewers: int
    latencies: list[float]
    acks: list[float]
    rss_per_viewer_kib: float
    reads_idle: float | None = None
    reads_loaded: float | None = None


@dataclass(frozen=True)
class Setup:
    """The benchmark's competition: its live race and an official's API token."""

    competition_id: int
    race_path: str
    result_ids: tuple[int, ...]
    token: str


def set_up(database: str, skaters: int) -> Setup:
    """A competition with one live 500 m of ``skaters`` skaters, through the services."""
    from ovaltime.core.results import Skater
    from ovaltime.core.states import Gender, Lane, RaceState
    from ovaltime.services.competitions import add_race, create_competition
    from ovaltime.services.races import change_race_state
    from ovaltime.services.start_list import StartEntry, set_start_list
    from ovaltime.services.unit import open_context
    from ovaltime.services.users import Role, add_user

    context = open_context(database)
    try:
        user, token = add_user(context, "bench", Role.OFFICIAL)
        competition = create_competition(context, "Bench Cup", venue="Thialf")
        race, position = add_race(context, competition, distance=500, gender=Gender.WOMEN)
        lanes = (Lane.INNER, Lane.OUTER)
        entries = [
            StartEntry(Skater(f"Skater {n:04d}", "NED"), n // 2 + 1, lanes[n % 2])
            for n in range(skaters)
        ]
        ids = set_start_list(context, race, entries, actor=user)
        change_race_state(context, race, RaceState.LIVE, actor=user)
    finally:
        context.engine.dispose()
    path = f"/api/competitions/{competition}/races/{position}"
    return Setup(competition, path, tuple(ids), token)


def ovaltime_server(folder: Path, count: int, messages: int, seconds: float | None) -> Measured:
    """Fan-out, memory and (with ``seconds``) reads of ``ovaltime serve`` with ``count``
    viewers."""
    import httpx

    database = f"sqlite:///{folder}/live-{count}.db"
    recordings = WARM_UP + messages + (int(seconds * RECORD_RATE) + 5 if seconds else 0)
    setup = set_up(database, recordings + recordings % 2)
    todo = iter(setup.result_ids)
    port = free_port()
    base = f"http://{HOST}:{port}"
    command = [sys.executable, "-m", "ovaltime", "serve", "--database", database]
    headers = {"Authorization": f"Bearer {setup.token}"}
    with (
        started([*command, "--port", str(port)], folder / f"serve-{count}.log") as server,
        httpx.Client(base_url=base, timeout=30, headers=headers) as official,
    ):
        wait_for_port(port, server, "ovaltime serve")

        def record() -> float:
            start = time.monotonic()
            response = official.post(f"/api/results/{next(todo)}", json={"time": "38.123"})
            if response.status_code != 200:
                raise RuntimeError(f"recording refused: {response.text}")
            return start

        for _ in range(5):  # first requests: imports, caches
            official.get(setup.race_path).raise_for_status()
        reads_idle = reads_per_second(base + setup.race_path, seconds) if seconds else None
        events = f"/api/competitions/{setup.competition_id}/events"
        with fan_out(server.pid, port, events, count, messages, record) as measured:
            if seconds:
                measured.reads_idle = reads_idle
                measured.reads_loaded = reads_per_second(
                    base + setup.race_path, seconds, during=record
                )
    return measured


def reads_per_second(url: str, seconds: float, during: Callable[[], float] | None = None) -> float:
    """Requests per second of the reads process; ``during`` is called ``RECORD_RATE`` times a
    second meanwhile."""
    command = this_script("--role", "reads", "--url", url, "--seconds", str(seconds))
    with started(command) as process:
        lines = Lines(process)
        lines.next("reading", 60)
        if during is not None:
            beat = time.monotonic()
            for _ in range(int(seconds * RECORD_RATE)):
                during()
                beat += 1 / RECORD_RATE
                time.sleep(max(0.0, beat - time.monotonic()))
        good, failed, took = lines.next("reads", seconds + 60)
    if int(failed):
        raise RuntimeError(f"{failed} reads failed")
    return int(good) / float(took)


@contextlib.contextmanager
def fan_out(
    pid: int, port: int, path: str, count: int, messages: int, publish: Callable[[], float]
) -> Iterator[Measured]:
    """Connect ``count`` viewers to ``path`` of the server ``pid``, then time ``messages``
    publications (after ``WARM_UP`` untimed ones); ``publish`` returns when it started. The
    viewers stay connected until the block ends."""
    before = rss_kib(pid)
    deadline = time.time() + PROCESS_DEADLINE
    command = this_script(
        "--role", "viewers", "--port", str(port), "--path", path,
        "--count", str(count), "--deadline", str(deadline),
    )  # fmt: skip
    with started(command) as process:
        lines = Lines(process)
        lines.next("connected")
        time.sleep(0.5)  # the server finishes its bookkeeping for the last viewers
        after = rss_kib(pid)
        latencies, acks = [], []
        for index in range(WARM_UP + messages):
            start = publish()
            acked = time.monotonic()
            got, at = lines.next("got", 60)
            if int(got) != index:
                raise RuntimeError(f"message {got} arrived when {index} was expected")
            if index >= WARM_UP:
                latencies.append(float(at) - start)
                acks.append(acked - start)
        yield Measured(count, latencies, acks, (after - before) / count)


def raw_server(count: int, messages: int) -> Measured:
    """The same fan-out through the raw asyncio broadcaster."""
    import httpx

    port = free_port()
    deadline = time.time() + PROCESS_DEADLINE
    ids = itertools.count(time.time_ns() // 1_000_000)
    data = json.dumps(
        {"competition_id": 1, "race_id": 1, "result_id": 9, "version": 1}, separators=(",", ":")
    )
    with (
        started(
            this_script("--role", "raw", "--port", str(port), "--deadline", str(deadline))
        ) as server,
        httpx.Client(base_url=f"http://{HOST}:{port}", timeout=30) as publisher,
    ):
        wait_for_port(port, server, "the raw broadcaster")

        def publish() -> float:
            start = time.monotonic()
            body = f"id: {next(ids)}{SEP}event: result-recorded{SEP}data: {data}{SEP}{SEP}"
            response = publisher.post("/publish", content=body.encode())
            if response.status_code != 204:
                raise RuntimeError(f"publish refused: {response.status_code}")
            return start

        with fan_out(server.pid, port, "/api/competitions/1/events", count, messages, publish) as m:
            return m


def table(rows: list[tuple[str, str, str, str, float]]) -> list[str]:
    """The lines of the table: each figure beside its baseline, and the ratio."""
    name_width = max(len(row[0]) for row in rows)
    base_width = max(len(row[2]) for row in rows)
    out = [
        f"{'benchmark':<{name_width}}  {'value':>12}  {'baseline':<{base_width}}  "
        f"{'value':>12}  {'ratio':>6}"
    ]
    for name, ours, base_name, base, ratio in rows:
        out.append(
            f"{name:<{name_width}}  {ours:>12}  {base_name:<{base_width}}  {base:>12}  "
            f"{ratio:>5.2f}x"
        )
    return out


def ms(seconds: float) -> str:
    """Seconds as milliseconds for the table."""
    return f"{seconds * 1000:.1f} ms"


def rows_of(ours: Measured, raw: Measured) -> list[tuple[str, str, str, str, float]]:
    """The table's rows for one number of viewers."""
    n = f"{ours.viewers:,}"
    rows = []
    for label, share in (("p50", 0.5), ("p99", 0.99)):
        mine, theirs = percentile(ours.latencies, share), percentile(raw.latencies, share)
        rows.append(
            (
                f"result to last of {n} viewers, {label}",
                ms(mine),
                f"raw asyncio broadcaster, {label}",
                ms(theirs),
                mine / theirs,
            )
        )
    mine, theirs = statistics.median(ours.acks), statistics.median(raw.acks)
    rows.append(
        (
            f"record a result (POST, {n} viewers), median",
            ms(mine),
            "raw POST /publish, median",
            ms(theirs),
            mine / theirs,
        )
    )
    rows.append(
        (
            f"server memory per viewer ({n} viewers)",
            f"{ours.rss_per_viewer_kib:.1f} KiB",
            "raw asyncio broadcaster",
            f"{raw.rss_per_viewer_kib:.1f} KiB",
            ours.rss_per_viewer_kib / max(raw.rss_per_viewer_kib, 0.1),
        )
    )
    if ours.reads_loaded is not None and ours.reads_idle is not None:
        rows.append(
            (
                f"GET race JSON, {RECORD_RATE} results/s to {n} viewers",
                f"{ours.reads_loaded:.0f} req/s",
                "GET race JSON, idle server",
                f"{ours.reads_idle:.0f} req/s",
                ours.reads_loaded / ours.reads_idle,
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 viewers, 5 results, 1 s reads")
    parser.add_argument("--clients", help="viewer counts, comma-separated (default 1000,5000)")
    parser.add_argument("--messages", type=int, help="timed results per viewer count (20)")
    parser.add_argument("--seconds", type=float, help="seconds of each reads measurement (10)")
    parser.add_argument("--role", choices=["viewers", "raw", "reads"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--deadline", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role:
        run_role(args)
        return

    clients = [int(c) for c in (args.clients or ("50" if args.quick else "1000,5000")).split(",")]
    messages = args.messages or (5 if args.quick else 20)
    seconds = args.seconds or (1.0 if args.quick else 10.0)
    before, soft = raise_fd_limit()
    print(
        f"RLIMIT_NOFILE: soft limit raised from {before} to the hard limit {soft} "
        "(each viewer holds a descriptor in the server and in the viewers' process)"
        if soft > before
        else f"RLIMIT_NOFILE: soft limit {soft}, already the hard limit"
    )
    if max(clients) + 200 > soft:
        sys.exit(f"live.py: {max(clients):,} viewers need more open files than {soft}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ovaltime-bench-") as folder:
        for count in clients:
            ours = ovaltime_server(
                Path(folder), count, messages, seconds if count == clients[0] else None
            )
            raw = raw_server(count, messages)
            rows += rows_of(ours, raw)
    print(
        f"live fan-out on 127.0.0.1, {messages} results per viewer count (p99 of {messages}: "
        f"the slowest), measured in this run; ovaltime serve on SQLite"
    )
    print("\n".join(table(rows)))


def run_role(args: argparse.Namespace) -> None:
    """One of the processes the benchmark starts."""
    if args.role == "viewers":
        asyncio.run(
            viewers(
                args.port, args.path, args.count, args.deadline - time.time() + time.monotonic()
            )
        )
    elif args.role == "raw":
        asyncio.run(raw_broadcaster(args.port, args.deadline - time.time() + time.monotonic()))
    else:
        reads(args.url, args.seconds, READ_THREADS)


if __name__ == "__main__":
    main()
