"""Nothing of a real-name ticket's card reaches the center: a hall issues real-name tickets
(and a booking made with the card), syncs to a real center on SQLite and on PostgreSQL, and
every stored event there is searched for the number, what its mask hides, the mask itself and
the hall's keyed hash of it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from kiosk.center.app import create_center_app
from kiosk.center.client import CenterClient
from kiosk.center.halls import add_hall
from kiosk.center.schema import events
from kiosk.engine.base import Actor
from kiosk.idcard import make_id_number
from kiosk.privacy import mask_id
from kiosk.sync.pusher import sync_once
from tests.helpers.hallfactory import make_hall
from tests.helpers.live_server import serve_in_thread

NUMBER = make_id_number("370202", date(1948, 5, 4), 31)


def test_the_center_never_sees_the_card(db_url: str, tmp_path: Path) -> None:
    app = create_center_app(db_url)
    add_hall(app.state.engine, "T-00", "测试市中心", "city")
    token = add_hall(app.state.engine, "T-01", "测试区中心", "district", "T-00")
    hall = make_hall(tmp_path / "hall.db", issuing={"realname": {"allowed": ["*"]}})
    try:
        kiosk = Actor(device="kiosk-1")
        slot = hall.clock.now().isoformat()
        hall.book_appointment("GJJ", slot, actor=Actor(clerk="9001"), id_number=NUMBER)
        booked, _ = hall.issue_ticket(None, actor=kiosk, id_number=NUMBER)
        walk_in, _ = hall.issue_ticket("SB", actor=kiosk, id_number=NUMBER)
        again, created = hall.issue_ticket("SB", actor=kiosk, id_number=NUMBER)
        assert booked["source"] == "appointment" and not created and again["id"] == walk_in["id"]
        hall.flush()
        with sqlite3.connect(hall.path) as conn:
            key = conn.execute("SELECT person FROM ticket_persons LIMIT 1").fetchone()[0]
        with serve_in_thread(app) as url:
            sync_once(hall, CenterClient(url, "T-01", token))
    finally:
        hall.close()
    with app.state.engine.connect() as conn:
        stored = [dict(r._mapping) for r in conn.execute(select(events))]
    issued = [r for r in stored if r["type"] == "ticket.issued"]
    assert len(issued) == 2  # the center got the tickets...
    text = repr(stored)
    for secret in (NUMBER, NUMBER[6:17], NUMBER[6:14], mask_id(NUMBER), key):
        assert secret not in text  # ...and nothing of the card
    assert '"realname":true' in text.replace(" ", "")
