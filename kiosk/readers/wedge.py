"""Keyboard-wedge readers: the reader types what it read, then Enter.

The kiosk forwards every key event's text (and Enter) here; a line is collected until Enter and
then parsed. Typing by hand on a real keyboard would be collected the same way, which is
harmless: the line is checked like any other. Backspace is honoured; a line longer than a
reader ever sends is dropped whole rather than cut, so a stuck key does not become a number.
"""

from __future__ import annotations

from kiosk.readers.scan import DEFAULT_FORMAT, MAX_LINE, LineFormat, OnScan, Scan, parse_line

ENTER = ("\r", "\n")
BACKSPACE = "\b"


class KeyboardWedge:
    def __init__(self, fmt: LineFormat = DEFAULT_FORMAT) -> None:
        self.fmt = fmt
        self._buffer: list[str] = []
        self._overflow = False
        self._on_scan: OnScan | None = None

    def start(self, on_scan: OnScan) -> None:
        self._on_scan = on_scan
        self._buffer.clear()

    def stop(self) -> None:
        self._on_scan = None
        self._buffer.clear()

    def feed(self, text: str) -> list[Scan]:
        """Characters as typed (a key event's text, "\\r" for Enter); returns the scans they
        completed, after giving each to the listener."""
        done: list[Scan] = []
        for ch in text:
            if ch in ENTER:
                line, overflow = "".join(self._buffer), self._overflow
                self._buffer.clear()
                self._overflow = False
                if line.strip() and not overflow:
                    scan = parse_line(line, self.fmt)
                    done.append(scan)
                    if self._on_scan is not None:
                        self._on_scan(scan)
            elif ch == BACKSPACE:
                if self._buffer:
                    self._buffer.pop()
            elif ch.isprintable():
                if len(self._buffer) >= MAX_LINE:
                    self._overflow = True
                else:
                    self._buffer.append(ch)
        return done

    @property
    def pending(self) -> str:
        return "".join(self._buffer)
