"""The strip across the top: which window, who is signed in, whether the server is there, how
many saved actions wait to be sent, and the latest message."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.theme import set_prop

MESSAGE_MS = 10000


class Header(QFrame):
    logout = Signal()

    def __init__(self, window_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.window_label = QLabel(self.tr("Window {no}").format(no=window_no))
        self.window_label.setProperty("role", "window-no")
        self.window_name = QLabel()
        self.window_name.setProperty("role", "window-name")
        self.clerk = QLabel()
        self.clerk.setProperty("role", "clerk")
        self.connection = QLabel()
        self.connection.setProperty("role", "pill")
        self.pending = QLabel()
        self.pending.setProperty("role", "pill")
        set_prop(self.pending, "state", "pending")
        self.logout_button = QPushButton(self.tr("Sign out"))
        self.logout_button.setProperty("role", "small")
        self.logout_button.clicked.connect(self.logout.emit)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        row = QHBoxLayout()
        row.addWidget(self.window_label)
        row.addWidget(self.window_name, 1)
        for w in (self.clerk, self.connection, self.pending, self.logout_button):
            row.addWidget(w)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 10, 16, 10)
        box.addLayout(row)
        box.addWidget(self.banner)
        self._clear = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._clear.timeout.connect(lambda: self.show_banner("", ""))
        self._blocked = ""

    def show_state(
        self, clerk: str, online: bool, pending: int, blocked: str, can_logout: bool
    ) -> None:
        self.clerk.setText(clerk)
        self.clerk.setVisible(bool(clerk))
        self.connection.setText(self.tr("Online") if online else self.tr("Offline"))
        set_prop(self.connection, "state", "online" if online else "offline")
        self.pending.setText(self.tr("To send: {n}").format(n=pending))
        self.pending.setVisible(pending > 0)
        self.logout_button.setVisible(bool(clerk))
        self.logout_button.setEnabled(can_logout)
        if blocked != self._blocked:
            self._blocked = blocked
            if blocked or not self._clear.isActive():
                self.show_banner(blocked, "offline" if not online else "warn")

    def show_banner(self, text: str, level: str) -> None:
        """A message, or (when none is shown) why calling is off."""
        if not text and self._blocked:
            text, level = self._blocked, "warn"
        self.banner.setText(text)
        set_prop(self.banner, "level", level)
        self.banner.setVisible(bool(text))

    def show_message(self, text: str, level: str) -> None:
        self.show_banner(text, level)
        self._clear.start()
