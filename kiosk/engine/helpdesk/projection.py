"""Projection handlers of the help desk's events (docs/events.md): presence, the consultation
lifecycle after `consultation.created`, and the knowledge base.

Registered into kiosk.engine.projector's table, so live commands and `kiosk store rebuild` run
the same code and a rebuilt store equals the live one. Every consultation step after creation
carries the resulting `status` and `owner`, which is all a handler (or a console following the
stream) needs to know.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kiosk.engine.helpdesk.knowledge_docs import to_columns
from kiosk.engine.projector import handles
from kiosk.events import Event, dumps


@handles("helpdesk.presence")
def _presence(conn: sqlite3.Connection, ev: Event) -> None:
    conn.execute(
        "INSERT INTO helpdesk_presence(clerk, status, since) VALUES (?, ?, ?)"
        " ON CONFLICT(clerk) DO UPDATE SET status = excluded.status, since = excluded.since",
        (ev.payload["clerk"], ev.payload["status"], ev.ts),
    )


def _step_columns(ev: Event) -> dict[str, Any]:
    """The columns one consultation step sets besides status, owner and history."""
    p, step = ev.payload, ev.type.rpartition(".")[2]
    if step == "claimed":
        return {"claimed_at": ev.ts}
    if step == "released":
        return {"claimed_at": ev.ts if p.get("owner") else None, "note": p.get("note")}
    if step == "answered":
        return {"answer": p.get("answer"), "items": dumps(p.get("items") or [])}
    if step == "resolved":
        return {
            "answer": p.get("answer"),
            "items": dumps(p.get("items") or []),
            "resolved_at": ev.ts,
            "resolved_by": p.get("by"),
        }
    if step == "converted":
        return {
            "ticket_id": p["ticket_id"],
            "ticket_number": p["ticket_number"],
            "category": p["category"],
            "note": p.get("note"),
        }
    if step == "referred":
        return {"referred_to": p.get("to"), "note": p.get("note")}
    return {}


def _consultation_step(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    row = conn.execute(
        "SELECT history FROM consultations WHERE id = ?", (p["consultation_id"],)
    ).fetchone()
    history = json.loads(row[0]) if row and row[0] else []
    entry = {"step": ev.type.rpartition(".")[2], "by": p.get("by"), "at": ev.ts}
    entry.update({k: p[k] for k in ("to", "note", "ticket_number", "auto") if p.get(k)})
    history.append(entry)
    cols = {
        "status": p["status"],
        "owner": p.get("owner"),
        "updated_at": ev.ts,
        "history": dumps(history),
        **_step_columns(ev),
    }
    sets = ", ".join(f"{k} = ?" for k in cols)
    extra, extra_args = "", []
    if ev.type == "consultation.claimed":
        extra, extra_args = ", first_claimed_at = COALESCE(first_claimed_at, ?)", [ev.ts]
    elif ev.type == "consultation.released":
        extra = ", handovers = handovers + 1"
    conn.execute(
        f"UPDATE consultations SET {sets}{extra} WHERE id = ?",
        (*cols.values(), *extra_args, p["consultation_id"]),
    )


for _step in ("claimed", "released", "answered", "resolved", "converted", "referred"):
    handles(f"consultation.{_step}")(_consultation_step)


def _drafted(conn: sqlite3.Connection, ev: Event) -> None:
    kind, p = ev.type.partition(".")[0], ev.payload
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


def _changed(conn: sqlite3.Connection, ev: Event) -> None:
    """edited / published / retired: content (when carried), status and who and when."""
    kind, _, action = ev.type.partition(".")
    p = ev.payload
    cols: dict[str, Any] = {"updated_by": p.get("by"), "updated_at": ev.ts, "seq": ev.seq}
    if action in ("edited", "published"):
        c = to_columns(kind, p)
        cols.update(c, items=dumps(c["items"]), keywords=dumps(c["keywords"]))
        cols["revision"] = p["revision"]
    if action == "published":
        cols.update(status="published", published_by=p.get("by"), published_at=ev.ts)
    elif action == "retired":
        cols.update(status="retired", retired_by=p.get("by"), retired_at=ev.ts)
    sets = ", ".join(f"{k} = ?" for k in cols)
    conn.execute(f"UPDATE knowledge SET {sets} WHERE id = ?", (*cols.values(), p[f"{kind}_id"]))


for _kind in ("faq", "notice"):
    handles(f"{_kind}.drafted")(_drafted)
    for _action in ("edited", "published", "retired"):
        handles(f"{_kind}.{_action}")(_changed)
