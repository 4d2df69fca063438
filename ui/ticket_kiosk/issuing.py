"""When and how many tickets each category issues today, as the server says (GET /issuing):
the kiosk's "今日剩余 12 个号", the reason a category is closed and when it opens again, the
real-name mode of each category, and whether the hall runs in trial mode.

Refreshed when a ticket is issued or a quota changes (the live stream), coalesced, and once a
minute besides: opening and closing follow the clock, and no event announces them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from ui.common import paths
from ui.common.api import HallApi

REFRESH_EVENTS = ("ticket.issued", "quota.changed", "day.closed", "catalog.applied")
MINUTE_MS = 60_000


class IssuingState(QObject):
    changed = Signal()

    def __init__(self, api: HallApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.status: dict[str, Any] = {}
        self._by_code: dict[str, dict[str, Any]] = {}
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(300)
        self._soon.timeout.connect(self.load)
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self.load)

    def load(self) -> None:
        call = self.api.get(paths.ISSUING)
        call.succeeded.connect(self._got)
        if not self._minute.isActive():
            self._minute.start()

    def stop(self) -> None:
        self._minute.stop()
        self._soon.stop()

    def on_event(self, ev: dict[str, Any]) -> None:
        if str(ev.get("type", "")) in REFRESH_EVENTS:
            self._soon.start()

    def _got(self, body: object) -> None:
        if not isinstance(body, dict):
            return
        self.status = body
        self._by_code = {str(c["category"]): c for c in body.get("categories") or ()}
        self.changed.emit()

    # -- what the screens ask ----------------------------------------------------------------
    def category(self, code: str) -> dict[str, Any]:
        """{open, left, quota, realname, message_zh, message_en, ...}; open with no rules
        until the server has answered."""
        return self._by_code.get(code) or {"open": True, "left": None, "realname": "off"}

    @property
    def trial(self) -> bool:
        return bool(self.status.get("always_open"))

    @property
    def green_channel_age(self) -> int:
        return int(self.status.get("green_channel_age") or 70)

    def hours(self, lang: str) -> str:
        return str(self.status.get("hours_zh" if lang == "zh" else "hours_en") or "")

    def left_text(self, entry: dict[str, Any]) -> str:
        """'今日剩余 12 个号' for a category with a quota; '' without one."""
        left = entry.get("left")
        return "" if left is None else self.tr("{n} tickets left today").format(n=left)

    def trial_text(self) -> str:
        return self.tr("Trial mode: tickets at any hour") if self.trial else ""

    def gate(
        self,
        code: str,
        lang: str,
        take: list[QPushButton],
        card: QPushButton,
        notice: QLabel,
    ) -> None:
        """A category screen's ticket buttons by the category's state: the card button where
        real-name tickets are allowed, the plain ones hidden where they are required, every
        one disabled while the category does not issue, and the notice saying why or how many
        are left. Runs after the screen's own button logic."""
        entry = self.category(code)
        mode = entry.get("realname")
        is_open = bool(entry.get("open", True))
        card.setText(self.tr("Ticket by ID card"))
        card.setVisible(mode in ("required", "allowed"))
        card.setEnabled(is_open)
        for b in take:
            if mode == "required":
                b.setVisible(False)
            if not is_open:
                b.setEnabled(False)
        text = message(entry, lang) if not is_open else self.left_text(entry)
        if is_open and mode == "required":
            only = self.tr("This service takes real-name tickets only.")
            text = f"{text} {only}".strip()
        notice.setText(text)
        notice.setVisible(bool(text))


def message(entry: dict[str, Any], lang: str) -> str:
    return str(entry.get("message_zh" if lang == "zh" else "message_en") or "")
