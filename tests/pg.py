"""A throwaway PostgreSQL server for the test run.

The server lives in a fresh temporary directory (data, socket and log), listens on a free TCP
port on 127.0.0.1 only, trusts every local connection and runs without fsync. As root it runs as
the ``postgres`` system user, since ``initdb`` and ``postgres`` refuse to run as root; otherwise
as the current user. :meth:`PostgresServer.stop` stops it (``pg_ctl stop -m immediate``) and
removes the directory.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"

# Settings for a disposable server: nothing needs to survive a crash.
SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_connections": "100",
    "shared_buffers": "32MB",
    "logging_collector": "off",
}


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server programs cannot be found or run here."""


def find_bindir() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``.

    ``pg_config --bindir`` first (it names the client's version, so its folder must hold the
    server programs too), then the newest ``/usr/lib/postgresql/*/bin`` (Debian's layout).
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            candidates.append(Path(done.stdout.strip()))
    debian = glob.glob("/usr/lib/postgresql/*/bin")
    candidates.extend(sorted((Path(p) for p in debian), key=_version_key, reverse=True))
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    looked = ", ".join(str(c) for c in candidates) or "no pg_config, no /usr/lib/postgresql"
    raise PostgresUnavailable(
        f"PostgreSQL server programs (initdb, pg_ctl, postgres) not found (looked in: {looked}); "
        "install Debian's postgresql package (make test does this as root)"
    )


def _version_key(bindir: Path) -> tuple[int, ...]:
    version = bindir.parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """One running server; build it with :func:`start_server`."""

    bindir: Path
    root: Path
    port: int
    as_user: str | None
    started_in: float = 0.0
    version: str = ""
    _running: bool = field(default=False, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        """The libpq connection string of one database on this server (for psycopg)."""
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_user is not None:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(
            command,
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C", "TZ": "UTC"},
        )

    def _initdb(self) -> None:
        done = self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-locale",
            "--no-sync",
            "--no-instructions",
        )
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed:\n{done.stdout}{done.stderr}")
        settings = {**SETTINGS, "unix_socket_directories": f"'{self.socket_dir}'"}
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# test server\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _start(self) -> None:
        done = self._run(
            "pg_ctl",
            "start",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--wait",
            "--timeout",
            "60",
            "-o",
            f"-p {self.port}",
        )
        self._running = True  # pg_ctl may have left a server behind even when it failed
        if done.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed:\n{done.stdout}{done.stderr}{log}")

    def wait_until_ready(self, timeout: float = 30) -> None:
        """Return once a connection succeeds; raise after ``timeout`` seconds."""
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.conninfo(), connect_timeout=2) as conn:
                    row = conn.execute("SHOW server_version").fetchone()
                    self.version = str(row[0]) if row else ""
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _stop_server(self) -> None:
        if self._running and self.data.is_dir():
            self._run("pg_ctl", "stop", "--pgdata", str(self.data), "-m", "immediate", "--wait")
        self._running = False

    def stop(self) -> None:
        """Stop the server at once and remove its directory (safe to call twice)."""
        self._stop_server()
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PostgresServer:
    """Start a fresh server and wait until it accepts connections.

    Raises :class:`PostgresUnavailable` when the programs are missing or the server won't start.
    """
    bindir = find_bindir()
    as_user: str | None = None
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SERVER_USER)
        except KeyError as missing:
            raise PostgresUnavailable(
                f"running as root, and there is no {SERVER_USER!r} system user to run the "
                "server as (Debian's postgresql package creates it)"
            ) from missing
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("running as root, and runuser is not installed")
        as_user = SERVER_USER

    began = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="ovaltime-pg-"))
    (root / "socket").mkdir()
    if owner is not None:
        for path in (root, root / "socket"):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    server = PostgresServer(bindir=bindir, root=root, port=free_port(), as_user=as_user)
    atexit.register(server.stop)  # a last resort should the test run end without teardown
    try:
        server._initdb()
        for attempt in range(3):
            try:
                server._start()
                break
            except PostgresUnavailable:
                # the port may have been taken since free_port(): try another one
                server._stop_server()
                if attempt == 2:
                    raise
                server.port = free_port()
        server.wait_until_ready()
    except BaseException:
        server.stop()
        raise
    server.started_in = time.monotonic() - began
    return server
