"""Group commit: many commands, one fsync.

Every command must be durable before it answers (a ticket is on disk before the kiosk prints
it), and a durable SQLite commit costs one fsync, a few milliseconds on ordinary disks. Run one
after another, 32 kiosks would queue behind each other's fsyncs. Instead, commands execute one at
a time under the writer lock inside a shared open transaction, each in its own SAVEPOINT (so a
refused command undoes only itself), and the first command to finish becomes the leader that
commits everything executed so far with a single fsync. Every command still returns only after
the commit that contains it, and events are published in sequence order after that commit.

The store can fail under it (a full disk, an I/O error, a damaged file): at BEGIN, at a SAVEPOINT,
inside a command, or at COMMIT. Whatever fails, the open batch is rolled back as a whole, its
sequence numbers are given back, every command in it is answered with a StorageError (503), and
the committer is ready for the next batch, so the hall recovers by itself once the disk has room
again. Only a store that cannot even be rolled back, or reports itself damaged, is declared
broken: every later command is refused at once and `on_fatal` tells the server to exit so its
service manager restarts it (and the start-up check refuses a damaged store).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

from kiosk.errors import StorageError
from kiosk.events import Event

STRAGGLER_SPINS = 200  # yields the leader grants commands already queued for the lock
MAX_BATCH = 256  # commands the writer thread runs before one commit
KEEP_FAILURES = 1024  # failed batch ids remembered for the commands still waiting on them
log = logging.getLogger(__name__)

# primary result codes that mean the store, not the command, is at fault
_STORAGE_CODES = {
    5,  # SQLITE_BUSY
    6,  # SQLITE_LOCKED
    7,  # SQLITE_NOMEM
    8,  # SQLITE_READONLY
    10,  # SQLITE_IOERR
    11,  # SQLITE_CORRUPT
    13,  # SQLITE_FULL
    14,  # SQLITE_CANTOPEN
    15,  # SQLITE_PROTOCOL
    26,  # SQLITE_NOTADB
}
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB: no retry will help


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_storage_failure(exc: BaseException) -> bool:
    """An SQLite error that says the store could not do its part (full, I/O, locked, damaged);
    anything else escaping a command is the command's own fault."""
    if isinstance(exc, StorageError):
        return True
    if not isinstance(exc, sqlite3.Error) or isinstance(exc, sqlite3.IntegrityError):
        return False
    code = _code(exc)
    return code in _STORAGE_CODES if code is not None else isinstance(exc, sqlite3.OperationalError)


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) and _code(exc) in _DAMAGED_CODES


def storage_error(error: BaseException) -> StorageError:
    if isinstance(error, StorageError):
        return error
    if _code(error) == 13:
        return StorageError(
            "服务器磁盘已满，本次操作未保存，请稍后重试并联系工作人员",
            f"the hall server's disk is full; nothing was saved: {error}",
            retry_after=5,
        )
    return StorageError(
        "数据保存失败，本次操作未保存，请稍后重试并联系工作人员",
        f"the store could not commit; nothing was saved: {error}",
        retry_after=5,
    )


def _settle(future: Any, result: Any, exc: BaseException | None) -> None:
    """Answers a waiting caller; a caller that gave up (cancelled future) is not an error."""
    try:
        if exc is not None:
            future.set_exception(exc)
        else:
            future.set_result(result)
    except Exception:  # InvalidStateError and the like: nobody is listening
        log.debug("a caller stopped waiting before its answer", exc_info=True)


