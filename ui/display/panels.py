"""The hall board's two main panels: the call now, and every window (lists.py has the rest).

Each panel renders the whole BoardModel on every change: a few dozen setText calls, which Qt
skips when the text is unchanged, so there is no diffing to get wrong.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from ui.display.model import BoardModel
from ui.display.widgets import LEFT, Blinker, fit_text, label, restyle

NUMBER_PX = 230  # the latest number at 1080p: a cap height of about 165 px, readable at 5 m
LINE_PX = 76


class Tile(QFrame):
    """One window on the board: its name over its ticket, sized from the tile's own height so
    any number of windows fits, and narrowed to the tile's width when the text is long."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.name, self.ticket = label("tileName", 0, True), label("tileTicket", 0, True)
        for part in (self.name, self.ticket):
            part.setProperty("basePx", None)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 6)
        box.setSpacing(0)
        box.addWidget(self.name, 2)
        box.addWidget(self.ticket, 3)
        self.texts = ("", "")

    def show_text(self, name: str, ticket: str, state: str) -> None:
        if (name, ticket) != self.texts:
            self.texts = (name, ticket)
            self._fit()
        if self.property("state") != state:
            for widget in (self, self.name, self.ticket):
                restyle(widget, "state", state)

    def _fit(self) -> None:
        width, height = self.width() - 16, self.height()
        fit_text(self.name, self.texts[0], round(height * 0.25), 1.0, width)
        fit_text(self.ticket, self.texts[1], round(height * 0.5), 1.0, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class NowCalling(QFrame):
    """The latest call, large, blinking for a few seconds when it arrives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("now")
        self.caption = label("nowCaption", 44, True)
        self.caption.setProperty("basePx", None)  # fitted to its height by show_model
        self.number = label("nowNumber", NUMBER_PX, True)
        self.line = label("nowLine", LINE_PX, True)
        self.line.setTextFormat(Qt.TextFormat.RichText)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 18, 24, 24)
        box.addWidget(self.caption, 2)
        box.addWidget(self.number, 7)
        box.addWidget(self.line, 3)
        for fitted in (self.number, self.line):  # sized by fit_text, to the panel's width
            fitted.setProperty("basePx", None)
        self.blinker = Blinker(self)
        self.scale = 1.0
        self._model: BoardModel | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._model is not None:
            self.show_model(self._model)

    def _caption(self, text: str) -> None:
        width, height = self.width() - 48, self.caption.height()
        fit_text(self.caption, text, 44, self.scale, width, height=height)

    def show_model(self, model: BoardModel) -> None:
        self._model = model
        call = model.latest
        if call is None:
            self._caption(self.tr("Welcome"))
            fit_text(
                self.number,
                "—",
                NUMBER_PX,
                self.scale,
                self.width() - 48,
                height=self.number.height(),
            )
            fit_text(
                self.line,
                self.tr("Please listen for your number"),
                LINE_PX,
                self.scale,
                self.width() - 48,
                height=self.line.height(),
            )
            return
        self._caption(self.tr("Calling again") if call.recall else self.tr("Now calling"))
        fit_text(
            self.number,
            call.number,
            NUMBER_PX,
            self.scale,
            self.width() - 48,
            height=self.number.height(),
        )
        line = self.tr("Please go to window {n}")
        window = f'<span style="color:#ffd54a">{call.window_no}</span>'
        plain, shown = line.format(n=call.window_no), line.format(n=window)
        fit_text(
            self.line, plain, LINE_PX, self.scale, self.width() - 48, shown, self.line.height()
        )


class WindowGrid(QFrame):
    """Every window: its current number, 暂停服务 when paused, 暂无人员 when nobody is signed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windows")
        self.title = label("panelTitle", 34, True, LEFT)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(24, 14, 24, 18)
        self.box.addWidget(self.title, 1)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.box.addLayout(self.grid, 8)
        self.tiles: dict[int, Tile] = {}

    def _build(self, numbers: list[int]) -> None:
        cols = 5 if len(numbers) > 12 else 4 if len(numbers) > 6 else 3
        for i, no in enumerate(numbers):
            self.tiles[no] = Tile()
            self.grid.addWidget(self.tiles[no], i // cols, i % cols)
        for row in range(math.ceil(len(numbers) / cols)):
            self.grid.setRowStretch(row, 1)
        for col in range(cols):
            self.grid.setColumnStretch(col, 1)

    def show_model(self, model: BoardModel) -> None:
        self.title.setText(self.tr("Windows"))
        if not self.tiles and model.windows:
            self._build(sorted(model.windows))
        for no, tile in self.tiles.items():
            window = model.windows.get(no)
            if window is None:
                continue
            if window.status == "paused":
                state, text = "paused", self.tr("Not serving")
            elif not window.in_service:  # nobody signed in there
                state, text = window.status, self.tr("No staff")
            elif window.ticket:
                state, text = "busy", window.ticket
            else:
                state, text = "idle", "—"
            tile.show_text(self.tr("Window {n}").format(n=no), text, state)
