"""Icons drawn in code: the kiosk ships no image files and must look the same everywhere."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def magnifier(size: int = 48, color: str = "#0b3d91") -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), size / 9)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    r = size * 0.30
    center = QPointF(size * 0.42, size * 0.42)
    p.drawEllipse(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r))
    p.drawLine(QPointF(size * 0.64, size * 0.64), QPointF(size * 0.88, size * 0.88))
    p.end()
    return QIcon(pix)
