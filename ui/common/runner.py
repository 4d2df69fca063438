"""Starting a front end: one QApplication set up the same way everywhere, and --screenshot.

`--screenshot FILE` renders the main screen offscreen against a running hall server, waits until
the window says it is ready (its first data arrived) or a timeout, saves a PNG and exits.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

SCREENSHOT_TIMEOUT_MS = 8000
SIZE_SETTLE_MS = 400  # --sizes: a resized window's re-layout, before its picture


def add_common_args(p: argparse.ArgumentParser, token: bool = True) -> None:
    p.add_argument("--server", default="http://127.0.0.1:8765", help="hall server URL")
    if token:
        p.add_argument("--token", default=os.environ.get("KIOSK_TOKEN"), help="device token")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument("--screenshot", type=Path, help="render the main screen to a PNG and exit")
    p.add_argument("--size", default=None, help="window size WxH, e.g. 1920x1080")
    p.add_argument("--tile", default=None, help=argparse.SUPPRESS)  # kiosk demo: "2/6"
    # for the contact sheets of `make screenshots`: --screenshot DIR/NAME.png writes
    # DIR/NAME@WxH.png at each of these panel sizes (comma-separated WxH)
    p.add_argument("--sizes", default=None, help=argparse.SUPPRESS)


def run(
    args: argparse.Namespace,
    front_end: str,
    build: Callable[[argparse.Namespace], object],
    point_size: int = 14,
) -> int:
    """Builds the app and the main window (`build` returns a QWidget with an optional `ready`
    signal) and runs the event loop."""
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.common import i18n, theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(f"hall-kiosk-{front_end}")
    app.setOrganizationName("hall-kiosk")
    i18n.install(app, args.lang, (front_end,))
    theme.apply(app, front_end, point_size)
    window = build(args)
    assert isinstance(window, QWidget)
    if args.size:
        w, _, h = str(args.size).partition("x")
        window.resize(int(w), int(h))
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    # let Python see signals while Qt's loop runs
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    if args.screenshot:
        sizes = [s for s in str(getattr(args, "sizes", None) or "").split(",") if s]
        return _screenshot(app, window, Path(args.screenshot), sizes)
    if getattr(args, "tile", None) and not args.fullscreen:
        from ui.common.tiling import parse_tile, tile_rect

        index, count = parse_tile(args.tile)
        screens = [s.availableGeometry() for s in app.screens()]
        window.setGeometry(tile_rect(index, count, screens))
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    _say_when_ready(window, front_end)
    return int(app.exec())


def _say_when_ready(window: object, front_end: str) -> None:
    """Under `kiosk demo`: how long after the demo started this window had its first data."""
    started = os.environ.get("KIOSK_DEMO_T0")
    if not started:
        return
    import time

    from PySide6.QtCore import QTimer

    said: list[bool] = []

    def say() -> None:
        if not said:
            said.append(True)
            elapsed = time.time() - float(started)
            print(f"{front_end}: first window {elapsed:.1f} s after start", flush=True)

    ready = getattr(window, "ready", None)
    if ready is not None:
        ready.connect(say)
    else:
        QTimer.singleShot(0, say)


def sized_path(path: Path, size: str) -> Path:
    return path.with_name(f"{path.stem}@{size}{path.suffix}")


def _screenshot(app: object, window: object, path: Path, sizes: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(app, QApplication) and isinstance(window, QWidget)
    window.show()
    saved: list[bool] = []

    started: list[bool] = []

    def grab() -> None:
        if started:
            return
        started.append(True)
        app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not sizes:
            saved.append(window.grab().save(str(path), "PNG"))
            app.quit()
        else:
            at_size(0)

    def at_size(i: int) -> None:
        """Each size in turn from the event loop itself: what a resize starts (a new shape,
        a re-layout on a timer) has run before the picture is taken."""
        if i >= len(sizes or ()):
            app.quit()
            return
        size = (sizes or [])[i]
        w, _, h = size.partition("x")
        window.resize(int(w), int(h))

        def take() -> None:
            saved.append(window.grab().save(str(sized_path(path, size)), "PNG"))
            at_size(i + 1)

        QTimer.singleShot(SIZE_SETTLE_MS, take)

    ready = getattr(window, "ready", None)
    if ready is not None:
        ready.connect(lambda: QTimer.singleShot(300, grab))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, grab)
    app.exec()
    if not (saved and all(saved)):
        print(f"could not save {path}", file=sys.stderr)
        return 1
    print(f"saved {path}")
    return 0
