"""Finishing a service: the outcome, and for a correction (补正) the item's standard materials
as a checklist of what is missing, which becomes the one-time notice the citizen takes home."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Outcome
from ui.window_client.page import Page
from ui.window_client.texts import name_of, outcome_name

OUTCOMES = [Outcome.COMPLETED, Outcome.ACCEPTED, Outcome.CORRECTION, Outcome.REJECTED]


class FinishPage(Page):
    finished = Signal(str, str, str)  # outcome, note, reason
    correction = Signal(str)  # note so far: go on to the materials checklist

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Finish: what is the outcome?"), self.tr("Finish"), parent)
        self.add_options([outcome_name(o) for o in OUTCOMES], columns=2)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the rejection (required)"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.body.addWidget(self.reason)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.options.idToggled.connect(lambda *_: self._show_reason())
        self._show_reason()

    def reset(self) -> None:
        super().reset()
        self.reason.clear()
        self.note.clear()
        self._show_reason()

    def _show_reason(self) -> None:
        rejected = self.choice() >= 0 and OUTCOMES[self.choice()] == Outcome.REJECTED
        self.reason.setVisible(rejected)
        correction = self.choice() >= 0 and OUTCOMES[self.choice()] == Outcome.CORRECTION
        next_text = self.tr("Next: missing materials") if correction else self.tr("Finish")
        self.confirm_button.setText(next_text + self.tr(" (Enter)"))

    def problem(self) -> str:
        if self.choice() < 0:
            return self.tr("Choose the outcome (1–4).")
        if OUTCOMES[self.choice()] == Outcome.REJECTED and not self.reason.text().strip():
            return self.tr("A rejection needs a reason.")
        return ""

    def confirm(self) -> None:
        outcome = OUTCOMES[self.choice()]
        if outcome == Outcome.CORRECTION:
            self.correction.emit(self.note.text().strip())
        else:
            self.finished.emit(outcome.value, self.note.text().strip(), self.reason.text().strip())


class CorrectionPage(Page):
    confirmed = Signal(str, list, str)  # item code, indices of missing materials, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Correction: tick what is missing"), self.tr("Record and print notice"), parent
        )
        self.items: list[dict[str, Any]] = []
        self.lang = "zh"
        self.item = QComboBox()
        self.item.currentIndexChanged.connect(lambda _: self._show_materials())
        self.checks: list[QCheckBox] = []
        self.list = QWidget()
        self.list_box = QVBoxLayout(self.list)
        self.list_box.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for the citizen (optional)"))
        explain = QLabel(
            self.tr("The one-time notice lists every standard material and marks the missing ones.")
        )
        explain.setProperty("role", "hint")
        explain.setWordWrap(True)
        for w in (self.item, scroll, self.note, explain):
            self.body.addWidget(w, 1 if w is scroll else 0)

    def fill(self, items: list[dict[str, Any]], current: str | None, note: str, lang: str) -> None:
        """`items`: the category's service items; `current` the ticket's item, if chosen."""
        self.reset()
        self.lang, self.items = lang, items
        self.note.setText(note)
        self.item.blockSignals(True)
        self.item.clear()
        for it in items:
            self.item.addItem(f"{name_of(it, lang)}  ({it['code']})", it["code"])
        found = self.item.findData(current) if current else -1
        self.item.setCurrentIndex(max(found, 0))
        self.item.setEnabled(found < 0)
        self.item.blockSignals(False)
        self._show_materials()

    def current_item(self) -> dict[str, Any] | None:
        i = self.item.currentIndex()
        return self.items[i] if 0 <= i < len(self.items) else None

    def _show_materials(self) -> None:
        while self.list_box.count():
            taken = self.list_box.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        self.checks = []
        item = self.current_item() or {}
        for i, m in enumerate(item.get("materials", [])):
            name = m.get(f"name_{self.lang}") or m["name_zh"]
            optional = "" if m.get("required", True) else self.tr(" (optional)")
            check = QCheckBox(f"{i + 1}. {name}{optional}")
            check.setProperty("role", "material")
            self.list_box.addWidget(check)
            self.checks.append(check)
        if not self.checks:
            self.list_box.addWidget(QLabel(self.tr("This item lists no materials.")))
        self.list_box.addStretch(1)

    def missing(self) -> list[int]:
        return [i for i, c in enumerate(self.checks) if c.isChecked()]

    def problem(self) -> str:
        if self.current_item() is None:
            return self.tr("Choose the service item.")
        return "" if self.missing() else self.tr("Tick at least one missing material.")

    def confirm(self) -> None:
        item = self.current_item()
        assert item is not None
        self.confirmed.emit(item["code"], self.missing(), self.note.text().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits toggle material n (there are no numbered options on this page)."""
        n = event.key() - Qt.Key.Key_1
        if 0 <= n < min(9, len(self.checks)):
            self.checks[n].toggle()
        else:
            super().keyPressEvent(event)
