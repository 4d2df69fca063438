"""Saving an exported report off the GUI thread: the bytes came from the server; writing them
is a disk write, so a worker does it and says by signal where the file went."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


def default_dir() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "hall-kiosk" / "reports"


class _Signals(QObject):
    saved = Signal(str)
    failed = Signal(str)


class _Write(QRunnable):
    def __init__(self, path: Path, data: bytes, signals: _Signals) -> None:
        super().__init__()
        self.path, self.data, self.signals = path, data, signals

    def run(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(self.path.suffix + ".part")
            tmp.write_bytes(self.data)
            tmp.replace(self.path)
        except OSError as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.saved.emit(str(self.path))


class FileSaver(QObject):
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder or default_dir()
        self._signals = _Signals(self)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)

    def save(self, name: str, data: bytes) -> None:
        QThreadPool.globalInstance().start(_Write(self.folder / name, data, self._signals))
