"""The big action buttons and their keys. A USB hardware caller types like a keyboard (F-keys),
so every action has one, printed on its button."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


@dataclass(frozen=True)
class Action:
    name: str  # also the ClerkSession.can() rule
    key: Qt.Key
    role: str


ACTIONS = (
    Action("call", Qt.Key.Key_F1, "primary"),
    Action("recall", Qt.Key.Key_F2, ""),
    Action("no_show", Qt.Key.Key_F3, "danger"),
    Action("start", Qt.Key.Key_F4, "green"),
    Action("finish", Qt.Key.Key_F5, "primary"),
    Action("call_number", Qt.Key.Key_F6, ""),
    Action("transfer", Qt.Key.Key_F7, ""),
    Action("pause", Qt.Key.Key_F8, ""),
    Action("resume", Qt.Key.Key_F9, "green"),
)


def label(name: str) -> str:
    return {
        "call": QCoreApplication.translate("Actions", "Call next"),
        "recall": QCoreApplication.translate("Actions", "Recall"),
        "no_show": QCoreApplication.translate("Actions", "No-show"),
        "start": QCoreApplication.translate("Actions", "Start"),
        "finish": QCoreApplication.translate("Actions", "Finish"),
        "call_number": QCoreApplication.translate("Actions", "Call number"),
        "transfer": QCoreApplication.translate("Actions", "Transfer"),
        "pause": QCoreApplication.translate("Actions", "Pause"),
        "resume": QCoreApplication.translate("Actions", "Resume"),
    }[name]


class ActionBar(QWidget):
    def __init__(self, handlers: dict[str, Callable[[], None]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 12)
        grid.setSpacing(10)
        for i, action in enumerate(ACTIONS):
            key = QKeySequence(action.key).toString()
            button = QPushButton(f"{label(action.name)}\n{key}")
            button.setObjectName(f"action_{action.name}")
            button.setProperty("role", action.role or "action")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handlers[action.name])
            grid.addWidget(button, 0, i)
            self.buttons[action.name] = button
            shortcut = QShortcut(QKeySequence(action.key), parent)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)  # a disabled button ignores the key too
