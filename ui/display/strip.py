"""The window strip (`kiosk display --window N`): the small screen above one window.

It shows the window's number, the ticket being called or served there, 暂停服务 while the
window is paused and 暂无人员 while nobody is signed in there, from the same
snapshot-then-live-events source as the hall board.
Text sizes are given for a 1280x360 strip and scale with the screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.domain import PAUSE_REASON_NAMES
from ui.common import paths
from ui.display.model import Call, WindowState
from ui.display.source import BoardSource
from ui.display.voice import BoardVoice
from ui.display.widgets import Blinker, fit_text, label, lang, rescale, restyle

DESIGN_W, DESIGN_H = 1280, 360
TICKET_PX = 210


class WindowStrip(QWidget):
    ready = Signal()

    def __init__(
        self,
        source: BoardSource,
        window_no: int,
        voice: BoardVoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("strip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Window {n}").format(n=window_no))
        self.source, self.window_no, self.voice = source, window_no, voice
        self.scale = 1.0
        self.no = label("stripNo", 120, True)
        self.no.setProperty("basePx", None)  # fitted to the side panel by fit_text
        self.name = label("stripName", 30)
        self.name.setWordWrap(True)
        self.caption = label("stripCaption", 46, True)
        self.main = label("stripMain", TICKET_PX, True)
        self.main.setProperty("basePx", None)  # fitted to the panel by fit_text
        self.side = side = QFrame()
        side.setObjectName("stripSide")
        left = QVBoxLayout(side)
        left.setContentsMargins(20, 20, 20, 20)
        left.addWidget(self.no, 3)
        left.addWidget(self.name, 2)
        self.panel = QFrame()
        self.panel.setObjectName("stripPanel")
        right = QVBoxLayout(self.panel)
        right.setContentsMargins(20, 12, 20, 16)
        right.addWidget(self.caption, 1)
        right.addWidget(self.main, 3)
        row = QHBoxLayout(self)
        row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # sizes follow the screen
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side, 4)
        row.addWidget(self.panel, 9)
        self.blinker = Blinker(self.panel)
        self.panel.installEventFilter(self)  # refit the ticket when the panel gets its size
        source.changed.connect(self.refresh)
        source.called.connect(self._on_call)
        source.ready.connect(self.ready)
        source.ready.connect(self._lookup)
        if voice is not None:
            source.called.connect(self._say)
        self.refresh()

    @property
    def state(self) -> WindowState:
        return self.source.model.windows.get(self.window_no) or WindowState(self.window_no)

    def refresh(self) -> None:
        window = self.state
        zh = lang() == "zh"
        fit_text(
            self.no,
            self.tr("Window {n}").format(n=self.window_no),
            120,
            self.scale,
            self.side.width() - 40,
        )
        self.name.setText(keep_last_word(window.name_zh if zh else window.name_en))
        if not self.source.loaded:
            look, caption, main = "idle", self.tr("Connecting…"), "—"
        elif window.status == "paused":
            names = {str(k): v for k, v in PAUSE_REASON_NAMES.items()}
            reason = names.get(window.pause_reason or "", ("", ""))
            why = reason[0] if zh else reason[1]
            caption = self.tr("Paused: {reason}").format(reason=why) if why else ""
            look, main = "paused", self.tr("Not serving")
        elif window.status != "open":  # nobody signed in there
            look, caption, main = "paused", self.tr("This window is closed"), self.tr("No staff")
        elif window.ticket:
            look = "called" if window.serving is False else "serving"
            caption = (
                self.tr("Please come to this window")
                if look == "called"
                else self.tr("Now serving")
            )
            main = window.ticket
        else:
            look, caption, main = "idle", self.tr("Welcome"), self.tr("Please wait for your number")
        self.caption.setText(caption)
        px = TICKET_PX if look in ("serving", "called") else 110
        fit_text(self.main, main, px, self.scale, self.panel.width() - 40, None, self.main.height())
        if self.panel.property("state") != look:
            for widget in (self.panel, self.caption, self.main):
                restyle(widget, "state", look)

    def _lookup(self) -> None:
        """The snapshot names the window's ticket but not whether service has started: ask."""
        number = self.state.ticket
        if number is None or self.state.serving is not None:
            return
        call = self.source.api.get(paths.ticket(number))
        call.succeeded.connect(lambda body: self._looked_up(number, body))

    def _looked_up(self, number: str, body: Any) -> None:
        window = self.state
        if window.ticket == number and window.serving is None and isinstance(body, dict):
            window.serving = body.get("status") == "serving"
            self.refresh()

    def _on_call(self, call: Call) -> None:
        if call.window_no == self.window_no:
            self.refresh()
            self.blinker.start()

    def _say(self, call: Call) -> None:
        if self.voice is not None and call.window_no == self.window_no:
            self.voice.on_call(call)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.scale = min(event.size().width() / DESIGN_W, event.size().height() / DESIGN_H)
        rescale(self, self.scale)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() == QEvent.Type.Resize:
            self.refresh()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.source.stop()
        if self.voice is not None:
            self.voice.close()
        super().closeEvent(event)


def keep_last_word(text: str) -> str:
    """A no-break space before the last word, so "Window 9" never leaves the 9 on a line alone."""
    head, sep, tail = text.rpartition(" ")
    return f"{head}\u00a0{tail}" if sep else text
