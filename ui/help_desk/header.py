"""The console's top bar: which desk, who is signed in, the on-duty switch (what the kiosk
shows citizens), the connection, and an alert strip for questions nobody has taken."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.help_topics import topic_name
from ui.common.i18n import current_lang
from ui.common.theme import set_prop


class Header(QFrame):
    presence_toggled = Signal(bool)
    sign_out = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        title = QLabel(self.tr("Help desk"))
        title.setProperty("role", "desk-title")
        self.hall = QLabel()
        self.hall.setProperty("role", "desk-hall")
        self.staff = QLabel()
        self.staff.setProperty("role", "staff")
        self.duty = QPushButton()
        self.duty.setCheckable(True)
        self.duty.setProperty("role", "duty")
        self.duty.clicked.connect(self.presence_toggled)
        self.count = QLabel()
        self.count.setProperty("role", "duty-count")
        self.link = QLabel()
        self.link.setProperty("role", "pill")
        self.pending = QLabel()  # records waiting in the outbox
        self.pending.setProperty("role", "pill")
        self.pending.setProperty("state", "offline")
        self.pending.hide()
        self.out = QPushButton(self.tr("Sign out"))
        self.out.setProperty("role", "small")
        self.out.clicked.connect(self.sign_out)
        box = QHBoxLayout(self)
        box.setContentsMargins(16, 6, 16, 6)
        box.addWidget(title)
        box.addWidget(self.hall)
        box.addStretch(1)
        for w in (self.staff, self.duty, self.count, self.pending, self.link, self.out):
            box.addWidget(w)
        self.set_user("")
        self.set_online(True)

    def set_user(self, name: str) -> None:
        self.staff.setText(name)
        for w in (self.staff, self.duty, self.count, self.out):
            w.setVisible(bool(name))

    def set_presence(self, mine: bool, on_duty: int) -> None:
        self.duty.setChecked(mine)
        self.duty.setText(self.tr("On duty") if mine else self.tr("Away"))
        set_prop(self.duty, "state", "on" if mine else "off")
        if on_duty:
            self.count.setText(self.tr("{n} on duty").format(n=on_duty))
        else:
            self.count.setText(self.tr("Desk unstaffed: questions become queue numbers"))
        set_prop(self.count, "state", "on" if on_duty else "off")

    def set_pending(self, count: int) -> None:
        """ "To send: N" while records wait in the outbox; hidden at zero."""
        self.pending.setText(self.tr("To send: {n}").format(n=count))
        self.pending.setVisible(count > 0)

    def set_online(self, online: bool) -> None:
        self.link.setText(self.tr("Online") if online else self.tr("Offline"))
        set_prop(self.link, "state", "online" if online else "offline")


class AlertStrip(QLabel):
    """Open alerts (unclaimed questions, unstaffed desk) until the situation ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertStrip")
        self.setWordWrap(True)
        self.alerts: dict[str, str] = {}
        self.hide()

    def raise_alert(self, details: dict[str, Any], kind: str) -> None:
        if kind == "unclaimed_consultation":
            minutes = max(1, round(int(details.get("waited_s", 0)) / 60))
            text = self.tr(
                "{number} ({topic}) has waited over {m} min with nobody answering"
            ).format(
                number=details.get("number", ""),
                topic=topic_name(str(details.get("topic", "")), current_lang()),
                m=minutes,
            )
            self.alerts[str(details.get("consultation_id"))] = text
        elif kind == "helpdesk_unstaffed":
            n = int(details.get("waiting", 0))
            self.alerts["desk"] = self.tr("{n} questions waiting and nobody on duty").format(n=n)
        self._show()

    def clear_alert(self, key: str) -> None:
        if self.alerts.pop(key, None) is not None:
            self._show()

    def reset(self) -> None:
        self.alerts.clear()
        self._show()

    def _show(self) -> None:
        self.setText("⚠ " + "；".join(self.alerts.values()) if self.alerts else "")
        self.setVisible(bool(self.alerts))
