"""Ticket issue and call-next through the hall server's API at 1, 8 and 32 concurrent clients,
next to the raw store's durable transaction rate measured in the same run on the same disk.

The server runs in its own process (`kiosk serve`), the clients are asyncio tasks with one
connection each, all on loopback. Floors are ratios, not times: API issue throughput over raw
durable SQLite transactions (aim >= 0.25), and p95 at 32 clients (aim < 20 ms on 2 cores).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.rawhttp import RawClient
from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import load_catalog
from kiosk.domain import DeviceRole
from kiosk.engine.hall import initialise
from kiosk.paths import default_catalog_path, sample_hall_path
from tests.helpers.server import free_port, server_process

LEVELS = (1, 8, 32)
PER_CLIENT = {1: 300, 8: 80, 32: 40}
RAW_TX = 400


def raw_durable_rate(directory: Path, n: int = RAW_TX) -> float:
    """Single-row durable transactions per second: WAL, synchronous=FULL, like the store."""
    conn = sqlite3.connect(directory / "raw.db", isolation_level=None)
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
    return rate


def bench_hall(directory: Path, windows: int = 32) -> tuple[str, list[str]]:
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
        for n in range(1, windows + 1)
    ]
    sample["clerks"] = [
        {"employee_no": f"5{n:03d}", "name": f"职员{n}", "pin": "1234", "role": "clerk"}
        for n in range(1, windows + 1)
    ]
    sample["devices"] = []
    hall = initialise(directory / "hall.db", HallConfig.model_validate(sample), catalog)
    token = hall.add_device("bench-kiosk", DeviceRole.KIOSK)
    hall.close()
    return token, codes


def summary(latencies: list[float], elapsed: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
        "throughput_rps": round(len(ordered) / elapsed, 1),
    }


async def issue_level(port: int, token: str, codes: list[str], clients: int) -> dict[str, float]:
    latencies: list[float] = []

    async def client(worker: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with RawClient("127.0.0.1", port, headers) as c:
            for i in range(PER_CLIENT[clients]):
                body = {"category": codes[(worker + i) % len(codes)]}
                t0 = time.perf_counter()
                status, reply = await c.request("POST", "/api/v1/tickets", body)
                latencies.append(time.perf_counter() - t0)
                assert status == 201, reply

    start = time.perf_counter()
    await asyncio.gather(*(client(w) for w in range(clients)))
    return summary(latencies, time.perf_counter() - start)


async def call_level(port: int, clients: int) -> dict[str, float]:
    latencies: list[float] = []

    async def window(no: int) -> None:
        async with RawClient("127.0.0.1", port) as c:
            login = {"employee_no": f"5{no:03d}", "pin": "1234", "window": no}
            status, body = await c.request("POST", "/api/v1/sessions", login)
            assert status == 201, body
            c.headers["Authorization"] = f"Bearer {body['token']}"
            for _ in range(PER_CLIENT[clients]):
                t0 = time.perf_counter()
                status, body = await c.request("POST", f"/api/v1/windows/{no}/call-next", {})
                latencies.append(time.perf_counter() - t0)
                assert status == 200, body
                done = {"outcome": "completed"}
                await c.request("POST", f"/api/v1/windows/{no}/finish", done)
            await c.request("DELETE", "/api/v1/sessions/current")

    start = time.perf_counter()
    await asyncio.gather(*(window(n) for n in range(1, clients + 1)))
    return summary(latencies, time.perf_counter() - start)


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-api-", dir=Path.cwd()) as tmp:
        directory = Path(tmp)
        raw = raw_durable_rate(directory)
        token, codes = bench_hall(directory)
        port = free_port()
        results: dict[str, Any] = {"raw_durable_tx_per_s": round(raw, 1)}
        with server_process(directory, port):
            for n in LEVELS:
                results[f"issue_{n}"] = asyncio.run(issue_level(port, token, codes, n))
            for n in LEVELS:
                results[f"call_next_{n}"] = asyncio.run(call_level(port, n))
        results["issue_32_over_raw"] = round(results["issue_32"]["throughput_rps"] / raw, 2)
        return results


def table(results: dict[str, Any]) -> str:
    lines = [
        f"raw durable SQLite transactions: {results['raw_durable_tx_per_s']}/s",
        "| operation | clients | p50 ms | p95 ms | throughput /s |",
        "|---|---|---|---|---|",
    ]
    for op in ("issue", "call_next"):
        for n in LEVELS:
            r = results[f"{op}_{n}"]
            lines.append(f"| {op} | {n} | {r['p50_ms']} | {r['p95_ms']} | {r['throughput_rps']} |")
    lines.append(f"issue throughput at 32 clients / raw rate: {results['issue_32_over_raw']}")
    return "\n".join(lines)


if __name__ == "__main__":
    out = run()
    print(json.dumps(out, indent=1) if "--json" in sys.argv else table(out))
