"""The engine's spine: one writer connection, one lock, one transaction per command.

Every command runs inside `_tx()`: BEGIN IMMEDIATE, read and validate, `emit()` events (appended
to the log and applied to the projections in the same transaction), COMMIT with a durable fsync,
then publish to subscribers in sequence order. The lock makes commands linearizable, so two
windows can never call the same ticket and two kiosks never draw the same number.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk import events as evlog
from kiosk import limits
from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import Catalog, Category, ServiceItem
from kiosk.clock import Clock, SystemClock, iso, parse_iso, service_day
from kiosk.domain import WindowStatus
from kiosk.engine import projector
from kiosk.engine.commit import GroupCommitter, StorageError, storage_error
from kiosk.engine.views import ticket_view
from kiosk.errors import Conflict, Forbidden, Invalid, NotFound
from kiosk.events import Event
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
    conn: sqlite3.Connection
    hall: HallBase
    now: datetime
    emitted: list[Event] = field(default_factory=list)

    def emit(self, type_: str, payload: dict[str, Any], actor: Actor = SYSTEM) -> Event:
        """Appends an event; its free text is masked first (kiosk/privacy.py): ID-card and
        mobile numbers never enter the log, whatever the command."""
        payload = mask_payload(payload)
        try:  # an event its center could not store would stop the hall's sync for good
            limits.check_envelope(type_, actor.device, actor.clerk)
            limits.compact_payload(payload)
        except limits.LimitError as exc:
            raise Invalid(f"内容超出系统限制：{exc.detail_zh}", exc.detail) from None
        ev = Event(
            seq=self.hall._committer.next_seq,
            id=ulid(int(self.now.timestamp() * 1000)),
            hall=self.hall.code,
            ts=iso(self.now),
            device=actor.device,
            actor=actor.clerk,
            type=type_,
            payload=payload,
        )
        evlog.insert(self.conn, ev)
        projector.apply(self.conn, ev)
        self.emitted.append(ev)
        self.hall._committer.next_seq += 1
        return ev

    def append(self, ev: Event) -> None:
        """Replays an event recorded before (read back from the center after a restore) with
        its own seq, id and time, through the projector like a new one."""
        committer = self.hall._committer
        if ev.seq != committer.next_seq or ev.hall != self.hall.code:
            raise Conflict(
                f"恢复的事件与本地记录不衔接（第 {ev.seq} 条，本地下一条为 {committer.next_seq}）",
                f"a recovered event does not follow the local log (seq {ev.seq} of hall "
                f"{ev.hall}; the next local seq is {committer.next_seq})",
            )
        evlog.insert(self.conn, ev)
        projector.apply(self.conn, ev)
        self.emitted.append(ev)
        committer.next_seq += 1

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
        meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if "hall_config" not in meta:
            raise NotFound("门店尚未初始化", "this hall store is not initialised (kiosk init)")
        self.config = HallConfig.model_validate_json(meta["hall_config"])
        self.secret = meta["secret"]
        row = self._conn.execute(
            "SELECT body FROM catalog ORDER BY applied_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        self.catalog = Catalog.model_validate_json(row[0])
        self.disabled_items = {
            r[0] for r in self._conn.execute("SELECT item FROM item_switches WHERE enabled = 0")
        }
        self.tz = ZoneInfo(self.config.timezone)
        self.windows = {w.no: w for w in self.config.windows}
        self.window_ranks = {w.no: w.ranks() for w in self.config.windows}
        self.serving: dict[str, list[int]] = {}
        for no, ranks in self.window_ranks.items():
            for code in ranks:
                self.serving.setdefault(code, []).append(no)

    @property
    def code(self) -> str:
        return self.config.code

    def today(self, now: datetime | None = None) -> date:
        return service_day(now or self.clock.now(), self.tz)

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[Tx]:
        """One command: its own savepoint inside the group transaction, durable on return."""
        with self._committer.command() as emitted:
            tx = Tx(self._conn, self, self.clock.now(), emitted)
            yield tx

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

    def _window_for(self, tx: Tx, window_no: int, actor: Actor) -> sqlite3.Row:
        """The window's state, after checking the actor is the clerk signed in at it."""
        if window_no not in self.windows:
            raise NotFound(f"没有{window_no}号窗口", f"no window {window_no}")
        state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
        assert state is not None
        if state["status"] == WindowStatus.CLOSED or state["clerk"] is None:
            raise Conflict(f"{window_no}号窗口未登录", f"window {window_no} is not open")
        if actor.clerk is not None and state["clerk"] != actor.clerk:
            raise Forbidden("您未在该窗口登录", "you are not signed in at this window")
        return state

    def day_closed(self, conn: sqlite3.Connection, day: str) -> bool:
        row = conn.execute(
            "SELECT 1 FROM events WHERE type = 'day.closed'"
            " AND json_extract(payload, '$.service_day') = ? LIMIT 1",
            (day,),
        ).fetchone()
        return row is not None

    def _emit_resume(self, tx: Tx, state: sqlite3.Row, actor: Actor) -> Event:
        absence = tx.one("SELECT started_at FROM absences WHERE id = ?", state["absence_id"])
        assert absence is not None
        duration = (tx.now - parse_iso(absence["started_at"])).total_seconds()
        return tx.emit(
            "window.resumed",
            {
                "window_no": state["no"],
                "clerk": state["clerk"],
                "absence_id": state["absence_id"],
                "duration_s": round(duration, 3),
            },
            actor,
        )

    # -- reading -------------------------------------------------------------------------
    def reader(self) -> sqlite3.Connection:
        """A read connection per thread: WAL readers never wait for the writer."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            self._local.conn = conn
        return conn

    def _find(self, conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
        """A ticket by id, or by today's number (what a citizen can type at the kiosk)."""
        row = conn.execute("SELECT * FROM tickets WHERE id = ?", (ref,)).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT * FROM tickets WHERE number = ? AND service_day = ?",
                (ref.strip().upper(), self.today().isoformat()),
            ).fetchone()
        if row is None:
            raise NotFound("未找到该号码", f"no ticket {ref}")
        return row

    def ticket(
        self, ref: str, conn: sqlite3.Connection | None = None, fresh: bool = False
    ) -> dict[str, Any]:
        conn = conn or self.reader()
        return ticket_view(self, conn, self._find(conn, ref), fresh)

    def events_after(self, after_seq: int, limit: int = 1000) -> list[Event]:
        return evlog.read_after(self.reader(), after_seq, limit)

    def meta(self, key: str) -> str | None:
        row = self.reader().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

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


def loads(text: str | None) -> Any:
    return json.loads(text) if text else None
