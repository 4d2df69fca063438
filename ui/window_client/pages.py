"""Pause with a reason, transfer with a note, call a number: small steps in the main area."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QRadioButton, QWidget

from kiosk.domain import PauseReason
from ui.window_client.page import Page
from ui.window_client.texts import name_of, pause_name

REASONS = list(PauseReason)


class PausePage(Page):
    confirmed = Signal(str, str)  # reason code, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pause service: why?"), self.tr("Pause"), parent)
        self.add_options([pause_name(r) for r in REASONS], columns=3)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (required for “Other”)"))
        self.note.textChanged.connect(self.recheck)
        self.body.addWidget(self.note)
        self.body.addStretch(1)

    def reset(self) -> None:
        super().reset()
        self.note.clear()

    def problem(self) -> str:
        if self.choice() < 0:
            return self.tr("Choose a reason (1–6).")
        if REASONS[self.choice()] == PauseReason.OTHER and not self.note.text().strip():
            return self.tr("Please write a note for “Other”.")
        return ""

    def confirm(self) -> None:
        self.confirmed.emit(REASONS[self.choice()].value, self.note.text().strip())


class TransferPage(Page):
    confirmed = Signal(object, object, str)  # to_category | None, to_window | None, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Transfer the citizen (keeps their place)"), self.tr("Transfer"), parent
        )
        self.to_category = QRadioButton(self.tr("To a category"))
        self.categories = QComboBox()
        self.to_window = QRadioButton(self.tr("To a window"))
        self.windows = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("Note for the next clerk (what was done, what is needed)")
        )
        self.to_category.setChecked(True)
        self.categories.activated.connect(lambda _: self.to_category.setChecked(True))
        self.windows.activated.connect(lambda _: self.to_window.setChecked(True))
        for w in (self.to_category, self.categories, self.to_window, self.windows, self.note):
            self.body.addWidget(w)
        self.body.addStretch(1)

    def fill(self, catalog: dict[str, Any], snapshot: dict[str, Any], mine: int, lang: str) -> None:
        self.reset()
        self.note.clear()
        self.categories.clear()
        for c in catalog.get("categories", []):
            if not c.get("helpdesk"):
                self.categories.addItem(f"{c['prefix']}  {name_of(c, lang)}", c["code"])
        self.windows.clear()
        for w in snapshot.get("windows", []):
            if w["no"] != mine:
                label = self.tr("Window {no}: {name}").format(no=w["no"], name=name_of(w, lang))
                self.windows.addItem(label, w["no"])

    def confirm(self) -> None:
        note = self.note.text().strip()
        if self.to_category.isChecked():
            self.confirmed.emit(self.categories.currentData(), None, note)
        else:
            self.confirmed.emit(None, self.windows.currentData(), note)


class CallNumberPage(Page):
    confirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Call a specific number"), self.tr("Call"), parent)
        self.number = QLineEdit()
        self.number.setProperty("role", "number-input")
        self.number.setPlaceholderText(self.tr("e.g. A012"))
        self.number.setMaxLength(8)
        explain = QLabel(self.tr("For a citizen who missed their call or was sent here by name."))
        explain.setProperty("role", "hint")
        self.body.addWidget(self.number)
        self.body.addWidget(explain)
        self.body.addStretch(1)

    def reset(self) -> None:
        super().reset()
        self.number.clear()
        self.number.setFocus()

    def problem(self) -> str:
        return "" if self.number.text().strip() else self.tr("Type the number to call.")

    def confirm(self) -> None:
        self.confirmed.emit(self.number.text().strip().upper())
