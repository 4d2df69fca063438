"""A QR code drawn crisp at any size: the citizen photographs it when the printer fails.

Why paint modules rather than scale an image: scaling a small bitmap blurs module edges and
phones then misread it; painting whole-pixel modules keeps every edge sharp.
"""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SIDE = 140  # px: still read by a phone from a step away
QUIET = 2  # modules of white around the code (4 is the standard; the card is white as well)


def qr_matrix(data: str) -> list[list[bool]]:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrView(QWidget):
    def __init__(self, side: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ""
        self._matrix: list[list[bool]] = []
        self._side = side
        # up to `side`, down to MIN_SIDE where a column is short (elder mode's big buttons
        # below it): a fixed square was drawn over its own caption there
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.set_side(side)

    def set_side(self, side: int) -> None:
        self._side = side
        least = min(side, MIN_SIDE)
        self.setMinimumSize(least, least)
        self.setMaximumSize(side, side)
        self.updateGeometry()

    def set_data(self, data: str) -> None:
        if data != self.data:
            self.data = data
            self._matrix = qr_matrix(data) if data else []
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        n = len(self._matrix)
        if not n:
            return
        module = max(1, min(self.width(), self.height()) // (n + 2 * QUIET))
        size = module * n
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        dark = QColor("#000000")
        for y, row in enumerate(self._matrix):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(
                        QRect(left + x * module, top + y * module, module, module), dark
                    )
        painter.end()
