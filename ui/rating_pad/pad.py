"""The rating pad at window N: it follows the hall (ui.common.follow), learns from the live
stream that a service there just finished, offers the five faces, and records one rating
through the outbox (so a rating given while the hall server is away still arrives, once).
Walking away records nothing: after a quiet spell it simply returns to idle; the 7-day default
is the server's job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain import BAD_RATING_MAX
from ui.common import paths
from ui.common.adaptive import SizeClass
from ui.common.api import HallApi
from ui.common.follow import Follow
from ui.common.outbox_qt import QtOutbox
from ui.rating_pad.pages import IdlePage, RatePage, ReasonsPage, ThanksPage

WINDOW_EVENTS = ("window.", "ticket.called", "ticket.recalled", "ticket.started", "ticket.no_show")


class RatingPad(QWidget):
    ready = Signal()

    def __init__(
        self,
        base_url: str,
        token: str,
        window_no: int,
        outbox_path: Path,
        lang: str = "zh",
        walk_away_s: float = 30.0,
        thanks_s: float = 5.0,
    ) -> None:
        super().__init__()
        self.setObjectName("ratingPad")
        self.window_no, self.token, self.lang = window_no, token, lang
        self.api = HallApi(base_url, token, parent=self)
        self.outbox = QtOutbox(outbox_path, base_url, self)
        self.follow = Follow(self.api, paths.QUEUE, parent=self)
        self.follow.loaded.connect(self._snapshot)
        self.follow.received.connect(self._event)
        self.follow.connected.connect(self._connected)
        self.window_info: dict[str, Any] = {}  # the window as the last snapshot showed it
        self._loaded = False
        self.service: dict[str, Any] | None = None  # the finished ticket being rated
        self.level = 0
        self.idle, self.rate = IdlePage(window_no), RatePage()
        self.reasons, self.thanks = ReasonsPage(), ThanksPage()
        self.stack = QStackedWidget()
        for page in (self.idle, self.rate, self.reasons, self.thanks):
            self.stack.addWidget(page)
        box = QVBoxLayout(self)
        box.addWidget(self.stack)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        self.walk_away = self._timer(walk_away_s, self.go_idle)
        self.thanks_timer = self._timer(thanks_s, self.go_idle)
        self.rate.rated.connect(self._rated)
        self.reasons.submitted.connect(self._submit)
        self.reasons.back.connect(lambda: self._show(self.rate))
        self.reasons.touched.connect(self.walk_away.start)
        self.outbox.refused.connect(self._refused)
        self.resize(1024, 600)
        # a 800x480 pad steps its secondary type down; the number and the faces stay big
        self.size_class = SizeClass(self, compact=(1000, 560))
        self.setWindowTitle(self.tr("Rating pad – window {no}").format(no=window_no))

    def _timer(self, seconds: float, slot: Any) -> QTimer:
        timer = QTimer(self, singleShot=True, interval=int(seconds * 1000))
        timer.timeout.connect(slot)
        return timer

    # -- the hall ----------------------------------------------------------------------------
    def load(self) -> None:
        """Reads the queue and follows the live stream from it; ``ready`` after the first."""
        self.follow.start()

    def _snapshot(self, body: Any) -> None:
        if not isinstance(body, dict):
            return
        first = not self._loaded
        self._loaded = True
        windows = body.get("windows", [])
        self.window_info = next((w for w in windows if w["no"] == self.window_no), {})
        self.idle.show_window(self.window_info)
        if self.service is not None:  # names may arrive just after the service finished
            self.rate.show_service(self.service["number"], self.clerk_text())
        if first:
            self.ready.emit()

    def _connected(self, up: bool) -> None:
        self.idle.show_online(up)
        if up:
            self.outbox.kick()
            self.follow.refresh_soon()

    def _event(self, ev: dict[str, Any]) -> None:
        p = ev.get("payload", {})
        mine = p.get("window_no") == self.window_no or p.get("from_window") == self.window_no
        if not mine:
            return
        if ev["type"] == "ticket.finished":
            self.offer(p["ticket_id"], p["number"])
        self.follow.refresh_soon()

    # -- rating ------------------------------------------------------------------------------
    def clerk_text(self) -> str:
        info = self.window_info
        name, no = info.get("clerk_name") or "", info.get("clerk") or ""
        return f"{name} ({no})" if no else ""

    def offer(self, ticket_id: str | None, number: str) -> None:
        """A service here just finished: ask (the newest service wins over an unanswered one)."""
        self.service = {"ticket_id": ticket_id, "number": number}
        self.rate.show_service(number, self.clerk_text())
        self.reasons.reset()
        self._show(self.rate)

    def _rated(self, level: int) -> None:
        self.level = level
        if level <= BAD_RATING_MAX:
            self.reasons.reset()
            self._show(self.reasons)
        else:
            self._submit([], "")

    def _submit(self, tags: list[str], comment: str) -> None:
        service = self.service
        if service is None:
            return
        if service["ticket_id"]:  # None only on a preview screen
            body = {
                "ticket_id": service["ticket_id"],
                "level": self.level,
                "tags": tags,
                "comment": comment or None,
                "channel": "pad",
            }
            service["key"] = self.outbox.enqueue("POST", paths.RATINGS, body, self.token)
        self.thanks.show_level(self.level)
        self._show(self.thanks)
        self.walk_away.stop()
        self.thanks_timer.start()

    def _refused(self, ev: Any) -> None:
        """Already rated elsewhere (phone, kiosk): say so kindly if the citizen is still here."""
        if self.service and ev.item and self.service.get("key") == ev.item.id:
            body = ev.body if isinstance(ev.body, dict) else {}
            self.thanks.show_refusal(
                str(body.get("detail_zh" if self.lang == "zh" else "detail") or "")
            )

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        if page in (self.rate, self.reasons):
            self.walk_away.start()

    def go_idle(self) -> None:
        """Back to idle; a service not rated by now is left unrated (no rating recorded)."""
        self.walk_away.stop()
        self.thanks_timer.stop()
        self.service = None
        self.stack.setCurrentWidget(self.idle)

    def closeEvent(self, event: Any) -> None:
        self.follow.stop()
        self.outbox.close()
        super().closeEvent(event)
