"""Taking a ticket: the one flow several screens start (an item, a category, an appointment,
the help desk), so it is written once.

Rules it keeps: a fresh request_id per tap, so a retried request never issues two tickets; a
ticket is shown and printed only from the server's answer, i.e. after it was committed; while
the request is in flight the screen is covered, so a second tap cannot start a second request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from kiosk.printing.layout import TicketData
from ui.common import paths
from ui.common.api import new_request_id
from ui.printing.documents import ticket_data
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav


@dataclass(frozen=True)
class IssuedTicket:
    """What the ticket screen shows: the server's ticket, its printable form and a note."""

    ticket: dict[str, Any]
    data: TicketData
    note: str = ""
    printing: bool = False


class TicketFlow(QObject):
    def __init__(self, ctx: KioskContext, nav: Nav, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.nav = ctx, nav
        self.in_flight = False

    def issue(
        self,
        refused: Callable[[str], None],
        category: str | None = None,
        item: str | None = None,
        priority: str = "normal",
        appointment_code: str | None = None,
        note: Callable[[dict[str, Any]], str] | None = None,
        id_number: str | None = None,
    ) -> bool:
        """POST /tickets; on success shows (and prints) the ticket. False if one is in flight
        or the server is known to be away (the out-of-service screen is up)."""
        if self.in_flight or self.ctx.monitor.up is False:
            return False
        body: dict[str, Any] = {"priority": priority, "request_id": new_request_id()}
        if appointment_code:
            body["appointment_code"] = appointment_code
        else:
            body["category"] = category
            if item:
                body["item"] = item
        if id_number:  # a real-name ticket: the server checks it and keeps only a keyed hash
            body["id_number"] = id_number
        self.in_flight = True
        self.nav.busy(self.tr("Issuing your ticket…"))

        def ok(ticket: Any) -> None:
            self._settle()
            if isinstance(ticket, dict) and ticket.get("already_issued"):
                # one open ticket per person and service a day: the one they hold, again
                again = self.tr("You already have a ticket for this service today:")
                self.show(ticket, f"{again} {ticket['number']}", print_it=False)
            elif isinstance(ticket, dict) and ticket.get("number"):
                self.show(ticket, note(ticket) if note else "", print_it=True)

        def no(message: str) -> None:
            self._settle()
            refused(message)

        self.ctx.send(self.ctx.api.post(paths.TICKETS, body), ok, no, self._settle)
        return True

    def _settle(self) -> None:
        self.in_flight = False
        self.nav.busy(None)

    def show(self, ticket: dict[str, Any], note: str = "", print_it: bool = False) -> None:
        """Shows a committed ticket (from POST /tickets, a requeue or a consultation)."""
        catalog = self.ctx.hall.catalog
        data = ticket_data(
            catalog.data if catalog else {}, ticket, self.ctx.server_url, self.ctx.lang
        )
        printing = print_it and self.ctx.printer.configured
        if printing:
            self.ctx.printer.ticket(data, tag=str(ticket["id"]))
        self.nav.go("ticket", IssuedTicket(ticket, data, note, printing))
