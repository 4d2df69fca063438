"""Who owns a hall store: one process at a time may write it.

The hall server caches the next sequence number of the log, so a second writer (a CLI command
run beside it) would make every later write of the server fail with a duplicate seq. `kiosk
serve` therefore holds an exclusive lock for its lifetime, and writing commands take it too for
their few seconds (or, finding it held, go through the running server). The lock is an OS file
lock on `hall.db.lock` next to the store: the OS releases it when the process dies, however it
dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from kiosk.errors import Conflict

LOCK_FILE = "hall.db.lock"


class StoreBusy(Conflict):
    code = "store_busy"


class StoreLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Takes the lock if nobody holds it; never waits."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def acquire(self, what: str) -> StoreLock:
        """Takes the lock or refuses with one clear line naming the command (`what`)."""
        if not self.try_acquire():
            raise StoreBusy(
                f"数据目录 {self.path.parent} 正被运行中的大厅服务（kiosk serve）"
                f"或另一条命令使用，不能同时运行 `{what}`：请先停止服务再试",
                f"the store in {self.path.parent} is in use by a running hall server (kiosk "
                f"serve) or another command; stop it before running `{what}`",
            )
        return self

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows halls only
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
