"""The left side of the consultation page: the list, filtered by a row of toggle buttons
(waiting for someone / mine / everything today), newest questions last like a queue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.help_desk.model import ACTIVE, ROLE_ROW, ConsultationModel

FILTERS = ("active", "mine", "all")


class QueueFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = "active"
        self.me = ""
        self.keep = ""  # the open question stays listed until another is chosen

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, parent), ROLE_ROW)
        if row is None:
            return False
        if row["id"] == self.keep:
            return True
        if self.mode == "active":
            return bool(row["status"] in ACTIVE)
        if self.mode == "mine":
            return bool(row.get("owner") == self.me or row.get("resolved_by") == self.me)
        return True


class QueueList(QWidget):
    selected = Signal(object)  # the row dict, or None

    def __init__(self, model: ConsultationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueList")
        self.model = model
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(model)
        self.buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        labels = (self.tr("Open"), self.tr("Mine"), self.tr("All today"))
        for i, (mode, label) in enumerate(zip(FILTERS, labels, strict=True)):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setProperty("role", "filter")
            b.setChecked(i == 0)
            self.buttons.addButton(b, i)
            bar.addWidget(b)
            b.clicked.connect(lambda _=False, m=mode: self.proxy.set_mode(m))
        bar.addStretch(1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(model.tick)
        self._ticker.start()

    def set_me(self, employee_no: str) -> None:
        self.proxy.me = employee_no
        self.proxy.set_mode(self.proxy.mode)

    def current(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, ROLE_ROW) if index.isValid() else None

    def select(self, cid: str) -> bool:
        """Selects the consultation (switching to "all" if the filter hides it)."""
        row = self.model.row_of(cid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.buttons.button(FILTERS.index("all")).click()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        return True

    def _current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.data(index, ROLE_ROW) if index.isValid() else None
        if row is not None and row["id"] != self.proxy.keep:
            self.proxy.keep = row["id"]
            QTimer.singleShot(0, lambda: self.proxy.set_mode(self.proxy.mode))  # drop the last
        self.selected.emit(row)
