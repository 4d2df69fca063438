"""A push button whose text wraps onto more lines instead of being cut at both ends.

QPushButton draws its text on one line: a long English label ("Asked for materials beyond the
standard list") on a small pad is clipped on both sides. Here a word-wrapped label inside
draws the text and lets taps through to the button, which stays a normal, checkable,
focusable, styled QPushButton. Its size hints come from the label, so layouts give it the
height its lines need.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WrapButton(QPushButton):
    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.label = QLabel(text)
        self.label.setObjectName("wrapText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 4, 10, 4)
        box.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(text)
        self.toggled.connect(self._show_checked)

    def _show_checked(self, on: bool) -> None:
        """The label's colour follows the button's state (QLabel#wrapText[checked="true"] in
        the style sheet): a style sheet does not re-polish children when a parent toggles."""
        self.label.setProperty("checked", "true" if on else "false")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def setText(self, text: str) -> None:
        """The label shows it; the button's own text stays empty, so nothing draws it twice."""
        self.label.setText(text)
        self.setAccessibleName(text)

    def full_text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        box = self.layout()
        hint = box.sizeHint() if box is not None else QSize(120, 64)
        return hint.expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.minimumHeight())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        box = self.layout()
        need = box.totalHeightForWidth(width) if box is not None else 0
        return max(need, self.minimumHeight())
