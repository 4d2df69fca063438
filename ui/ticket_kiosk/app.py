"""Assembling a kiosk: the server client, the hall it follows, monitor, printer, voice, window.

One function used by the CLI, the tests and the benchmark, so all three run the same kiosk.
Needs a QApplication (with translations and theme installed, see ui.common.runner.run).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from ui.common.api import HallApi
from ui.common.outbox_qt import QtOutbox
from ui.printing.printer import Printer
from ui.ticket_kiosk import keyboard
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.hall import HallState
from ui.ticket_kiosk.idle import IDLE_MS
from ui.ticket_kiosk.print_alerts import PrintAlerts
from ui.ticket_kiosk.service import ServiceMonitor, kiosk_follow
from ui.ticket_kiosk.voice import Speaker, VoiceGuide, default_speaker
from ui.ticket_kiosk.window import KioskWindow
from ui.ticket_kiosk.workers import Workers

MEMORY = Path(":memory:")  # tests and benchmarks: in order and exactly once, while running


def create_kiosk(
    server: str,
    token: str,
    *,
    printer: str | None = None,
    lang: str = "zh",
    elder: bool = False,
    idle_ms: int = IDLE_MS,
    speaker: Callable[[], Speaker] = default_speaker,
    hold_ready: bool = False,
    outbox: Path | None = None,
) -> KioskWindow:
    """A kiosk window already loading its data; show it (or grab it) when you like."""
    api = HallApi(server, token)
    follow = kiosk_follow(api)
    workers = Workers()
    hall = HallState(api, follow, workers)
    monitor = ServiceMonitor(api, follow)
    alerts = QtOutbox(outbox or MEMORY, server)
    paper = Printer(printer)
    ctx = KioskContext(
        api=api,
        hall=hall,
        monitor=monitor,
        printer=paper,
        print_alerts=PrintAlerts(paper, api, alerts),
        voice=VoiceGuide(workers, speaker),
        lang=lang,
        elder=elder,
    )
    window = KioskWindow(ctx, idle_ms=idle_ms, hold_ready=hold_ready)
    for obj in (api, follow, workers, hall, monitor, ctx, alerts, paper):
        obj.setParent(window)
    core = alerts.outbox  # the worker thread stops with the window, whoever deletes it first
    window.destroyed.connect(lambda *_: core.close())
    if keyboard.active():
        board = keyboard.KeyboardLocale(lang, window)
        ctx.on_lang = board.set_lang
        method = QGuiApplication.inputMethod()
        method.keyboardRectangleChanged.connect(
            lambda: window.keyboard_inset(round(method.keyboardRectangle().height()))
        )
    hall.load()
    return window
