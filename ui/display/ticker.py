"""The board's scrolling line of hall notices."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

TICKER_MS = 30
TICKER_STEP_PX = 3.0
HOLD_TICKS = 60  # 1.8 s


class Ticker(QFrame):
    """One line of hall notices scrolling right to left, painted (no layout churn per frame)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticker")
        self.setProperty("basePx", 38)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.text = ""
        self.offset = 0.0
        self.hold = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICKER_MS)
        self._timer.timeout.connect(self._step)

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        self.offset = float(self.contentsRect().width())  # the first pass starts in view,
        self.hold = HOLD_TICKS  # and stays still long enough to read its first words
        if text:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def _step(self) -> None:
        if self.hold > 0:
            self.hold -= 1
            return
        width = QFontMetrics(self.font()).horizontalAdvance(self.text)
        self.offset += TICKER_STEP_PX * max(0.5, self.height() / 80)
        if self.offset > width + self.width():
            self.offset = 0.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = QRectF(self.contentsRect())
        x = rect.right() - self.offset
        width = QFontMetrics(self.font()).horizontalAdvance(self.text)
        painter.drawText(
            QRectF(x, rect.top(), width + 10, rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.text,
        )
        painter.end()
