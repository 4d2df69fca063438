"""Key events to a keyboard-wedge reader: an ID-card or QR reader that types what it read and
then Enter. Installed on the application while a screen wants scans, it watches every key
press (it never swallows one) and hands the characters to the core's KeyboardWedge, which
collects a line and says what it is (kiosk/readers)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.readers import KeyboardWedge, Scan

KEYS = {
    Qt.Key.Key_Return: "\r",
    Qt.Key.Key_Enter: "\r",
    Qt.Key.Key_Backspace: "\b",
}


class WedgeInput(QObject):
    scanned = Signal(object)  # a kiosk.readers.Scan

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wedge = KeyboardWedge()
        self.wedge.start(self._emit)
        self.active = False
        self._last: tuple[tuple[int, str, int], QWidget | None] | None = None

    def _emit(self, scan: Scan) -> None:
        self.scanned.emit(scan)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self.active:
            self.wedge.start(self._emit)
            app.installEventFilter(self)
            self.active = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self.active:
            app.removeEventFilter(self)
        self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget):
            return False  # the window system's own objects see the same key first
        sig = (event.key(), event.text(), event.timestamp())
        last = self._last
        # A key a widget ignores travels on to its parent and reaches this filter again: the
        # same key, the same time, at an ancestor of where it was just seen.
        if last is not None and last[0] == sig and last[1] is not None:
            try:
                if watched is not last[1] and watched.isAncestorOf(last[1]):
                    self._last = (sig, watched)
                    return False
            except RuntimeError:  # the earlier widget is gone
                pass
        self._last = (sig, watched)
        self.wedge.feed(KEYS.get(Qt.Key(event.key()), event.text()))
        return False
