"""Linking service items to an answer: find an item by name, code or keyword, list the linked
ones, and print an item's one-time notice (一次性告知单) at the desk printer so the citizen
takes the standard materials list home."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ItemLinks(QWidget):
    """The items linked to the answer; `print_notice(code)` asks for an item's notice."""

    changed = Signal()
    print_notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self._labels: dict[str, str] = {}  # "name (code)" -> code
        self._names: dict[str, str] = {}  # code -> name
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Link a service item: type its name or code"))
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(self.completer)
        self.completer.activated.connect(self._chosen)
        self.search.returnPressed.connect(lambda: self._chosen(self.search.text()))
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.print_button = QPushButton(self.tr("Print notice"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for b in (self.print_button, self.remove_button):
            b.setProperty("role", "small")
        self.print_button.clicked.connect(self._print)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.remove_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addWidget(self.list)

    def set_catalog(self, catalog: dict[str, Any], lang: str) -> None:
        self.lang = lang
        self._names = {
            i["code"]: str(i.get(f"name_{lang}") or i["name_zh"]) for i in catalog.get("items", [])
        }
        self._labels = {f"{name}（{code}）": code for code, name in self._names.items()}
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(sorted(self._labels))

    def codes(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def set_codes(self, codes: list[str]) -> None:
        self.list.clear()
        for code in codes:
            self._add(code)

    def set_editable(self, editable: bool) -> None:
        self.search.setVisible(editable)
        self.remove_button.setVisible(editable)

    def _add(self, code: str) -> None:
        if code in self.codes():
            return
        entry = QListWidgetItem(f"{self._names.get(code, code)}（{code}）")
        entry.setData(Qt.ItemDataRole.UserRole, code)
        self.list.addItem(entry)
        self.list.setCurrentItem(entry)

    def _chosen(self, text: str) -> None:
        code = self._labels.get(text) or (
            text.strip().upper() if text.strip().upper() in self._names else None
        )
        if code:
            self._add(code)
            self.search.clear()
            self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def _print(self) -> None:
        current = self.list.currentItem() or (self.list.item(0) if self.list.count() else None)
        if current is not None:
            self.print_notice.emit(str(current.data(Qt.ItemDataRole.UserRole)))
