"""The engine's spine: one writer connection, one lock, one transaction per command.

Every command runs inside `transaction()`: BEGIN IMMEDIATE, read and validate, `emit()` events
(appended to the log and applied to the projections in the same transaction), COMMIT with a
durable fsync, then publish to subscribers in sequence order. The lock makes commands
linearizable, so two windows can never call the same ticket and two kiosks never draw the same
number.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk import events as evlog
from kiosk import limits
from kiosk.catalog.hall_config import HallConfig, WindowConfig
from kiosk.catalog.model import Catalog, Category, ServiceItem
from kiosk.clock import Clock, SystemClock, iso, service_day
from kiosk.engine import projector
from kiosk.engine.commit import GroupCommitter, storage_error
from kiosk.engine.settings import HallSettings
from kiosk.errors import Conflict, Invalid, StorageError
from kiosk.events import Event, EventType
from kiosk.ids import ulid
from kiosk.privacy import mask_payload
from kiosk.store.db import connect
from kiosk.store.schema import migrate

log = logging.getLogger(__name__)
Listener = Callable[[Event], None]


@dataclass(frozen=True)
class Actor:
    """Who caused a change: a device (kiosk-1) and/or a clerk (employee number)."""

    device: str | None = None
    clerk: str | None = None


SYSTEM = Actor(device="server")


def find_category(catalog: Catalog, code: str) -> Category | None:
    try:
        return catalog.category(code)
    except KeyError:
        return None


def find_item(catalog: Catalog, code: str) -> ServiceItem | None:
    try:
        return catalog.item(code)
    except KeyError:
        return None


@dataclass
class Tx:
    """One command's hold on the store: its connection, its time, and the sequence numbers it
    takes from the committer for the events it emits."""

    conn: sqlite3.Connection
    hall_code: str
    now: datetime
    seqs: GroupCommitter
    emitted: list[Event] = field(default_factory=list)

    def emit(self, type_: EventType, payload: dict[str, Any], actor: Actor = SYSTEM) -> Event:
        """Appends an event; its free text is masked first (kiosk/privacy.py): ID-card and
        mobile numbers never enter the log, whatever the command."""
        payload = mask_payload(payload)
        try:  # an event its center could not store would stop the hall's sync for good
            limits.check_envelope(type_, actor.device, actor.clerk)
            limits.compact_payload(payload)
        except limits.LimitError as exc:
            raise Invalid(f"内容超出系统限制：{exc.detail_zh}", exc.detail) from None
        ev = Event(
            seq=self.seqs.allocate(),
            id=ulid(int(self.now.timestamp() * 1000)),
            hall=self.hall_code,
            ts=iso(self.now),
            device=actor.device,
            actor=actor.clerk,
            type=type_,
            payload=payload,
        )
        self._record(ev)
        return ev

    def append(self, ev: Event) -> None:
        """Replays an event recorded before (read back from the center after a restore) with
        its own seq, id and time, through the projector like a new one."""
        if ev.seq != self.next_seq or ev.hall != self.hall_code:
            raise Conflict(
                f"恢复的事件与本地记录不衔接（第 {ev.seq} 条，本地下一条为 {self.next_seq}）",
                f"a recovered event does not follow the local log (seq {ev.seq} of hall "
                f"{ev.hall}; the next local seq is {self.next_seq})",
            )
        self.seqs.allocate()
        self._record(ev)

    @property
    def next_seq(self) -> int:
        """The sequence number the next event of this command will get."""
        return self.seqs.next_seq

    def _record(self, ev: Event) -> None:
        """Appends to the log and applies to the projections; a failure gives the number back."""
        try:
            evlog.insert(self.conn, ev)
            projector.apply(self.conn, ev)
        except BaseException:
            self.seqs.release()
            raise
        self.emitted.append(ev)

    def one(self, sql: str, *args: Any) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, args).fetchone()
        return row

    def all(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()


class HallBase:
    def __init__(self, path: Path | str, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.clock: Clock = clock or SystemClock()
        # raw sqlite3 on the hot path: 0.25 ms/issue vs 2.07 via sqlite-utils (bench_store_layer)
        self._conn = connect(self.path)
        migrate(self._conn)
        self._local = threading.local()
        self._listeners: list[Listener] = []
        self._committer = GroupCommitter(self._conn, evlog.last_seq(self._conn), self._publish)
        self._lock = self._committer.lock
        self.reload()

    # -- configuration -------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read hall config and catalog (after `kiosk init` or a catalog import)."""
        self.settings = HallSettings.load(self._conn)

    # what the hall is set up as (kiosk/engine/settings.py), by its parts
    @property
    def config(self) -> HallConfig:
        return self.settings.config

    @property
    def catalog(self) -> Catalog:
        return self.settings.catalog

    @property
    def disabled_items(self) -> frozenset[str]:
        return self.settings.disabled_items

    @property
    def secret(self) -> str:
        return self.settings.secret

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

    @property
    def windows(self) -> Mapping[int, WindowConfig]:
        return self.settings.windows

    @property
    def window_ranks(self) -> Mapping[int, Mapping[str, int]]:
        return self.settings.window_ranks

    @property
    def code(self) -> str:
        return self.settings.config.code

    def today(self, now: datetime | None = None) -> date:
        return service_day(now or self.clock.now(), self.settings.tz)

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One command: its own savepoint inside the group transaction, durable on return."""
        with self._committer.command() as emitted:
            yield Tx(self._conn, self.code, self.clock.now(), self._committer, emitted)

    @contextmanager
    def exclusive(self) -> Iterator[sqlite3.Connection]:
        """The writer connection alone, with everything before committed and no command
        running meanwhile: for replaying the whole log, or a test that changes the store under
        the engine. The caller writes nothing the projector would not write."""
        with self._lock:
            error = self._committer.commit_locked()
            if error is not None:
                raise error
            yield self._conn

    def submit(self, fn: Callable[[], Any], future: Any = None) -> Future[Any]:
        """Runs `fn` on the hall's writer thread, batched with other commands under one
        commit; the future resolves once its changes are durable (the server's write path)."""
        result: Future[Any] = self._committer.submit(fn, future)
        return result

    def flush(self, timeout: float = -1) -> None:
        """Commits whatever is open now (before a rebuild or closing the store)."""
        if not self._committer.lock.acquire(timeout=timeout):
            raise StorageError("数据库忙，请稍后重试", "the writer did not let go of the store")
        try:
            error = self._committer.commit_locked()
        finally:
            self._committer.lock.release()
        if error is not None:
            raise storage_error(error) from error

    def on_fatal(self, handler: Callable[[BaseException], None]) -> None:
        """Who to tell when the store becomes unusable (the server exits for a restart)."""
        self._committer.on_fatal = handler

    def _publish(self, ev: Event) -> None:
        for listener in list(self._listeners):
            try:
                listener(ev)
            except Exception:  # a broken subscriber must not fail a committed command
                log.exception("event listener failed for %s", ev.type)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @property
    def last_seq(self) -> int:
        """The last durable event's sequence number."""
        return self._committer.committed_seq

    # -- reading -------------------------------------------------------------------------
    def reader(self) -> sqlite3.Connection:
        """A read connection per thread: WAL readers never wait for the writer."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            self._local.conn = conn
        return conn

    def events_after(self, after_seq: int, limit: int = 1000) -> list[Event]:
        return evlog.read_after(self.reader(), after_seq, limit)

    def meta(self, key: str) -> str | None:
        row = self.reader().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Saves one of the hall's settings (configuration, not an event: it is never synced)."""
        self.update_meta({key: value})

    def update_meta(self, values: Mapping[str, str]) -> None:
        """Saves several settings at once: all of them, or none."""
        with self.transaction() as tx:
            for key, value in values.items():
                tx.conn.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def close(self, timeout: float = 10.0) -> None:
        """Closes the writer; a clean close checkpoints the WAL into the main file. Bounded:
        a writer stuck on a failing disk is left behind (its thread is a daemon) rather than
        holding the process, and nothing uncommitted was ever acknowledged."""
        if not self._committer.stop(timeout):
            log.error("the writer did not stop within %.0f s; closing without it", timeout)
            return
        try:
            self.flush(timeout)
        except StorageError as exc:
            log.error("the last commit failed at close: %s", exc.message_en)
        reader = getattr(self._local, "conn", None)
        if reader is not None:
            reader.close()
            self._local.conn = None
        try:
            self._conn.close()
        except sqlite3.Error as exc:
            log.error("closing the store failed: %s", exc)
