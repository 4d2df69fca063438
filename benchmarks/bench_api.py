"""Ticket issue and call-next through the hall server's API at 1, 8 and 32 concurrent clients and
at queue depths of 0, 1,000, 10,000 and 50,000 waiting, next to the raw store's durable
transaction rate measured in the same run on the same disk.

The server runs in its own process (`kiosk serve`), the clients are asyncio tasks with one
connection each, all on loopback. Each figure is measured REPEATS times in the run, each time on
a fresh copy of the same prepared store, the repeats taking turns over the depths, and reported
as the median with its spread (min-max), so a noisy machine shows as spread rather than as a new
number. Floors are ratios, not times: API issue throughput over raw durable SQLite transactions,
and throughput at 50,000 waiting over throughput at an empty queue (aim: within 20 %).

- issue: POST /tickets; the queue grows by what is issued.
- call-next alone: every call at a window that has nothing active (each client signs in at its
  own set of windows and calls once at each), so nothing but call-next is timed.
- call + finish: one window per client calls and finishes in a loop (two writes per cycle).

A depth is the number of people waiting when a measurement starts; the calls of the run are
taken from a reserve added on top, so the depth stays the same while it is measured.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.rawhttp import RawClient
from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import load_catalog
from kiosk.domain import DeviceRole
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, initialise
from kiosk.paths import default_catalog_path, sample_hall_path
from kiosk.store.db import store_path
from tests.helpers.server import free_port, server_process

LEVELS = (1, 8, 32)
DEPTHS = (0, 1_000, 10_000, 50_000)
REPEATS = 3
ISSUES = {1: 300, 8: 80, 32: 40}  # per client
CYCLES = {1: 300, 8: 80, 32: 40}  # call + finish, per client
ALONE = {1: 128, 8: 24, 32: 8}  # call-next alone: windows per client, one call each
WINDOWS = max(n * k for n, k in ALONE.items())
RESERVE = sum(n * (CYCLES[n] + ALONE[n]) for n in LEVELS)  # tickets the calls of one run take
RAW_TX = 400
PIN = "1234"

Measure = Callable[[int, dict[str, Any], int], Coroutine[Any, Any, dict[str, float]]]


def raw_durable_rate(directory: Path, n: int = RAW_TX) -> float:
    """Single-row durable transactions per second: WAL, synchronous=FULL, like the store."""
    path = directory / "raw.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
    start = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t(payload) VALUES (?)", (json.dumps({"i": i, "x": "y" * 200}),))
        conn.execute("COMMIT")
    rate = n / (time.perf_counter() - start)
    conn.close()
    path.unlink()
    return rate


def base_hall(directory: Path) -> dict[str, Any]:
    """The sample catalog with WINDOWS comprehensive windows serving every category (one
    shared rank), a clerk signed in at each, and a kiosk: returns the tokens."""
    catalog = load_catalog(default_catalog_path())
    sample = json.loads(sample_hall_path().read_text(encoding="utf-8"))
    codes = [c.code for c in catalog.categories]
    sample["windows"] = [
        {
            "no": n,
            "name_zh": f"{n}号窗",
            "name_en": f"Window {n}",
            "kind": "comprehensive",
            "categories": [codes],
        }
        for n in range(1, WINDOWS + 1)
    ]
    sample["clerks"] = [
        {"employee_no": f"5{n:03d}", "name": f"职员{n}", "pin": PIN, "role": "clerk"}
        for n in range(1, WINDOWS + 1)
    ]
    sample["devices"] = []
    hall = initialise(store_path(directory), HallConfig.model_validate(sample), catalog)
    try:
        kiosk = hall.add_device("bench-kiosk", DeviceRole.KIOSK)
        clerks = {n: hall.login(f"5{n:03d}", PIN, n)["token"] for n in range(1, WINDOWS + 1)}
    finally:
        hall.close()
    return {"kiosk": kiosk, "clerks": clerks, "codes": codes}


def fill(directory: Path, waiting: int, codes: list[str]) -> None:
    """`waiting` tickets spread over the categories, issued by the engine itself through the
    writer thread's batched commits (a prepared store, not part of what is measured)."""
    hall = Hall(store_path(directory))
    try:
        actor = Actor(device="bench-kiosk")
        futures = [
            hall.submit(partial(hall.issue_ticket, codes[i % len(codes)], actor=actor))
            for i in range(waiting)
        ]
        for f in futures:
            f.result(timeout=600)
    finally:
        hall.close()


def summary(latencies: list[float], elapsed: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000,
        "throughput_rps": len(ordered) / elapsed,
    }


async def issue_level(port: int, tokens: dict[str, Any], clients: int) -> dict[str, float]:
    latencies: list[float] = []
    codes = tokens["codes"]

    async def client(worker: int) -> None:
        headers = {"Authorization": f"Bearer {tokens['kiosk']}"}
        async with RawClient("127.0.0.1", port, headers) as c:
            for i in range(ISSUES[clients]):
                body = {"category": codes[(worker + i) % len(codes)]}
                t0 = time.perf_counter()
                status, reply = await c.request("POST", "/api/v1/tickets", body)
                latencies.append(time.perf_counter() - t0)
                assert status == 201, reply

    start = time.perf_counter()
    await asyncio.gather(*(client(w) for w in range(clients)))
    return summary(latencies, time.perf_counter() - start)


async def _call(c: RawClient, no: int, token: str) -> float:
    c.headers["Authorization"] = f"Bearer {token}"
    t0 = time.perf_counter()
    status, body = await c.request("POST", f"/api/v1/windows/{no}/call-next", {})
    took = time.perf_counter() - t0
    assert status == 200, body
    return took


