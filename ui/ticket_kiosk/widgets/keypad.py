"""A large on-screen keypad for numbers (phone, ticket number): no keyboard hunting, no
accidental letters, big keys for unsteady fingers. Letters (ticket prefixes) are optional."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.ticket_kiosk.widgets.common import button, discard

BACKSPACE = "\b"
CLEAR = "\x1b"


class Keypad(QWidget):
    key = Signal(str)

    def __init__(self, letters: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.letters = QWidget(self)
        self.letters.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._letter_row = QGridLayout(self.letters)
        self._letter_row.setContentsMargins(0, 0, 0, 0)
        self._letter_row.setSpacing(8)
        box.addWidget(self.letters)
        grid = QGridLayout()
        grid.setSpacing(10)
        box.addLayout(grid)
        for i, d in enumerate("123456789"):
            grid.addWidget(self._key(d, d), i // 3, i % 3)
        self.clear = self._key("", CLEAR, "key-wide")
        self.backspace = self._key("", BACKSPACE, "key-wide")
        grid.addWidget(self.clear, 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self.backspace, 3, 2)
        box.addStretch(1)  # keys stay together; spare height goes below them
        self.set_letters(letters)
        self.retranslate()

    def _key(self, text: str, value: str, role: str = "key") -> QPushButton:
        b = button(role, text, self)
        b.setAutoRepeat(value == BACKSPACE)
        b.clicked.connect(lambda: self.key.emit(value))
        return b

    def set_letters(self, letters: Sequence[str]) -> None:
        while self._letter_row.count():
            item = self._letter_row.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                discard(widget)
        for i, letter in enumerate(letters):
            self._letter_row.addWidget(self._key(letter, letter, "key-letter"), i // 7, i % 7)
        self.letters.setVisible(bool(letters))

    def retranslate(self) -> None:
        self.clear.setText(QCoreApplication.translate("Keypad", "Clear"))
        self.backspace.setText(QCoreApplication.translate("Keypad", "⌫ Delete"))


def apply_key(text: str, key: str, max_len: int) -> str:
    """The text after one key press."""
    if key == BACKSPACE:
        return text[:-1]
    if key == CLEAR:
        return ""
    return text + key if len(text) < max_len else text
