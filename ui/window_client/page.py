"""A step inside the window client's main area (finish, pause, transfer, ...): a title, its
controls and Cancel / Confirm, driven by the keyboard as much as by the mouse, because a USB
caller or a busy clerk types: Enter confirms, Esc cancels, digits pick an option."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Page(QFrame):
    cancelled = Signal()

    def __init__(self, title: str, confirm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.title = QLabel(title)
        self.title.setProperty("role", "page-title")
        self.title.setWordWrap(True)  # a long English title takes a second line, not a cut
        self.subject = QLabel()
        self.subject.setProperty("role", "page-subject")
        self.subject.setWordWrap(True)  # the ticket's badge: the longest item name included
        self.subject.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setProperty("role", "error")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.confirm_button = QPushButton(confirm + self.tr(" (Enter)"))
        self.confirm_button.setProperty("role", "primary")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.confirm_button.clicked.connect(self._try_confirm)
        self.body = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(28, 20, 28, 20)
        top = QHBoxLayout()
        top.addWidget(self.title, 3)
        top.addWidget(self.subject, 2, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        box.addLayout(self.body, 1)
        box.addLayout(buttons)
        self.options = QButtonGroup(self)
        self.options.idClicked.connect(self.recheck)

    def set_subject(self, text: str) -> None:
        """The ticket this step is about, as a badge; no ticket, no (empty) badge."""
        self.subject.setText(text)
        self.subject.setVisible(bool(text))

    def recheck(self) -> None:
        """After any change: a shown warning that no longer applies goes, or follows the
        change (it must never keep asking for what the clerk has just fixed)."""
        if self.hint.isVisible():
            problem = self.problem()
            self.hint.setText(problem)
            self.hint.setVisible(bool(problem))

    def add_options(self, labels: Sequence[str], columns: int = 2) -> None:
        """Big exclusive choices numbered 1..n (the digit key picks one)."""
        grid = QGridLayout()
        for i, text in enumerate(labels):
            button = QPushButton(f"{i + 1}  {text}")
            button.setCheckable(True)
            button.setProperty("role", "option")
            self.options.addButton(button, i)
            grid.addWidget(button, i // columns, i % columns)
        self.body.addLayout(grid)

    def choice(self) -> int:
        return self.options.checkedId()

    def reset(self) -> None:
        self.hint.hide()
        self.options.setExclusive(False)
        for b in self.options.buttons():
            b.setChecked(False)
        self.options.setExclusive(True)

    def problem(self) -> str:
        """What stops confirming now ("" when nothing); shown beside the buttons."""
        return ""

    def confirm(self) -> None:
        raise NotImplementedError

    def _try_confirm(self) -> None:
        problem = self.problem()
        self.hint.setText(problem)
        self.hint.setVisible(bool(problem))
        if not problem:
            self.confirm()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._try_confirm()
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            button: QAbstractButton | None = self.options.button(key - Qt.Key.Key_1)
            if button is not None:
                button.click()
        else:
            super().keyPressEvent(event)
