"""The hall board's lists: recent calls (number -> window) and how many wait in each queue.

Both fit their text to the space they get: English window and queue names are two to three
times as wide as Chinese ones, and a clipped word is worse on a board than a smaller one.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.display.model import RECENT, BoardModel
from ui.display.widgets import LEFT, RIGHT, fit_text, fitting_px, label, lang, set_px


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


class QueueGrid(_Panel):
    """How many wait in each queue: three columns in Chinese, two in English."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("queues", parent)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(4)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        self._built = ""

    def _build(self, model: BoardModel, language: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        cols = (3 if language == "zh" else 2) if len(model.queues) > 8 else 1
        per_col = math.ceil(len(model.queues) / cols)
        for col in range(6):
            # the name takes the room: a count is a few digits, a name up to forty letters
            self.grid.setColumnStretch(col, (7 if col % 2 == 0 else 1) if col < 2 * cols else 0)
        for i, code in enumerate(model.queues):
            name, count = label("queueName", 0, False, LEFT), label("queueCount", 0, True, RIGHT)
            name.setProperty("basePx", None)
            count.setProperty("basePx", None)
            self.grid.addWidget(name, i % per_col, (i // per_col) * 2)
            self.grid.addWidget(count, i % per_col, (i // per_col) * 2 + 1)
            self.rows[code] = (name, count)
        self._built = language
        layout = self.layout()
        if layout is not None and self.isVisible():  # lay the new labels out now: text fits
            for widget in (w for pair in self.rows.values() for w in pair):  # to their sizes
                widget.show()
            layout.activate()

    def show_model(self, model: BoardModel) -> None:
        self.model = model
        self.title.setText(self.tr("Waiting"))
        language = lang()
        if model.queues and (self._built != language or len(self.rows) != len(model.queues)):
            self._build(model, language)
        shown = [
            (model.queues[code], name, count)
            for code, (name, count) in self.rows.items()
            if code in model.queues
        ]
        names = [f"{q.prefix}  {q.name_zh if language == 'zh' else q.name_en}" for q, _, _ in shown]
        if shown:  # one size for every queue name, fitted to the longest: an even, calm list
            first = shown[0][1]
            px = fitting_px(first, names, round(30 * self.scale), first.width(), first.height())
        for (queue, name, count), text in zip(shown, names, strict=True):
            set_px(name, px)
            name.setText(text)
            waiting = self.tr("{n}", "people waiting in a queue").format(n=queue.waiting)
            fit_text(count, waiting, 34, self.scale, count.width(), height=count.height())
