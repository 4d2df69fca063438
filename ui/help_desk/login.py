"""Signing in at the help desk: employee number and PIN of a help-desk member (or supervisor).
Signing in switches the desk on duty, so the kiosk starts sending questions here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginPage(QFrame):
    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self.hall = QLabel()
        self.hall.setProperty("role", "subtitle")
        title = QLabel(self.tr("Help desk"))
        title.setProperty("role", "title")
        self.employee = QLineEdit()
        self.employee.setPlaceholderText(self.tr("e.g. 2001"))
        self.employee.setMaxLength(16)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(16)
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setProperty("role", "primary")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Employee number"), self.employee)
        form.addRow(self.tr("PIN"), self.pin)
        card = QFrame()
        card.setObjectName("loginCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        for w in (self.hall, title):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(w)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.error)
        card.setMinimumWidth(520)
        card.setMaximumWidth(640)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.employee.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._submit)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.button.setEnabled(True)

    def clear(self) -> None:
        self.pin.clear()
        self.error.clear()
        self.button.setEnabled(True)

    def _submit(self) -> None:
        if not self.employee.text().strip() or not self.pin.text():
            self.error.setText(self.tr("Enter your employee number and PIN."))
            return
        self.error.clear()
        self.button.setEnabled(False)
        self.submitted.emit(self.employee.text().strip(), self.pin.text())
