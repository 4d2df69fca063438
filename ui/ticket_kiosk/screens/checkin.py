"""Appointment check-in (预约签到): type the code or scan it (a barcode scanner types it and
presses Enter). The server applies the hall's rule: from 30 minutes early to 15 minutes
late gives priority, later gives a normal ticket, earlier is refused with the time to return.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QVBoxLayout

from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.widgets.common import button, label, restyle


class UpperCase(QValidator):
    """Codes are printed in capitals; scanners and keyboards may send lower case."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        clean = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
        return QValidator.State.Acceptable, clean, min(pos, len(clean))


class CheckinScreen(Screen):
    name = "checkin"

    def __init__(self, ctx: KioskContext, nav: Nav, flow: TicketFlow) -> None:
        super().__init__(ctx, nav)
        self.flow = flow
        self.lead = label("lead")
        self.field = QLineEdit()
        self.field.setObjectName("AppointmentCode")
        self.field.setMaxLength(16)
        self.field.setValidator(UpperCase(self.field))
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.field.returnPressed.connect(self.submit)
        self.rules = QFrame()
        self.rules.setProperty("role", "card")
        self.rules_head = label("section")
        self.tags = [label("tag", wrap=False) for _ in range(3)]
        self.texts = [label("body") for _ in range(3)]
        grid = QGridLayout(self.rules)
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        grid.addWidget(self.rules_head, 0, 0, 1, 2)
        for row, (tag, text, kind) in enumerate(
            zip(self.tags, self.texts, ("green", "optional", "required"), strict=True), start=1
        ):
            restyle(tag, "kind", kind)
            tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(tag, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        self.error = label("error")
        self.go = button("primary")
        self.go.setObjectName("CheckIn")
        self.go.clicked.connect(self.submit)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 16, 32, 16)
        box.setSpacing(12)
        box.addWidget(self.lead)
        box.addWidget(self.field)
        box.addWidget(self.error)
        box.addWidget(self.go)
        box.addWidget(self.rules)
        box.addStretch(1)

    def title(self) -> str:
        return self.tr("Appointment check-in")

    def guidance(self) -> str:
        return self.tr("Type your appointment code, or hold its barcode under the scanner.")

    def enter(self, arg: object) -> None:
        self.error.hide()
        self.rebuild()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.field.clear()
        self.error.hide()

    def rebuild(self) -> None:
        self.lead.setText(self.tr("Type your appointment code or scan its barcode"))
        self.field.setPlaceholderText(self.tr("Appointment code"))
        self.rules_head.setText(self.tr("Check-in rules"))
        for tag, text in zip(
            self.tags, (self.tr("On time"), self.tr("Late"), self.tr("Early")), strict=True
        ):
            tag.setText(text)
        self.texts[0].setText(
            self.tr("From 30 minutes before to 15 minutes after your booked time: served first.")
        )
        self.texts[1].setText(self.tr("More than 15 minutes late: you get a normal ticket."))
        self.texts[2].setText(self.tr("Too early: please come back 30 minutes before your time."))
        self.go.setText(self.tr("Check in"))

    def submit(self) -> None:
        code = self.field.text().strip()
        if not code:
            self._refused(self.tr("Please type or scan your appointment code."))
            return
        self.error.hide()
        self.flow.issue(self._refused, appointment_code=code, note=self._note)

    def _note(self, ticket: dict[str, Any]) -> str:
        if ticket.get("source") == "appointment":
            return self.tr("Checked in. Your appointment is served first.")
        return self.tr("You are more than 15 minutes late, so this is a normal ticket.")

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
