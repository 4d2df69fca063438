"""What the simulated citizens and clerks press, and where it goes.

`EngineDriver` runs the same commands the hall server runs, on a real Hall and store, with the
engine's fake clock set to the simulated moment before each; it can also ask each estimator for
a ticket at that moment. `HttpDriver` (kiosk/sim/http.py) sends the same presses to a real
`kiosk serve` over loopback, as load.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from kiosk.catalog.model import Catalog
from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason, Priority
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, initialise
from kiosk.engine.queue.estimate import estimate
from kiosk.sim import baselines
from kiosk.sim.scenario import Scenario, hall_config

KIOSK = Actor(device="kiosk-sim")
ESTIMATORS = ("current", "ibrahim_whitt", "new")


class Driver(Protocol):
    def at(self, when: datetime) -> None: ...
    def open_window(self, no: int, clerk: str) -> None: ...
    def close_window(self, no: int, clerk: str) -> None: ...
    def pause(self, no: int, clerk: str, reason: PauseReason) -> None: ...
    def resume(self, no: int, clerk: str) -> None: ...
    def issue(
        self, category: str, item: str | None, priority: Priority, appointment: str | None
    ) -> dict[str, Any]: ...
    def book(self, category: str, item: str | None, slot: str) -> str: ...
    def consult(self, topic: str) -> dict[str, Any] | None: ...
    def call_next(self, no: int, clerk: str) -> dict[str, Any] | None: ...
    def recall(self, no: int, clerk: str) -> None: ...
    def no_show(self, no: int, clerk: str) -> None: ...
    def start(self, no: int, clerk: str) -> None: ...
    def finish(self, no: int, clerk: str) -> None: ...
    def requeue(self, ticket_id: str) -> None: ...
    def close_day(self) -> None: ...
    def estimates(self, ticket_id: str) -> dict[str, float | None] | None: ...
    def baselines(self, category: str, ahead: int, now: datetime) -> dict[str, float | None]: ...
    def close(self) -> None: ...


def _actor(no: int, clerk: str) -> Actor:
    return Actor(device=f"window-{no}", clerk=clerk)


class EngineDriver:
    """The real engine and store, in a scratch directory, on a fake clock. The store is
    thrown away afterwards, so its commits skip the fsync a hall's store must make."""

    measures = True

    def __init__(self, scenario: Scenario, catalog: Catalog, start: datetime) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="kiosk-sim-"))
        self.clock = FakeClock(start)
        config = hall_config(scenario, catalog)
        initialise(self._dir / "hall.db", config, catalog, self.clock).close()
        self.hall = Hall(self._dir / "hall.db", self.clock)
        with self.hall.exclusive() as conn:  # a scratch store: nothing in it is worth an fsync
            conn.execute("PRAGMA synchronous = OFF")

    def at(self, when: datetime) -> None:
        self.clock.set(when)

    def open_window(self, no: int, clerk: str) -> None:
        self.hall.open_window(no, clerk, _actor(no, clerk))

    def close_window(self, no: int, clerk: str) -> None:
        self.hall.close_window(no, _actor(no, clerk))

    def pause(self, no: int, clerk: str, reason: PauseReason) -> None:
        self.hall.pause(no, reason, _actor(no, clerk), note="sim" if reason == "other" else None)

    def resume(self, no: int, clerk: str) -> None:
        self.hall.resume(no, _actor(no, clerk))

    def issue(
        self, category: str, item: str | None, priority: Priority, appointment: str | None
    ) -> dict[str, Any]:
        if appointment:
            ticket, _ = self.hall.issue_ticket(appointment_code=appointment, actor=KIOSK)
        else:
            ticket, _ = self.hall.issue_ticket(category, item, priority, actor=KIOSK)
        return ticket

    def book(self, category: str, item: str | None, slot: str) -> str:
        return str(self.hall.book_appointment(category, slot, item, actor=KIOSK)["code"])

    def consult(self, topic: str) -> dict[str, Any] | None:
        """A question for the help desk; the ticket it became when nobody is on duty."""
        ticket = self.hall.create_consultation(topic, actor=KIOSK).get("ticket")
        return dict(ticket) if ticket else None

    def call_next(self, no: int, clerk: str) -> dict[str, Any] | None:
        return self.hall.call_next(no, _actor(no, clerk))

    def recall(self, no: int, clerk: str) -> None:
        self.hall.recall(no, _actor(no, clerk))

    def no_show(self, no: int, clerk: str) -> None:
        self.hall.no_show(no, _actor(no, clerk))

    def start(self, no: int, clerk: str) -> None:
        self.hall.start(no, _actor(no, clerk))

    def finish(self, no: int, clerk: str) -> None:
        self.hall.finish(no, Outcome.COMPLETED, _actor(no, clerk))

    def requeue(self, ticket_id: str) -> None:
        self.hall.requeue(ticket_id, KIOSK)

    def close_day(self) -> None:
        self.hall.close_day()

    def estimates(self, ticket_id: str) -> dict[str, float | None] | None:
        """Each estimator's wait for a waiting ticket now, from the store as it stands (the
        new one exactly as the API computes it)."""
        conn = self.hall.reader()
        row = conn.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        if row is None or row["status"] != "waiting":
            return None
        now = self.clock.now()
        est = estimate(self.hall.settings, conn, row, now)
        return self.baselines(row["category"], est.ahead, now) | {"new": est.wait_s}

    def baselines(self, category: str, ahead: int, now: datetime) -> dict[str, float | None]:
        conn, settings = self.hall.reader(), self.hall.settings
        return {
            "current": baselines.current(settings, conn, category, ahead),
            "ibrahim_whitt": baselines.ibrahim_whitt(settings, conn, category, ahead, now),
        }

    def close(self) -> None:
        self.hall.close()
        shutil.rmtree(self._dir, ignore_errors=True)
