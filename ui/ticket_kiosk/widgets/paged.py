"""A grid of tiles that pages instead of scrolling when there are more than fit.

Why pages: older citizens miss content hidden below a scroll edge and struggle with swipes;
"next page" is a big button that says what it does. Elder mode shows fewer, bigger tiles per
page (elder-friendly design: fewer choices per screen).

The shape follows the room the grid has, not a fixed table per screen: `fit(cell, most)` asks
for as many columns of at least `cell.width()` as fit the width, and as many rows of at least
`cell.height()` as fit the height (after the page bar, when there are pages), at most `most`
cells a page. So a 1366x768 panel gets three columns of readable tiles rather than four cut ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.ticket_kiosk.widgets.common import button, discard, label


class PagedGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: list[QWidget] = []
        self.columns, self.rows, self.page = 3, 3, 0
        self.cell: QSize | None = None  # fit(): the smallest cell, the shape follows the size
        self.most = 0
        self._placing = self._again = False  # show_page() runs, and was asked again meanwhile
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(18)
        self.prev = button("pager", "", self)
        self.next = button("pager", "", self)
        self.where = label("pager-text", wrap=False)
        self.prev.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        self._bar = QWidget(self)
        bar = QHBoxLayout(self._bar)
        bar.setContentsMargins(0, 8, 0, 0)
        bar.addWidget(self.prev)
        bar.addStretch(1)
        bar.addWidget(self.where)
        bar.addStretch(1)
        bar.addWidget(self.next)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._grid_host, 1)
        box.addWidget(self._bar)
        self.retranslate()

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.cells) / self.per_page))

    def set_cells(self, cells: Sequence[QWidget]) -> None:
        for old in self.cells:
            if old not in cells:
                discard(old)
        self.cells = list(cells)
        for cell in self.cells:
            cell.setParent(self._grid_host)
        self.show_page(0)
        self._reshape()

    def fit(self, cell: QSize, most: int = 0) -> None:
        """Shapes the grid from its own size from now on (see the module's docstring)."""
        self.cell, self.most = QSize(cell), most
        self._reshape()

    def shape_for(self, width: int, height: int) -> tuple[int, int]:
        assert self.cell is not None
        gap = self._grid.spacing()
        n = max(1, len(self.cells))
        columns = max(1, min(n, (width + gap) // (self.cell.width() + gap)))
        if self.most:
            columns = min(columns, self.most)

        # a tile whose words wrap at this width (a long English name) needs more than the
        # smallest height: rows are as tall as the tallest tile needs
        column_w = max(1, (width - gap * (columns - 1)) // columns)
        for cell in self.cells:  # measured in the style sheet's fonts, also on a later page
            cell.ensurePolished()
        tall = max((c.heightForWidth(column_w) for c in self.cells), default=0)
        cell_h = max(self.cell.height(), tall)

        def rows_in(room: int) -> int:
            rows = max(1, (room + gap) // (cell_h + gap))
            if self.most:
                rows = min(rows, max(1, self.most // columns))
            return min(rows, math.ceil(n / columns))

        rows = rows_in(height)
        if columns * rows < n:  # pages: the page bar takes its height from the tiles
            rows = rows_in(height - self._bar.sizeHint().height())
        return columns, rows

    def reshape(self) -> None:
        """Fits the shape again after the cells' texts changed (a language switch, say), once
        the style sheet and the layouts have caught up with them."""
        self._reshape()
        QTimer.singleShot(0, self, self._reshape)  # not after the grid is gone

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reshape()

    def _reshape(self) -> None:
        if self.cell is not None and self.width() > 0 and self.height() > 0:
            self.set_shape(*self.shape_for(self.width(), self.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reshape()

    def set_shape(self, columns: int, rows: int) -> None:
        if (columns, rows) != (self.columns, self.rows):
            self.columns, self.rows = columns, rows
            self.show_page(0)

    def show_page(self, page: int) -> None:
        if self._placing:  # showing a cell resized the grid and it took a new shape: again
            self._again = True  # once this pass is done, with the shape it has then
            return
        self._placing, self._again = True, False
        try:
            self._place(page)
        finally:
            self._placing = False
        if self._again:
            self.show_page(0)

    def _place(self, page: int) -> None:
        self.page = max(0, min(page, self.pages - 1))
        while self._grid.count():
            self._grid.takeAt(0)
        first = self.page * self.per_page
        shown = self.cells[first : first + self.per_page]
        for cell in self.cells:
            cell.setVisible(cell in shown)
        for i, cell in enumerate(shown):
            self._grid.addWidget(cell, i // self.columns, i % self.columns)
        for i in range(12):  # a smaller shape must not keep the old shape's stretch
            self._grid.setColumnStretch(i, 1 if i < self.columns else 0)
            self._grid.setRowStretch(i, 1 if i < self.rows else 0)
        self._bar.setVisible(self.pages > 1)
        self.prev.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.pages - 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.prev.setText(QCoreApplication.translate("PagedGrid", "‹ Previous page"))
        self.next.setText(QCoreApplication.translate("PagedGrid", "Next page ›"))
        self.where.setText(
            QCoreApplication.translate("PagedGrid", "Page {page} of {pages}").format(
                page=self.page + 1, pages=self.pages
            )
        )
