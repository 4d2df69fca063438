"""Two halls (a district and a township) syncing to one center through a flaky link.

The link drops in the middle of a batch (both before the center got it and after it stored it
but before the hall heard back), the center restarts in the middle of a sync, and the township
is offline for a simulated week before it catches up. Afterwards the center holds every event of
each hall exactly once, its report per hall equals the hall's own figures, and every report from
the daily rollups equals the computation over the raw events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from kiosk.center.app import create_center_app
from kiosk.center.client import CenterClient
from kiosk.center.halls import add_hall
from kiosk.center.reports import build_report
from kiosk.center.schema import events
from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from kiosk.reports.hall_figures import hall_figures
from kiosk.sync.pusher import sync_once
from tests.helpers.activity import simulate_day
from tests.helpers.hallfactory import make_hall
from tests.helpers.live_server import serve_in_thread
from tests.helpers.postgres import free_port
from tests.helpers.raw_report import raw_report

CITY, DISTRICT, TOWNSHIP = "370200-00", "370202-00", "370202-01"
DAY1 = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # Monday 08:30 in Shanghai
FIGURES = (
    "tickets",
    "wait_p50_s",
    "wait_p90_s",
    "handle_avg_s",
    "no_shows",
    "no_show_rate",
    "ratings",
    "satisfaction_rate",
    "finished",
    "corrections",
    "correction_rate",
    "consultations",
)


class FlakyLink(httpx.BaseTransport):
    """A real HTTP transport that fails on cue: before sending, or after the center answered."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.plan: dict[int, str] = {}
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        action = self.plan.pop(self.requests, "ok")
        if action == "drop_before":
            raise httpx.ConnectError("link down", request=request)
        response = self.inner.handle_request(request)
        if action == "drop_after":
            response.read()
            response.close()
            raise httpx.ReadError("link dropped before the reply arrived", request=request)
        return response


class Center:
    """The center app on a fixed port, so it can be stopped and started under its clients."""

    def __init__(self, db_url: str) -> None:
        self.app = create_center_app(db_url)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._ctx = None

    def start(self) -> None:
        self._ctx = serve_in_thread(self.app, port=self.port)
        self._ctx.__enter__()

    def stop(self) -> None:
        if self._ctx is not None:
            self._ctx.__exit__(None, None, None)
            self._ctx = None


def hall_at(path: Path, clock: FakeClock, code: str, level: str, parent: str) -> Hall:
    return make_hall(path, clock, code=code, level=level, parent=parent)


def center_log(center: Center, code: str) -> list[tuple[int, str]]:
    with center.app.state.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.seq, events.c.id).where(events.c.hall == code).order_by(events.c.seq)
        )
        return [(int(s), str(i)) for s, i in rows]


def hall_log(hall: Hall) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in hall.reader().execute("SELECT seq, id FROM events ORDER BY seq")]


@pytest.mark.slow
def test_two_halls_sync_through_faults(db_url: str, tmp_path: Path) -> None:
    center = Center(db_url)
    engine = center.app.state.engine
    add_hall(engine, CITY, "S市政务服务中心", "city")
    d_token = add_hall(engine, DISTRICT, "S市市南区政务服务中心", "district", CITY)
    t_token = add_hall(engine, TOWNSHIP, "八大关街道便民服务中心", "township", DISTRICT)
    d_clock, t_clock = FakeClock(DAY1), FakeClock(DAY1)
    district = hall_at(tmp_path / "d.db", d_clock, DISTRICT, "district", CITY)
    township = hall_at(tmp_path / "t.db", t_clock, TOWNSHIP, "township", DISTRICT)
    simulate_day(district, d_clock, DAY1, tickets=40, seed=1)
    simulate_day(township, t_clock, DAY1, tickets=25, seed=2)
    center.start()
    try:
        # 1. the district's link drops twice in the middle of a multi-batch push
        link = FlakyLink()
        link.plan = {3: "drop_after", 5: "drop_before"}
        with CenterClient(center.url, DISTRICT, d_token, transport=link) as client:
            for _ in range(2):
                with pytest.raises(httpx.TransportError):
                    sync_once(district, client, batch=60)
            summary = sync_once(district, client, batch=60)
        assert summary.lag == 0
        assert center_log(center, DISTRICT) == hall_log(district)

        # 2. the center restarts in the middle of the township's sync
        with CenterClient(center.url, TOWNSHIP, t_token) as client:

            def restart_after_first_batch(acked: int, last: int) -> None:
                if 0 < acked < last:
                    center.stop()

            with pytest.raises(httpx.TransportError):
                sync_once(township, client, batch=50, progress=restart_after_first_batch)
            # the center's database is readable while its server is down: a partial log
            assert 0 < len(center_log(center, TOWNSHIP)) < township.last_seq
            center.start()
            assert sync_once(township, client, batch=50).lag == 0
        assert center_log(center, TOWNSHIP) == hall_log(township)

        # 3. the township is offline for a week, then catches up in one round
        for day in range(1, 8):
            simulate_day(township, t_clock, DAY1 + timedelta(days=day), tickets=15, seed=10 + day)
        with CenterClient(center.url, TOWNSHIP, t_token) as client:
            caught_up = sync_once(township, client, batch=200)
        assert caught_up.lag == 0 and caught_up.batches >= 2
        assert center_log(center, TOWNSHIP) == hall_log(township)

        # 4. the center's report per hall equals each hall's own figures
        last_day = (DAY1 + timedelta(days=7)).date().isoformat()
        report = build_report(engine, DAY1.date().isoformat(), last_day, by="hall")
        rows = {r["hall"]: r for r in report["rows"]}
        for code, hall in ((DISTRICT, district), (TOWNSHIP, township)):
            own = hall_figures(hall, DAY1.date().isoformat(), last_day)
            assert own["tickets"] > 0
            assert {k: rows[code][k] for k in FIGURES} == {k: own[k] for k in FIGURES}, code

        # 5. every report from the rollups equals the computation over the raw events
        first = DAY1.date().isoformat()
        for by in ("level", "hall", "item"):
            rolled = build_report(engine, first, last_day, by)
            raw = raw_report(engine, first, last_day, by)
            rolled.pop("generated_at"), raw.pop("generated_at")
            assert rolled == raw, by
    finally:
        center.stop()
        district.close()
        township.close()
