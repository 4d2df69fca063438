"""Rejoin after a missed call (过号重排): the citizen enters their number; the engine decides
(same day, really missed) and puts it back a few places behind the front."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from ui.common import paths
from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.widgets.common import button, label
from ui.ticket_kiosk.widgets.keypad import Keypad, apply_key

NUMBER_MAX = 6


class RejoinScreen(Screen):
    name = "rejoin"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.number = ""
        self.in_flight = False
        self.lead = label("lead")
        self.display = label("code-display", wrap=False)
        self.display.setObjectName("NumberDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = label("body")
        self.error = label("error")
        self.go = button("primary")
        self.go.setObjectName("Rejoin")
        self.go.clicked.connect(self.submit)
        self.keypad = Keypad()
        self.keypad.key.connect(self._key)
        left = QVBoxLayout()
        left.setSpacing(18)
        for w in (self.lead, self.display, self.explain, self.error):
            left.addWidget(w)
        left.addStretch(1)
        left.addWidget(self.go)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(32, 24, 32, 24)
        self.box.setSpacing(40)
        self.box.addLayout(left, 1)
        self.box.addWidget(self.keypad, 1)

    def title(self) -> str:
        return self.tr("Rejoin after a missed call")

    def guidance(self) -> str:
        return self.tr("Enter the number on your ticket: first the letter, then the digits.")

    def enter(self, arg: object) -> None:
        self.error.hide()
        self.rebuild()

    def reset(self) -> None:
        self.number = ""
        self.error.hide()
        self._show()

    def rebuild(self) -> None:
        catalog = self.ctx.hall.catalog
        self.keypad.set_letters(catalog.prefixes() if catalog else [])
        self.keypad.retranslate()
        self.box.setDirection(
            QBoxLayout.Direction.TopToBottom
            if self.ctx.portrait
            else QBoxLayout.Direction.LeftToRight
        )
        self.lead.setText(self.tr("Enter the number on your ticket, for example A012"))
        self.explain.setText(
            self.tr(
                "If your number was called and you missed it today, you can rejoin the queue. "
                "You will be called again after a few people."
            )
        )
        self.go.setText(self.tr("Rejoin now"))
        self._show()

    def _key(self, key: str) -> None:
        if key.isalpha() and len(key) == 1:
            self.number = key  # a letter always starts the number again
        else:
            self.number = apply_key(self.number, key, NUMBER_MAX)
        self._show()

    def _show(self) -> None:
        self.display.setText(self.number or "—")

    def submit(self) -> None:
        if len(self.number) < 2 or not self.number[0].isalpha() or self.in_flight:
            if not self.in_flight:
                self._refused(self.tr("Please enter the letter and the digits of your number."))
            return
        self.error.hide()
        self.in_flight = True
        self.nav.busy(self.tr("Checking your number…"))
        call = self.ctx.api.post(paths.ticket_requeue(self.number), {})
        self.ctx.send(call, self._ok, self._refused, self._settle)

    def _settle(self) -> None:
        self.in_flight = False
        self.nav.busy(None)

    def _ok(self, ticket: Any) -> None:
        self._settle()
        if isinstance(ticket, dict) and ticket.get("number"):
            self.number = ""
            self._show()
            self.flow.show(ticket, self.tr("You are back in the queue with the same number."))

    def _refused(self, message: str) -> None:
        self._settle()
        self.error.setText(message)
        self.error.show()
