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
        self.extra = _passive(label("tile-extra", wrap=False))
        self.note = _passive(label("tile-note"))  # tickets left today, or why none are issued
        self.note.hide()
        head = QHBoxLayout()
        head.setSpacing(14)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.detail)
        foot.addStretch(1)
        foot.addWidget(self.extra)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 16, 20, 14)
        box.addLayout(head)
        box.addStretch(1)
        box.addWidget(self.note)
        box.addLayout(foot)

    def set_texts(self, badge: str, title: str, detail: str = "", extra: str = "") -> None:
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
        self.title.setText(title)
        self.detail.setText(detail)
        self.extra.setText(extra)
        self.setAccessibleName(" ".join(t for t in (badge, title, detail, extra) if t))

    def set_note(self, text: str, warn: bool = False) -> None:
        """A line above the counts: '今日剩余 12 个号', or (warn) why no ticket is issued now."""
        self.note.setText(text)
        self.note.setProperty("warn", "true" if warn else "false")
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        self.note.setVisible(bool(text))
