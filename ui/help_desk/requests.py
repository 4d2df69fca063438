"""What the question panel asks of the server and the printer. Claims and conversions are
decisions: one POST straight to the server (with an Idempotency-Key), off while it is
unreachable. Every other step is a record that goes through the outbox, so it survives the
server being away. A refusal is shown in the panel in the server's own words; printing runs off
the GUI thread and reports back by signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ui.common import paths
from ui.help_desk.detail import ConsultationPanel
from ui.help_desk.session import DeskSession
from ui.help_desk.texts import problem_text
from ui.printing.dispatch import PrintResult
from ui.printing.documents import notice_data, ticket_data
from ui.printing.printer import Printer, PrintJob

DECISIONS = ("claim", "convert")  # the server decides: who claims first, the ticket number


class PanelRequests(QObject):
    def __init__(
        self,
        session: DeskSession,
        panel: ConsultationPanel,
        printer: Printer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.panel, self.printer = session, panel, printer
        panel.request.connect(self._request)
        panel.print_notice.connect(self._print_notice)
        panel.print_ticket.connect(self._print_ticket)
        printer.printed.connect(self._printed)

    def _request(self, cid: str, step: str, body: dict[str, Any]) -> None:
        s = self.session
        path = paths.consultation(cid, step)

        def done(result: Any) -> None:
            if step == "convert":
                number = result["ticket"]["number"]
                text = self.tr("Queue number {n} issued: read it out or print it.")
                self.panel.say(text.format(n=number), "info")
            elif step == "faq":
                self.panel.say(self.tr("Draft FAQ made: publish it under FAQs and notices."))
            elif step == "answer":
                self.panel.say(self.tr("Answer saved."))

        def failed(error: Any) -> None:
            self.panel.say(problem_text(error, s.lang), "error")

        if step not in DECISIONS:
            s.record(path, body, done, failed)
            return
        blocked = s.decisions_blocked()
        if blocked:
            self.panel.say(blocked, "warn")
        else:
            s.post(path, body, done, failed)

    def _print_notice(self, code: str) -> None:
        """The item's notice with the answer given and the question's owner (首问责任人)."""
        item = self.session.item(code)
        if item is not None:
            row = self.panel.row or {}
            data = notice_data(
                self.session.catalog,
                item,
                self.session.lang,
                answer=str(row.get("answer") or ""),
                owner_name=str(row.get("owner_name") or ""),
                consultation=str(row.get("number") or ""),
            )
            self.printer.notice(data)

    def _print_ticket(self, ticket_id: str) -> None:
        """The ticket as the server has it now (its place and wait), printed as the kiosk does."""
        s = self.session
        call = s.api.get(paths.ticket(ticket_id))
        call.succeeded.connect(
            lambda t: self.printer.ticket(ticket_data(s.catalog, t, s.base_url, s.lang))
        )
        call.failed.connect(lambda e: self.panel.say(problem_text(e, s.lang), "error"))

    def _printed(self, job: PrintJob, result: PrintResult) -> None:
        what = job.name
        if result.ok:
            self.panel.say(self.tr("Printed {what}.").format(what=what))
        else:
            self.panel.say(
                self.tr("Printing {what} failed: check the printer.").format(what=what), "error"
            )
