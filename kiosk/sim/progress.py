"""A progress bar on stderr, only when stderr is a terminal (a log or a pipe gets nothing)."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, total: float, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total, self.label, self.done = max(total, 1e-9), label, 0.0
        self._shown = -1

    def update(self, done: float, note: str = "") -> None:
        self.done = min(done, self.total)
        if not self.on:
            return
        share = self.done / self.total
        cells = int(share * 30)
        if cells == self._shown and share < 1:
            return
        self._shown = cells
        bar = "#" * cells + "-" * (30 - cells)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {note}".ljust(70))
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\n")
            self.stream.flush()
