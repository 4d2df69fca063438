"""Decoding and checking a pushed batch before it touches the database.

Hand-written checks instead of a pydantic model: a large hall pushes 60,000 events a day and
ingest must stay fast, and the rules are few (docs/events.md's envelope). Unknown event types
are accepted (a hall may be newer than its center) as long as they look like `noun.verb`.
The gzip body is inflated with a ceiling so a small body cannot expand into gigabytes.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Any

from kiosk import limits
from kiosk.center.errors import CenterError, invalid
from kiosk.center.timeutil import is_day, local_day, parse_utc

MAX_BATCH_EVENTS = limits.BATCH_MAX_EVENTS
MAX_BODY_BYTES = limits.BATCH_BODY_MAX
_ULID = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$", re.IGNORECASE)
_TYPE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_]*)+$")


def _text_or_null(longest: int) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "maxLength": longest}, {"type": "null"}]}


# The batch as OpenAPI describes it (the route reads and checks the body by hand, below).
BATCH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "maxItems": MAX_BATCH_EVENTS,
            "items": {
                "type": "object",
                "required": ["id", "hall", "seq", "ts", "type", "payload"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": _ULID.pattern},
                    "hall": {"type": "string", "maxLength": limits.HALL_CODE_MAX},
                    "seq": {"type": "integer", "minimum": 1, "maximum": limits.SEQ_MAX},
                    "ts": {"type": "string", "format": "date-time"},
                    "device": _text_or_null(limits.DEVICE_NAME_MAX),
                    "actor": _text_or_null(limits.EMPLOYEE_NO_MAX),
                    "type": {
                        "type": "string",
                        "pattern": _TYPE.pattern,
                        "maxLength": limits.EVENT_TYPE_MAX,
                    },
                    "payload": {"type": "object"},
                },
            },
        }
    },
}


def too_large() -> CenterError:
    return CenterError(
        413,
        "Batch too large",
        f"a batch holds at most {MAX_BATCH_EVENTS} events and {MAX_BODY_BYTES} bytes",
        f"每批最多 {MAX_BATCH_EVENTS} 条事件、{MAX_BODY_BYTES} 字节",
    )


def decode_body(body: bytes, content_encoding: str | None) -> Any:
    """Inflate (gzip, or plain when no encoding) and parse the JSON body."""
    encoding = (content_encoding or "").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip"):
        raise CenterError(
            415,
            "Unsupported content encoding",
            f"send gzip or plain JSON, not {encoding!r}",
            f"请求体须为 gzip 压缩或未压缩的 JSON，不支持 {encoding!r}",
        )
    if encoding in ("gzip", "x-gzip") or body[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, MAX_BODY_BYTES + 1)
        except zlib.error as exc:
            raise CenterError(
                400, "Bad gzip body", f"cannot inflate the body: {exc}", "请求体 gzip 解压失败"
            ) from exc
        if len(body) > MAX_BODY_BYTES or inflater.unconsumed_tail:
            raise too_large()
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise CenterError(
            400, "Bad JSON", f"the body is not JSON: {exc}", "请求体不是合法的 JSON"
        ) from exc
    except RecursionError as exc:  # the parser gave up on nesting thousands of levels deep
        raise invalid(
            f"the body nests deeper than an event payload may ({limits.PAYLOAD_MAX_DEPTH})",
            f"请求体嵌套层数过多（事件内容最多 {limits.PAYLOAD_MAX_DEPTH} 层）",
        ) from exc


def batch_events(doc: Any) -> list[dict[str, Any]]:
    """The event list of a batch: `{"events": [...]}` (or a bare list)."""
    found = doc.get("events") if isinstance(doc, dict) else doc
    if not isinstance(found, list):
        raise invalid('the body must be {"events": [...]}', '请求体须为 {"events": [...]}')
    if len(found) > MAX_BATCH_EVENTS:
        raise too_large()
    return found


def _bad(index: int, why: str, why_zh: str) -> CenterError:
    return invalid(f"event #{index}: {why}", f"第 {index} 条事件：{why_zh}")


def event_row(index: int, ev: Any, hall: str, tz_name: str, received_at: str) -> dict[str, Any]:
    """One checked events-table row; the local service day is fixed here, once."""
    if not isinstance(ev, dict):
        raise _bad(index, "not an object", "不是 JSON 对象")
    if ev.get("hall") != hall:
        raise _bad(index, f"belongs to hall {ev.get('hall')!r}, not {hall}", "大厅编码不符")
    seq = ev.get("seq")
    if type(seq) is not int or not 1 <= seq <= limits.SEQ_MAX:
        raise _bad(
            index,
            f"seq must be an integer from 1 to {limits.SEQ_MAX}",
            f"seq 须为 1 到 {limits.SEQ_MAX} 之间的整数",
        )
    ev_id, ev_type, ts = ev.get("id"), ev.get("type"), ev.get("ts")
    if not isinstance(ev_id, str) or not _ULID.match(ev_id):
        raise _bad(index, "id must be a 26-character ULID", "id 须为 26 位 ULID")
    if not isinstance(ev_type, str) or not _TYPE.match(ev_type):
        raise _bad(index, f"bad type {ev_type!r}", "事件类型不合法")
    try:
        moment = parse_utc(ts) if isinstance(ts, str) and ts.endswith("Z") else None
    except ValueError:
        moment = None
    if moment is None:
        raise _bad(index, "ts must be UTC ISO 8601 ending in Z", "ts 须为以 Z 结尾的 UTC 时间")
    payload = ev.get("payload")
    if not isinstance(payload, dict):
        raise _bad(index, "payload must be an object", "payload 须为 JSON 对象")
    device, actor = ev.get("device"), ev.get("actor")
    if not (device is None or isinstance(device, str)) or not (
        actor is None or isinstance(actor, str)
    ):
        raise _bad(
            index, "device and actor must be text or null", "device 与 actor 须为文本或 null"
        )
    try:
        limits.check_envelope(ev_type, device, actor)
        text = limits.compact_payload(payload)
    except limits.LimitError as exc:
        raise _bad(index, exc.detail, exc.detail_zh) from None
    service_day = payload.get("service_day")
    return {
        "hall": hall,
        "seq": seq,
        "id": ev_id.upper(),
        "ts": ts,
        "day": service_day if is_day(service_day) else local_day(moment, tz_name),
        "type": ev_type,
        "device": device,
        "actor": actor,
        "payload": text,
        "received_at": received_at,
    }
