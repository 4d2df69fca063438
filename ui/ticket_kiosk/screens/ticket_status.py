"""What the ticket screen says about the paper ticket: printing, take it, or why it failed and
that the number stays valid (the citizen photographs the QR code; staff were alerted)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.ticket_kiosk.widgets.common import restyle

STATES = ("", "printing", "printed", "failed")


class PrintStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "print-status")
        self.setWordWrap(True)
        self.state = ""
        self.reason = ""

    def set_state(self, state: str, error_kind: str = "") -> None:
        assert state in STATES
        self.state = state
        self.reason = self._reason(error_kind) if state == "failed" else ""
        self.rebuild()

    def _reason(self, kind: str) -> str:
        if kind == "paper_out":
            return self.tr("out of paper")
        if kind == "offline":
            return self.tr("printer offline")
        return self.tr("printer fault")

    def rebuild(self) -> None:
        if self.state == "printing":
            text = self.tr("Printing your ticket…")
        elif self.state == "printed":
            text = self.tr("Please take your ticket from the slot below.")
        elif self.state == "failed":
            text = self.tr(
                "The ticket could not be printed ({why}). Your number is valid: photograph the "
                "QR code or note the number. Staff have been told."
            ).format(why=self.reason)
        else:
            text = self.tr("Please remember your number or photograph the QR code.")
        self.setText(text)
        restyle(self, "state", self.state or "none")
