"""A front end's outbox: what a person entered while the hall server was unreachable (a pause, a
rating, a finished service) is kept in a local SQLite file and delivered exactly once, in order.

Why this shape:
- Exactly once: each write carries its id as the `Idempotency-Key`; the hall server stores the
  first answer in the same commit as the change, so a resend after a lost reply is answered
  again instead of acting twice.
- In order: only the oldest undelivered write is ever in flight; a pause and the resume after it
  can never swap places.
- Never blocking the screen: `enqueue()` only hands the write to the worker thread, which owns
  the SQLite file and the network; results come back through one callback (on that thread).

Qt-free on purpose: every front end (window client, rating pad, kiosk, help desk) reuses it.

The file is kept with sqlite-utils (its table, the head of the line, counts, clean-up); the
insert and the updates stay SQL. Files made before that (`seq ... AUTOINCREMENT`, a UNIQUE
`id` column) are used as they are: a new file's plain integer key still only grows, because
only delivered writes are ever deleted, so the oldest undelivered write is still the lowest seq.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlite_utils import Database
from sqlite_utils.db import Table

log = logging.getLogger(__name__)
BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0)
RETRYABLE = frozenset({401, 408, 425, 429})  # 401: the same person signs in again (`adopt`)
KEEP_DELIVERED = timedelta(days=7)
COLUMNS: dict[str, type] = {
    "seq": int,  # the order of delivery
    "id": str,  # the Idempotency-Key
    "method": str,
    "path": str,
    "body": str,  # JSON
    "token": str,
    "owner": str,  # who entered it: their employee number, or "" for the device
    "created_at": str,
    "attempts": int,
    "last_error": str,
    "delivered_at": str,  # or given up; NULL while it waits
    "status": int,
    "result": str,  # the server's answer, JSON
}
PENDING = "delivered_at IS NULL"


def open_outbox(path: Path) -> Table:
    """The outbox table of the file at `path`, created if missing (each step is idempotent, so
    a crash between them is mended at the next start)."""
    conn = sqlite3.connect(path, isolation_level=None)
    outbox = Database(conn, recursive_triggers=False, execute_plugins=False).table("outbox")
    outbox.create(
        COLUMNS,
        pk="seq",
        not_null={"id", "method", "path", "owner", "created_at", "attempts"},
        defaults={"owner": "", "attempts": 0},
        if_not_exists=True,
    )
    if not any(ix.unique and ix.columns == ["id"] for ix in outbox.indexes):
        outbox.create_index(["id"], index_name="outbox_id", unique=True)
    return outbox


@dataclass(frozen=True)
class OutboxItem:
    id: str  # the idempotency key, uuid4 hex
    method: str
    path: str
    body: dict[str, Any] | None
    token: str | None
    owner: str
    created_at: str
    attempts: int = 0


@dataclass(frozen=True)
class OutboxEvent:
    """kind: "pending" (count changed), "delivered", "refused" (a non-retryable 4xx, with the
    server's problem body) or "retrying" (unreachable, 5xx, 408, 429, 401; `error` says why)."""

    kind: str
    pending: int
    item: OutboxItem | None = None
    status: int | None = None
    body: Any = None
    error: str = ""


Listener = Callable[[OutboxEvent], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Outbox:
    def __init__(
        self,
        path: Path | str,
        base_url: str,
        listener: Listener | None = None,
        *,
        timeout_s: float = 5.0,
        backoff_s: tuple[float, ...] = BACKOFF_S,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.path = Path(path)
        self.base_url = base_url.rstrip("/")
        self._listener = listener
        self._timeout = timeout_s
        self._backoff = backoff_s
        self._transport = transport
        self._inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._stored = 0  # undelivered writes in the file
        self._unsaved = 0  # handed over by enqueue(), not yet in the file
        self._reported = 0
        self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
        self._thread.start()

    # -- any thread ---------------------------------------------------------------------------
    def enqueue(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        token: str | None = None,
        owner: str = "",
    ) -> str:
        """Queues one write and returns its id at once; nothing here touches disk or network."""
        item = OutboxItem(uuid.uuid4().hex, method.upper(), path, body, token, owner, _now())
        with self._lock:
            self._unsaved += 1
            self._idle.clear()
            self._inbox.put(("add", item))
        return item.id

    @property
    def pending(self) -> int:
        """Writes not yet delivered, counting those handed over a moment ago."""
        with self._lock:
            return self._stored + self._unsaved

    def adopt(self, owner: str, token: str) -> None:
        """A new session at this front end: `owner`'s waiting writes now go with `token` (its
        earlier session ended), and other owners' writes are given up as refused."""
        self._inbox.put(("adopt", (owner, token)))

    def kick(self) -> None:
        """Try the next write now (e.g. the live feed just reconnected) instead of backing off."""
        self._inbox.put(("kick", None))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True once nothing waits: for tests and command-line tools, never the GUI thread."""
        return self._idle.wait(timeout)

    def close(self, timeout: float = 2.0) -> None:
        self._inbox.put(("stop", None))
        self._thread.join(timeout)

    # -- the worker thread --------------------------------------------------------------------
    def _run(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        box = open_outbox(self.path)
        cutoff = (datetime.now(UTC) - KEEP_DELIVERED).isoformat()
        box.delete_where("delivered_at < ?", [cutoff])
        client = httpx.Client(
            base_url=self.base_url, timeout=self._timeout, transport=self._transport
        )
        failures, retry_at = 0, 0.0
        self._changed(box)
        try:
            while True:
                head = self._head(box)
                if head is None:
                    with self._lock:
                        if self._inbox.empty():
                            self._idle.set()
                    op, arg = self._inbox.get()
                else:
                    wait = retry_at - time.monotonic()
                    try:
                        op, arg = (
                            self._inbox.get(timeout=wait) if wait > 0 else self._inbox.get_nowait()
                        )
                    except queue.Empty:
                        op, arg = "send", head
                if op == "stop":
                    return
                if op == "kick":
                    retry_at = 0.0
                elif op == "add":
                    self._insert(box, arg)
                elif op == "adopt":
                    self._adopt(box, *arg)
                elif arg is not None:
                    if self._deliver(box, client, arg):
                        failures, retry_at = 0, 0.0
                    else:
                        delay = self._backoff[min(failures, len(self._backoff) - 1)]
                        failures += 1
                        retry_at = time.monotonic() + delay
        finally:
            client.close()
            box.db.close()

    @staticmethod
    def _item(row: dict[str, Any]) -> OutboxItem:
        body = json.loads(row["body"]) if row["body"] else None
        return OutboxItem(
            row["id"], row["method"], row["path"], body, row["token"], row["owner"],
            row["created_at"], row["attempts"],
        )  # fmt: skip

    def _head(self, box: Table) -> OutboxItem | None:
        """The oldest undelivered write: the only one ever in flight."""
        rows = list(box.rows_where(PENDING, order_by="seq", limit=1))
        return self._item(rows[0]) if rows else None

    def _insert(self, box: Table, it: OutboxItem) -> None:
        # raw SQL: sqlite-utils' insert(ignore=True) raises when it ignores a row that does not
        # carry the table's key (seq), and ignoring a write already in the file is the point
        box.db.execute(
            "INSERT OR IGNORE INTO outbox(id, method, path, body, token, owner, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (it.id, it.method, it.path, None if it.body is None else json.dumps(it.body),
             it.token, it.owner, it.created_at),
        )  # fmt: skip
        with self._lock:
            self._unsaved -= 1
        self._changed(box)

    def _adopt(self, box: Table, owner: str, token: str) -> None:
        box.db.execute(f"UPDATE outbox SET token = ? WHERE {PENDING} AND owner = ?", (token, owner))
        others = list(box.rows_where(f"{PENDING} AND owner != ?", [owner], order_by="seq"))
        for item in map(self._item, others):
            error = "given up: another person signed in"
            self._finish(box, item.id, 0, None, error)
            self._notify(OutboxEvent("refused", self.pending, item, 0, None, error))
        self._changed(box)

    def _deliver(self, box: Table, client: httpx.Client, it: OutboxItem) -> bool:
        """One attempt at the head write; False means back off and try it again later."""
        headers = {"Idempotency-Key": it.id}
        if it.token:
            headers["Authorization"] = f"Bearer {it.token}"
        try:
            r = client.request(it.method, it.path, json=it.body, headers=headers)
        except httpx.HTTPError as exc:
            return self._retry(box, it, None, f"unreachable: {type(exc).__name__}")
        try:
            body = r.json() if r.content else None
        except ValueError:
            body = None
        if r.status_code in RETRYABLE or r.status_code >= 500:
            return self._retry(box, it, body, f"HTTP {r.status_code}", r.status_code)
        ok = r.status_code < 400
        detail = "" if ok else str((body or {}).get("detail") or f"HTTP {r.status_code}")
        self._finish(box, it.id, r.status_code, body, detail)
        kind = "delivered" if ok else "refused"
        self._notify(OutboxEvent(kind, self._changed(box), it, r.status_code, body, detail))
        return True

    def _retry(self, box: Table, it: OutboxItem, body: Any, error: str, status: int = 0) -> bool:
        box.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error, it.id)
        )
        self._notify(OutboxEvent("retrying", self.pending, it, status or None, body, error))
        return False

    def _finish(self, box: Table, key: str, status: int, body: Any, err: str) -> None:
        box.db.execute(
            "UPDATE outbox SET delivered_at = ?, status = ?, result = ?, last_error = ?,"
            " attempts = attempts + 1 WHERE id = ?",
            (_now(), status, json.dumps(body, ensure_ascii=False), err or None, key),
        )

    def _changed(self, box: Table) -> int:
        count = box.count_where(PENDING)
        with self._lock:
            self._stored = count
            total = count + self._unsaved
        if total != self._reported:
            self._reported = total
            self._notify(OutboxEvent("pending", total))
        return total

    def _notify(self, event: OutboxEvent) -> None:
        if self._listener is not None:
            try:
                self._listener(event)
            except Exception:  # a broken screen must not stop delivery
                log.exception("outbox listener failed on %s", event.kind)
