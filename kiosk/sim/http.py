"""`kiosk simulate --over-http`: the same simulated crowd and clerks, sent to a real
`kiosk serve` on loopback, as load.

The server runs in its own process on a scratch data directory, on its own (real) clock: the
simulation still keeps its own time and sends each press in simulated order, as fast as the
server answers, so a simulated day is a day's load compressed into minutes. Waits and the other
figures are those of the simulated clock; the wall time, the requests' latencies and the
server's peak memory are those of the real server. Everything is bounded: each request has a
timeout, the server only listens on 127.0.0.1, and it is stopped when the run ends. Over HTTP
the days run back to back on the server's one real service day, appointment check-ins are
judged by the server's real clock (a slot on the simulated day makes the citizen "late": a normal
ticket), and the estimates are not scored (the server's clock is not the simulation's).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from kiosk.catalog.model import Catalog
from kiosk.domain import DeviceRole, PauseReason, Priority, Role
from kiosk.engine.hall import initialise
from kiosk.errors import Conflict
from kiosk.sim.measure import pct
from kiosk.sim.scenario import Scenario, hall_config
from kiosk.store.db import store_path

PIN = "246810"
SUPERVISOR = "SIMSUP"
REQUEST_TIMEOUT_S = 30.0
READY_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_memory_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM), Linux only."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


class HttpDriver:
    """Each press an HTTP request to a real hall server started for the run."""

    measures = False

    def __init__(self, scenario: Scenario, catalog: Catalog, start: datetime) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kiosk-sim-http-"))
        config = hall_config(scenario, catalog)
        hall = initialise(store_path(self.dir), config, catalog)
        try:
            for clerk in scenario.clerks():
                hall.add_clerk(clerk.employee_no, clerk.employee_no, PIN, Role.CLERK)
            hall.add_clerk(SUPERVISOR, "supervisor", PIN, Role.SUPERVISOR)
            self.kiosk_token = hall.add_device("kiosk-sim", DeviceRole.KIOSK)
        finally:
            hall.close()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (self.dir / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "kiosk", "serve", "--data", str(self.dir)),
                *("--host", "127.0.0.1", "--port", str(self.port), "--no-auto-close"),
            ],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        self.http = httpx.Client(base_url=self.url, timeout=REQUEST_TIMEOUT_S)
        self.latencies: list[float] = []
        self.sessions: dict[int, str] = {}
        self.started = time.monotonic()
        try:
            self._wait_ready()
            self.supervisor = self._login(SUPERVISOR, None)
        except BaseException:
            self.close()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"kiosk serve exited ({self.proc.returncode}), see {self.log.name}"
                )
            try:
                if self.http.get("/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("kiosk serve did not become ready")

    def _send(self, method: str, path: str, token: str | None, body: Any = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        began = time.perf_counter()
        r = self.http.request(method, path, json=body, headers=headers)
        self.latencies.append(time.perf_counter() - began)
        if r.status_code >= 500:
            raise RuntimeError(f"{method} {path}: {r.status_code} {r.text[:200]}")
        if r.status_code >= 400:
            problem = r.json() if r.headers.get("content-type", "").endswith("json") else {}
            raise Conflict(
                str(problem.get("detail_zh") or r.text[:200]),
                str(problem.get("detail") or r.text[:200]),
            )
        return r

    def _login(self, employee_no: str, window: int | None) -> str:
        body = {"employee_no": employee_no, "pin": PIN, "window": window}
        return str(self._send("POST", "/api/v1/sessions", None, body).json()["token"])

    def _window(self, no: int, action: str, body: Any = None) -> httpx.Response:
        return self._send("POST", f"/api/v1/windows/{no}/{action}", self.sessions[no], body or {})

    # -- the presses ----------------------------------------------------------------------------
    def at(self, when: datetime) -> None:
        """The server keeps its own time."""

    def open_window(self, no: int, clerk: str) -> None:
        self.sessions[no] = self._login(clerk, no)

    def close_window(self, no: int, clerk: str) -> None:
        token = self.sessions.pop(no, None)
        if token is not None:
            self._send("DELETE", "/api/v1/sessions/current", token)

    def pause(self, no: int, clerk: str, reason: PauseReason) -> None:
        note = "sim" if reason == PauseReason.OTHER else None
        self._window(no, "pause", {"reason": reason.value, "note": note})

    def resume(self, no: int, clerk: str) -> None:
        self._window(no, "resume")

    def issue(
        self, category: str, item: str | None, priority: Priority, appointment: str | None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"category": None if appointment else category}
        if appointment:
            body["appointment_code"] = appointment
        else:
            body.update(item=item, priority=priority.value)
        return dict(self._send("POST", "/api/v1/tickets", self.kiosk_token, body).json())

    def book(self, category: str, item: str | None, slot: str) -> str:
        body = {"category": category, "item": item, "slot_start": slot}
        return str(self._send("POST", "/api/v1/appointments", self.supervisor, body).json()["code"])

    def consult(self, topic: str) -> dict[str, Any] | None:
        body = self._send("POST", "/api/v1/consultations", self.kiosk_token, {"topic": topic})
        ticket = body.json().get("ticket")
        return dict(ticket) if ticket else None

    def call_next(self, no: int, clerk: str) -> dict[str, Any] | None:
        r = self._window(no, "call-next")
        return None if r.status_code == 204 else dict(r.json()["ticket"])

    def recall(self, no: int, clerk: str) -> None:
        self._window(no, "recall")

    def no_show(self, no: int, clerk: str) -> None:
        self._window(no, "no-show")

    def start(self, no: int, clerk: str) -> None:
        self._window(no, "start")

    def finish(self, no: int, clerk: str) -> None:
        self._window(no, "finish", {"outcome": "completed"})

    def requeue(self, ticket_id: str) -> None:
        self._send("POST", f"/api/v1/tickets/{ticket_id}/requeue", self.kiosk_token)

    def close_day(self) -> None:
        """Not over HTTP: the server's service day is the real one, and closing it would refuse
        the next simulated day's tickets."""

    def estimates(self, ticket_id: str) -> dict[str, float | None] | None:
        return None

    def baselines(self, category: str, ahead: int, now: datetime) -> dict[str, float | None]:
        return {}

    def figures(self) -> dict[str, Any]:
        ms = [x * 1000 for x in self.latencies]
        return {
            "wall_s": round(time.monotonic() - self.started, 1),
            "requests": len(ms),
            "p50_ms": round(pct(ms, 0.5), 1),
            "p99_ms": round(pct(ms, 0.99), 1),
            "server_peak_mb": peak_memory_mb(self.proc.pid),
        }

    def close(self) -> None:
        self.http.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def simulate_over_http(scenario: Scenario, days: int = 1, seed: int = 1) -> dict[str, Any]:
    """The run's summary, with the real server's figures under "http"."""
    from kiosk.sim.run import simulate

    figures: dict[str, Any] = {}

    def driver(s: Scenario, catalog: Catalog, start: datetime) -> HttpDriver:
        d = HttpDriver(s, catalog, start)
        original = d.close

        def close() -> None:  # the figures are read before the server stops
            figures.update(d.figures())
            original()

        d.close = close  # type: ignore[method-assign]
        return d

    summary, _ = simulate(scenario, days, seed, driver=driver, label=f"over HTTP {scenario.name}")
    summary["http"] = figures
    return summary
