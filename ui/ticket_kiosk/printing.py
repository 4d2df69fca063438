"""Printing tickets and one-time notices on whatever --printer names, off the GUI thread.

Uses the shared layout and backends (kiosk.printing, ui.printing.dispatch): one layout, many
backends. A failed print never touches the ticket: the caller keeps it on screen with its QR
code, and the server is told (POST /tickets/{id}/print-failed) so staff see an alert.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.printing.layout import NoticeData, NoticeMaterial, TicketData
from ui.common import paths
from ui.common.api import HallApi
from ui.common.halltime import to_hall_time
from ui.common.outbox_qt import QtOutbox
from ui.printing.dispatch import PrintResult, print_notice, print_ticket
from ui.ticket_kiosk.catalog import CatalogView, loc, required_material_names
from ui.ticket_kiosk.texts import minutes
from ui.ticket_kiosk.workers import Workers

log = logging.getLogger(__name__)


def ticket_data(
    ticket: dict[str, Any], catalog: CatalogView | None, server_url: str, lang: str
) -> TicketData:
    item = catalog.items.get(str(ticket.get("item"))) if catalog and ticket.get("item") else None
    status = str(ticket.get("status_url") or "")
    return TicketData(
        hall_name=catalog.hall_name(lang) if catalog else "",
        number=str(ticket["number"]),
        category_name=loc(ticket, "category_name", lang),
        item_name=loc(item, "name", lang),
        issued_at=to_hall_time(
            str(ticket.get("issued_at") or ""), catalog.timezone if catalog else None
        ),
        timezone=catalog.timezone if catalog else None,
        people_ahead=int(ticket.get("ahead") or 0),
        estimated_wait_min=minutes(float(ticket.get("estimated_wait_s") or 0)),
        status_url=server_url.rstrip("/") + status if status.startswith("/") else status,
        materials=required_material_names(item, lang),
        green_channel=ticket.get("priority") == "green",
        lang="en" if lang == "en" else "zh",
    )


def notice_data(item: dict[str, Any], catalog: CatalogView | None, lang: str) -> NoticeData:
    materials = [
        NoticeMaterial(
            name=loc(m, "name", lang),
            form=str(m.get("form") or "original"),
            count=int(m.get("count") or 1),
            required=bool(m.get("required", True)),
            note=loc(m, "note", lang),
        )
        for m in item.get("materials") or ()
    ]
    return NoticeData(
        hall_name=catalog.hall_name(lang) if catalog else "",
        item_name=loc(item, "name", lang),
        department=loc(item, "department", lang),
        issued_at=datetime.now().astimezone(),
        timezone=catalog.timezone if catalog else None,
        materials=materials,
        item_code=str(item.get("code") or ""),
        time_limit_days=int(item.get("time_limit_days") or 0),
        fee_cny=item.get("fee_cny") or 0,
        online_url=str(item.get("online_url") or "") if item.get("online") else "",
        lang="en" if lang == "en" else "zh",
    )


class KioskPrinter(QObject):
    """``ticketPrinted(ticket_id, PrintResult)`` and ``noticePrinted(PrintResult)`` arrive on
    the GUI thread. Without a printer URL nothing is printed and nothing is reported."""

    ticketPrinted = Signal(str, object)
    noticePrinted = Signal(object)

    def __init__(
        self,
        url: str | None,
        api: HallApi,
        workers: Workers,
        outbox: QtOutbox,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url or None
        self.api = api
        self.workers = workers
        self.outbox = outbox

    @property
    def configured(self) -> bool:
        return self.url is not None

    def print_ticket(self, ticket_id: str, data: TicketData) -> None:
        url = self.url
        if url is None:
            return
        self.workers.submit(
            lambda: print_ticket(url, data), lambda r: self._ticket_done(ticket_id, r)
        )

    def print_notice(self, data: NoticeData) -> None:
        url = self.url
        if url is None:
            return
        self.workers.submit(lambda: print_notice(url, data), self.noticePrinted.emit)

    def _ticket_done(self, ticket_id: str, result: PrintResult) -> None:
        if not result.ok:
            error = result.error
            text = f"{error.kind.value}: {error.detail}" if error else "unknown"
            self._alert(ticket_id, {"error": text[:500]})
        self.ticketPrinted.emit(ticket_id, result)

    def _alert(self, ticket_id: str, body: dict[str, str]) -> None:
        """Tells staff through the outbox: kept on disk and delivered exactly once, even if the
        server is away now or the kiosk restarts before it is back."""
        path = paths.ticket_print_failed(ticket_id)
        self.outbox.enqueue("POST", path, body, self.api.token)

    def flush(self) -> None:
        """Back in service: deliver what waited now rather than at the next backoff step."""
        self.outbox.kick()
