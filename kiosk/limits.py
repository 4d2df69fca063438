"""Field limits the hall and the city center share: one definition, so that nothing a hall
accepts can later be refused by its center.

A hall that logs an event the center cannot store is stuck: sync resends the same batch forever
and every later event waits behind it. So each value that ends up in an event is bounded here,
the hall refuses anything beyond it at the door (request schemas, adding a clerk or a device,
and a last check when an event is made), and the center's checks and columns are built from the
same numbers. Qt-free and dependency-free: both sides import it.

Widening a limit that a center column holds needs a center migration (kiosk/center/migrations).
"""

from __future__ import annotations

import json
from typing import Any

# A signed 64-bit integer: SQLite's INTEGER and PostgreSQL's BIGINT, the widest both store.
INT64_MAX = 2**63 - 1
SEQ_MAX = INT64_MAX

EMPLOYEE_NO_MAX = 64  # a clerk's employee number: the event's `actor`
DEVICE_NAME_MAX = 64  # a device's name: the event's `device`
EVENT_TYPE_MAX = 64  # `ticket.issued`, ...
HALL_CODE_MAX = 32
WINDOW_NO_MIN, WINDOW_NO_MAX = 1, 9999

# An event's payload, as the compact UTF-8 JSON both sides store. A sync batch of
# SYNC_BATCH_EVENTS events of the largest size (payload plus an envelope of at most
# EVENT_ENVELOPE_MAX bytes: the fields above at their longest, every character escaped) must fit
# in one center request of BATCH_BODY_MAX bytes, so the largest event the hall may log can
# always be pushed.
PAYLOAD_MAX_BYTES = 32_000
PAYLOAD_MAX_DEPTH = 16  # nesting of objects and lists, the payload object itself counting 1
EVENT_ENVELOPE_MAX = 1024
SYNC_BATCH_EVENTS = 2000
BATCH_MAX_EVENTS = 10_000
BATCH_BODY_MAX = 64 * 1024 * 1024


def json_depth(value: Any) -> int:
    """How deeply objects and lists nest (a scalar is 0, `{}` is 1, `{"a": []}` is 2);
    iterative, so a hostile value cannot exhaust the stack, and quick on flat payloads."""
    containers = (dict, list)
    if not isinstance(value, containers):
        return 0
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, containers):
                stack.append((child, depth + 1))
    return deepest


class LimitError(ValueError):
    """A value beyond the shared limits, said in English and Chinese."""

    def __init__(self, detail: str, detail_zh: str) -> None:
        super().__init__(detail)
        self.detail = detail
        self.detail_zh = detail_zh


def check_envelope(type_: str, device: str | None, actor: str | None) -> None:
    """Refuses an event type, device name or employee number its center could not store."""
    if len(type_) > EVENT_TYPE_MAX:
        raise LimitError(
            f"event type longer than {EVENT_TYPE_MAX} characters",
            f"事件类型超过 {EVENT_TYPE_MAX} 个字符",
        )
    if device is not None and len(device) > DEVICE_NAME_MAX:
        raise LimitError(
            f"device name longer than {DEVICE_NAME_MAX} characters",
            f"设备名称超过 {DEVICE_NAME_MAX} 个字符",
        )
    if actor is not None and len(actor) > EMPLOYEE_NO_MAX:
        raise LimitError(
            f"employee number longer than {EMPLOYEE_NO_MAX} characters",
            f"工号超过 {EMPLOYEE_NO_MAX} 个字符",
        )


# what json.dumps(ensure_ascii=False, separators=(",", ":")) does, without building an encoder
# for every event (a tenth of the center's time per event)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def compact_payload(payload: Any) -> str:
    """The payload as the compact JSON both sides store, after checking its depth (first, so
    the encoder never recurses through a hostile document) and then its size."""
    if json_depth(payload) > PAYLOAD_MAX_DEPTH:
        raise LimitError(
            f"payload nested deeper than {PAYLOAD_MAX_DEPTH} levels",
            f"事件内容嵌套超过 {PAYLOAD_MAX_DEPTH} 层",
        )
    text = _COMPACT.encode(payload)
    if len(text.encode("utf-8")) > PAYLOAD_MAX_BYTES:
        raise LimitError(
            f"payload larger than {PAYLOAD_MAX_BYTES} bytes",
            f"事件内容超过 {PAYLOAD_MAX_BYTES} 字节",
        )
    return text
