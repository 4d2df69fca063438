"""Signing in at the help desk (help-desk staff or a supervisor). Help-desk staff are put on
duty, so the kiosk starts sending questions here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.common.login import StaffLogin


class LoginPage(StaffLogin):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Help desk"), self.tr("e.g. 2001"), self.tr("Sign in"), parent)
