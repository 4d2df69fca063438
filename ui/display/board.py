"""The hall board (1920x1080, full screen): the latest call large and blinking, recent calls,
every window, waiting per queue, the hall's notices scrolling, the time.

Why it never waits: data arrives by signal from BoardSource (snapshot, then live events), speech
goes to the Announcer's own thread through BoardVoice, and the only timers are the clock, the
blink and the ticker, none of which touch the network.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from ui.common.halltime import hall_now
from ui.display.lists import QueueGrid, RecentCalls
from ui.display.model import BoardModel, Call
from ui.display.panels import NowCalling, WindowGrid
from ui.display.source import BoardSource
from ui.display.ticker import Ticker
from ui.display.voice import BoardVoice
from ui.display.widgets import LEFT, RIGHT, fit_text, label, lang, rescale

DESIGN_W, DESIGN_H = 1920, 1080
LIVE_WAIT_MS = 3000  # ready without the live feed after this long (it keeps retrying)
# A portrait board (1080x1920) is its own design, not the landscape one squeezed: one panel per
# row across the full width, the call now on top, then recent calls, the queues and the windows.
PORTRAIT_W, PORTRAIT_H = 1080, 1920
LANDSCAPE = {  # panel: (row, column, row span, column span)
    "now": (0, 0, 1, 1),
    "recent": (1, 0, 1, 1),
    "windows": (0, 1, 1, 1),
    "queues": (1, 1, 1, 1),
}
PORTRAIT = {
    "now": (0, 0, 1, 2),
    "recent": (1, 0, 1, 2),
    "queues": (2, 0, 1, 2),
    "windows": (3, 0, 1, 2),
}


class HallBoard(QWidget):
    ready = Signal()

    def __init__(
        self, source: BoardSource, voice: BoardVoice | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Hall board"))
        self.source, self.voice, self.model = source, voice, source.model
        self.scale = 1.0
        self.now, self.recent = NowCalling(), RecentCalls()
        self.windows, self.queues = WindowGrid(), QueueGrid()
        self.ticker = Ticker()
        root = QVBoxLayout(self)
        # Sizes follow the screen, never the text: a size constraint would push minimum sizes
        # onto the top-level window on every rescale (and warn on platforms without hints).
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header(), 11)
        self.body = QGridLayout()
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(20)
        self.portrait: bool | None = None
        self._arrange(False)
        root.addLayout(self.body, 89)
        root.addWidget(self._ticker_band(), 8)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        source.changed.connect(self.refresh)
        source.called.connect(self._on_call)
        self.was_live = False  # the live feed connected once: a drop after it is "lost"
        source.connected.connect(self._connected)
        source.ready.connect(self._ready_when_live)
        if voice is not None:
            source.called.connect(voice.on_call)
        self.refresh()
        self._tick()

    def _header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("header")
        self.hall = label("hallName", 54, True, LEFT)
        self.hall.setProperty("basePx", None)  # fitted to its width by refresh()
        self.status = label("status", 26, False, RIGHT)
        self.time = label("time", 64, True, RIGHT)
        self.date = label("date", 28, False, RIGHT)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.time, 3)
        clock.addWidget(self.date, 2)
        row = QHBoxLayout(header)
        row.setContentsMargins(36, 6, 36, 8)
        row.addWidget(self.hall, 10)
        row.addWidget(self.status, 5)
        row.addLayout(clock, 6)
        return header

    def _ticker_band(self) -> QFrame:
        band = QFrame()
        band.setObjectName("tickerBand")
        self.badge = label("badge", 32, True)
        self.badge.setProperty("basePx", None)  # fitted to its width by refresh()
        row = QHBoxLayout(band)
        row.setContentsMargins(24, 8, 0, 8)
        row.setSpacing(20)
        row.addWidget(self.badge, 1)
        row.addWidget(self.ticker, 7)  # the badge keeps its words on a portrait board too
        return band

    def _arrange(self, portrait: bool) -> None:
        """Places the four panels for the screen's shape (LANDSCAPE or PORTRAIT)."""
        if portrait == self.portrait:
            return
        self.portrait = portrait
        panels = {"now": self.now, "recent": self.recent, "windows": self.windows}
        panels["queues"] = self.queues
        for widget in panels.values():
            self.body.removeWidget(widget)
        for name, (row, col, span_rows, span_cols) in (PORTRAIT if portrait else LANDSCAPE).items():
            self.body.addWidget(panels[name], row, col, span_rows, span_cols)
        row_stretch = (5, 4, 6, 8) if portrait else (11, 7, 0, 0)
        col_stretch = (1, 1) if portrait else (9, 10)
        for i, stretch in enumerate(row_stretch):
            self.body.setRowStretch(i, stretch)
        for i, stretch in enumerate(col_stretch):
            self.body.setColumnStretch(i, stretch)

    # -- rendering -------------------------------------------------------------------------
    def refresh(self) -> None:
        zh = lang() == "zh"
        model = self.model
        name = (model.hall_zh if zh else model.hall_en) or self.tr("Service hall")
        fit_text(self.hall, name, 54, self.scale, self.hall.width())
        fit_text(self.badge, self.tr("Notices"), 32, self.scale, self.badge.width() - 8)
        self.now.show_model(model)
        self.recent.show_model(model)
        self.windows.show_model(model)
        self.queues.show_model(model)
        notices = self._notice_text(model, zh)
        if self.source.closed:  # closed: the hall's hours first, where everyone looks
            hours = self.source.issuing.get("hours_zh" if zh else "hours_en") or ""
            closed = self.tr("Tickets are not issued now. Opening hours: {hours}")
            notices = "　　◆　　".join(t for t in (closed.format(hours=hours), notices) if t)
        self.ticker.set_text(notices)
        self._status()
        self._tick()  # the snapshot may have brought the hall's time zone

    @staticmethod
    def _notice_text(model: BoardModel, zh: bool) -> str:
        parts = []
        for n in model.notices:
            title, body = (n["title_zh"], n["body_zh"]) if zh else (n["title_en"], n["body_en"])
            parts.append(f"{title}{'：' if zh else ': '}{body}")
        return "　　◆　　".join(parts)

    def _connected(self, up: bool) -> None:
        self.was_live = self.was_live or up
        self._status()

    def _ready_when_live(self) -> None:
        """Ready once the snapshot is in and the live feed follows it (or LIVE_WAIT_MS later):
        what a screenshot or a person sees then is the board at work, not still connecting."""
        if self.source.live:
            self.ready.emit()
            return
        fired: list[bool] = []

        def once(*_: object) -> None:
            if not fired:
                fired.append(True)
                self.ready.emit()

        self.source.connected.connect(once)
        QTimer.singleShot(LIVE_WAIT_MS, self, once)

    def _status(self) -> None:
        if not self.source.loaded or (not self.source.live and not self.was_live):
            text = self.tr("Connecting to the hall server…")
        elif not self.source.live:
            text = self.tr("Connection lost, reconnecting…")
        elif self.voice is not None and self.voice.speech is False:
            text = self.tr("Voice unavailable")
        elif self.source.closed:
            text = self.tr("Closed: see the opening hours below")
        else:
            text = ""
        self.status.setText(text)

    def _tick(self) -> None:
        now = hall_now(self.model.timezone)
        locale = QLocale()
        time_text = locale.toString(now.time(), "HH:mm:ss")
        if time_text != self.time.text():  # the clock's digits fit the header's height
            fit_text(
                self.time, time_text, 64, self.scale, self.time.width(), None, self.time.height()
            )
        date_text = locale.toString(now.date(), self.tr("dddd, d MMMM yyyy"))
        if date_text != self.date.text():
            fit_text(
                self.date, date_text, 28, self.scale, self.date.width(), None, self.date.height()
            )
        self._status()

    def _on_call(self, call: Call) -> None:
        self.now.show_model(self.model)
        self.now.blinker.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = event.size().width(), event.size().height()
        self._arrange(h > w)
        design_w, design_h = (PORTRAIT_W, PORTRAIT_H) if h > w else (DESIGN_W, DESIGN_H)
        self.scale = min(w / design_w, h / design_h)
        for panel in (self.now, self.recent, self.queues):
            panel.scale = self.scale
        rescale(self, self.scale)
        super().resizeEvent(event)
        self.time.setText("")  # refitted by refresh() at the new size
        self.date.setText("")
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.source.stop()
        if self.voice is not None:
            self.voice.close()
        super().closeEvent(event)
