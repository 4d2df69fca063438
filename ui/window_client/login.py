"""Signing in at the window: employee number and PIN. One clerk per window; the server refuses
a second one with a message naming who holds it."""

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

    def __init__(self, window_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self.hall = QLabel()
        self.hall.setProperty("role", "subtitle")
        self.window = QLabel(self.tr("Window {no}").format(no=window_no))
        self.window.setProperty("role", "title")
        self.window_name = QLabel()
        self.window_name.setProperty("role", "subtitle")
        self.employee = QLineEdit()
        self.employee.setPlaceholderText(self.tr("e.g. 1001"))
        self.employee.setMaxLength(16)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(16)
        self.button = QPushButton(self.tr("Sign in (Enter)"))
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
        for w in (self.hall, self.window, self.window_name):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(w)
        inner.addSpacing(16)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.error)
        card.setMaximumWidth(640)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.employee.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self._submit)

    def show_names(self, hall: str, window_name: str) -> None:
        self.hall.setText(hall)
        self.window_name.setText(window_name)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)

    def clear(self) -> None:
        self.pin.clear()
        self.employee.setFocus()

    def _submit(self) -> None:
        if not self.employee.text().strip() or not self.pin.text():
            self.error.setText(self.tr("Enter your employee number and PIN."))
            return
        self.error.clear()
        self.submitted.emit(self.employee.text().strip(), self.pin.text())
