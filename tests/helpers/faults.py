"""Real faults for tests: a small filesystem that fills up, a disk made full, a truncated store.

The full disk is a tmpfs mounted for the test (the sandbox runs as root); where mounting is not
permitted the fixture skips with the reason, and the tests that need a full store fall back to
`PRAGMA max_page_count`, with which SQLite itself answers SQLITE_FULL.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_filesystem(where: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` for the block; skips if mounting is refused."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(
            f"mounting a tmpfs is not permitted here ({done.stderr.strip() or done.returncode}); "
            "the max_page_count variant of this test covers SQLITE_FULL instead"
        )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(directory: Path, name: str = "filler") -> Path:
    """Writes a file until the filesystem has not one byte left; returns it (delete to free)."""
    path = directory / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (1 << 20, 1 << 16, 4096, 512, 1):
            block = b"\0" * chunk
            while True:
                try:
                    os.write(fd, block)
                except OSError:
                    break
    finally:
        os.close(fd)
    return path


def truncate_copy(source: Path, target: Path, keep: float = 0.5) -> Path:
    """A copy of a store cut off after `keep` of its bytes: what a torn copy or a disk that
    lost its tail leaves behind."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target
