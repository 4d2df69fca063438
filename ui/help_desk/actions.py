"""What the owner of a question can do with it, laid out below the answer: resolve, save the
answer, give the citizen a queue number, refer it to a supervisor, or hand it to a colleague
with a note. The buttons only ask (`requested`); the panel talks to the server."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ActionArea(QWidget):
    requested = Signal(str, dict)  # step (resolve, answer, convert, refer, handover), body
    make_faq = Signal()
    print_ticket = Signal()
    hint = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.setProperty("role", "green")
        self.save_button = QPushButton(self.tr("Save answer"))
        self.faq_button = QPushButton(self.tr("Make this an FAQ"))
        self.category = QComboBox()
        self.convert_button = QPushButton(self.tr("Give a queue number"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for a referral, handover or ticket"))
        self.note.setMaxLength(500)
        self.refer_button = QPushButton(self.tr("Refer to supervisor"))
        self.colleague = QComboBox()
        self.handover_button = QPushButton(self.tr("Hand over"))
        self.ticket_label = QLabel()
        self.ticket_label.setProperty("role", "ticket")
        self.print_button = QPushButton(self.tr("Print number"))
        for b in (self.refer_button, self.handover_button, self.convert_button, self.faq_button):
            b.setProperty("role", "small")
        grid = QGridLayout()
        grid.addWidget(self.save_button, 0, 0)
        grid.addWidget(self.resolve_button, 0, 1)
        grid.addWidget(self.faq_button, 0, 2)
        grid.addWidget(self.note, 1, 0, 1, 3)
        grid.addWidget(self.category, 2, 0)
        grid.addWidget(self.convert_button, 2, 1)
        grid.addWidget(self.refer_button, 2, 2)
        grid.addWidget(self.colleague, 3, 0)
        grid.addWidget(self.handover_button, 3, 1)
        ticket = QHBoxLayout()
        ticket.addWidget(self.ticket_label, 1)
        ticket.addWidget(self.print_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(grid)
        box.addLayout(ticket)
        self.answer_source: Any = None  # a callable giving (answer, item codes)
        self.resolve_button.clicked.connect(lambda: self._answer("resolve"))
        self.save_button.clicked.connect(lambda: self._answer("answer"))
        self.convert_button.clicked.connect(self._convert)
        self.refer_button.clicked.connect(lambda: self._with_note("refer", None))
        self.handover_button.clicked.connect(
            lambda: self._with_note("handover", self.colleague.currentData())
        )
        self.faq_button.clicked.connect(self.make_faq)
        self.print_button.clicked.connect(self.print_ticket)

    def set_choices(
        self, categories: list[tuple[str, str]], colleagues: list[tuple[str, str | None]]
    ) -> None:
        """Categories (code, name), the help-desk one first; colleagues (name, employee no),
        with "back to the open list" (None) first."""
        self.category.clear()
        for code, name in categories:
            self.category.addItem(name, code)
        self.colleague.clear()
        for name, employee_no in colleagues:
            self.colleague.addItem(name, employee_no)

    def show_state(self, owned: bool, can_faq: bool, ticket_number: str | None) -> None:
        for w in (
            self.resolve_button,
            self.save_button,
            self.category,
            self.convert_button,
            self.note,
            self.refer_button,
            self.colleague,
            self.handover_button,
        ):
            w.setVisible(owned)
        self.faq_button.setVisible(can_faq)
        self.ticket_label.setVisible(bool(ticket_number))
        self.print_button.setVisible(bool(ticket_number))
        if ticket_number:
            self.ticket_label.setText(
                self.tr("Queue number {n}: please read it out to the citizen").format(
                    n=ticket_number
                )
            )
        if not owned:
            self.note.clear()

    def _answer(self, step: str) -> None:
        answer, items = self.answer_source() if self.answer_source else ("", [])
        self.requested.emit(step, {"answer": answer, "items": items})

    def _convert(self) -> None:
        body: dict[str, Any] = {"category": self.category.currentData()}
        if self.note.text().strip():
            body["note"] = self.note.text().strip()
        self.requested.emit("convert", body)

    def _with_note(self, step: str, to: str | None) -> None:
        body: dict[str, Any] = {"note": self.note.text().strip()}
        if not body["note"]:
            self.note.setFocus()
            self.hint.emit(self.tr("Write a note first: the next person needs to know why."))
            return
        if to:
            body["to"] = to
        self.requested.emit(step, body)