class GroupCommitter:
    def __init__(
        self,
        conn: sqlite3.Connection,
        last_seq: int,
        publish: Callable[[Event], None],
        on_fatal: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.conn = conn
        self.lock = threading.RLock()
        self._cv = threading.Condition()
        self._publish = publish
        self.on_fatal = on_fatal
        self.broken: BaseException | None = None  # set once the store cannot be written
        self._open = False
        self._batch = 0  # id of the open (or last opened) transaction
        self._committed = 0  # id of the last finished (committed or failed) transaction
        self._leader = False
        self._entering = 0
        self._pending: list[Event] = []
        self._failed: dict[int, BaseException] = {}
        self._next_seq = last_seq + 1  # sequence for the next event, inside the open batch
        self.committed_seq = last_seq
        self._local = threading.local()
        self._queue: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._writer: threading.Thread | None = None

    # -- sequence numbers: the log has no gaps, so only the committer hands them out --------
    @property
    def next_seq(self) -> int:
        """The number the next event will get (the caller holds the lock)."""
        return self._next_seq

    def allocate(self) -> int:
        """The next event's sequence number, inside the open batch (the caller holds the lock
        and runs a command: a refused command gives its numbers back through `release`)."""
        seq = self._next_seq
        self._next_seq += 1
        return seq

    def release(self, count: int = 1) -> None:
        """Gives back the last `count` numbers allocated (an event that was not appended)."""
        self._next_seq -= count

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
        batch: int | None = None
        try:
            if self.broken is not None:
                raise storage_error(self.broken)
            batch = self._enter()
            try:
                yield emitted
            except BaseException as exc:
                failure = exc
                self._undo(exc, len(emitted))
            else:
                try:
                    self.conn.execute("RELEASE command")
                except sqlite3.Error as exc:
                    self._abort(exc)
                    failure = exc
                else:
                    self._pending.extend(emitted)
        finally:
            self.lock.release()
        deferred: list[int] | None = getattr(self._local, "batches", None)
        if deferred is not None:
            deferred.append(batch)  # the writer thread commits after its whole batch
        else:
            self._await(batch)  # even a refused command closes the transaction it opened
        if failure is not None:
            if is_storage_failure(failure):
                raise storage_error(failure) from failure
            raise failure

    def _enter(self) -> int:
        """Opens the shared transaction if none is open, then this command's savepoint."""
        if not self._open:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self._note_damage(exc)
                raise storage_error(exc) from exc
            self._open = True
            self._batch += 1
        batch = self._batch
        try:
            self.conn.execute("SAVEPOINT command")
        except sqlite3.Error as exc:
            self._abort(exc)
            raise storage_error(exc) from exc
        return batch

    def _undo(self, exc: BaseException, emitted: int) -> None:
        """Rolls back one refused command; if the store lost the whole transaction under it
        (SQLite rolls back by itself on some I/O and full-disk errors), the batch fails."""
        if not self.conn.in_transaction:
            self._abort(exc)
            return
        try:
            self.conn.execute("ROLLBACK TO command")
            self.conn.execute("RELEASE command")
        except sqlite3.Error as undo_error:
            self._abort(undo_error)
            return
        self.release(emitted)
        self._note_damage(exc)

    def _abort(self, exc: BaseException) -> None:
        """Ends the open batch as failed (the caller holds the lock): roll back what is left of
        it, give its sequence numbers back, and wake everyone waiting on it."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error as rollback_error:
            log.error("ROLLBACK failed after %s: %s", exc, rollback_error)
        failed = self._batch
        was_open = self._open
        self._open = False
        self._pending = []
        self._next_seq = self.committed_seq + 1
        if was_open:
            log.error("the store failed; batch %d rolled back: %s", failed, exc)
            with self._cv:
                self._record_failure(failed, exc)
                self._committed = max(self._committed, failed)
                self._cv.notify_all()
        if self.conn.in_transaction:
            self._break(exc)  # the connection is stuck inside a transaction it cannot end
        else:
            self._note_damage(exc)

    def _note_damage(self, exc: BaseException) -> None:
        if is_damage(exc):
            self._break(exc)

    def _break(self, exc: BaseException) -> None:
        if self.broken is not None:
            return
        self.broken = exc
        log.critical("the hall store is unusable, refusing every write: %s", exc)
        if self.on_fatal is not None:
            try:
                self.on_fatal(exc)
            except Exception:  # the refusal above already protects the store
                log.exception("on_fatal failed")

    def _record_failure(self, batch: int, exc: BaseException) -> None:
        """The caller holds _cv."""
        self._failed[batch] = exc
        for old in [b for b in self._failed if b < batch - KEEP_FAILURES]:
            del self._failed[old]

    # -- the writer thread: the server's path ---------------------------------------------
    def submit(self, fn: Callable[[], Any], future: Any = None) -> Any:
        """Runs `fn` (which issues commands) on the writer thread; the future resolves only
        after the commit that made its changes durable. `future` may be any object with
        `set_result`/`set_exception` (the server passes one that wakes its event loop directly,
        without chaining futures across threads)."""
        future = future if future is not None else Future()
        if self.broken is not None:
            _settle(future, None, storage_error(self.broken))
            return future
        if self._writer is None or not self._writer.is_alive():
            with self._cv:
                if self._writer is None or not self._writer.is_alive():
                    self._writer = threading.Thread(
                        target=self._write_loop, name="hall-writer", daemon=True
                    )
                    self._writer.start()
        self._queue.put((fn, future))
        return future

    def stop(self, timeout: float = 10.0) -> bool:
        """Lets the writer finish what is queued; False if it did not stop within `timeout`."""
        if self._writer is not None and self._writer.is_alive():
            self._queue.put(None)
            self._writer.join(timeout=timeout)
            return not self._writer.is_alive()
        return True

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
            try:
                self._run_batch(items)
            except BaseException as exc:  # the writer must outlive any batch
                log.exception("the writer's batch failed")
                for _fn, future in items:
                    _settle(future, None, storage_error(exc))

    def _run_batch(self, items: list[tuple[Callable[[], Any], Future[Any]]]) -> None:
        outcomes: list[tuple[Future[Any], Any, BaseException | None, list[int]]] = []
        for fn, future in items:
            touched: list[int] = []
            self._local.batches = touched
            try:
                outcomes.append((future, fn(), None, touched))
            except BaseException as exc:  # answered to its caller below
                outcomes.append((future, None, exc, touched))
            finally:
                self._local.batches = None
        last = max((b for *_, touched in outcomes for b in touched), default=None)
        if last is not None:
            with contextlib.suppress(StorageError):  # recorded per batch in _failed
                self._await(last)
        for future, result, refused, touched in outcomes:
            with self._cv:
                failed = next((self._failed[b] for b in touched if b in self._failed), None)
            if failed is not None:
                _settle(future, None, storage_error(failed))
            elif refused is not None and is_storage_failure(refused):
                _settle(future, None, storage_error(refused))
            else:
                _settle(future, result, refused)

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
        done, error = batch, None
        try:
            spins = 0
            while self._entering > 0 and spins < STRAGGLER_SPINS:
                time.sleep(0)  # let commands already waiting for the lock join this commit
                spins += 1
            with self.lock:
                done = self._batch
                error = self.commit_locked()
        except BaseException as exc:  # the followers must be woken regardless
            error = exc
        finally:
            with self._cv:
                self._committed = max(self._committed, done)
                self._leader = False
                if error is not None and done not in self._failed:
                    self._record_failure(done, error)
                self._cv.notify_all()
        self._raise_if_failed(batch)

    def commit_locked(self) -> BaseException | None:
        """COMMIT the open batch (the caller holds the lock), then publish its events."""
        if not self._open:
            return None
        events = self._pending
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._abort(exc)
            return exc
        self._open = False
        self._pending = []
        if events:
            self.committed_seq = events[-1].seq
            for ev in events:
                try:
                    self._publish(ev)
                except BaseException:  # it is committed: answer regardless
                    log.exception("publishing %s failed", ev.type)
        return None

    def _raise_if_failed(self, batch: int) -> None:
        error = self._failed.get(batch)
        if error is not None:
            raise storage_error(error) from error
