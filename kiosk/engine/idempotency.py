"""Idempotency keys: a write sent again with the same key gets the first answer again.

Front ends keep an outbox of what a person entered while the hall server was unreachable and
resend it later; a resend after a lost reply must not pause a window twice or rate twice. The
first outcome (result or refusal) is stored by the writer thread in the same group commit as the
command itself, so both are durable together or not at all.

What keeps a key from becoming a way in (the IETF Idempotency-Key draft's rules):
- a key belongs to the principal that sent it (`device:kiosk-1`, `clerk:1001`, `ticket:<id>`):
  one caller's key never meets another's, and an anonymous request (a login) is never replayed;
- a key is bound to its request by a fingerprint of method, path and body: the same key with
  another request is refused (422) instead of answered with the first request's result;
- no secret is stored: a status link in a reply is stored as a marker and derived again from the
  ticket id (and the hall's secret) when the reply is replayed; a session token is never stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import HallBase
from kiosk.engine.queue.views import status_url
from kiosk.engine.settings import HallSettings
from kiosk.errors import HallError, Invalid

KEEP_DAYS = 7
DERIVED = "status_url"  # stored as MARKER, derived again from the ticket's "id" on replay
MARKER = "\u0000derived"
NEVER_STORED = frozenset({"token"})  # a reply carrying one is not stored at all


class ReplayedError(HallError):
    """A refusal answered again from the store, with the status it had the first time."""

    def __init__(self, status: int, code: str, zh: str, en: str, extra: dict[str, Any]) -> None:
        super().__init__(zh, en, **extra)
        self.status = status
        self.code = code


class KeyReused(Invalid):
    """The same key with a different request: the client has a bug, or someone guesses keys."""

    code = "idempotency_key_reused"


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What a key is bound to. A JSON body is compared by content, not by its spelling."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
        content = canonical.encode()
    except ValueError:
        content = body
    digest = hashlib.sha256(f"{method.upper()} {path}\n".encode())
    digest.update(content)
    return digest.hexdigest()


class IdempotentRequests(HallBase):
    def run_once(self, scope: str, key: str, print_: str, fn: Callable[[], Any]) -> Any:
        """Runs `fn` unless `key` was seen from `scope`; must run on the hall's writer thread,
        whose connection also sees a first request still in the open batch. `print_` is the
        request's fingerprint."""
        full = json.dumps([scope, key], ensure_ascii=False)
        row = self._conn.execute("SELECT status, body FROM idempotency WHERE key = ?", (full,))
        found = row.fetchone()
        if found is not None:
            stored = json.loads(found["body"])
            if stored.get("fingerprint") != print_:
                raise KeyReused(
                    "该请求编号已用于另一项操作，请重新操作",
                    "this Idempotency-Key was already used with a different request",
                )
            if found["status"] >= 400:
                e = stored["error"]
                raise ReplayedError(found["status"], e["code"], e["zh"], e["en"], e["extra"])
            return _restore(self.settings, stored["result"])
        try:
            result = fn()
        except HallError as exc:
            error = {
                "code": exc.code,
                "zh": exc.message_zh,
                "en": exc.message_en,
                "extra": exc.extra,
            }
            _remember(self, full, scope, exc.status, {"fingerprint": print_, "error": error})
            raise
        stored_result = _strip(result)
        if stored_result is not _SECRET:
            _remember(self, full, scope, 200, {"fingerprint": print_, "result": stored_result})
        return result


class _Secret:
    """A reply that holds a secret no replay could derive again: it is not remembered."""


_SECRET: Any = _Secret()


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in NEVER_STORED:
                return _SECRET
            if k == DERIVED and v is not None and "id" in value:
                out[k] = MARKER
                continue
            stripped = _strip(v)
            if stripped is _SECRET:
                return _SECRET
            out[k] = stripped
        return out
    if isinstance(value, (list, tuple)):
        items = [_strip(v) for v in value]
        return _SECRET if any(i is _SECRET for i in items) else items
    return value


def _restore(settings: HallSettings, value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: status_url(settings, value["id"])
            if k == DERIVED and v == MARKER
            else _restore(settings, v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_restore(settings, v) for v in value]
    return value


def _remember(hall: HallBase, key: str, scope: str, status: int, body: dict[str, Any]) -> None:
    with hall.transaction() as tx:
        tx.conn.execute(
            "INSERT INTO idempotency(key, principal, status, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (key, scope, status, json.dumps(body, ensure_ascii=False), iso(tx.now)),
        )


def purge_old(hall: HallBase) -> int:
    """Keys older than a week are forgotten: no outbox holds a message that long."""
    cutoff = iso(hall.clock.now() - timedelta(days=KEEP_DAYS))
    with hall.transaction() as tx:
        cur = tx.conn.execute("DELETE FROM idempotency WHERE created_at < ?", (cutoff,))
        return int(cur.rowcount)
