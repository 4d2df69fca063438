"""Group commit: many commands, one fsync.

Every command must be durable before it answers (a ticket is on disk before the kiosk prints
it), and a durable SQLite commit costs one fsync, a few milliseconds on ordinary disks. Run one
after another, 32 kiosks would queue behind each other's fsyncs. Instead, commands execute one at
a time under the writer lock inside a shared open transaction, each in its own SAVEPOINT (so a
refused command undoes only itself), and the first command to finish becomes the leader that
commits everything executed so far with a single fsync. Every command still returns only after
the commit that contains it, and events are published in sequence order after that commit.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

from kiosk.errors import HallError
from kiosk.events import Event

STRAGGLER_SPINS = 200  # yields the leader grants commands already queued for the lock
MAX_BATCH = 256  # commands the writer thread runs before one commit
log = logging.getLogger(__name__)


class AsyncReply:
    """A future-like bridge to an asyncio future: resolved with one call_soon_threadsafe."""

    def __init__(self, loop: Any) -> None:
        self.loop = loop
        self.future = loop.create_future()

    def set_result(self, result: Any) -> None:
        self.loop.call_soon_threadsafe(self._settle, result, None)

    def set_exception(self, exc: BaseException) -> None:
        self.loop.call_soon_threadsafe(self._settle, None, exc)

    def _settle(self, result: Any, exc: BaseException | None) -> None:
        if self.future.done():
            return
        if exc is not None:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


class StorageError(HallError):
    status = 503
    code = "storage_failure"


class GroupCommitter:
    def __init__(
        self, conn: sqlite3.Connection, last_seq: int, publish: Callable[[Event], None]
    ) -> None:
        self.conn = conn
        self.lock = threading.RLock()
        self._cv = threading.Condition()
        self._publish = publish
        self._open = False
        self._batch = 0  # id of the open (or last opened) transaction
        self._committed = 0  # id of the last finished commit
        self._leader = False
        self._entering = 0
        self._pending: list[Event] = []
        self._failed: dict[int, BaseException] = {}
        self.next_seq = last_seq + 1  # sequence for the next event, inside the open batch
        self.committed_seq = last_seq
        self._local = threading.local()
        self._queue: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._writer: threading.Thread | None = None

    @contextmanager
    def command(self) -> Iterator[list[Event]]:
        """Runs the body in its own savepoint; yields the list to append emitted events to."""
        with self._cv:
            self._entering += 1
        self.lock.acquire()
        with self._cv:
            self._entering -= 1
        emitted: list[Event] = []
        failure: BaseException | None = None
        try:
            if not self._open:
                self.conn.execute("BEGIN IMMEDIATE")
                self._open = True
                self._batch += 1
            batch = self._batch
            self.conn.execute("SAVEPOINT command")
            try:
                yield emitted
            except BaseException as exc:
                self.conn.execute("ROLLBACK TO command")
                self.conn.execute("RELEASE command")
                self.next_seq -= len(emitted)
                failure = exc
            else:
                self.conn.execute("RELEASE command")
                self._pending.extend(emitted)
        finally:
            self.lock.release()
        deferred: list[int] | None = getattr(self._local, "batches", None)
        if deferred is not None:
            deferred.append(batch)  # the writer thread commits after its whole batch
        else:
            self._await(batch)  # even a refused command closes the transaction it opened
        if failure is not None:
            raise failure

    # -- the writer thread: the server's path ---------------------------------------------
    def submit(self, fn: Callable[[], Any], future: Any = None) -> Any:
        """Runs `fn` (which issues commands) on the writer thread; the future resolves only
        after the commit that made its changes durable. `future` may be an AsyncReply so an
        event loop is woken directly, without chaining futures across threads."""
        future = future if future is not None else Future()
        if self._writer is None or not self._writer.is_alive():
            with self._cv:
                if self._writer is None or not self._writer.is_alive():
                    self._writer = threading.Thread(
                        target=self._write_loop, name="hall-writer", daemon=True
                    )
                    self._writer.start()
        self._queue.put((fn, future))
        return future

    def stop(self) -> None:
        if self._writer is not None and self._writer.is_alive():
            self._queue.put(None)
            self._writer.join(timeout=30)

    def _write_loop(self) -> None:
        running = True
        while running:
            first = self._queue.get()
            if first is None:
                return
            items = [first]
            while len(items) < MAX_BATCH:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    running = False
                    break
                items.append(nxt)
            self._run_batch(items)

    def _run_batch(self, items: list[tuple[Callable[[], Any], Future[Any]]]) -> None:
        touched: list[int] = []
        self._local.batches = touched
        outcomes: list[tuple[Future[Any], Any, BaseException | None]] = []
        try:
            for fn, future in items:
                try:
                    outcomes.append((future, fn(), None))
                except BaseException as exc:
                    outcomes.append((future, None, exc))
        finally:
            self._local.batches = None
        error: BaseException | None = None
        if touched:
            self._await(max(touched))
            error = next((self._failed[b] for b in set(touched) if b in self._failed), None)
        for future, result, refused in outcomes:
            if error is not None:
                future.set_exception(_storage_error(error))
            elif refused is not None:
                future.set_exception(refused)
            else:
                future.set_result(result)

    def _await(self, batch: int) -> None:
        with self._cv:
            while self._committed < batch:
                if not self._leader:
                    self._leader = True
                    break
                self._cv.wait()
            else:
                self._raise_if_failed(batch)
                return
        spins = 0
        while self._entering > 0 and spins < STRAGGLER_SPINS:
            time.sleep(0)  # let commands already waiting for the lock join this commit
            spins += 1
        with self.lock:
            done, error = self._batch, self.commit_locked()
        with self._cv:
            self._committed = done
            self._leader = False
            if error is not None:
                self._failed[done] = error
            self._cv.notify_all()
        self._raise_if_failed(batch)

    def commit_locked(self) -> BaseException | None:
        """COMMIT the open batch (the caller holds the lock), then publish its events."""
        if not self._open:
            return None
        events, self._pending = self._pending, []
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._open = False
            self.next_seq = self.committed_seq + 1
            return exc
        self._open = False
        if events:
            self.committed_seq = events[-1].seq
            for ev in events:
                self._publish(ev)
        return None

    def _raise_if_failed(self, batch: int) -> None:
        error = self._failed.get(batch)
        if error is not None:
            raise _storage_error(error) from error


def _storage_error(error: BaseException) -> StorageError:
    return StorageError("数据保存失败，请联系工作人员", f"the store could not commit: {error}")
