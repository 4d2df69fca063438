"""The kiosk's main window: header, one screen at a time, footer, and the rules that apply
across screens (navigation history, idle reset, out of service, elder mode, voice guidance).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.chrome import BusyCover, Footer, Header
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.idle import IDLE_MS, IdleWatcher
from ui.ticket_kiosk.screens.base import Screen
from ui.ticket_kiosk.screens.registry import build_screens


def is_compact(width: int, height: int) -> bool:
    """The panels below 1920x1080 halls buy (1366x768, 1280x1024, 1024x768), and the portrait
    panel with its 1080 px width: the style sheet's [panel="compact"] steps the type down."""
    return height < 900 or width < 1400


class KioskWindow(QWidget):
    ready = Signal()  # first data on screen (or the out-of-service screen): --screenshot waits
    loaded = Signal()

    def __init__(self, ctx: KioskContext, idle_ms: int = IDLE_MS, hold_ready: bool = False) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.resize(1920, 1080)
        self.ctx = ctx
        self.default_lang, self.default_elder = ctx.lang, ctx.elder
        self.hold_ready = hold_ready
        self._loaded = False
        self.history: list[tuple[str, object]] = []
        self.current: tuple[str, object] = ("home", None)
        self.header = Header()
        self.footer = Footer()
        self.stack = QStackedWidget()
        self.flow = TicketFlow(ctx, self, self)
        self.screens = build_screens(ctx, self, self.flow)
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        box = QVBoxLayout(self)
        # the window is the screen: a screen's content must never resize it (tests check fit)
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.stack, 1)
        box.addWidget(self.footer)
        self.cover = BusyCover(self)
        self.header.back.clicked.connect(self.back)
        self.header.home.clicked.connect(self.home)
        self.header.lang.clicked.connect(self._toggle_lang)
        self.header.elder.clicked.connect(self._toggle_elder)
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.reset_all)
        self.idle.start()
        ctx.modeChanged.connect(self._mode_changed)
        ctx.hall.catalogChanged.connect(self._data_changed)
        ctx.hall.queueChanged.connect(self._data_changed)
        ctx.hall.issuing.changed.connect(self._update_header)
        ctx.monitor.changed.connect(self._service_changed)
        if not hold_ready:
            self.loaded.connect(self.ready)
        self._mode_changed()
        self.go("home")

    # --- navigation (screens.base.Nav) ----------------------------------------------------------
    @property
    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def go(self, name: str, arg: object = None, remember: bool = True) -> None:
        if self.ctx.monitor.up is False and name != "offline":
            return  # nothing but the out-of-service screen while the server is away
        leaving = self.current[0]
        if remember and leaving != name and leaving not in ("ticket", "offline"):
            self.history.append(self.current)  # the ticket and outage screens are not revisited
        self.current = (name, arg)
        screen = self.screens[name]
        for other in self.screens.values():
            # a hidden screen's minimum size must not stretch the window (QStackedLayout)
            policy = QSizePolicy.Policy.Preferred if other is screen else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(screen)
        screen.enter(arg)
        self._update_header()
        self.ctx.say(screen.guidance())

    def back(self) -> None:
        if self.history:
            name, arg = self.history.pop()
            self.go(name, arg, remember=False)
        else:
            self.home()

    def home(self) -> None:
        for name, screen in self.screens.items():
            if name != "home":
                screen.reset()
        self.history.clear()
        self.go("home", remember=False)

    def busy(self, text: str | None) -> None:
        self.cover.show_text(text)

    def reset_all(self) -> None:
        """Idle for a minute: the next citizen starts clean, in the kiosk's own settings."""
        if not self.flow.in_flight:
            self.busy(None)
        self.ctx.set_lang(self.default_lang)
        self.ctx.set_elder(self.default_elder)
        if self.current[0] != "offline":
            self.home()

    # --- reactions ------------------------------------------------------------------------------
    def _update_header(self) -> None:
        self.setWindowTitle(self.tr("Ticket kiosk"))
        screen = self.current_screen
        self.header.title.set_full_text(screen.title())
        self.header.back.setVisible(screen.show_back)
        self.header.home.setVisible(screen.show_back)
        self.header.retranslate(self.ctx.lang, self.ctx.elder)
        catalog = self.ctx.hall.catalog
        hall = catalog.hall_name(self.ctx.lang) if catalog is not None else ""
        self.header.hall.setText(hall)
        # the footer names the hall too: in elder mode on a small panel the header keeps its
        # room for the title (in English it wrapped to four lines and left one tile a page)
        crowded = self.ctx.portrait or (self.ctx.elder and self.ctx.compact)
        self.header.hall.setVisible(bool(hall) and not screen.show_back and not crowded)
        if catalog is not None:
            trial = self.ctx.hall.issuing.trial_text()
            self.footer.set_info(
                hall, catalog.version, catalog.timezone, trial, short_clock=self.ctx.elder
            )

    def _mode_changed(self) -> None:
        elder = "true" if self.ctx.elder else "false"
        panel = "compact" if self.ctx.compact else "regular"
        shape = "portrait" if self.ctx.portrait else "landscape"
        now = (self.property("elder"), self.property("lang"), self.property("panel"))
        if (*now, self.property("shape")) != (elder, self.ctx.lang, panel, shape):
            self.setProperty("elder", elder)
            self.setProperty("lang", self.ctx.lang)
            self.setProperty("panel", panel)
            self.setProperty("shape", shape)
            # only this window's widgets: their [elder] selectors depend on this ancestor
            style = self.style()
            for widget in (self, *self.findChildren(QWidget)):
                style.unpolish(widget)
                style.polish(widget)
        self._update_header()

    def _toggle_lang(self) -> None:
        self.ctx.set_lang("en" if self.ctx.lang == "zh" else "zh")
        self.ctx.say(self.current_screen.guidance())

    def _toggle_elder(self) -> None:
        self.ctx.set_elder(not self.ctx.elder)
        self.ctx.say(self.current_screen.guidance())

    def _data_changed(self) -> None:
        self._update_header()
        if not self._loaded and self.ctx.hall.ready:
            self._loaded = True
            self.loaded.emit()

    def _service_changed(self, up: bool) -> None:
        if up:
            if self.current[0] == "offline":  # back after an outage: fresh data, fresh start
                self.ctx.hall.load()
                self.ctx.print_alerts.flush()
                self.home()
        else:
            self.busy(None)
            self.history.clear()
            self.go("offline", remember=False)
            if not self._loaded:
                self.loaded.emit()

    def keyboard_inset(self, height: int) -> None:
        """The on-screen keyboard covers the bottom of the screen: keep the content above it
        (the footer gives way first)."""
        self.footer.setVisible(height <= 0)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, max(0, height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = self.size()
        self.ctx.set_shape(size.height() > size.width(), is_compact(size.width(), size.height()))
        if self.cover.isVisible():
            self.cover.setGeometry(self.rect())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_header()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.ctx.shutdown()
        super().closeEvent(event)
