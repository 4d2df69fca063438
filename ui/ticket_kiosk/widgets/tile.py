"""A big tappable card: a title with a letter badge and one or two lines of detail.

Used for the home screen's categories (name, people waiting, estimated wait) and the service
items of a category. A QPushButton underneath, so it is focusable, accessible and styled by the
sheet like any button; the labels inside let taps through to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

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
        self.note = _passive(label("tile-note"))  # tickets left today, or why none are issued
        self.note.hide()
        head = QHBoxLayout()
        head.setSpacing(14)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        # the count beside the wait where both fit on a line, one over the other where they do
        # not (a narrow tile, English): never drawn over each other
        self.foot = foot = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        foot.setSpacing(2)
        foot.addWidget(self.detail)
        foot.addWidget(self.extra)
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 12, 18, 12)
        box.setSpacing(6)
        box.addLayout(head)
        box.addStretch(1)
        box.addWidget(self.note)
        box.addLayout(foot)

    def _fit_foot(self, width: int) -> None:
        room = width - 36 - 12
        side_by_side = (
            self.detail.sizeHint().width() + self.extra.sizeHint().width() <= room
            or not self.extra.text()
        )
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if self.foot.direction() != direction:
            self.foot.setDirection(direction)
        self.extra.setAlignment(
            Qt.AlignmentFlag.AlignRight if side_by_side else Qt.AlignmentFlag.AlignLeft
        )

    def heightForWidth(self, width: int) -> int:
        self._fit_foot(width)
        return super().heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_foot(event.size().width())
        super().resizeEvent(event)

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
