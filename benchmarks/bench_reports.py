"""A month's reports for a large hall: every report kind over a store of 300,000 tickets.

A plain script: ``python -m benchmarks --only reports``. The store is the shipped sample hall
(20 windows, 83 items) with its projection tables filled directly (the engine would need hours
to serve 300,000 citizens): tickets with waits, handling times, outcomes and missing materials,
ratings for 70 % of them, cases for the bad ones, absences, idle alerts and consultations. Two
shapes: 300,000 tickets over ten months (a month is 30,000), and all of them in one month (the
worst a month can be). Each report is built twice on a fresh read connection; the median is
kept, as wall-clock time and as the process's CPU time: on a machine shared with other work the
CPU time is the report's own cost. Nothing here asserts a time (aim: under 2 s a report).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.catalog.hall_config import load_hall_config  # noqa: E402
from kiosk.catalog.model import load_catalog  # noqa: E402
from kiosk.engine.hall import initialise  # noqa: E402
from kiosk.paths import default_catalog_path, sample_hall_path  # noqa: E402
from kiosk.reports.export import to_xlsx  # noqa: E402
from kiosk.reports.kinds import KINDS, build_report  # noqa: E402
from kiosk.reports.period import Period  # noqa: E402
from kiosk.store.db import connect  # noqa: E402

TICKETS = 300_000
REPEATS = 2
REASONS = ("meeting", "training", "meal", "short_leave", "system_fault", "other")


def _iso(ts: datetime) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def fill(path: Path, first_day: date, days: int, seed: int = 7) -> None:
    """TICKETS tickets spread evenly over `days` service days from `first_day`."""
    rng = random.Random(seed)
    catalog = load_catalog(default_catalog_path())
    config = load_hall_config(sample_hall_path(), catalog)
    items = [(i.code, i.category) for i in catalog.items]
    windows = [w.no for w in config.windows]
    clerks = [c.employee_no for c in config.clerks if c.role == "clerk"] or ["1001"]
    per_day = TICKETS // days
    conn = connect(path)
    conn.execute("BEGIN")
    tickets, ratings, cases, absences, alerts, asked = [], [], [], [], [], []
    for d in range(days):
        day = first_day + timedelta(days=d)
        opening = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 09:00 Shanghai
        counters: dict[str, int] = {}
        for n in range(per_day):
            code, cat = rng.choice(items)
            prefix = catalog.category(cat).prefix
            counters[prefix] = counters.get(prefix, 0) + 1
            issued = opening + timedelta(seconds=rng.randint(0, 8 * 3600))
            wait = rng.expovariate(1 / 600)
            handle = rng.uniform(120, 1500)
            window = rng.choice(windows)
            clerk = clerks[window % len(clerks)]
            roll = rng.random()
            status = "no_show" if roll < 0.05 else "done"
            outcome = None if status != "done" else ("correction" if roll < 0.12 else "completed")
            missing = json.dumps(["户口簿"] if outcome == "correction" else [])
            tid = f"t{d:03d}{n:06d}"
            tickets.append(
                (tid, f"{prefix}{counters[prefix]:04d}", prefix, counters[prefix],
                 day.isoformat(), cat, code, "normal", "kiosk", status, 2, _iso(issued),
                 window, _iso(issued), _iso(issued + timedelta(seconds=wait)),
                 _iso(issued + timedelta(seconds=wait + handle)), outcome, missing,
                 wait, handle if status == "done" else None, clerk)
            )  # fmt: skip
            if status == "done" and rng.random() < 0.7:
                level = rng.choice((5, 5, 5, 4, 4, 3, 2, 1))
                rid = f"r{tid}"
                ratings.append((rid, tid, level, "[]", "pad", window, clerk, cat, code,
                                _iso(issued + timedelta(seconds=wait + handle + 30))))  # fmt: skip
                if level <= 2:
                    deadline = (day + timedelta(days=7)).isoformat()
                    state = rng.choice(("open", "closed", "closed", "excluded"))
                    cases.append((f"c{tid}", rid, tid, window, clerk, level, deadline, state,
                                  _iso(issued), _iso(issued), "[]"))  # fmt: skip
        for w in windows:
            for k in range(3):
                start = opening + timedelta(hours=2 * k + rng.random())
                dur = rng.uniform(300, 3000)
                who = clerks[w % len(clerks)]
                end = _iso(start + timedelta(seconds=dur))
                absences.append(
                    (f"a{d}-{w}-{k}", w, who, rng.choice(REASONS), None, _iso(start), end, dur)
                )
            alerts.append(("idle_window", json.dumps({"key": f"window:{w}", "window_no": w,
                                                      "clerk": clerks[w % len(clerks)]}),
                           _iso(opening + timedelta(hours=3))))  # fmt: skip
        for q in range(40):
            asked.append((f"q{d}-{q}", f"ZX{q:03d}", rng.choice(("社保卡", "公积金", "户籍")),
                          "kiosk", rng.choice(("resolved", "referred", "open")),
                          _iso(opening + timedelta(minutes=q * 10))))  # fmt: skip
    conn.executemany(
        "INSERT INTO tickets(id, number, prefix, seq_no, service_day, category, item, priority,"
        " source, status, tier, sort_at, window_no, issued_at, called_at, finished_at, outcome,"
        " missing_materials, wait_s, handle_s, clerk)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        tickets,
    )
    conn.executemany(
        "INSERT INTO ratings(id, ticket_id, level, tags, channel, window_no, clerk, category,"
        " item, rated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        ratings,
    )
    conn.executemany(
        "INSERT INTO cases(id, rating_id, ticket_id, window_no, clerk, level, deadline, status,"
        " opened_at, updated_at, history) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        cases,
    )
    conn.executemany(
        "INSERT INTO absences(id, window_no, clerk, reason, note, started_at, ended_at,"
        " duration_s) VALUES (?,?,?,?,?,?,?,?)",
        absences,
    )
    conn.executemany("INSERT INTO alerts(kind, details, at) VALUES (?,?,?)", alerts)
    conn.executemany(
        "INSERT INTO consultations(id, number, topic, source, status, created_at)"
        " VALUES (?,?,?,?,?,?)",
        asked,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def measure(path: Path, period: Period, today: date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in KINDS:
        times, cpu = [], []
        for _ in range(REPEATS):
            conn = connect(path, readonly=True)
            t0, c0 = time.perf_counter(), time.process_time()
            build_report(conn, kind, period, "zh", today)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            conn.close()
        out[kind] = round(statistics.median(times), 3)
        out[f"{kind}_cpu"] = round(statistics.median(cpu), 3)
    conn = connect(path, readonly=True)
    report = build_report(conn, "day", period, "zh", today)
    conn.close()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        to_xlsx(report, Path(tmp) / "r.xlsx")
        out["day_xlsx"] = round(time.perf_counter() - t0, 3)
    return out


def run() -> dict[str, Any]:
    catalog = load_catalog(default_catalog_path())
    results: dict[str, Any] = {"tickets": TICKETS}
    shapes = {
        "ten_months": (date(2026, 1, 1), 300, Period.month(date(2026, 6, 1))),
        "one_month": (date(2026, 6, 1), 30, Period.month(date(2026, 6, 1))),
    }
    for name, (first, days, period) in shapes.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "hall.db"
            initialise(path, load_hall_config(sample_hall_path(), catalog), catalog).close()
            t0 = time.perf_counter()
            fill(path, first, days)
            results[name] = {
                "fill_s": round(time.perf_counter() - t0, 1),
                **measure(path, period, date(2026, 12, 1)),
            }
    return results


def table(results: dict[str, Any]) -> str:
    lines = ["| store | month's tickets | " + " | ".join(f"{k}: wall (CPU)" for k in KINDS)
             + " | day as XLSX |",
             "|---|---|" + "---|" * (len(KINDS) + 1)]  # fmt: skip
    for name, month in (("ten_months", TICKETS // 10), ("one_month", TICKETS)):
        r = results[name]
        cells = " | ".join(f"{r[k]:.2f} s ({r[k + '_cpu']:.2f} s)" for k in KINDS)
        lines.append(f"| {name} | {month:,} | {cells} | {r['day_xlsx']:.2f} s |")
    return "\n".join(lines)


if __name__ == "__main__":
    res = run()
    print(table(res))
