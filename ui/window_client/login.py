"""Signing in at the window: one clerk per window; the server refuses a second one with a
message naming who holds it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.common.login import StaffLogin


class LoginPage(StaffLogin):
    def __init__(self, window_no: int, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Window {no}").format(no=window_no),
            self.tr("e.g. 1001"),
            self.tr("Sign in (Enter)"),
            parent,
        )
