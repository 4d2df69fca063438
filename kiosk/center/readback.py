"""A hall reads its own log back: the center is each hall's off-site copy.

A hall restored from a backup (or a store copied without its -wal file) is behind what the center
already acknowledged. It asks for the events after its own head, page by page, and replays them.
Only the acknowledged, contiguous part is served, and only to the hall's own token, so one hall
never sees another's log.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from kiosk.center.ingest import acked_seq
from kiosk.center.schema import events

MAX_PAGE = 5000


def events_after(engine: Engine, hall: str, after_seq: int, limit: int) -> dict[str, Any]:
    """`{"acked_seq", "events"}`: up to `limit` acknowledged events of `hall` after
    `after_seq`, in the hall's own envelope (the payload as the object it was sent as)."""
    cols = (
        events.c.seq,
        events.c.id,
        events.c.ts,
        events.c.device,
        events.c.actor,
        events.c.type,
        events.c.payload,
    )
    with engine.connect() as conn:
        acked = acked_seq(conn, hall)
        query = (
            select(*cols)
            .where(events.c.hall == hall, events.c.seq > after_seq, events.c.seq <= acked)
            .order_by(events.c.seq)
            .limit(max(1, min(limit, MAX_PAGE)))
        )
        rows = list(conn.execute(query))
    return {
        "acked_seq": acked,
        "events": [
            {
                "seq": int(seq),
                "id": ev_id,
                "hall": hall,
                "ts": ts,
                "device": device,
                "actor": actor,
                "type": ev_type,
                "payload": json.loads(payload),
            }
            for seq, ev_id, ts, device, actor, ev_type, payload in rows
        ],
    }
