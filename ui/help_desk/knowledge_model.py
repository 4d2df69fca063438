"""The hall's FAQs or notices as a Qt table: title, status, who changed it last and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.common.i18n import current_lang
from ui.help_desk.texts import kb_status_name, local_stamp

Index = QModelIndex | QPersistentModelIndex
ROLE_ENTRY = Qt.ItemDataRole.UserRole + 2
COLOURS = {"draft": "#7a4d00", "published": "#1b7f3b", "retired": "#5a6b7d"}


class KnowledgeModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = "faq"
        self.entries: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}
        self.headers = (self.tr("Title"), self.tr("Status"), self.tr("Last change"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == ROLE_ENTRY:
            return e
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(COLOURS.get(e["status"], "#1d2733")))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:  # in the desk's language when the entry has it
            title = "question" if self.kind == "faq" else "title"
            return e.get(f"{title}_{current_lang()}") or e[f"{title}_zh"]
        if index.column() == 1:
            return kb_status_name(e["status"])
        who = e.get("updated_by") or ""
        return f"{local_stamp(e.get('updated_at'))} {self.names.get(who, who)}"

    def reset(self, kind: str, entries: list[dict[str, Any]], names: dict[str, str]) -> None:
        self.beginResetModel()
        self.kind, self.entries, self.names = kind, list(entries), dict(names)
        self.endResetModel()

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e["id"] == entry_id), -1)
