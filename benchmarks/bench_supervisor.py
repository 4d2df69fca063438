"""The supervisor's console stays responsive in a hall of 40 windows with a call every second.

A real hall server runs in its own process (`kiosk serve`) on the sample catalog with 40 windows
(the sample's 20, twice) and 40 clerks signed in. The console (ui.supervisor, offscreen,
1366x768, signed in on the live hall) runs here; a driver thread calls the next ticket at one
window after another, one call a second (finishing that window's previous ticket first).

Measured on the GUI side, on one monotonic clock:
- event to repaint: from the moment the console receives a `ticket.called` event to the first
  paint of the windows table that shows that ticket at its window (the console shows a call at
  its window at once, then re-reads the overview on the same cue for the counts);
- call to repaint: from just before the call-next request to that paint;
- GUI-thread stalls: a 10 ms timer's lateness once the calls begin, the longest and the 95th
  percentile (the GUI thread never waits on the network or the disk), and the GUI thread's own
  CPU time per second: on a machine shared with other work, lateness also counts the time the
  process waits for a core, CPU time only the console's own work.
No assertion on time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402

from kiosk.catalog.hall_config import HallConfig, load_hall_config  # noqa: E402
from kiosk.catalog.model import load_catalog  # noqa: E402
from kiosk.domain import DeviceRole  # noqa: E402
from kiosk.engine.hall import initialise  # noqa: E402
from kiosk.paths import default_catalog_path, sample_hall_path  # noqa: E402
from tests.helpers.server import free_port, wait_ready  # noqa: E402

WINDOWS = 40
CALLS = 60
PERIOD_S = 1.0
TICK_MS = 10


def _hall(directory: Path) -> str:
    """The sample hall with 40 windows and a clerk for each; returns a kiosk token."""
    catalog = load_catalog(default_catalog_path())
    base = load_hall_config(sample_hall_path(), catalog).model_dump(mode="json")
    windows = list(base["windows"])
    for w in base["windows"]:
        no = w["no"] + 20
        windows.append({**w, "no": no, "name_zh": f"{no}号窗", "name_en": f"Window {no}"})
    clerks = [c for c in base["clerks"] if c["role"] != "clerk"]
    clerks += [
        {"employee_no": f"{1000 + n}", "name": f"职员{n}", "pin": "1234", "role": "clerk"}
        for n in range(1, WINDOWS + 1)
    ]
    for c in clerks:
        c.setdefault("pin", "1234")
        c["pin"] = "1234"
    config = HallConfig.model_validate({**base, "windows": windows, "clerks": clerks})
    hall = initialise(directory / "hall.db", config, catalog)
    token = hall.add_device("bench-kiosk", DeviceRole.KIOSK)
    hall.close()
    return token


class Driver(threading.Thread):
    """Signs the 40 clerks in, fills the queues, then calls a ticket a second."""

    def __init__(self, url: str, kiosk: str, categories: dict[int, str]) -> None:
        super().__init__(daemon=True)
        self.url, self.kiosk, self.categories = url, kiosk, categories
        self.started_at: dict[str, float] = {}  # ticket number -> call-next start
        self.ready = threading.Event()
        self.done = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as c:
            tokens = {}
            for no in range(1, WINDOWS + 1):
                r = c.post(
                    "/api/v1/sessions",
                    json={"employee_no": f"{1000 + no}", "pin": "1234", "window": no},
                )
                tokens[no] = r.json()["token"]
            kiosk = {"Authorization": f"Bearer {self.kiosk}"}
            for no in range(1, WINDOWS + 1):
                for _ in range(3):
                    body = {"category": self.categories[no]}
                    c.post("/api/v1/tickets", json=body, headers=kiosk).raise_for_status()
            self.ready.set()
            busy: set[int] = set()
            time.sleep(2)
            for i in range(CALLS):
                t0 = time.perf_counter()
                no = i % WINDOWS + 1
                auth = {"Authorization": f"Bearer {tokens[no]}"}
                if no in busy:
                    body = {"outcome": "completed"}
                    c.post(f"/api/v1/windows/{no}/finish", json=body, headers=auth)
                start = time.perf_counter()
                r = c.post(f"/api/v1/windows/{no}/call-next", headers=auth)
                if r.status_code == 200 and r.json():
                    self.started_at[r.json()["ticket"]["number"]] = start
                    busy.add(no)
                time.sleep(max(0.0, PERIOD_S - (time.perf_counter() - t0)))
        self.done.set()


@contextmanager
def _server(directory: Path, port: int) -> Iterator[None]:
    """`kiosk serve` in its own process, given a minute to start on a busy machine."""
    cmd = [sys.executable, "-m", "kiosk", "serve", "--data", str(directory)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port), "--no-auto-close"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc, timeout=90)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _stats(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def run() -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.common import theme
    from ui.supervisor.session import SupervisorSession
    from ui.supervisor.window import SupervisorWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app, "supervisor", 12)
    with tempfile.TemporaryDirectory(prefix="bench-supervisor-") as tmp:
        directory = Path(tmp)
        kiosk = _hall(directory)
        catalog = load_catalog(default_catalog_path())
        config = load_hall_config(sample_hall_path(), catalog)
        first = {w.no: next(iter(w.ranks())) for w in config.windows}
        categories = {no: first[(no - 1) % 20 + 1] for no in range(1, WINDOWS + 1)}
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with _server(directory, port):
            window = SupervisorWindow(SupervisorSession(url, "zh"), "hall")
            window.resize(1366, 768)
            window.show()
            window.auto_login("3001", "1234")
            received: dict[tuple[int, str], float] = {}
            shown: dict[tuple[int, str], float] = {}
            pending: set[tuple[int, str]] = set()
            lateness: list[float] = []

            def on_event(ev: dict[str, Any]) -> None:
                if ev.get("type") == "ticket.called":
                    key = (int(ev["payload"]["window_no"]), str(ev["payload"]["number"]))
                    received[key] = time.perf_counter()
                    # the console's own handler ran first (connected before this one)
                    on_overview({"windows": window.hall.windows.rows})

            def on_overview(body: dict[str, Any]) -> None:
                for w in body.get("windows", []):
                    key = (int(w["no"]), str(w.get("ticket")))
                    if key in received and key not in shown:
                        pending.add(key)

            class Paints(QObject):
                def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                    if event.type() == QEvent.Type.Paint and pending:
                        now = time.perf_counter()
                        for key in list(pending):
                            shown[key] = now
                        pending.clear()
                    return False

            paints = Paints()
            window.hall.window_view.viewport().installEventFilter(paints)
            window.session.live_event.connect(on_event)
            window.session.overview.connect(on_overview)
            tick = QTimer()
            tick.setInterval(TICK_MS)
            last = [time.perf_counter()]

            def beat() -> None:
                now = time.perf_counter()
                if driver.ready.is_set():  # not the start-up (fonts, first layout)
                    lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
                last[0] = now

            driver = Driver(url, kiosk, categories)
            tick.timeout.connect(beat)
            tick.start()
            driver.start()
            deadline = time.monotonic() + CALLS * PERIOD_S + 120
            cpu: list[float] = []
            while not driver.done.is_set() and time.monotonic() < deadline:
                if driver.ready.is_set() and not cpu:
                    cpu = [time.thread_time(), time.perf_counter()]
                app.processEvents()
                time.sleep(0.002)
            if cpu:  # the GUI thread's own CPU per second of calls: its work, not the machine's
                cpu = [(time.thread_time() - cpu[0]) / (time.perf_counter() - cpu[1]) * 1000]
            end = time.monotonic() + 3
            while time.monotonic() < end:  # the last calls reach the screen
                app.processEvents()
                time.sleep(0.002)
            tick.stop()
            window.close()
    event_to_paint = [(shown[k] - received[k]) * 1000 for k in shown]
    call_to_paint = [
        (shown[k] - driver.started_at[k[1]]) * 1000 for k in shown if k[1] in driver.started_at
    ]
    return {
        "windows": WINDOWS,
        "calls": len(driver.started_at),
        "shown": len(shown),
        "event_to_repaint": _stats(event_to_paint),
        "call_to_repaint": _stats(call_to_paint),
        "gui_stall": _stats(lateness),
        "gui_cpu_ms_per_s": round(cpu[0], 1) if cpu else None,
    }


def table(r: dict[str, Any]) -> str:
    e, c, s = r["event_to_repaint"], r["call_to_repaint"], r["gui_stall"]
    return "\n".join(
        [
            f"{r['windows']} windows, {r['calls']} calls one a second, {r['shown']} repainted",
            "| measure | p50 ms | p95 ms | max ms |",
            "|---|---|---|---|",
            f"| ticket.called received -> windows table repainted | {e['p50_ms']} "
            f"| {e['p95_ms']} | {e['max_ms']} |",
            f"| call-next request -> windows table repainted | {c['p50_ms']} | {c['p95_ms']} "
            f"| {c['max_ms']} |",
            f"| GUI thread: lateness of a 10 ms timer | {s['p50_ms']} | {s['p95_ms']} "
            f"| {s['max_ms']} |",
            f"GUI thread CPU: {r['gui_cpu_ms_per_s']} ms per second of calls",
        ]
    )


if __name__ == "__main__":
    out = run()
    print(json.dumps(out, indent=1) if "--json" in sys.argv else table(out))
