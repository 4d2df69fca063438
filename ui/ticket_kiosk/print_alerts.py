"""Telling staff when a ticket did not print. The kiosk prints with the shared printer
(ui.printing.printer); a failed print never touches the ticket: the ticket screen keeps it with
its QR code, and the server is told (POST /tickets/{id}/print-failed) so staff see an alert."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.common import paths
from ui.common.api import HallApi
from ui.common.outbox_qt import QtOutbox
from ui.printing.dispatch import PrintResult
from ui.printing.printer import Printer, PrintJob


class PrintAlerts(QObject):
    def __init__(
        self, printer: Printer, api: HallApi, outbox: QtOutbox, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.api, self.outbox = api, outbox
        printer.printed.connect(self._printed)

    def _printed(self, job: PrintJob, result: PrintResult) -> None:
        if job.kind != "ticket" or result.ok or not job.tag:
            return
        error = result.error
        text = f"{error.kind.value}: {error.detail}" if error else "unknown"
        self._alert(job.tag, {"error": text[:500]})

    def _alert(self, ticket_id: str, body: dict[str, str]) -> None:
        """Through the outbox: kept on disk and delivered exactly once, even if the server is
        away now or the kiosk restarts before it is back."""
        self.outbox.enqueue("POST", paths.ticket_print_failed(ticket_id), body, self.api.token)

    def flush(self) -> None:
        """Back in service: deliver what waited now rather than at the next backoff step."""
        self.outbox.kick()
