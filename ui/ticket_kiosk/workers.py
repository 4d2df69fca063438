"""Running slow work (building the search index, starting the voice) off the GUI
thread and getting the answer back as a signal on the GUI thread.

Why a helper: a QRunnable cannot emit signals, so each job carries a small QObject created on
the GUI thread; a signal emitted from the pool thread is then queued to the GUI thread, and the
callback runs there. Jobs are kept referenced until they report, so nothing is collected early.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object)  # (result, exception)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:  # reported to the caller on the GUI thread
            log.exception("background job failed")
            result, error = None, exc
        self.relay.done.emit(result, error)


class Workers(QObject):
    """A small thread pool for the kiosk's slow jobs; ``submit`` never blocks."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._jobs: set[_Job] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(self)
        job = _Job(fn, relay)
        self._jobs.add(job)

        def finished(result: Any, error: BaseException | None) -> None:
            self._jobs.discard(job)
            relay.deleteLater()
            if error is not None:
                if on_error is not None:
                    on_error(error)
            elif on_done is not None:
                on_done(result)

        relay.done.connect(finished)
        self.pool.start(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = 10000) -> bool:
        """Only at shutdown: lets a job in progress finish before the process exits."""
        return bool(self.pool.waitForDone(msecs))