async def call_alone_level(port: int, tokens: dict[str, Any], clients: int) -> dict[str, float]:
    """Windows WINDOWS - n*k + 1 ... WINDOWS, k per client, each calls once (then, untimed,
    finishes, so the next level finds its windows free)."""
    latencies: list[float] = []
    per = ALONE[clients]
    first = WINDOWS - clients * per + 1

    async def client(worker: int) -> None:
        async with RawClient("127.0.0.1", port) as c:
            for no in range(first + worker * per, first + (worker + 1) * per):
                latencies.append(await _call(c, no, tokens["clerks"][no]))

    async def free(worker: int) -> None:
        async with RawClient("127.0.0.1", port) as c:
            for no in range(first + worker * per, first + (worker + 1) * per):
                c.headers["Authorization"] = f"Bearer {tokens['clerks'][no]}"
                done = {"outcome": "completed"}
                status, body = await c.request("POST", f"/api/v1/windows/{no}/finish", done)
                assert status == 200, body

    start = time.perf_counter()
    await asyncio.gather(*(client(w) for w in range(clients)))
    result = summary(latencies, time.perf_counter() - start)
    await asyncio.gather(*(free(w) for w in range(clients)))  # untimed: the windows are free
    return result


async def call_finish_level(port: int, tokens: dict[str, Any], clients: int) -> dict[str, float]:
    """Windows 1 ... n call and finish in a loop; throughput counts whole cycles."""
    latencies: list[float] = []

    async def window(no: int) -> None:
        async with RawClient("127.0.0.1", port) as c:
            for _ in range(CYCLES[clients]):
                latencies.append(await _call(c, no, tokens["clerks"][no]))
                done = {"outcome": "completed"}
                status, body = await c.request("POST", f"/api/v1/windows/{no}/finish", done)
                assert status == 200, body

    start = time.perf_counter()
    await asyncio.gather(*(window(n) for n in range(1, clients + 1)))
    return summary(latencies, time.perf_counter() - start)


MEASURES: dict[str, Measure] = {
    "issue": issue_level,
    "call_next_alone": call_alone_level,
    "call_finish": call_finish_level,
}


def one_run(template: Path, work: Path, tokens: dict[str, Any]) -> dict[str, dict[str, float]]:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)
    port = free_port()
    out: dict[str, dict[str, float]] = {}
    with server_process(work, port):
        # the calls come first so they meet the prepared depth, then issue adds on top
        for name in ("call_next_alone", "call_finish", "issue"):
            for n in LEVELS:
                out[f"{name}_{n}"] = asyncio.run(MEASURES[name](port, tokens, n))
    shutil.rmtree(work)
    return out


def spread(values: list[float], digits: int = 1) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
    }


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-api-", dir=Path.cwd()) as tmp:
        root = Path(tmp)
        base = root / "base"
        base.mkdir()
        tokens = base_hall(base)
        raws: list[float] = []
        results: dict[str, Any] = {"repeats": REPEATS, "reserve": RESERVE, "depths": {}}
        templates = {}
        for depth in DEPTHS:
            templates[depth] = root / f"depth-{depth}"
            shutil.copytree(base, templates[depth])
            fill(templates[depth], depth + RESERVE, tokens["codes"])
        # the repeats go round the depths, so a machine that slows down for a while slows
        # every depth alike instead of one depth's three runs
        runs: dict[int, list[dict[str, dict[str, float]]]] = {depth: [] for depth in DEPTHS}
        for _ in range(REPEATS):
            for depth in DEPTHS:
                raws.append(raw_durable_rate(root))
                runs[depth].append(one_run(templates[depth], root / "run", tokens))
        for depth in DEPTHS:
            figures: dict[str, Any] = {}
            for key in runs[depth][0]:
                figures[key] = {
                    "requests": runs[depth][0][key]["requests"],
                    **{
                        m: spread([r[key][m] for r in runs[depth]], 2) for m in ("p50_ms", "p95_ms")
                    },
                    "throughput_rps": spread([r[key]["throughput_rps"] for r in runs[depth]]),
                }
            results["depths"][str(depth)] = figures
        raw = statistics.median(raws)
        results["raw_durable_tx_per_s"] = spread(raws)
        deepest, empty = results["depths"][str(DEPTHS[-1])], results["depths"]["0"]
        results["ratios"] = {
            "issue_32_over_raw": round(empty["issue_32"]["throughput_rps"]["median"] / raw, 2),
            **{
                f"{key}_deepest_over_empty": round(
                    deepest[key]["throughput_rps"]["median"]
                    / empty[key]["throughput_rps"]["median"],
                    2,
                )
                for key in empty
            },
        }
        return results


def table(results: dict[str, Any]) -> str:
    raw = results["raw_durable_tx_per_s"]
    lines = [
        f"raw durable SQLite transactions: {raw['median']}/s ({raw['min']}-{raw['max']})",
        "| operation | clients | waiting | p50 ms | p95 ms | throughput /s (min-max) |",
        "|---|---|---|---|---|---|",
    ]
    for op in MEASURES:
        for n in LEVELS:
            for depth, figures in results["depths"].items():
                f = figures[f"{op}_{n}"]
                t = f["throughput_rps"]
                lines.append(
                    f"| {op} | {n} | {int(depth):,} | {f['p50_ms']['median']} |"
                    f" {f['p95_ms']['median']} | {t['median']:,} ({t['min']:,}-{t['max']:,}) |"
                )
    for name, value in results["ratios"].items():
        lines.append(f"{name}: {value}")
    return "\n".join(lines)


if __name__ == "__main__":
    out = run()
    print(json.dumps(out, indent=1) if "--json" in sys.argv else table(out))
