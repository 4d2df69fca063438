"""Linking service items to an answer: find an item by name, code or keyword (the kiosk's own
search, so the desk finds what a citizen finds: 营业执照 -> 企业开办), list the linked ones,
and print an item's one-time notice (一次性告知单) at the desk printer so the citizen takes the
standard materials list home."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

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

from ui.common.i18n import bracket

if TYPE_CHECKING:
    from kiosk.search import SearchIndex

MATCHES = 12


def item_index(catalog: dict[str, Any]) -> SearchIndex:
    """The kiosk's search over the catalog's items (imported here: pinyin is slow to load,
    and the console's first window should not wait for it)."""
    from kiosk.search import SearchIndex, docs_from_catalog

    return SearchIndex.build(d for d in docs_from_catalog(catalog) if d.kind == "item")


class ItemLinks(QWidget):
    """The items linked to the answer; `print_notice(code)` asks for an item's notice."""

    changed = Signal()
    print_notice = Signal(str)
    indexed = Signal(object)  # the SearchIndex, built off the GUI thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self._labels: dict[str, str] = {}  # "name (code)" -> code
        self._names: dict[str, str] = {}  # code -> name
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Link a service item: type its name or code"))
        self.index: SearchIndex | None = None
        self.indexed.connect(self._got_index)
        self.completer = QCompleter(QStringListModel(self), self)
        # the list is the search's answer, already ranked: shown as it is, not filtered again
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search.setCompleter(self.completer)
        self.search.textEdited.connect(self._suggest)
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
        self._labels = {bracket(name, code): code for code, name in self._names.items()}
        # pinyin forms of every item take a moment: built on a thread, lookups wait for it
        threading.Thread(
            target=self._index, args=(catalog,), name="item-index", daemon=True
        ).start()

    def _index(self, catalog: dict[str, Any]) -> None:
        index = item_index(catalog)
        with contextlib.suppress(RuntimeError):  # the console closed meanwhile
            self.indexed.emit(index)

    def _got_index(self, index: SearchIndex) -> None:
        self.index = index

    def matches(self, text: str) -> list[str]:
        """Item codes for what was typed: name, code, keyword or pinyin, best first."""
        if self.index is None or not text.strip():
            return []
        hits = self.index.search(text, limit=MATCHES, lang=self.lang)
        return [h.doc.id for h in hits if h.doc.id in self._names]

    def _suggest(self, text: str) -> None:
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        labels = {code: label for label, code in self._labels.items()}
        model.setStringList([labels[c] for c in self.matches(text)])
        if model.rowCount():
            self.completer.complete()

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
        entry = QListWidgetItem(bracket(self._names.get(code, code), code))
        entry.setData(Qt.ItemDataRole.UserRole, code)
        self.list.addItem(entry)
        self.list.setCurrentItem(entry)

    def _chosen(self, text: str) -> None:
        typed = text.strip().upper()
        found = self.matches(text)
        code = self._labels.get(text) or (typed if typed in self._names else None)
        code = code or (found[0] if found else None)
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
