"""The state tables are projections: rebuilding them from the log gives the same state."""

from __future__ import annotations

from kiosk.domain import Outcome, PauseReason, Priority, RatingChannel
from kiosk.engine.hall import projection_dump, rebuild
from tests.helpers.hallfactory import at_window, issue


def test_rebuild_after_a_busy_day_equals_live(hall, clock) -> None:
    for n in range(6):
        issue(hall, "SB" if n % 2 else "GJJ", priority=Priority.GREEN if n == 3 else "normal")
        clock.advance(30)
    w1, w2 = at_window(hall, 1), at_window(hall, 2)
    t = hall.call_next(1, w1)
    hall.recall(1, w1)
    hall.start(1, w1)
    clock.advance(200)
    hall.finish(1, Outcome.CORRECTION, w1, missing_materials=["户口簿"])
    hall.rate(t["id"], 1, RatingChannel.PAD, comment="要求额外材料", pad_window=1)
    hall.call_next(2, w2)
    hall.no_show(2, w2)
    hall.call_next(1, w1)
    hall.transfer(1, w1, to_window=2)
    hall.pause(1, PauseReason.MEAL, w1)
    clock.advance(600)
    hall.resume(1, w1)
    hall.create_consultation("社保卡", "怎么补办？", phone="13812345678")
    hall.book_appointment("SB", "2026-11-27T02:00:00Z")
    hall.check_idle_windows()
    live = projection_dump(hall)
    assert live["tickets"] and live["ratings"] and live["cases"] and live["absences"]
    count = rebuild(hall)
    assert count == hall.last_seq
    assert projection_dump(hall) == live


def test_event_log_is_gapless_and_ordered(hall) -> None:
    for _ in range(5):
        issue(hall)
    seqs = [r[0] for r in hall.reader().execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, 6))
    ids = [e.id for e in hall.events_after(0)]
    assert ids == sorted(ids) and len(set(ids)) == 5


def test_personal_data_stays_out_of_the_log(hall) -> None:
    c = hall.create_consultation("户口", phone="138 1234 5678")
    assert c["phone_masked"] == "138****5678"
    log = " ".join(r[0] for r in hall.reader().execute("SELECT payload FROM events"))
    assert "13812345678" not in log and "138****5678" in log


def test_request_ids_keyed_by_issuer_rebuild_and_migrate_alike(hall) -> None:
    from kiosk.engine.base import Actor
    from kiosk.store.db import transaction
    from kiosk.store.schema import MIGRATIONS

    a, _ = hall.issue_ticket("SB", request_id="tap-1", actor=Actor(device="kiosk-1"))
    b, created = hall.issue_ticket("SB", request_id="tap-1", actor=Actor(device="kiosk-2"))
    assert created and a["id"] != b["id"]
    live = projection_dump(hall)
    rebuild(hall)
    assert projection_dump(hall) == live
    # a store from before migration 7: request ids unscoped, replies remembered in clear
    with hall.transaction() as tx:
        tx.conn.execute("UPDATE tickets SET request_id = id")
        tx.conn.execute(
            "INSERT INTO idempotency(key, principal, status, body, created_at)"
            " VALUES ('anon:k', 'anon', 200, '{\"result\": {\"token\": \"x\"}}', '')"
        )
    hall.flush()
    scoping = next(
        m for m in MIGRATIONS if m.name == "idempotency and request ids scoped by caller"
    )
    with hall.exclusive() as conn:
        with transaction(conn):
            scoping.apply(conn)
        assert conn.execute("SELECT COUNT(*) FROM idempotency").fetchone()[0] == 0
    assert projection_dump(hall) == live
