"""Opening a front end on a screen and showing it at each of its panel sizes, in this process.

The layout test and `--sizes` (the contact sheets of `make screenshots`) both go through here:
the window is built by the same function `kiosk <command>` uses, from the same command line,
with the same translations and theme, so what is checked is what a hall runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.common import i18n, theme
from ui.common.panels import FrontEnd, Panel

READY_MS = 8000


def parse(front_end: FrontEnd, argv: list[str]) -> argparse.Namespace:
    """The command line as `kiosk <command>` parses it: the front end's own `register` (ui
    never imports the hall's CLI, which reaches into the store and the server)."""
    parser = argparse.ArgumentParser(prog="kiosk")
    register = importlib.import_module(f"ui.{front_end.name}.cli").register
    register(parser.add_subparsers())
    return parser.parse_args([front_end.command, *argv])


def builder(front_end: FrontEnd) -> Callable[[argparse.Namespace], object]:
    module, _, name = front_end.build.partition(":")
    build: Callable[[argparse.Namespace], object] = getattr(importlib.import_module(module), name)
    return build


def open_window(front_end: FrontEnd, argv: list[str]) -> QWidget:
    """The front end's window as `kiosk <command> <argv>` builds it, shown, and ready (its
    first data arrived and the screen asked for is open) or READY_MS later."""
    args = parse(front_end, argv)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, args.lang, (front_end.name,))
    theme.apply(app, front_end.name, front_end.point_size)
    window = builder(front_end)(args)
    assert isinstance(window, QWidget)
    first = front_end.panels[0]
    window.resize(first.width, first.height)
    window.show()
    wait_ready(window)
    return window


def wait_ready(window: QWidget, timeout_ms: int = READY_MS) -> bool:
    ready = getattr(window, "ready", None)
    if ready is None:
        settle()
        return True
    loop = QEventLoop()
    fired: list[bool] = []

    def done() -> None:
        fired.append(True)
        QTimer.singleShot(300, loop.quit)  # what the ready screen starts (a fade, a banner)

    ready.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    settle()
    return bool(fired)


def settle(rounds: int = 4) -> None:
    """Lets deferred layout requests and resize handlers run to the end."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents()


def at_sizes(window: QWidget, panels: tuple[Panel, ...]) -> Iterator[Panel]:
    """Resizes the window to each panel in turn; the caller checks or grabs it at each."""
    for panel in panels:
        window.resize(panel.width, panel.height)
        settle()
        yield panel


def close(window: QWidget) -> None:
    """Closes the window and deletes it now, with everything it owns: a style sheet applied
    later must not reach widgets half gone."""
    window.close()
    window.deleteLater()
    settle()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    settle()
