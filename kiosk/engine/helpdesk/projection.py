"""How the help desk's events change its tables (docs/events.md): presence, the consultation
lifecycle, and the knowledge base. Registered with the projector (kiosk/engine/projector.py)
through HANDLERS, so live commands and `kiosk store rebuild` run the same code and a rebuilt
store equals the live one. Every consultation step after creation carries the resulting
`status` and `owner`, which is all a handler (or a console following the stream) needs to know.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk.engine.helpdesk.knowledge_docs import KIND_OF, to_columns
from kiosk.events import Event, EventType, dumps

Handler = Callable[[sqlite3.Connection, Event], None]


def _presence(conn: sqlite3.Connection, ev: Event) -> None:
    conn.execute(
        "INSERT INTO helpdesk_presence(clerk, status, since) VALUES (?, ?, ?)"
        " ON CONFLICT(clerk) DO UPDATE SET status = excluded.status, since = excluded.since",
        (ev.payload["clerk"], ev.payload["status"], ev.ts),
    )


def _created(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "INSERT INTO consultations(id, number, topic, question, phone_masked, source, status,"
        " created_at, from_ticket) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
        (
            p["consultation_id"],
            p["number"],
            p["topic"],
            p.get("question"),
            p.get("phone_masked"),
            p.get("source", "kiosk"),
            ev.ts,
            p.get("from_ticket"),
        ),
    )
    conn.execute(
        "INSERT INTO counters(service_day, prefix, last) VALUES (?, ?, ?)"
        " ON CONFLICT(service_day, prefix) DO UPDATE SET last = MAX(last, excluded.last)",
        (p["service_day"], p["counter"], p["seq_no"]),
    )


# -- the steps after creation: each sets its own columns besides status, owner and history ---
def _claimed(ev: Event) -> dict[str, Any]:
    return {"claimed_at": ev.ts}


def _released(ev: Event) -> dict[str, Any]:
    return {
        "claimed_at": ev.ts if ev.payload.get("owner") else None,
        "note": ev.payload.get("note"),
    }


def _answered(ev: Event) -> dict[str, Any]:
    return {"answer": ev.payload.get("answer"), "items": dumps(ev.payload.get("items") or [])}


def _resolved(ev: Event) -> dict[str, Any]:
    p = ev.payload
    return {
        "answer": p.get("answer"),
        "items": dumps(p.get("items") or []),
        "resolved_at": ev.ts,
        "resolved_by": p.get("by"),
    }


def _converted(ev: Event) -> dict[str, Any]:
    p = ev.payload
    return {
        "ticket_id": p["ticket_id"],
        "ticket_number": p["ticket_number"],
        "category": p["category"],
        "note": p.get("note"),
    }


def _referred(ev: Event) -> dict[str, Any]:
    return {"referred_to": ev.payload.get("to"), "note": ev.payload.get("note")}


# event type -> (the step's name in the consultation's history, the columns it sets)
STEPS: dict[str, tuple[str, Callable[[Event], dict[str, Any]]]] = {
    EventType.CONSULTATION_CLAIMED: ("claimed", _claimed),
    EventType.CONSULTATION_RELEASED: ("released", _released),
    EventType.CONSULTATION_ANSWERED: ("answered", _answered),
    EventType.CONSULTATION_RESOLVED: ("resolved", _resolved),
    EventType.CONSULTATION_CONVERTED: ("converted", _converted),
    EventType.CONSULTATION_REFERRED: ("referred", _referred),
}


def _consultation_step(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    step, columns = STEPS[ev.type]
    row = conn.execute(
        "SELECT history FROM consultations WHERE id = ?", (p["consultation_id"],)
    ).fetchone()
    history = json.loads(row[0]) if row and row[0] else []
    entry = {"step": step, "by": p.get("by"), "at": ev.ts}
    entry.update({k: p[k] for k in ("to", "note", "ticket_number", "auto") if p.get(k)})
    history.append(entry)
    cols = {
        "status": p["status"],
        "owner": p.get("owner"),
        "updated_at": ev.ts,
        "history": dumps(history),
        **columns(ev),
    }
    sets = ", ".join(f"{k} = ?" for k in cols)
    extra, extra_args = "", []
    if ev.type == EventType.CONSULTATION_CLAIMED:
        extra, extra_args = ", first_claimed_at = COALESCE(first_claimed_at, ?)", [ev.ts]
    elif ev.type == EventType.CONSULTATION_RELEASED:
        extra = ", handovers = handovers + 1"
    conn.execute(
        f"UPDATE consultations SET {sets}{extra} WHERE id = ?",
        (*cols.values(), *extra_args, p["consultation_id"]),
    )


# -- the knowledge base ----------------------------------------------------------------------
def _drafted(conn: sqlite3.Connection, ev: Event) -> None:
    kind, p = KIND_OF[ev.type], ev.payload
    c = to_columns(kind, p)
    conn.execute(
        "INSERT INTO knowledge(id, kind, status, title_zh, title_en, body_zh, body_en, items,"
        " keywords, consultation_id, revision, created_by, created_at, updated_by, updated_at,"
        " seq) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p[f"{kind}_id"],
            kind,
            c["title_zh"],
            c["title_en"],
            c["body_zh"],
            c["body_en"],
            dumps(c["items"]),
            dumps(c["keywords"]),
            p.get("consultation_id"),
            p.get("revision", 1),
            p.get("by"),
            ev.ts,
            p.get("by"),
            ev.ts,
            ev.seq,
        ),
    )
    if p.get("consultation_id"):
        conn.execute(
            "UPDATE consultations SET faq_id = ? WHERE id = ?",
            (p[f"{kind}_id"], p["consultation_id"]),
        )


def _changed(conn: sqlite3.Connection, ev: Event, content: bool, **cols: Any) -> None:
    """Who changed the entry and when, its content when the event carries it (an edit or a
    publication), then `cols`."""
    kind, p = KIND_OF[ev.type], ev.payload
    changes: dict[str, Any] = {"updated_by": p.get("by"), "updated_at": ev.ts, "seq": ev.seq}
    if content:
        c = to_columns(kind, p)
        changes.update(c, items=dumps(c["items"]), keywords=dumps(c["keywords"]))
        changes["revision"] = p["revision"]
    changes.update(cols)
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(f"UPDATE knowledge SET {sets} WHERE id = ?", (*changes.values(), p[f"{kind}_id"]))


def _edited(conn: sqlite3.Connection, ev: Event) -> None:
    _changed(conn, ev, content=True)


def _published(conn: sqlite3.Connection, ev: Event) -> None:
    by = ev.payload.get("by")
    _changed(conn, ev, content=True, status="published", published_by=by, published_at=ev.ts)


def _retired(conn: sqlite3.Connection, ev: Event) -> None:
    by = ev.payload.get("by")
    _changed(conn, ev, content=False, status="retired", retired_by=by, retired_at=ev.ts)


HANDLERS: dict[EventType, Handler] = {
    EventType.HELPDESK_PRESENCE: _presence,
    EventType.CONSULTATION_CREATED: _created,
    EventType.CONSULTATION_CLAIMED: _consultation_step,
    EventType.CONSULTATION_RELEASED: _consultation_step,
    EventType.CONSULTATION_ANSWERED: _consultation_step,
    EventType.CONSULTATION_RESOLVED: _consultation_step,
    EventType.CONSULTATION_CONVERTED: _consultation_step,
    EventType.CONSULTATION_REFERRED: _consultation_step,
    EventType.FAQ_DRAFTED: _drafted,
    EventType.FAQ_EDITED: _edited,
    EventType.FAQ_PUBLISHED: _published,
    EventType.FAQ_RETIRED: _retired,
    EventType.NOTICE_DRAFTED: _drafted,
    EventType.NOTICE_EDITED: _edited,
    EventType.NOTICE_PUBLISHED: _published,
    EventType.NOTICE_RETIRED: _retired,
}
