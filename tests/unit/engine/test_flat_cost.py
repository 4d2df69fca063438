"""The work of one queue operation does not grow with the queue, counted, not timed.

SQLite reports every N virtual-machine instructions it executes through a progress handler; the
count is deterministic for the same data, so comparing the count of one operation at a short
queue and at a queue forty times longer says whether the operation reads the queue (a sort, a
count, a scan) or seeks into it. Alongside, every statement the hot paths run is explained
(EXPLAIN QUERY PLAN): none may scan a table that grows with the day or sort it in a temporary
B-tree.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import FakeClock, iso
from kiosk.domain import Outcome, PauseReason, Priority, RatingChannel
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.engine.queue.stats import window_stats
from kiosk.idcard import make_id_number
from kiosk.store.db import connect
from tests.helpers.hallfactory import at_window, make_hall, morning

SHORT, LONG = 50, 2000
STEP = 10  # instructions per progress-handler call
GROWING = (
    "tickets",
    "events",
    "calls",
    "ratings",
    "absences",
    "alerts",
    "consultations",
    "cases",
    "idempotency",
    "appointments",
    "sessions",
    "contacts",
    "ticket_persons",
    "appointment_persons",
)
# Real-name tickets allowed everywhere and a quota on SB: issuing counts against both.
ISSUING = {"realname": {"allowed": ["*"]}, "categories": {"SB": {"daily": 100_000}}}
KIOSK = Actor(device="kiosk-1")


def citizen(i: int) -> str:
    """The i-th citizen's ID number (a different birth day per thousand)."""
    return make_id_number("370202", date(1960, 1, 1) + timedelta(days=i // 1000), i % 1000)


def fill(hall: Hall, waiting: int) -> None:
    """`waiting` tickets over two categories, through the writer thread's batched commits;
    every other one real-name, each for another citizen."""
    futures = []
    for i in range(waiting):
        category = "SB" if i % 3 else "GJJ"
        priority = Priority.GREEN if i % 17 == 0 else Priority.NORMAL
        issue = functools.partial(
            hall.issue_ticket,
            category,
            priority=priority,
            actor=KIOSK,
            id_number=citizen(i) if i % 2 else None,
        )
        futures.append(hall.submit(issue))
    for f in futures:
        f.result(timeout=120)


@contextmanager
def counting(*conns: sqlite3.Connection) -> Iterator[list[int]]:
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    for conn in conns:
        conn.set_progress_handler(tick, STEP)
    try:
        yield steps
    finally:
        for conn in conns:
            conn.set_progress_handler(None, STEP)


def operations(hall: Hall, w1: Actor) -> dict[str, Callable[[], Any]]:
    """One of each hot operation; each leaves the queue as deep as it found it."""
    last: dict[str, Any] = {}

    def issue() -> None:
        last["ticket"], _ = hall.issue_ticket("SB", actor=KIOSK)

    def issue_realname() -> None:
        last["n"] = last.get("n", 0) + 1
        hall.issue_ticket("SB", actor=KIOSK, id_number=citizen(900_000 + last["n"]))

    def call_next() -> None:
        last["called"] = hall.call_next(1, w1)
        hall.finish(1, Outcome.COMPLETED, w1)

    def call_number() -> None:
        hall.call_number(1, last["ticket"]["number"], w1)
        hall.finish(1, Outcome.COMPLETED, w1)

    return {
        "issue": issue,
        "issue_realname": issue_realname,
        "issuing_status": hall.issuing_status,
        "call_next_and_finish": call_next,
        "call_number_and_finish": call_number,
        "queue_snapshot": hall.queue_snapshot,
        "ticket_lookup": lambda: hall.ticket(last["ticket"]["number"]),
        "window_stats": lambda: window_stats(hall, 1),
    }


def cost_at(tmp: Path, waiting: int) -> dict[str, int]:
    hall = make_hall(tmp / f"hall-{waiting}.db", FakeClock(morning()), issuing=ISSUING)
    try:
        fill(hall, waiting)
        w1 = at_window(hall, 1)
        ops = operations(hall, w1)
        for op in ops.values():  # warm the statement caches and the last-20 service times
            op()
        out = {}
        for name, op in ops.items():
            with counting(hall._conn, hall.reader()) as steps:
                op()
            out[name] = steps[0]
        return out
    finally:
        hall.close()


def test_one_operation_costs_the_same_at_any_queue_depth(tmp_path: Path) -> None:
    short, long = cost_at(tmp_path, SHORT), cost_at(tmp_path, LONG)
    grown = {
        name: (short[name], long[name])
        for name in short
        if long[name] > short[name] * 1.25 + 50 // STEP
    }
    assert not grown, f"cost grew with the queue ({SHORT} -> {LONG} waiting): {grown}"


# -- query plans -------------------------------------------------------------------------------
SKIP = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|INSERT)\b", re.I)


def scenario(hall: Hall) -> None:
    """Every command and read a hall's day runs, on a queue with some history."""
    w1, w2 = at_window(hall, 1), at_window(hall, 2)
    fill(hall, 200)
    green, _ = hall.issue_ticket("SB", priority=Priority.GREEN, actor=KIOSK)
    hall.ticket(green["id"])
    booked = hall.book_appointment(
        "GJJ", iso(hall.clock.now()), actor=Actor(clerk="9001"), id_number=citizen(5_001)
    )
    hall.issue_ticket(None, actor=KIOSK, id_number=citizen(5_001))  # checks the booking in
    hall.issue_ticket("GJJ", actor=KIOSK, id_number=citizen(5_001))  # shown again
    assert booked["code"]
    hall.issuing_status()
    hall.change_quota_today("SB", daily=50_000, actor=Actor(clerk="9001"))
    hall.ticket(green["number"])
    called = hall.call_next(1, w1)
    assert called is not None
    hall.recall(1, w1)
    hall.no_show(1, w1)
    hall.requeue(called["number"], KIOSK)
    hall.call_number(1, called["number"], w1)
    hall.start(1, w1)
    done = hall.finish(1, Outcome.COMPLETED, w1)
    hall.rate(done["id"], 2, RatingChannel.PAD, Actor(device="pad-1"), pad_window=1)
    hall.call_next(1, w1)
    hall.transfer(1, w1, to_window=2)
    hall.call_next(2, w2)
    hall.transfer(2, w2, to_category="SB")
    hall.pause(1, PauseReason.MEAL, w1)
    hall.resume(1, w1)
    hall.queue_snapshot()
    window_stats(hall, 1)
    window_stats(hall, 1, "1001")
    hall.create_consultation("社保", actor=KIOSK)
    hall.run_duties(auto_close=False)
    hall.close_day()


def plans(path: Path, statements: list[str]) -> dict[str, list[str]]:
    conn = connect(path)
    out = {}
    for sql in statements:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        out[sql] = [str(r["detail"]) for r in rows]
    conn.close()
    return out


# Scans that read a bounded number of rows, whatever the table holds: the last calls by their
# integer key, the open tickets a day close must cancel one by one, and the help desk's open
# questions (claimed within minutes), the last two through partial indexes of just those rows.
BOUNDED = (
    re.compile(r"FROM calls ORDER BY seq DESC LIMIT \d+$"),
    re.compile(r"FROM consultations INDEXED BY consultations_open WHERE status = 'open'"),
    re.compile(r"WHERE status IN \('waiting', 'called', 'serving'\) ORDER BY sort_at$"),
)


def bad_steps(sql: str, detail: str) -> bool:
    if any(p.search(sql) for p in BOUNDED):
        return False
    table = r"(?:" + "|".join(GROWING) + r")\b"
    if re.match(rf"^SCAN {table}(?! USING INTEGER PRIMARY KEY)", detail):
        return True
    return "TEMP B-TREE" in detail


@pytest.fixture
def traced(tmp_path: Path) -> Iterator[tuple[Hall, list[str]]]:
    hall = make_hall(tmp_path / "hall.db", FakeClock(morning()), issuing=ISSUING)
    seen: list[str] = []
    hall._conn.set_trace_callback(seen.append)
    hall.reader().set_trace_callback(seen.append)
    yield hall, seen
    hall.close()


def test_hot_paths_seek_and_never_sort_a_growing_table(traced, tmp_path: Path) -> None:
    hall, seen = traced
    scenario(hall)
    hall._conn.set_trace_callback(None)
    statements = sorted({s for s in seen if not SKIP.match(s)})
    assert len(statements) > 30  # the scenario really ran the engine's queries
    found = {
        sql: [d for d in details if bad_steps(sql, d)]
        for sql, details in plans(tmp_path / "hall.db", statements).items()
    }
    bad = {sql[:160]: d for sql, d in found.items() if d}
    assert not bad, "\n".join(f"{sql}\n    {d}" for sql, d in bad.items())
