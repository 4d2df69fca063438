"""Small constructors so every screen builds labels and buttons the same way: the look comes
from the kiosk's style sheet, selected by a ``role`` property, never from code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.common.theme import set_prop


def label(role: str, text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    widget = QLabel(text, parent)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(role: str = "", text: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # taps must not steal the text field's focus
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def discard(widget: QWidget) -> None:
    """Takes a widget off screen now (deleteLater alone leaves it visible until the event
    loop runs, where it can overlap its replacement) and deletes it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Changes a style-selecting property and re-polishes (ui.common.theme.set_prop)."""
    if widget.property(name) != value:
        set_prop(widget, name, value)
