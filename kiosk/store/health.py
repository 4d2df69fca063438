"""The start-up check of a hall store: refuse a damaged file before anything writes to it.

A truncated or overwritten hall.db used to start, answer /health, then fail every request. Now
`kiosk serve` and every command that opens the store run SQLite's `PRAGMA quick_check` first and
refuse with the recovery steps. Nothing is repaired here on purpose: the log is the hall's
record, and guessing at a damaged one could invent or drop a ticket.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.errors import HallError

QUICK_CHECK_ROWS = 5  # enough of SQLite's findings to tell a technician what broke


class DamagedStore(HallError):
    status = 503
    code = "store_damaged"


def recovery_steps(data_dir: Path) -> tuple[str, str]:
    zh = (
        "恢复步骤：1) 保留损坏的文件备查；"
        f"2) 从备份恢复 {data_dir}/hall.db（不要带旧的 -wal、-shm 文件）；"
        f"3) 运行 `kiosk sync --data {data_dir}` 从市中心取回备份之后的事件；"
        "4) 再启动 `kiosk serve`。"
        "没有备份时可用同一份大厅配置重新 `kiosk init`，再 `kiosk sync` 取回全部事件。"
    )
    en = (
        f"To recover: 1) keep the damaged file for inspection; 2) restore {data_dir}/hall.db from "
        "a backup (without old -wal/-shm files); 3) run `kiosk sync --data "
        f"{data_dir}` to fetch the newer events back from the city center; 4) start `kiosk serve` "
        "again. Without a backup, `kiosk init` with the same hall config, then `kiosk sync`."
    )
    return zh, en


def damaged(path: Path, finding: str) -> DamagedStore:
    zh, en = recovery_steps(path.parent)
    return DamagedStore(
        f"数据库文件 {path} 已损坏，拒绝启动（{finding}）。{zh}",
        f"the hall store {path} is damaged and will not be served ({finding}). {en}",
    )


def check_store(path: Path) -> None:
    """Raises DamagedStore unless `path` is a sound, initialised hall store."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from exc
    try:
        check_connection(conn, path)
    finally:
        conn.close()


def check_connection(conn: sqlite3.Connection, path: Path) -> None:
    """The same check through a connection already open (a read-only one, for a command that
    reads the store while the server owns it)."""
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchmany(QUICK_CHECK_ROWS)]
        if rows != ["ok"]:
            raise damaged(path, "; ".join(rows))
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        config = (
            conn.execute("SELECT 1 FROM meta WHERE key = 'hall_config'").fetchone()
            if has_meta
            else None
        )
        if config is None:
            raise damaged(path, "no hall configuration in it: empty or not a hall store")
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise
        raise damaged(path, str(exc)) from exc
