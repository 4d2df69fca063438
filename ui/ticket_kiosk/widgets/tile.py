"""A big tappable card: a title with a letter badge and one or two lines of detail.

Used for the home screen's categories (name, people waiting, estimated wait) and the service
items of a category. A QPushButton underneath, so it is focusable, accessible and styled by the
sheet like any button; the labels inside let taps through to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.ticket_kiosk.widgets.common import label


def _passive(widget: QLabel) -> QLabel:
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class Tile(QPushButton):
    def __init__(self, role: str = "tile", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.badge = _passive(label("tile-badge", wrap=False))
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = _passive(label("tile-title"))
        self.detail = _passive(label("tile-detail"))
        self.extra = _passive(label("tile-extra"))
        head = QHBoxLayout()
        head.setSpacing(14)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        # the count over the wait, not side by side: a narrow tile (three columns on a 1366 px
        # panel, English) would draw one over the other
        foot = QVBoxLayout()
        foot.setSpacing(2)
        foot.addWidget(self.detail)
        foot.addWidget(self.extra)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 16, 20, 14)
        box.addLayout(head)
        box.addStretch(1)
        box.addLayout(foot)

    def set_texts(self, badge: str, title: str, detail: str = "", extra: str = "") -> None:
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
        self.title.setText(title)
        self.detail.setText(detail)
        self.extra.setText(extra)
        self.setAccessibleName(" ".join(t for t in (badge, title, detail, extra) if t))
