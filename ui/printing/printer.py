"""The printer of a front end: tickets and one-time notices on whatever its URL names (ESC/POS,
a PDF folder, a system printer), printed off the GUI thread and reported by signal.

Why a thread of its own: a network printer can take seconds to fail, and the GUI thread never
waits; one thread per printer also prints jobs in the order they were given, as the one paper
slot hands them out. The outcome comes back as ``printed(PrintJob, PrintResult)`` on the GUI
thread (a signal emitted from the print thread is queued to the receivers' thread). A failed
print never raises and never undoes anything: the caller keeps the number on screen and
decides whom to tell. Without a URL nothing prints and nothing is reported.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, Signal

from kiosk.printing.layout import ConsultationData, NoticeData, TicketData
from ui.printing.dispatch import print_consultation, print_notice, print_ticket

Document = TicketData | NoticeData | ConsultationData


@dataclass(frozen=True)
class PrintJob:
    """One document handed to the printer; ``tag`` is the caller's (the kiosk: the ticket id)."""

    kind: Literal["ticket", "notice", "consultation"]
    name: str  # the ticket number, or the item code of a notice
    tag: str = ""


class Printer(QObject):
    printed = Signal(object, object)  # PrintJob, ui.printing.dispatch.PrintResult

    def __init__(self, url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url or None
        self._jobs: queue.Queue[tuple[PrintJob, Document]] = queue.Queue()
        self._idle = threading.Condition()
        self._pending = 0
        self._thread: threading.Thread | None = None

    @property
    def configured(self) -> bool:
        return self.url is not None

    def ticket(self, data: TicketData, tag: str = "") -> PrintJob | None:
        """Prints a queue ticket; None (and nothing reported) without a printer."""
        return self._submit(PrintJob("ticket", data.number, tag), data)

    def notice(self, data: NoticeData, tag: str = "") -> PrintJob | None:
        """Prints a one-time notice; None (and nothing reported) without a printer."""
        name = data.item_code or data.ticket_number or "notice"
        return self._submit(PrintJob("notice", name, tag), data)

    def consultation(self, data: ConsultationData, tag: str = "") -> PrintJob | None:
        """Prints a consultation slip; None (and nothing reported) without a printer."""
        return self._submit(PrintJob("consultation", data.number, tag), data)

    def wait(self, timeout_s: float = 5.0) -> bool:
        """Only at shutdown: lets a print in progress finish; False if it did not in time."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout_s)

    def _submit(self, job: PrintJob, data: Document) -> PrintJob | None:
        if self.url is None:
            return None
        with self._idle:
            self._pending += 1
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, args=(self.url,), name="printer", daemon=True
            )
            self._thread.start()
        self._jobs.put((job, data))
        return job

    def _run(self, url: str) -> None:
        """The print thread: one job after another, each reported by signal."""
        while True:
            job, data = self._jobs.get()
            if isinstance(data, TicketData):
                result = print_ticket(url, data)
            elif isinstance(data, ConsultationData):
                result = print_consultation(url, data)
            else:
                result = print_notice(url, data)
            with contextlib.suppress(RuntimeError):  # the window closed while printing
                self.printed.emit(job, result)
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()
