"""The staff sign-in card (employee number and PIN) shared by the window client and the help
desk. Each front end gives it a title ("Window 3", "Help desk"); the server decides the rest
(one clerk per window, wrong PINs slowed), and its Chinese message is shown under the card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StaffLogin(QFrame):
    """Texts use QCoreApplication.translate("StaffLogin", ...), not self.tr(): PySide would look
    self.tr() up in the subclass's context, where lupdate never put it."""

    submitted = Signal(str, str)

    def __init__(
        self, title: str, placeholder: str, button: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self.hall = QLabel()
        self.hall.setProperty("role", "subtitle")
        self.title = QLabel(title)
        self.title.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setProperty("role", "subtitle")
        self.detail.hide()
        self.employee = QLineEdit()
        self.employee.setPlaceholderText(placeholder)
        self.employee.setMaxLength(16)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(16)
        self.button = QPushButton(button)
        self.button.setProperty("role", "primary")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("StaffLogin", "Employee number"), self.employee)
        form.addRow(QCoreApplication.translate("StaffLogin", "PIN"), self.pin)
        card = QFrame()
        card.setObjectName("loginCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        for w in (self.hall, self.title, self.detail):
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

    def show_names(self, hall: str, detail: str = "") -> None:
        self.hall.setText(hall)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.button.setEnabled(True)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)

    def clear(self) -> None:
        self.pin.clear()
        self.error.clear()
        self.button.setEnabled(True)
        self.employee.setFocus()

    def _submit(self) -> None:
        if not self.employee.text().strip() or not self.pin.text():
            self.error.setText(
                QCoreApplication.translate("StaffLogin", "Enter your employee number and PIN.")
            )
            return
        self.error.clear()
        self.button.setEnabled(False)
        self.submitted.emit(self.employee.text().strip(), self.pin.text())
