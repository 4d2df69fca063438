"""A hypothesis state machine drives the engine through random days of a hall and checks the
invariants after every step: one active ticket per window at most, every ticket in exactly one
state that agrees with the windows, unique numbers per prefix per day, a rebuild from the event
log equal to the live state, and a display board that agrees with the store.

The board (ui/display/model.py, Qt-free) is fed as a real display is: the snapshot once, then
each committed event as the display's view of the live stream shows it
(kiosk/server/live_views.py). Its windows must always match the store's; its waiting counts
must match the store's for the service day it shows, as long as no ticket of another day is
still open: a day that was never closed leaves tickets that a display's view cannot place
(transfers and requeues carry no day), and the day close that follows clears them."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason, Priority, RatingChannel
from kiosk.engine.base import Actor
from kiosk.engine.hall import projection_dump, rebuild
from kiosk.errors import HallError
from kiosk.events import Event
from kiosk.server.live_views import DISPLAY, project
from tests.helpers.hallfactory import make_hall, morning
from ui.display.model import BoardModel

WINDOWS = (1, 2, 3, 4)
STATES = {"waiting", "called", "serving", "done", "no_show", "cancelled"}


class HallMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.clock = FakeClock(morning())
        self.hall = make_hall(self.dir / "hall.db", self.clock)
        self.actors = {}
        for w in WINDOWS:
            self.hall.login(f"100{w}", "1234", w)
            self.actors[w] = Actor(clerk=f"100{w}")
        self.steps = 0
        self.board = BoardModel()
        self.board.load_snapshot(self.hall.queue_snapshot())
        self.hall.subscribe(self._to_board)

    def _to_board(self, ev: Event) -> None:
        shown = project(DISPLAY, ev.to_dict(), None)
        if shown is not None:
            self.board.apply(shown)

    def teardown(self) -> None:
        self._check_rebuild()
        self.hall.close()

    def attempt(self, fn, *args, **kwargs):
        """Commands may be refused (409/422): that is part of the game, state must hold."""
        try:
            return fn(*args, **kwargs)
        except HallError:
            return None

    @rule(category=st.sampled_from(["SB", "GJJ", "ZX"]), green=st.booleans())
    def issue(self, category, green) -> None:
        self.hall.issue_ticket(
            category, priority=Priority.GREEN if green else Priority.NORMAL, actor=Actor("k")
        )

    @rule(w=st.sampled_from(WINDOWS))
    def call_next(self, w) -> None:
        self.attempt(self.hall.call_next, w, self.actors[w])

    @rule(w=st.sampled_from(WINDOWS), n=st.integers(1, 6), prefix=st.sampled_from("ABZ"))
    def call_number(self, w, n, prefix) -> None:
        self.attempt(self.hall.call_number, w, f"{prefix}{n:03d}", self.actors[w])

    @rule(w=st.sampled_from(WINDOWS))
    def recall(self, w) -> None:
        self.attempt(self.hall.recall, w, self.actors[w])

    @rule(w=st.sampled_from(WINDOWS))
    def no_show(self, w) -> None:
        self.attempt(self.hall.no_show, w, self.actors[w])

    @rule(w=st.sampled_from(WINDOWS))
    def start(self, w) -> None:
        self.attempt(self.hall.start, w, self.actors[w])

    @rule(w=st.sampled_from(WINDOWS), outcome=st.sampled_from(list(Outcome)))
    def finish(self, w, outcome) -> None:
        self.attempt(
            self.hall.finish,
            w,
            outcome,
            self.actors[w],
            missing_materials=["户口簿"],
            reason="材料不符",
        )

    @rule(w=st.sampled_from(WINDOWS), to=st.sampled_from(["SB", "GJJ", 1, 2, 3, 4]))
    def transfer(self, w, to) -> None:
        kwargs = {"to_category": to} if isinstance(to, str) else {"to_window": to}
        self.attempt(self.hall.transfer, w, self.actors[w], **kwargs)

    @rule(w=st.sampled_from(WINDOWS), reason=st.sampled_from(list(PauseReason)))
    def pause(self, w, reason) -> None:
        self.attempt(self.hall.pause, w, reason, self.actors[w], note="说明")

    @rule(w=st.sampled_from(WINDOWS))
    def resume(self, w) -> None:
        self.attempt(self.hall.resume, w, self.actors[w])

    @rule(n=st.integers(1, 6), prefix=st.sampled_from("ABZ"))
    def requeue(self, n, prefix) -> None:
        self.attempt(self.hall.requeue, f"{prefix}{n:03d}")

    @rule(n=st.integers(1, 6), level=st.integers(1, 5))
    def rate(self, n, level) -> None:
        row = (
            self.hall.reader()
            .execute("SELECT id FROM tickets WHERE seq_no = ? LIMIT 1", (n,))
            .fetchone()
        )
        if row is not None:
            self.attempt(self.hall.rate, row["id"], level, RatingChannel.PAD)

    @rule(seconds=st.integers(1, 3600))
    def tick(self, seconds) -> None:
        self.clock.advance(seconds)

    @precondition(lambda self: self.steps % 7 == 6)
    @rule()
    def close_day(self) -> None:
        self.attempt(self.hall.close_day)
        self.clock.advance(hours=24)
        for w in WINDOWS:
            self.attempt(self.hall.login, f"100{w}", "1234", w)

    @invariant()
    def consistent(self) -> None:
        self.steps += 1
        conn = self.hall.reader()
        tickets = conn.execute("SELECT * FROM tickets").fetchall()
        assert {t["status"] for t in tickets} <= STATES
        active = [t for t in tickets if t["status"] in ("called", "serving")]
        windows = [t["window_no"] for t in active]
        assert len(windows) == len(set(windows)), "two active tickets at one window"
        held = {
            r["no"]: r["ticket_id"] for r in conn.execute("SELECT no, ticket_id FROM window_state")
        }
        for t in active:
            assert held[t["window_no"]] == t["id"]
        assert sum(1 for v in held.values() if v) == len(active)
        keys = [(t["service_day"], t["number"]) for t in tickets]
        assert len(keys) == len(set(keys)), "duplicate number within a day"
        for t in tickets:
            if t["status"] == "waiting":
                assert t["window_no"] is None
            assert t["held"] == int(t["hold_calls"] > 0)
            assert t["rated"] == int(
                conn.execute("SELECT 1 FROM ratings WHERE ticket_id = ?", (t["id"],)).fetchone()
                is not None
            )
        counted = Counter(
            (t["service_day"], t["category"], t["tier"], t["held"])
            for t in tickets
            if t["status"] == "waiting"
        )
        kept = {
            (r["service_day"], r["category"], r["tier"], r["held"]): r["waiting"]
            for r in conn.execute("SELECT * FROM queue_counts WHERE waiting != 0")
        }
        assert kept == dict(counted), "kept queue counts differ from the tickets"

    @invariant()
    def board_agrees(self) -> None:
        conn = self.hall.reader()
        numbers = dict(
            conn.execute(
                "SELECT w.no, t.number FROM window_state w"
                " LEFT JOIN tickets t ON t.id = w.ticket_id"
            ).fetchall()
        )
        statuses = dict(conn.execute("SELECT no, status FROM window_state").fetchall())
        board = self.board
        assert {no: w.ticket for no, w in board.windows.items()} == numbers
        assert {no: w.status for no, w in board.windows.items()} == statuses
        day = board.service_day
        leftover = conn.execute(
            "SELECT 1 FROM tickets WHERE status IN ('waiting', 'called', 'serving')"
            " AND service_day != ? LIMIT 1",
            (day,),
        ).fetchone()
        if leftover is None:
            waiting = dict(
                conn.execute(
                    "SELECT category, SUM(waiting) FROM queue_counts WHERE service_day = ?"
                    " GROUP BY category",
                    (day,),
                ).fetchall()
            )
            shown = {code: q.waiting for code, q in board.queues.items()}
            assert shown == {code: waiting.get(code, 0) for code in shown}

    def _check_rebuild(self) -> None:
        live = projection_dump(self.hall)
        rebuild(self.hall)
        assert projection_dump(self.hall) == live

    @precondition(lambda self: self.steps % 25 == 24)
    @rule()
    def rebuild_equals_live(self) -> None:
        self._check_rebuild()


HallMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestHallMachine = pytest.mark.slow(HallMachine.TestCase)
