"""The write hot path through raw sqlite3 or through sqlite-utils: one issued ticket's event row
and its projection (the tickets row, its counter, the queue count its trigger keeps).

Raw is the engine's own code (`kiosk.events.insert` then `kiosk.engine.projector.apply`, as
`Tx.emit` runs them). The sqlite-utils side writes the same rows with `Table.insert` and
`Table.upsert` on a `Database` over the same kind of connection. Each is measured on a fresh,
migrated store (WAL, synchronous=FULL) in two shapes:

- batched: 256 issues per durable commit, the writer's largest group commit under load, so the
  figure is the Python and SQLite work per issue with the fsync shared out;
- one per commit: an idle hall, one kiosk, where the fsync dominates.

Each figure is the median of REPEATS runs, raw and sqlite-utils alternating. Nothing asserts a
time: `make bench` prints and saves the figures (docs/benchmarks.md).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kiosk import events as evlog  # noqa: E402
from kiosk.engine import projector  # noqa: E402
from kiosk.engine.queue.projection import TIER_NORMAL  # noqa: E402
from kiosk.events import Event, EventType, dumps  # noqa: E402
from kiosk.store.db import connect, database, transaction  # noqa: E402
from kiosk.store.keys import request_key  # noqa: E402
from kiosk.store.schema import migrate  # noqa: E402

BATCH = 256  # kiosk.engine.commit.MAX_BATCH
BATCHED_ISSUES = BATCH * 8
SINGLE_ISSUES = 200
REPEATS = 5
DAY = "2026-11-27"

Writer = Callable[[Any, Event], None]


def event(n: int) -> Event:
    number = f"A{n:03d}"
    issued_at = f"{DAY}T01:00:00.000Z"
    payload = {
        "ticket_id": f"T{n:08d}",
        "number": number,
        "prefix": "A",
        "seq_no": n,
        "service_day": DAY,
        "category": "SB",
        "item": "SB-1",
        "priority": "normal",
        "source": "kiosk",
        "appointment_code": None,
        "request_id": f"tap-{n}",
        "issued_at": issued_at,
    }
    return Event(n, f"E{n:08d}", "370200-00", issued_at, "kiosk-1", None,
                 EventType.TICKET_ISSUED, payload)  # fmt: skip


def raw(conn: Any, ev: Event) -> None:
    evlog.insert(conn, ev)
    projector.apply(conn, ev)


class Tables:
    """The three tables, looked up once (each `db.table()` asks SQLite for the views)."""

    def __init__(self, db: Any) -> None:
        self.events = db.table("events")
        self.tickets = db.table("tickets")
        self.counters = db.table("counters")


def with_sqlite_utils(tables: Tables, ev: Event) -> None:
    p = ev.payload
    tables.events.insert(
        {
            "seq": ev.seq,
            "id": ev.id,
            "hall": ev.hall,
            "ts": ev.ts,
            "device": ev.device,
            "actor": ev.actor,
            "type": ev.type,
            "payload": dumps(p),
        }
    )
    tables.tickets.insert(
        {
            "id": p["ticket_id"],
            "number": p["number"],
            "prefix": p["prefix"],
            "seq_no": p["seq_no"],
            "service_day": p["service_day"],
            "category": p["category"],
            "item": p["item"],
            "priority": p["priority"],
            "source": p["source"],
            "appointment_code": p["appointment_code"],
            "request_id": request_key(ev.device, ev.actor, p["request_id"]),
            "status": "waiting",
            "tier": TIER_NORMAL,
            "sort_at": p["issued_at"],
            "issued_at": p["issued_at"],
        }
    )
    tables.counters.upsert(
        {"service_day": p["service_day"], "prefix": p["prefix"], "last": p["seq_no"]},
        pk=("service_day", "prefix"),
    )


def measure(layer: str, issues: int, per_commit: int) -> float:
    """Microseconds per issue on a fresh store."""
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        conn = connect(Path(tmp) / "hall.db")
        migrate(conn)
        target: Any = conn if layer == "raw" else Tables(database(conn))
        write: Writer = raw if layer == "raw" else with_sqlite_utils
        evs = [event(n) for n in range(1, issues + 1)]
        t0 = time.perf_counter()
        for start in range(0, issues, per_commit):
            with transaction(conn):
                for ev in evs[start : start + per_commit]:
                    write(target, ev)
        elapsed = time.perf_counter() - t0
        assert conn.execute("SELECT waiting FROM queue_counts").fetchone()[0] == issues
        conn.close()
    return elapsed / issues * 1e6


def run(repeats: int = REPEATS) -> dict[str, Any]:
    out: dict[str, Any] = {"repeats": repeats}
    for shape, issues, per_commit in (
        ("batched", BATCHED_ISSUES, BATCH),
        ("one_per_commit", SINGLE_ISSUES, 1),
    ):
        samples: dict[str, list[float]] = {"raw": [], "sqlite_utils": []}
        for _ in range(repeats):
            for layer in samples:
                samples[layer].append(measure(layer, issues, per_commit))
        raw_us = statistics.median(samples["raw"])
        utils_us = statistics.median(samples["sqlite_utils"])
        out[shape] = {
            "issues": issues,
            "per_commit": per_commit,
            "raw_us": round(raw_us, 1),
            "sqlite_utils_us": round(utils_us, 1),
            "raw_spread_us": [round(min(samples["raw"]), 1), round(max(samples["raw"]), 1)],
            "sqlite_utils_spread_us": [
                round(min(samples["sqlite_utils"]), 1),
                round(max(samples["sqlite_utils"]), 1),
            ],
            "sqlite_utils_over_raw": round(utils_us / raw_us, 2),
        }
    return out


def table(results: dict[str, Any]) -> str:
    lines = [
        "| shape | raw sqlite3 µs/issue | sqlite-utils µs/issue | ratio |",
        "|---|---|---|---|",
    ]
    for shape in ("batched", "one_per_commit"):
        r = results[shape]
        lines.append(
            f"| {shape} ({r['per_commit']} per commit) | {r['raw_us']} | {r['sqlite_utils_us']}"
            f" | {r['sqlite_utils_over_raw']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    result = run()
    print(table(result))
