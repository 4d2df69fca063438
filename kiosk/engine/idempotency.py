"""Idempotency keys: a write sent again with the same key gets the first answer again.

Front ends keep an outbox of what a person entered while the hall server was unreachable and
resend it later; a resend after a lost reply must not pause a window twice or rate twice. The
first outcome (result or refusal) is stored by the writer thread in the same group commit as the
command itself, so both are durable together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import HallBase
from kiosk.errors import HallError

KEEP_DAYS = 7


class ReplayedError(HallError):
    """A refusal answered again from the store, with the status it had the first time."""

    def __init__(self, status: int, code: str, zh: str, en: str, extra: dict[str, Any]) -> None:
        super().__init__(zh, en, **extra)
        self.status = status
        self.code = code


def run_once(hall: HallBase, scope: str, key: str, fn: Callable[[], Any]) -> Any:
    """Runs `fn` unless `scope:key` was seen; must run on the hall's writer thread."""
    full = f"{scope}:{key}"
    row = hall._conn.execute("SELECT status, body FROM idempotency WHERE key = ?", (full,))
    found = row.fetchone()
    if found is not None:
        stored = json.loads(found["body"])
        if found["status"] >= 400:
            e = stored["error"]
            raise ReplayedError(found["status"], e["code"], e["zh"], e["en"], e["extra"])
        return stored["result"]
    try:
        result = fn()
    except HallError as exc:
        error = {"code": exc.code, "zh": exc.message_zh, "en": exc.message_en, "extra": exc.extra}
        _remember(hall, full, scope, exc.status, {"error": error})
        raise
    _remember(hall, full, scope, 200, {"result": result})
    return result


def _remember(hall: HallBase, key: str, scope: str, status: int, body: dict[str, Any]) -> None:
    with hall._tx() as tx:
        tx.conn.execute(
            "INSERT INTO idempotency(key, principal, status, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (key, scope, status, json.dumps(body, ensure_ascii=False), iso(tx.now)),
        )


def purge_old(hall: HallBase) -> int:
    """Keys older than a week are forgotten: no outbox holds a message that long."""
    cutoff = iso(hall.clock.now() - timedelta(days=KEEP_DAYS))
    with hall._tx() as tx:
        cur = tx.conn.execute("DELETE FROM idempotency WHERE created_at < ?", (cutoff,))
        return int(cur.rowcount)
