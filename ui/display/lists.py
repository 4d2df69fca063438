"""The hall board's lists: recent calls (number -> window) and how many wait in each queue.

Recent calls fit their text to the space they get; the queue list keeps its size and takes
fewer columns, or pages, instead (English names are two to three times as wide as Chinese ones,
and a name too small to read is as bad on a board as a clipped one).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.display.model import RECENT, BoardModel
from ui.display.widgets import LEFT, RIGHT, fitting_px, label, lang, set_px

HSPACE, VSPACE = 18, 2  # the queue list's gaps between columns and between rows


class _Panel(QFrame):
    """A titled panel that re-renders its model when resized (text fits to widths)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.scale = 1.0
        self.model: BoardModel | None = None
        self.title = label("panelTitle", 34, True, LEFT)
        self.grid = QGridLayout()
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 14, 24, 18)
        box.addWidget(self.title, 1)
        box.addLayout(self.grid, 5)

    def show_model(self, model: BoardModel) -> None:
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.model is not None:
            self.show_model(self.model)


class RecentCalls(_Panel):
    """The last calls, one line per number: A011 -> window 2."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("recent", parent)
        self.grid.setHorizontalSpacing(20)
        for col, stretch in enumerate((3, 5, 3, 5)):
            self.grid.setColumnStretch(col, stretch)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i in range(RECENT):
            number, window = label("recentNumber", 54, True, LEFT), label("recentWindow", 0)
            number.setProperty("basePx", None)  # fitted: a five-digit number (A12345) fits too
            window.setProperty("basePx", None)
            window.setAlignment(LEFT)
            self.grid.addWidget(number, i % 4, (i // 4) * 2)
            self.grid.addWidget(window, i % 4, (i // 4) * 2 + 1)
            self.rows.append((number, window))

    def show_model(self, model: BoardModel) -> None:
        self.model = model
        self.title.setText(self.tr("Recent calls"))
        texts = [self.tr("→ window {n}").format(n=c.window_no) for c in model.recent]
        first, window_label = self.rows[0]
        width, height = window_label.width(), window_label.height()
        px = fitting_px(window_label, texts, round(40 * self.scale), width, height)
        numbers = [c.number for c in model.recent] or ["A000"]
        number_px = fitting_px(
            first, numbers, round(54 * self.scale), first.width(), first.height()
        )
        for i, (number, window) in enumerate(self.rows):
            set_px(number, number_px)
            number.setText(model.recent[i].number if i < len(texts) else "")
            set_px(window, px)  # one size for the whole list
            window.setText(texts[i] if i < len(texts) else "")


QUEUE_PX = 30  # a queue's name and count at 1080p, in every language: read from a few metres
PAGE_MS = 6000  # how long a page of queues stays up when they do not all fit
GIVE = 0.85  # how much smaller the list may get to need fewer pages


class QueueGrid(_Panel):
    """How many wait in each queue, at QUEUE_PX in Chinese and English alike: as many columns
    as the longest name allows at that size, as many rows as the panel's height holds, and when
    the queues do not all fit, pages that turn every PAGE_MS (as an LED hall board pages), the
    title saying which page is up. Shrinking the list to fit made English names (two to three
    times as wide as Chinese ones) too small to read from where people sit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("queues", parent)
        self.grid.setHorizontalSpacing(HSPACE)
        self.grid.setVerticalSpacing(VSPACE)
        self.slots: list[tuple[QLabel, QLabel]] = []  # column by column, row by row
        self.layout_key: tuple[int, int, int] = (0, 0, 0)  # columns, rows, count column width
        self.page = 0
        self.pages = 1
        self.shown: list[str] = []  # the codes of the queues on the page, slot by slot
        self.pager = QTimer(self)
        self.pager.setInterval(PAGE_MS)
        self.pager.timeout.connect(self._turn)

    def _probe(self, px: int, bold: bool) -> QFontMetrics:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return QFontMetrics(font)

    def plan(self, names: list[str], px: int) -> tuple[int, int, int, int]:
        """(columns, rows per page, text px, count column width) for these names in this
        panel: the fewest pages at `px` or at most GIVE smaller, the larger size on a tie."""
        options = [self._plan_at(names, round(px * give)) for give in (1.0, 0.92, GIVE)]
        pages = [math.ceil(max(1, len(names)) / (cols * rows)) for cols, rows, _, _ in options]
        return options[pages.index(min(pages))]

    def _plan_at(self, names: list[str], px: int) -> tuple[int, int, int, int]:
        """The most columns in which every name fits at `px` (one column at a smaller size only
        when even one is too narrow), and as many rows as the height holds."""
        room = self.contentsRect()
        width = room.width() - 48 - 12  # the panel's margins, and some air
        title_h = (room.height() - 32) // 6  # the title's share (1 of 6) of what is left
        layout = self.layout()
        height = room.height() - 32 - title_h - (layout.spacing() if layout is not None else 6)
        widest_count = self.tr("{n}", "people waiting in a queue").format(n=888)
        need = max((self._probe(px, False).horizontalAdvance(n) for n in names), default=0)
        for cols in (3, 2, 1):
            count_w = self._probe(px, True).horizontalAdvance(widest_count) + 4
            name_w = (width - (2 * cols - 1) * HSPACE) // cols - count_w
            if need <= name_w:
                break
        if need > name_w:  # one column and still too wide: the size that fits
            px = max(8, int(px * name_w / max(1, need)))
            count_w = self._probe(px, True).horizontalAdvance(widest_count) + 4
        line = max(self._probe(px, False).height(), self._probe(px, True).height())
        fit_rows = max(1, (height + VSPACE) // (line + VSPACE))
        rows = max(1, min(fit_rows, math.ceil(len(names) / cols)))
        return cols, rows, px, count_w

    def _build(self, cols: int, rows: int, count_w: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.slots.clear()
        for col in range(6):
            used = col < 2 * cols
            # the name takes the room; the count the width of three digits
            self.grid.setColumnStretch(col, 1 if used and col % 2 == 0 else 0)
            self.grid.setColumnMinimumWidth(col, count_w if used and col % 2 else 0)
        for i in range(cols * rows):
            name, count = label("queueName", 0, False, LEFT), label("queueCount", 0, True, RIGHT)
            name.setProperty("basePx", None)
            count.setProperty("basePx", None)
            self.grid.addWidget(name, i % rows, (i // rows) * 2)
            self.grid.addWidget(count, i % rows, (i // rows) * 2 + 1)
            self.slots.append((name, count))
        self.layout_key = (cols, rows, count_w)
        if self.isVisible():  # the layout places them on its next pass
            for widget in (w for pair in self.slots for w in pair):
                widget.show()

    @property
    def rows(self) -> dict[str, tuple[QLabel, QLabel]]:
        """The labels of the queues on the page shown, by queue code."""
        return dict(zip(self.shown, self.slots, strict=False))

    def _turn(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
        if self.model is not None:
            self.show_model(self.model)

    def show_model(self, model: BoardModel) -> None:
        self.model = model
        language = lang()
        queues = list(model.queues.values())
        names = [f"{q.prefix}  {q.name_zh if language == 'zh' else q.name_en}" for q in queues]
        cols, rows, px, count_w = self.plan(names, round(QUEUE_PX * self.scale))
        if (cols, rows, count_w) != self.layout_key:
            self._build(cols, rows, count_w)
            if (cols, rows, count_w) != self.layout_key:
                return  # showing the new labels resized the panel, and it was planned anew
        per_page = cols * rows
        self.pages = max(1, math.ceil(len(queues) / per_page))
        self.page %= self.pages
        if self.pages > 1 and not self.pager.isActive():
            self.pager.start()
        elif self.pages == 1:
            self.pager.stop()
        title = self.tr("Waiting")
        self.title.setText(title if self.pages == 1 else f"{title}  {self.page + 1}/{self.pages}")
        first = self.page * per_page
        self.shown = [q.code for q in queues[first : first + per_page]]
        for i, (name, count) in enumerate(self.slots):
            set_px(name, px)
            set_px(count, px)
            if first + i < len(queues):
                name.setText(names[first + i])
                waiting = self.tr("{n}", "people waiting in a queue")
                count.setText(waiting.format(n=queues[first + i].waiting))
            else:
                name.setText("")
                count.setText("")
