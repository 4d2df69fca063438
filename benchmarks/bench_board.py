"""Call-next to the board: how long after a clerk presses "call next" do 200 live subscribers
(boards, strips, phones) receive the ticket.called event?

A real hall server runs in its own process (`kiosk serve`); the subscribers are WebSocket
clients on /api/v1/live, split over two processes so that the clients' own JSON work does not
queue behind one event loop; one clerk calls and finishes CALLS tickets in turn. Latency is
measured from just before the call-next request to each subscriber's receipt of the event,
both read from the same monotonic clock (CLOCK_MONOTONIC is shared by processes on a host).
A peer that polls every 2 s shows a call after a uniformly distributed 0-2 s wait: p50 1 s,
p95 1.9 s; that reference is computed, not measured. No assertion on time.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx
import websockets

from kiosk.domain import DeviceRole
from kiosk.events import EventType
from kiosk.setup import init_hall
from tests.helpers.server import free_port, server_process

SUBSCRIBERS = 200
PROCESSES = 2
CALLS = 50
CALLED = f'"type":"{EventType.TICKET_CALLED}"'  # the compact JSON of a call, found unparsed
PAUSE_S = 0.05  # between one finish and the next call, so calls do not overlap
POLL_PERIOD_S = 2.0


def _subscribe(url: str, count: int, calls: int, pipe: Connection) -> None:
    """A worker process: `count` subscribers; reports (number, received at) per subscriber."""

    async def one(ready: asyncio.Event, connected: list[int]) -> list[tuple[str, float]]:
        got: list[tuple[str, float]] = []
        async with websockets.connect(url, max_queue=None, ping_interval=None) as ws:
            connected[0] += 1
            if connected[0] == count:
                ready.set()
            while len(got) < calls:
                text = await ws.recv()
                at = time.perf_counter()
                if CALLED in text:
                    got.append((json.loads(text)["payload"]["number"], at))
        return got

    async def main() -> list[list[tuple[str, float]]]:
        ready, connected = asyncio.Event(), [0]
        tasks = [asyncio.create_task(one(ready, connected)) for _ in range(count)]
        await ready.wait()
        pipe.send("ready")
        return await asyncio.gather(*tasks)

    pipe.send(asyncio.run(main()))
    pipe.close()


def _hall(directory: Path) -> tuple[str, str]:
    hall = init_hall(directory, sample=True)
    tokens = (
        hall.add_device("bench-board", DeviceRole.DISPLAY),
        hall.add_device("bench-kiosk", DeviceRole.KIOSK),
    )
    hall.close()
    return tokens


def _clerk(url: str, kiosk: str, calls: int) -> tuple[dict[str, float], list[float]]:
    """Issues the tickets, then calls and finishes each one; returns call-next start times and
    how long each call-next request took (the durable commit the event waits for)."""
    started: dict[str, float] = {}
    answered: list[float] = []
    with httpx.Client(base_url=url, timeout=30) as c:
        for _ in range(calls):
            r = c.post(
                "/api/v1/tickets",
                json={"category": "SHEBAO"},
                headers={"Authorization": f"Bearer {kiosk}"},
            )
            assert r.status_code == 201, r.text
        r = c.post("/api/v1/sessions", json={"employee_no": "1001", "pin": "1234", "window": 1})
        c.headers["Authorization"] = f"Bearer {r.json()['token']}"
        time.sleep(0.5)  # let the subscribers drain the issue events
        for _ in range(calls):
            t0 = time.perf_counter()
            r = c.post("/api/v1/windows/1/call-next")
            answered.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
            started[r.json()["ticket"]["number"]] = t0
            time.sleep(PAUSE_S)
            assert c.post("/api/v1/windows/1/finish", json={"outcome": "completed"}).is_success
    return started, answered


def _stats(values_ms: list[float]) -> dict[str, float]:
    ordered = sorted(values_ms)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-board-", dir=Path.cwd()) as tmp:
        directory = Path(tmp)
        display, kiosk = _hall(directory)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        live = f"ws://127.0.0.1:{port}/api/v1/live?after_seq=0&token={display}"
        ctx = mp.get_context("fork")
        with server_process(directory, port):
            pipes, procs = [], []
            for i in range(PROCESSES):
                here, there = ctx.Pipe()
                share = SUBSCRIBERS // PROCESSES + (1 if i < SUBSCRIBERS % PROCESSES else 0)
                proc = ctx.Process(target=_subscribe, args=(live, share, CALLS, there))
                proc.start()
                pipes.append(here)
                procs.append(proc)
            for pipe in pipes:
                assert pipe.recv() == "ready"
            started, answered = _clerk(url, kiosk, CALLS)
            received = [sub for pipe in pipes for sub in pipe.recv()]
            for proc in procs:
                proc.join(30)
    latencies = [(at - started[number]) * 1000 for sub in received for number, at in sub]
    per_call: dict[str, float] = {}
    for sub in received:
        for number, at in sub:
            per_call[number] = max(per_call.get(number, 0.0), (at - started[number]) * 1000)
    return {
        "subscribers": len(received),
        "calls": CALLS,
        "samples": len(latencies),
        "every_subscriber_got_every_call": all(len(sub) == CALLS for sub in received),
        "call_to_board": _stats(latencies),
        "call_to_last_subscriber": _stats(list(per_call.values())),
        "call_next_response": _stats(answered),
        "polling_2s_reference": {"p50_ms": POLL_PERIOD_S * 500, "p95_ms": POLL_PERIOD_S * 950},
    }


def table(results: dict[str, Any]) -> str:
    a, last, answer, poll = (
        results["call_to_board"],
        results["call_to_last_subscriber"],
        results["call_next_response"],
        results["polling_2s_reference"],
    )
    return "\n".join(
        [
            f"{results['subscribers']} live subscribers, {results['calls']} calls, "
            f"every subscriber got every call: {results['every_subscriber_got_every_call']}",
            "| measure | p50 ms | p95 ms | max ms |",
            "|---|---|---|---|",
            f"| call-next -> subscriber receives ticket.called | {a['p50_ms']} | {a['p95_ms']} "
            f"| {a['max_ms']} |",
            f"| call-next -> the last of all subscribers | {last['p50_ms']} | {last['p95_ms']} "
            f"| {last['max_ms']} |",
            f"| (the call-next request itself, for scale) | {answer['p50_ms']} "
            f"| {answer['p95_ms']} | {answer['max_ms']} |",
            f"| a peer polling every 2 s (computed) | {poll['p50_ms']} | {poll['p95_ms']} | 2000 |",
        ]
    )


if __name__ == "__main__":
    out = run()
    print(json.dumps(out, indent=1) if "--json" in sys.argv else table(out))
