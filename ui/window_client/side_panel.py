"""The side panel: how many wait (and for how long) in each category this window serves, and
the clerk's own figures of today, so the pace is visible without asking anyone."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.window_client.texts import duration, name_of

Index = QModelIndex | QPersistentModelIndex
LONG_WAIT_S = 15 * 60  # the common target: average wait within 15 minutes
MAX_WIDTH = 600  # px: the side panel on a wide screen
MIN_TABLE = 200  # px: the queue table's least height (a header and about four rows)


class QueueModel(QAbstractTableModel):
    """Rows: the window's categories in its calling order; the longest wait ticks every second
    from the snapshot's figure, without asking the server again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.lang = "zh"
        self.fetched_at = time.monotonic()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._tick_waits)
        self._tick.start()

    def set_rows(self, rows: list[dict[str, Any]], fetched_at: float) -> None:
        self.beginResetModel()
        self.rows, self.fetched_at = rows, fetched_at
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def longest(self, row: dict[str, Any]) -> float:
        if not row.get("waiting"):
            return 0.0
        return float(row.get("longest_wait_s") or 0) + time.monotonic() - self.fetched_at

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{row.get('prefix', '')}  {name_of(row, self.lang)}"
            if col == 1:
                return str(row.get("waiting", 0))
            return duration(self.longest(row)) if row.get("waiting") else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and self.longest(row) > LONG_WAIT_S:
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = (self.tr("Category"), self.tr("Waiting"), self.tr("Longest wait"))
            return names[section] if 0 <= section < 3 else None
        return None

    def _tick_waits(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.rows) - 1, 2))


class SidePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.model = QueueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # the category's name wraps in its cell, which grows to fit: no sideways scrolling
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.queue_title = QLabel(self.tr("Waiting at this window"))
        self.today_title = QLabel(self.tr("My figures today"))
        for title in (self.queue_title, self.today_title):
            title.setProperty("role", "section")
        # what this window can call, said outright: a ticket of another category waits for
        # another window, and the clerk should know it rather than wonder why it never comes
        self.serves = QLabel()
        self.serves.setProperty("role", "hint")
        self.serves.setWordWrap(True)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        rows = (
            ("completed", self.tr("Completed")),
            ("handle", self.tr("Average handling")),
            ("no_shows", self.tr("No-shows")),
            ("ratings", self.tr("Ratings")),
            ("average", self.tr("Average rating")),
            ("good", self.tr("Satisfied (3–5)")),
        )
        for i, (key, text) in enumerate(rows):
            name = QLabel(text)
            name.setProperty("role", "figure-name")
            value = QLabel("—")
            value.setProperty("role", "figure")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, i, 0)
            grid.addWidget(value, i, 1)
            self.figures[key] = value
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 16, 16, 16)
        box.addWidget(self.queue_title)
        box.addWidget(self.serves)
        box.addWidget(self.table)
        box.addSpacing(12)
        box.addWidget(self.today_title)
        box.addLayout(grid)
        box.addStretch(1)  # what the table leaves goes below the figures, not inside it
        # as wide as its words need, never the half of a wide screen: the ticket takes the room
        self.setMaximumWidth(MAX_WIDTH)
        self._refit = QTimer(self, singleShot=True, interval=0)  # once the rows have settled
        self._refit.timeout.connect(self._fit_table)
        self.model.modelReset.connect(self._refit.start)
        self.table.verticalHeader().sectionResized.connect(lambda *_: self._refit.start())

    def _fit_table(self) -> None:
        """The table as tall as its rows (it scrolls when they are more than the room)."""
        self.table.resizeRowsToContents()
        rows = self.table.verticalHeader().length()
        frame = 2 * self.table.frameWidth()
        # the header's hint: before the first show its height is not laid out yet
        header = max(
            self.table.horizontalHeader().height(),
            self.table.horizontalHeader().sizeHint().height(),
        )
        need = header + rows + frame + 2
        self.table.setMaximumHeight(need)
        self.table.setMinimumHeight(min(need, MIN_TABLE))  # many rows: it scrolls from here

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()  # a narrower table wraps its names onto more lines

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refit.start()  # the header has its real height now

    def show_queue(
        self, snapshot: dict[str, Any], window: dict[str, Any], fetched_at: float
    ) -> None:
        by_code = {c["code"]: c for c in snapshot.get("categories", [])}
        rows = [by_code[c] for c in window.get("categories", []) if c in by_code]
        self.model.set_rows(rows, fetched_at)
        lang = self.model.lang
        sep = "、" if lang == "zh" else ", "
        names = sep.join(f"{r.get('prefix', '')} {name_of(r, lang)}".strip() for r in rows)
        self.serves.setText(self.tr("This window calls only: {names}").format(names=names))
        self.serves.setVisible(bool(rows))

    def show_stats(self, stats: dict[str, Any]) -> None:
        ratings = stats.get("ratings") or {}
        rate = ratings.get("good_rate")
        average = ratings.get("average")
        values = {
            "completed": str(stats.get("completed", 0)),
            "handle": duration(stats.get("avg_handle_s")),
            "no_shows": str(stats.get("no_shows", 0)),
            "ratings": str(ratings.get("count", 0)),
            "average": "—" if average is None else f"{average:.1f}",
            "good": "—" if rate is None else f"{rate * 100:.0f}%",
        }
        for key, text in values.items():
            self.figures[key].setText(text)
