"""What every screen shares: the hall, the server, the printer, the voice and the citizen's
choices (language, elder mode) plus the window's shape (portrait or landscape).

One object passed to every screen instead of a web of signals between screens: a screen reads
``ctx.lang`` when it renders and listens to ``modeChanged`` to render again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ui.common import i18n
from ui.common.api import ApiCall, ApiError, HallApi
from ui.printing.printer import Printer
from ui.ticket_kiosk.hall import HallState
from ui.ticket_kiosk.print_alerts import PrintAlerts
from ui.ticket_kiosk.service import ServiceMonitor
from ui.ticket_kiosk.voice import VoiceGuide

FRONT_END = "ticket_kiosk"


class KioskContext(QObject):
    modeChanged = Signal()  # lang, elder or portrait changed

    def __init__(
        self,
        *,
        api: HallApi,
        hall: HallState,
        monitor: ServiceMonitor,
        printer: Printer,
        print_alerts: PrintAlerts,
        voice: VoiceGuide,
        lang: str = "zh",
        elder: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.api, self.hall, self.monitor = api, hall, monitor
        self.printer, self.print_alerts, self.voice = printer, print_alerts, voice
        print_alerts.setParent(self)
        self.lang = lang
        self.elder = elder
        self.portrait = False
        self.compact = False  # a small panel (1366x768, 1280x1024, 1024x768): compact type
        self.on_lang: Callable[[str], None] | None = None  # the keyboard follows the language

    @property
    def server_url(self) -> str:
        return self.api.base_url

    def set_lang(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        app = QApplication.instance()
        if isinstance(app, QApplication):
            i18n.install(app, lang, (FRONT_END,))
        if self.on_lang is not None:
            self.on_lang(lang)
        self.modeChanged.emit()

    def set_elder(self, elder: bool) -> None:
        if elder != self.elder:
            self.elder = elder
            self.modeChanged.emit()

    def set_portrait(self, portrait: bool) -> None:
        self.set_shape(portrait, self.compact)

    def set_shape(self, portrait: bool, compact: bool) -> None:
        if (portrait, compact) != (self.portrait, self.compact):
            self.portrait, self.compact = portrait, compact
            self.modeChanged.emit()

    def shutdown(self) -> None:
        """Window closing: stop the feed and probes, let a print in progress finish."""
        self.hall.follow.stop()
        self.hall.issuing.stop()
        self.monitor.stop()
        self.voice.close()
        self.printer.wait(5.0)
        self.hall.workers.wait(5000)

    def say(self, text: str) -> None:
        """Voice guidance, in elder mode only."""
        if self.elder:
            self.voice.say(text, self.lang)

    def send(
        self,
        call: ApiCall,
        ok: Callable[[Any], None],
        refused: Callable[[str], None],
        offline: Callable[[], None] | None = None,
    ) -> ApiCall:
        """Wires one call: its answer, or the server's refusal in the citizen's language. A
        network failure already puts the kiosk out of service (ServiceMonitor); ``offline``
        lets the caller drop its busy state."""

        def failed(error: ApiError) -> None:
            if error.network:
                if offline is not None:
                    offline()
            else:
                refused(error.message(self.lang))

        call.succeeded.connect(ok)
        call.failed.connect(failed)
        return call
