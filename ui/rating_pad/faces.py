"""A face per level, painted rather than taken from an emoji font: the same on every machine,
large, and readable by colour, mouth and words together (not colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ui.rating_pad.texts import colour, level_name

# mouth curve per level: how far the middle of the mouth bends down (+) or up (-)
SMILE = {5: 0.30, 4: 0.18, 3: 0.0, 2: -0.16, 1: -0.28}


def paint_face(p: QPainter, box: QRectF, level: int) -> None:
    side = min(box.width(), box.height())
    r = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour(level))
    p.drawEllipse(r)
    ink = QColor("#ffffff")
    p.setBrush(ink)
    eye = side * 0.075
    for dx in (-0.18, 0.18):
        p.drawEllipse(QPointF(r.center().x() + dx * side, r.top() + side * 0.38), eye, eye * 1.2)
    pen = QPen(ink, side * 0.07, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    y = r.top() + side * (0.66 if SMILE[level] >= 0 else 0.74)
    left, right = r.center().x() - side * 0.22, r.center().x() + side * 0.22
    mouth = QPainterPath(QPointF(left, y))
    mouth.quadTo(QPointF(r.center().x(), y + SMILE[level] * side), QPointF(right, y))
    p.drawPath(mouth)
    if level == 1:  # brows, so the worst face differs from "dissatisfied" by more than colour
        for sign in (-1, 1):
            x = r.center().x() + sign * side * 0.18
            p.drawLine(
                QPointF(x - sign * side * 0.09, r.top() + side * 0.24),
                QPointF(x + sign * side * 0.06, r.top() + side * 0.29),
            )


class FaceButton(QAbstractButton):
    def __init__(self, level: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setObjectName(f"face{level}")
        self.setText(level_name(level))
        self.setAccessibleName(level_name(level))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(170, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 170)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.isDown():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#dbe6f7"))
            p.drawRoundedRect(rect, 18, 18)
        font = self.font()
        text_h = QFontMetricsF(font).lineSpacing() * 2 + 8  # room for two lines
        side = max(10.0, min(rect.width() - 8, rect.height() - text_h - 12))
        top = rect.top() + (rect.height() - side - text_h - 12) / 2  # face and words together
        paint_face(p, QRectF(rect.left(), top, rect.width(), side), self.level)
        p.setPen(QColor("#1d2733"))
        p.setFont(font)
        words = QRectF(rect.left(), top + side + 12, rect.width(), text_h)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        p.drawText(words, int(flags), self.text())
        p.end()
