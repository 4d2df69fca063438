"""Finishing a service on the window client's screen: the outcome, or for a correction the
checklist, the record through the outbox and the one-time notice printed off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ui.printing.dispatch import PrintResult
from ui.printing.documents import notice_data
from ui.printing.printer import PrintJob

if TYPE_CHECKING:
    from ui.window_client.main_window import WindowClient


class FinishFlow(QObject):
    """The finishing steps of one window client (its session, pages, header and printer)."""

    def __init__(self, client: WindowClient) -> None:
        super().__init__(client)
        self.client = client

    def finish(self, outcome: str, note: str, reason: str) -> None:
        self.client.session.finish(outcome, None, note or None, reason or None)
        self.client.back()

    def open_correction(self, note: str) -> None:
        c, s = self.client, self.client.session
        ticket = s.ticket or {}
        items = [i for i in s.catalog.get("items", []) if i["category"] == ticket.get("category")]
        c.open_page(c.correction_page)
        c.correction_page.fill(items, ticket.get("item"), note, c.lang)

    def correction(self, item_code: str, missing: list[int], note: str) -> None:
        c, s = self.client, self.client.session
        item: dict[str, Any] = next(i for i in s.catalog["items"] if i["code"] == item_code)
        names = [item["materials"][i]["name_zh"] for i in missing]
        ticket = s.finish("correction", names, note or None)
        c.back()
        if ticket is None:
            return
        data = notice_data(
            s.catalog,
            item,
            c.lang,
            missing=missing,
            note=note,
            ticket=ticket,
            clerk=(s.employee_no, s.clerk_name),
            window_no=s.window_no,
        )
        c.header.show_message(self.tr("Correction recorded; printing the one-time notice…"), "info")
        c.printer.notice(data)

    def printed(self, job: PrintJob, result: PrintResult) -> None:
        header = self.client.header
        if result.ok:
            header.show_message(self.tr("One-time notice printed: hand it to the citizen."), "info")
        else:
            text = self.tr("The notice did not print ({error}); check the printer and print again.")
            header.show_message(text.format(error=str(result.error)), "error")
