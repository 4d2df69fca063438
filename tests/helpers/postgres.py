"""A throwaway PostgreSQL server from the machine's binaries, for tests and benchmarks.

PostgreSQL refuses to run as root, so as root the server runs as a dedicated system user
(`kioskpg`, created with useradd if missing) through `runuser`. Data and the unix socket live
in a private temporary directory; the server listens on a free port on 127.0.0.1 only, trusts
local connections and is stopped (and its directory removed) by `stop()` or at interpreter exit.
Missing binaries raise PostgresUnavailable with what to install: callers must fail, not skip.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_USER = "kioskpg"
BIN_ENV = "KIOSK_PG_BIN"
_NEEDED = ("initdb", "pg_ctl", "postgres")
_names = itertools.count(1)


class PostgresUnavailable(RuntimeError):
    """The server cannot be started on this machine; the message says why and what to do."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_bin_dir() -> Path:
    """$KIOSK_PG_BIN, else the newest /usr/lib/postgresql/*/bin, else initdb on PATH."""
    candidates = [os.environ.get(BIN_ENV, "")]
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(Path(p).parent.name), reverse=True)
    on_path = shutil.which("initdb")
    candidates.append(str(Path(on_path).parent) if on_path else "")
    for cand in filter(None, candidates):
        if all((Path(cand) / name).exists() for name in _NEEDED):
            return Path(cand)
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in $KIOSK_PG_BIN, "
        "/usr/lib/postgresql/*/bin or PATH. Install them: `sudo apt-get install postgresql` "
        "(or run `make sysdeps` as root)."
    )


def _ensure_user() -> None:
    if subprocess.run(["id", "-u", PG_USER], capture_output=True).returncode == 0:
        return
    cmd = ["useradd", "--system", "--user-group", "--no-create-home"]
    cmd += ["--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", PG_USER]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise PostgresUnavailable(f"cannot create system user {PG_USER}: {done.stderr.strip()}")


class PostgresServer:
    """One running cluster; `url(db)` and `create_database()` give SQLAlchemy URLs."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.bin_dir = find_bin_dir()
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.base / "data"
        self.sock = self.base / "sock"
        self.log = self.base / "server.log"
        self.port = 0
        self.settings = settings or {}
        self._running = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", PG_USER, "--"] if self.as_root else []
        return subprocess.run(
            [*prefix, *args], cwd=self.base, capture_output=True, text=True, timeout=120
        )

    def _fail(self, step: str, done: subprocess.CompletedProcess[str]) -> PostgresUnavailable:
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        return PostgresUnavailable(f"{step} failed:\n{done.stdout}\n{done.stderr}\n{log}")

    def start(self) -> PostgresServer:
        if self.as_root:
            _ensure_user()
            shutil.chown(self.base, PG_USER, PG_USER)
        self.sock.mkdir()
        if self.as_root:
            shutil.chown(self.sock, PG_USER, PG_USER)
        initdb = str(self.bin_dir / "initdb")
        done = self._run(initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E",
                         "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        if done.returncode != 0:
            raise self._fail("initdb", done)
        atexit.register(self.stop)
        for _attempt in range(3):
            self.port = free_port()
            conf = {"listen_addresses": "'127.0.0.1'", "port": str(self.port),
                    "unix_socket_directories": f"'{self.sock}'", "max_connections": "200",
                    **self.settings}  # fmt: skip
            lines = "".join(f"{key} = {value}\n" for key, value in conf.items())
            (self.data / "postgresql.auto.conf").write_text(lines)
            pg_ctl = str(self.bin_dir / "pg_ctl")
            done = self._run(pg_ctl, "-D", str(self.data), "-l", str(self.log), "-w", "start")
            if done.returncode == 0:
                self._running = True
                return self
        raise self._fail("pg_ctl start", done)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg

        name = name or f"t{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.base, ignore_errors=True)
