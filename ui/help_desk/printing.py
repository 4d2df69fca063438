"""The desk printer: an item's one-time notice, or the number a question became, printed on a
worker thread (a network printer can take seconds to fail) with the outcome by signal. A failed
print never undoes anything: the number is on screen to read out."""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.clock import parse_iso
from kiosk.printing.layout import NoticeData, TicketData


def ticket_data(
    catalog: dict[str, Any], ticket: dict[str, Any], base_url: str, lang: str, tz: str | None
) -> TicketData:
    hall = catalog.get("hall") or {}
    wait = ticket.get("estimated_wait_s")
    return TicketData(
        hall_name=str(hall.get(f"name_{lang}") or hall.get("name_zh") or ""),
        number=ticket["number"],
        category_name=str(ticket.get(f"category_name_{lang}") or ticket.get("category_name_zh")),
        issued_at=parse_iso(ticket["issued_at"]) if ticket.get("issued_at") else datetime.now(),
        people_ahead=int(ticket.get("ahead") or 0),
        estimated_wait_min=None if wait is None else round(float(wait) / 60),
        status_url=base_url.rstrip("/") + str(ticket.get("status_url") or "")
        if ticket.get("status_url")
        else "",
        timezone=tz,
        lang="en" if lang == "en" else "zh",
    )


class DeskPrinter(QObject):
    printed = Signal(bool, str)  # ok, what (a ticket number or an item code)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url

    def notice(self, data: NoticeData) -> None:
        self._start(self._notice, data, data.item_code)

    def ticket(self, data: TicketData) -> None:
        self._start(self._ticket, data, data.number)

    def _start(self, fn: Any, data: Any, what: str) -> None:
        threading.Thread(target=fn, args=(data, what), name="desk-print", daemon=True).start()

    def _notice(self, data: NoticeData, what: str) -> None:
        from ui.printing.dispatch import print_notice

        self._report(print_notice(self.url, data).ok, what)

    def _ticket(self, data: TicketData, what: str) -> None:
        from ui.printing.dispatch import print_ticket

        self._report(print_ticket(self.url, data).ok, what)

    def _report(self, ok: bool, what: str) -> None:
        with contextlib.suppress(RuntimeError):  # the console closed while printing
            self.printed.emit(ok, what)
