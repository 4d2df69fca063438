"""The discrete-event simulation of hall days: citizens arrive, take tickets, are called, walk
up or miss the call, are served; clerks sign in and out by their window's hours, pause and
come back. Every press goes through a Driver (the real engine on its fake clock, or a real
server), in the order of simulated time; one seeded random stream makes a run reproducible.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.catalog.model import Catalog
from kiosk.clock import iso
from kiosk.domain import PauseReason, Priority
from kiosk.errors import HallError
from kiosk.sim.drivers import Driver
from kiosk.sim.scenario import Scenario, WindowPlan, hhmm, minute_of_day

REACT_S = 5.0  # an idle clerk sees a new ticket and presses call-next
UPDATE_EVERY_S = 900.0  # the phone page's later estimates are sampled this often
UPDATES_PER_TICK = 12  # waiting tickets sampled at each of those moments


def lognormal(rng: random.Random, mean: float, sd: float) -> float:
    if sd <= 0:
        return mean
    sigma2 = math.log(1 + (sd / mean) ** 2)
    return rng.lognormvariate(math.log(mean) - sigma2 / 2, math.sqrt(sigma2))


@dataclass
class TicketRecord:
    """One citizen's ticket as the simulation saw it: when issued and first called, and what
    each estimator promised at issue and later."""

    id: str
    number: str
    category: str
    issued: float  # seconds since the day's local midnight
    ahead: int
    shows: bool
    estimate: dict[str, float | None] = field(default_factory=dict)
    updates: list[tuple[float, dict[str, float | None]]] = field(default_factory=list)
    called: float | None = None
    finished: float | None = None
    started: float | None = None
    handle_s: float | None = None
    no_show: bool = False
    requeued: bool = False
    cancelled: bool = False


@dataclass
class WindowRun:
    plan: WindowPlan
    clerk: str
    state: str = "closed"  # closed, idle, calling, busy, paused
    ticket: TicketRecord | None = None
    recalls: int = 0
    leaving: bool = False
    pause_next: tuple[PauseReason, float] | None = None
    since: float = 0.0
    idle_s: float = 0.0
    paused_s: float = 0.0
    served: int = 0
    last_end: float = 0.0  # end of its signed-in hours today


@dataclass
class DayResult:
    day: date
    tickets: list[TicketRecord]
    windows: dict[int, WindowRun]
    consultations: int


class HallDay:
    """One simulated day over a driver. `run()` plays it to the day close."""

    def __init__(
        self,
        scenario: Scenario,
        catalog: Catalog,
        driver: Driver,
        day: date,
        rng: random.Random,
        tz: ZoneInfo,
        progress: Callable[[float], None] | None = None,
        measure: bool = True,
        schedule: dict[int, list[tuple[float, float]]] | None = None,
    ) -> None:
        self.s, self.catalog, self.d, self.day, self.rng = scenario, catalog, driver, day, rng
        self.midnight = datetime.combine(day, time(0), tzinfo=tz)
        self.progress = progress
        self.measure = measure and bool(getattr(driver, "measures", False))
        # the tickets sampled for later estimates come from a stream of their own, so that
        # measuring or not leaves the crowd and the clerks the same
        self.sampler = random.Random(rng.random())
        self.heap: list[tuple[float, int, Callable[..., None], tuple[Any, ...]]] = []
        self.seq = 0
        self.now = 0.0
        self.tickets: dict[str, TicketRecord] = {}
        self.waiting: dict[str, set[str]] = {c.code: set() for c in catalog.categories}
        self.windows = {w.no: WindowRun(w, scenario.clerk_of(w)) for w in scenario.window}
        self.items = {
            c.code: [i.code for i in catalog.items if i.category == c.code]
            for c in catalog.categories
        }
        self.item_time = {i.code: i for i in scenario.item}
        self.loads = {c.code: c for c in scenario.category}
        self.open_s = minute_of_day(hhmm(scenario.open)) * 60.0
        self.close_s = minute_of_day(hhmm(scenario.close)) * 60.0
        self.end_s = self.close_s + scenario.overtime_min * 60
        self.consultations = 0
        self.schedule = schedule  # window -> signed-in periods (seconds), else the scenario's

    # -- the event queue ------------------------------------------------------------------------
    def at(self, t: float, fn: Callable[..., None], *args: Any) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, fn, args))

    def _clock(self) -> None:
        self.d.at(self.midnight + timedelta(seconds=self.now))

    def run(self) -> DayResult:
        self._plan_arrivals()
        self._plan_windows()
        t = self.open_s
        while t < self.end_s:
            self.at(t, self._tick)
            t += UPDATE_EVERY_S
        self.at(self.end_s + 1, self._close_day)
        while self.heap:
            self.now, _, fn, args = heapq.heappop(self.heap)
            fn(*args)
        return DayResult(self.day, list(self.tickets.values()), self.windows, self.consultations)

    # -- citizens -------------------------------------------------------------------------------
    def _plan_arrivals(self) -> None:
        appointments: list[tuple[float, str, str | None]] = []
        for load in self.s.category:
            for hour in range(24):
                rate = self.s.rate_per_hour(load, hour)
                if rate <= 0:
                    continue
                t = hour * 3600.0
                end = min((hour + 1) * 3600.0, self.close_s)
                t = max(t, self.open_s)
                while True:
                    t += self.rng.expovariate(rate / 3600.0)
                    if t >= end:
                        break
                    item = self.rng.choice(self.items[load.code]) if self.items[load.code] else None
                    if self.rng.random() < load.appointment_share:
                        slot = round(t / 900.0) * 900.0
                        appointments.append((slot, load.code, item))
                        continue
                    green = self.rng.random() < load.green_share
                    self.at(t, self._arrive, load.code, item, green, None)
        if appointments:
            self._clock_at(self.open_s - 3600)
            for slot, code, item in appointments:
                when = self.midnight + timedelta(seconds=slot)
                booked = self.d.book(code, item, iso(when))
                sd = self.loads[code].punctuality_sd_min * 60
                arrive = max(slot - 29 * 60, slot + self.rng.gauss(0, sd), self.open_s)
                if arrive < self.close_s:
                    self.at(arrive, self._arrive, code, item, False, booked)
        # consultations at the help desk: a Poisson count over the opening hours
        for _ in range(self._poisson(self.s.consultations_per_day)):
            self.at(self.rng.uniform(self.open_s, self.close_s), self._consult)

    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 50:
            return max(0, round(self.rng.gauss(lam, math.sqrt(lam))))
        k, p, limit = 0, 1.0, math.exp(-lam)
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1

    def _clock_at(self, t: float) -> None:
        self.now = t
        self._clock()

    def _arrive(self, category: str, item: str | None, green: bool, appt: str | None) -> None:
        self._clock()
        priority = Priority.GREEN if green else Priority.NORMAL
        try:
            view = self.d.issue(category, item, priority, appt)
        except HallError:
            return  # the kiosk refused (the day closed, an appointment mix-up): they go home
        self._record(view)

    def _record(self, view: dict[str, Any]) -> None:
        """A ticket just issued: what the API promised with it, and what the baselines would
        have at the same moment."""
        load = self.loads.get(view["category"])
        rec = TicketRecord(
            id=view["id"],
            number=view["number"],
            category=view["category"],
            issued=self.now,
            ahead=int(view.get("ahead") or 0),
            shows=load is None or self.rng.random() >= load.no_show,
        )
        if self.measure:
            now = self.midnight + timedelta(seconds=self.now)
            base = self.d.baselines(rec.category, rec.ahead, now)
            rec.estimate = base | {"new": view.get("estimated_wait_s")}
        self.tickets[rec.id] = rec
        self.waiting[rec.category].add(rec.id)
        self._wake(rec.category)

    def _consult(self) -> None:
        self._clock()
        ticket = self.d.consult("simulated enquiry")
        self.consultations += 1
        if ticket is not None:  # nobody at the help desk: it became a 综合咨询 ticket
            self._record(ticket)

    def _requeue(self, rec: TicketRecord) -> None:
        self._clock()
        try:
            self.d.requeue(rec.id)
        except HallError:
            return
        rec.no_show, rec.requeued, rec.shows = False, True, True
        self.waiting[rec.category].add(rec.id)
        self._wake(rec.category)

    # -- clerks ---------------------------------------------------------------------------------
    def _periods(self, w: WindowPlan) -> list[tuple[float, float]]:
        if self.schedule is not None:
            return self.schedule.get(w.no, [])
        return [(minute_of_day(hhmm(a)) * 60.0, minute_of_day(hhmm(b)) * 60.0) for a, b in w.hours]

    def _plan_windows(self) -> None:
        for no, run in self.windows.items():
            periods = self._periods(run.plan)
            for i, (start, end) in enumerate(periods):
                self.at(start, self._sign_in, no)
                self.at(end, self._sign_out, no, i == len(periods) - 1)
            run.last_end = max((e for _, e in periods), default=0.0)
        for p in self.s.pause:
            self.at(
                minute_of_day(hhmm(p.at)) * 60.0, self._want_pause, p.window, p.reason, p.minutes
            )

    def _set_state(self, run: WindowRun, state: str) -> None:
        if run.state == "idle":
            run.idle_s += self.now - run.since
        elif run.state == "paused":
            run.paused_s += self.now - run.since
        run.state, run.since = state, self.now

    def _sign_in(self, no: int) -> None:
        run = self.windows[no]
        if run.state != "closed":
            run.leaving = False
            return
        self._clock()
        self.d.open_window(no, run.clerk)
        run.leaving = False
        self._set_state(run, "idle")
        self._call(no)

    def _sign_out(self, no: int, last: bool) -> None:
        run = self.windows[no]
        run.leaving = True
        if run.state in ("idle", "paused"):
            self._leave(run)

    def _leave(self, run: WindowRun) -> None:
        """The clerk signs out: at the end of a period, or at the end of the day once the
        window's queue is empty (or the overtime is up)."""
        if run.state == "closed":
            return
        if (
            self.now >= run.last_end
            and self.now < self.end_s
            and any(self.waiting[c] for c in run.plan.codes())
        ):
            return  # the last people of the day are served first
        self._clock()
        if run.state == "paused":
            self.d.resume(run.plan.no, run.clerk)
        self.d.close_window(run.plan.no, run.clerk)
        self._set_state(run, "closed")
        run.leaving = False

    def _want_pause(self, no: int, reason: PauseReason, minutes: float) -> None:
        run = self.windows[no]
        if run.state == "closed":
            return
        run.pause_next = (reason, minutes)
        if run.state == "idle":
            self._begin_pause(run)

    def _begin_pause(self, run: WindowRun) -> None:
        assert run.pause_next is not None
        reason, minutes = run.pause_next
        run.pause_next = None
        self._clock()
        self.d.pause(run.plan.no, run.clerk, reason)
        self._set_state(run, "paused")
        self.at(self.now + minutes * 60, self._end_pause, run.plan.no)

    def _end_pause(self, no: int) -> None:
        run = self.windows[no]
        if run.state != "paused":
            return
        self._clock()
        self.d.resume(no, run.clerk)
        self._set_state(run, "idle")
        if run.leaving:
            self._leave(run)
        else:
            self._call(no)

    def _wake(self, category: str) -> None:
        for run in self.windows.values():
            if run.state == "idle" and category in run.plan.codes():
                run.state = "calling"
                run.idle_s += self.now - run.since
                run.since = self.now
                self.at(self.now + REACT_S, self._call, run.plan.no)

    def _call(self, no: int) -> None:
        run = self.windows[no]
        if run.state not in ("idle", "calling"):
            return
        if run.state == "calling":
            run.state = "idle"  # the idle time was counted when it was woken
        if run.pause_next is not None:
            self._begin_pause(run)
            return
        if run.leaving:
            self._leave(run)
            if run.state == "closed":
                return
        self._clock()
        view = self.d.call_next(no, run.clerk)
        if view is None:
            if run.leaving:
                self._leave(run)
            if run.state != "closed":
                self._set_state(run, "idle")
            return
        rec = self.tickets.get(view["id"])
        if rec is None:  # a ticket the help desk made of a consultation: served like any
            rec = TicketRecord(view["id"], view["number"], view["category"], self.now, 0, True)
            self.tickets[rec.id] = rec
        self.waiting[rec.category].discard(rec.id)
        if rec.called is None:
            rec.called = self.now
        self._set_state(run, "busy")
        run.ticket, run.recalls = rec, 0
        if rec.shows:
            walk = lognormal(self.rng, self.s.walk_s, self.s.walk_s / 2)
            self.at(self.now + walk, self._start, no)
        else:
            self.at(self.now + self.s.recall_s, self._recall, no)

    def _recall(self, no: int) -> None:
        run = self.windows[no]
        rec = run.ticket
        assert rec is not None
        self._clock()
        if run.recalls < 3:
            run.recalls += 1
            self.d.recall(no, run.clerk)
            self.at(self.now + self.s.recall_s, self._recall, no)
            return
        self.d.no_show(no, run.clerk)
        rec.no_show = True
        run.ticket = None
        if self.rng.random() < self.loads[rec.category].requeue:
            self.at(self.now + self.rng.uniform(180, 900), self._requeue, rec)
        self._after(run)

    def _start(self, no: int) -> None:
        run = self.windows[no]
        rec = run.ticket
        assert rec is not None
        self._clock()
        self.d.start(no, run.clerk)
        rec.started = self.now
        self.at(self.now + self._service_s(rec), self._finish, no)

    def _service_s(self, rec: TicketRecord) -> float:
        load = self.loads[rec.category]
        mean, sd = load.service_mean_s, load.service_sd_s
        return max(20.0, lognormal(self.rng, mean, sd))

    def _finish(self, no: int) -> None:
        run = self.windows[no]
        rec = run.ticket
        assert rec is not None
        self._clock()
        self.d.finish(no, run.clerk)
        rec.finished = self.now
        rec.handle_s = self.now - (rec.started if rec.started is not None else self.now)
        run.ticket = None
        run.served += 1
        self._after(run)

    def _after(self, run: WindowRun) -> None:
        self._set_state(run, "idle")
        run.state = "calling"
        gap = self.rng.expovariate(1 / self.s.gap_s) if self.s.gap_s > 0 else 0.0
        self.at(self.now + gap, self._call, run.plan.no)

    # -- the day's end and the phone page's later estimates -----------------------------------
    def _tick(self) -> None:
        if self.progress is not None:
            self.progress(self.now)
        if not self.measure:
            return
        # by issue order, not by id (ids are random): the same seed samples the same tickets
        waiting = sorted(
            (r for c in self.waiting.values() for r in c),
            key=lambda tid: (self.tickets[tid].issued, self.tickets[tid].number),
        )
        if not waiting:
            return
        self._clock()
        for tid in self.sampler.sample(waiting, min(UPDATES_PER_TICK, len(waiting))):
            est = self.d.estimates(tid)
            if est is not None:
                self.tickets[tid].updates.append((self.now, est))

    def _close_day(self) -> None:
        self._clock()
        self.d.close_day()
        for run in self.windows.values():
            if run.state in ("idle", "paused", "calling"):
                self._set_state(run, "closed")
        for rec in self.tickets.values():
            if rec.called is None:
                rec.cancelled = True
        self.heap.clear()
