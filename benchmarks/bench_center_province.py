"""A province in the center: 3,000 halls' month in PostgreSQL, the month reports, and what the
rollups cost at ingest.

Method (docs/benchmarks.md says it again next to the numbers):
1. A throwaway PostgreSQL server with its default settings; the center schema migrated
   (monthly partitions), 3,000 halls registered in a tree: 150 large (10 city halls and 140
   district halls), 850 medium district halls, 2,000 small township halls.
2. Through the real ingest path (HTTP, gzip batches of 2,000, every ack checked): a large
   hall's day (benchmarks/center_day.py, 10,000 tickets) into two halls, one on a center with
   rollups and one on a center without, twice in turns (on, off, on, off), then a medium and a
   small hall's day with rollups. The ratio is rollups-on time / rollups-off time.
3. The bulk, straight into the rollup tables: for each size a few hall-days of events are
   generated (large 10,000 tickets at 40 windows over 40 items, medium 1,500 at 8 windows over
   20 items, small 200 at 2 windows over 8 items) and turned into rollup rows by the center's
   own `compute_day`, with their bad-rating cases counted as `recompute` counts them
   (`with_cases`); every other hall-day of two months (the weekdays of October and November
   2026: 22 and 21) takes one of those variants with its hall and day replaced, and its
   bad-rating cases too (each closed the next day, after its deadline). Rows are loaded with
   COPY. Each hall's month rows are merged from the days it took by the center's own
   `merge_rows` (halls of a size share one of four month patterns per month, so the merging
   is done four times per size and month, not 3,000 times).
4. The month report of November by level, by hall and by item, and the governance report
   (all four views, compared with October), each timed three times; the median is reported.
   The first report of a month also builds the month's totals of all halls (kept from then
   on: a hall-day that changes shifts them by the difference of its hall's month rows): those
   first runs are reported on their own, and so is merging a large hall's month again with the
   totals in place, and the report after it. The load average is recorded next to the
   timings.
Run: `.venv/bin/python benchmarks/bench_center_province.py [--scale 1.0] [--variants 3]`
(`--scale 0.1` builds a tenth of the province in a fraction of the time). The results are
printed and saved under `bench_center_province` (another scale: `..._scale_0.1`) in
benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.center_day import generate_day  # noqa: E402
from kiosk.center.app import create_center_app  # noqa: E402
from kiosk.center.client import CenterClient  # noqa: E402
from kiosk.center.governance import build_governance  # noqa: E402
from kiosk.center.halls import add_hall  # noqa: E402
from kiosk.center.reports import build_report  # noqa: E402
from kiosk.center.rollups import (  # noqa: E402
    HALL,
    HALL_MONTH,
    ITEM,
    ITEM_MONTH,
    compute_day,
    merge_rows,
    recompute_month,
    with_cases,
)
from kiosk.center.schema import COUNTS, rollup_dirty  # noqa: E402
from kiosk.events import EventType  # noqa: E402
from tests.helpers.live_server import serve_in_thread  # noqa: E402
from tests.helpers.postgres import PostgresServer  # noqa: E402


def weekdays(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    days = [first + timedelta(days=n) for n in range(31)]
    return [d for d in days if d.month == month and d.weekday() < 5]


MONTHS = {"2026-10": weekdays(2026, 10), "2026-11": weekdays(2026, 11)}
MONTH = MONTHS["2026-11"]
SIZES = {  # tickets, windows, items per category (4 categories)
    "large": (10_000, 40, 10),
    "medium": (1_500, 8, 5),
    "small": (200, 2, 2),
}
PATTERNS = 4
MONTH_OF = {HALL: HALL_MONTH, ITEM: ITEM_MONTH}
ROLLUP_COLUMNS = ("hall", "day", "scope", "key", *COUNTS, "wait_hist", "pauses", "missing",
                  "wait_p50", "wait_p90")  # fmt: skip


def n_city(scale: float) -> int:
    return round(10 * scale) or 1


def province(scale: float) -> list[tuple[str, str, str, str | None, str]]:
    """(code, name, level, parent, size) in registration order: parents first."""
    n_large_district = round(140 * scale)
    n_medium, n_small = round(850 * scale), round(2000 * scale)
    out: list[tuple[str, str, str, str | None, str]] = []
    cities = [f"C{n:03d}" for n in range(n_city(scale))]
    out += [(c, f"市级大厅{c}", "city", None, "large") for c in cities]
    districts = []
    for n in range(n_large_district + n_medium):
        code, size = f"D{n:04d}", "large" if n < n_large_district else "medium"
        out.append((code, f"区级大厅{code}", "district", cities[n % len(cities)], size))
        districts.append(code)
    for n in range(n_small):
        code = f"T{n:04d}"
        out.append((code, f"乡镇大厅{code}", "township", districts[n % len(districts)], "small"))
    return out


def push_day(base: str, code: str, token: str, evs: list[dict], engine: Engine) -> float:
    """Seconds until every batch is acknowledged and the day's rollups are computed (the API
    recomputes a closed day after answering, so the wait for it is counted here)."""
    began = time.perf_counter()
    with CenterClient(base, code, token, timeout=600) as client:
        for i in range(0, len(evs), 2000):
            acked = client.push(evs[i : i + 2000])
            assert acked == evs[min(i + 2000, len(evs)) - 1]["seq"], acked
    mark = (rollup_dirty.c.hall == code) & (rollup_dirty.c.day == MONTH[0].isoformat())
    while True:
        with engine.connect() as conn:
            if conn.execute(select(rollup_dirty.c.day).where(mark)).first() is None:
                break
        time.sleep(0.05)
    return time.perf_counter() - began


def ingest_sample(url: str, tokens: dict[str, str], sample: list[str], out: dict[str, Any]) -> None:
    """Real ingest path, rollups on next to off, in turns, on the same database: `sample` is
    four large halls, a medium and a small one."""
    on = create_center_app(url)
    off = create_center_app(url, rollups=False)
    day = generate_day(MONTH[0], tickets=10_000, hall="X", windows=40, items=10)
    times: dict[str, list[float]] = {"on": [], "off": []}
    with serve_in_thread(on) as base_on, serve_in_thread(off) as base_off:
        for n, code in enumerate(sample[:4]):
            mode = "on" if n % 2 == 0 else "off"
            evs = [{**e, "hall": code} for e in day]
            base = base_on if mode == "on" else base_off
            times[mode].append(push_day(base, code, tokens[code], evs, on.state.engine))
        for code, size in ((sample[4], "medium"), (sample[5], "small")):
            tickets, windows, items = SIZES[size]
            evs = generate_day(MONTH[0], tickets, hall=code, windows=windows, items=items)
            secs = push_day(base_on, code, tokens[code], evs, on.state.engine)
            out[f"ingest_{size}_day_events"] = len(evs)
            out[f"ingest_{size}_day_s"] = round(secs, 2)
    on.state.engine.dispose()
    off.state.engine.dispose()
    out["ingest_large_day_events"] = len(day)
    for mode in ("on", "off"):
        out[f"ingest_large_day_rollups_{mode}_s"] = [round(t, 2) for t in times[mode]]
        out[f"ingest_rollups_{mode}_events_per_s"] = round(len(day) / statistics.mean(times[mode]))
    out["ingest_rollups_on_over_off"] = round(
        statistics.mean(times["on"]) / statistics.mean(times["off"]), 2
    )


def variants(count: int) -> dict[str, list[tuple[list[dict[str, Any]], list[tuple[str, Any]]]]]:
    """Per size, `count` hall-days of rollup rows made by compute_day from generated events,
    with their cases (case id, item, closed)."""
    out: dict[str, list[Any]] = {}
    for size, (tickets, windows, items) in SIZES.items():
        out[size] = []
        for v in range(count):
            evs = generate_day(MONTH[0], tickets, seed=100 + v, hall="V", windows=windows,
                               items=items)  # fmt: skip
            rows = [(e["type"], MONTH[0].isoformat(), e["payload"]) for e in evs]
            rolled, case_items = compute_day("V", MONTH[0].isoformat(), rows)
            cases = [
                (e["payload"]["case_id"], case_items.get(e["payload"]["case_id"]))
                for e in evs
                if e["type"] == EventType.CASE_OPENED
            ]
            counts: dict[str | None, list[int]] = {}
            for _case, item in cases:  # each closes the day after its deadline (bulk_load)
                slot = counts.setdefault(item, [0, 0, 0])
                slot[0] += 1
                slot[1] += 1
            rolled = with_cases(rolled, counts, "V", MONTH[0].isoformat())
            out[size].append((rolled, cases))
    return out


def month_patterns(
    made: dict[str, list[Any]], count: int, month: str, seed: int
) -> dict[str, list[Any]]:
    """Per size, PATTERNS months: which variant each weekday takes, and the month rows that
    makes (merge_rows, as recompute_month does), so halls share the merging work."""
    rng = random.Random(seed)
    out: dict[str, list[Any]] = {}
    for size, found in made.items():
        out[size] = []
        for _ in range(PATTERNS):
            picks = [rng.randrange(count) for _ in MONTHS[month]]
            by: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for pick in picks:
                for row in found[pick][0]:
                    if row["scope"] in MONTH_OF:
                        by.setdefault((MONTH_OF[row["scope"]], row["key"]), []).append(row)
            merged = [merge_rows("", month, sc, k, rows) for (sc, k), rows in sorted(by.items())]
            out[size].append((picks, merged))
    return out


def bulk_load(engine: Engine, halls: list[tuple[str, str, str, str | None, str]], count: int,
              skip: set[str], out: dict[str, Any]) -> None:  # fmt: skip
    """Every hall-day of both months straight into the rollup tables with COPY, and each
    hall's month rows; the sampled halls' first November day came through ingest, so their
    November month rows are recomputed from their days afterwards."""
    began = time.perf_counter()
    made = variants(count)
    patterns = {m: month_patterns(made, count, m, seed) for seed, m in enumerate(MONTHS, 5)}
    out["bulk_variants_s"] = round(time.perf_counter() - began, 1)
    rng = random.Random(6)
    choice = {
        (m, code): patterns[m][size][rng.randrange(PATTERNS)]
        for m in MONTHS
        for code, *_r, size in halls
    }
    first = MONTH[0]
    rollup_rows = case_rows = 0
    began = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cols = ", ".join(f'"{c}"' for c in ROLLUP_COLUMNS)
        with cur.copy(f"COPY rollups ({cols}) FROM STDIN") as copy:
            for month, days in MONTHS.items():
                for code, _name, _level, _parent, size in halls:
                    picks, merged = choice[(month, code)]
                    sampled = code in skip and first in days
                    for day, pick in zip(days, picks, strict=True):
                        if sampled and day == first:
                            continue
                        for row in made[size][pick][0]:
                            copy.write_row(
                                [code, day.isoformat(), *(row[c] for c in ROLLUP_COLUMNS[2:])]
                            )
                            rollup_rows += 1
                    if not sampled:
                        for row in merged:
                            copy.write_row([code, *(row[c] for c in ROLLUP_COLUMNS[1:])])
                            rollup_rows += 1
        with cur.copy(
            "COPY rollup_cases (hall, case_id, day, deadline, item, closed_day) FROM STDIN"
        ) as copy:
            for month, days in MONTHS.items():
                for code, _name, _level, _parent, size in halls:
                    picks, _merged = choice[(month, code)]
                    for day, pick in zip(days, picks, strict=True):
                        if code in skip and day == first:
                            continue
                        d = day.isoformat()
                        closed = (day + timedelta(days=1)).isoformat()
                        for case_id, item in made[size][pick][1]:
                            copy.write_row([code, f"{case_id}-{d}", d, d, item, closed])
                            case_rows += 1
        raw.commit()
        cur.execute("ANALYZE rollups")
        cur.execute("ANALYZE rollup_cases")
        raw.commit()
    finally:
        raw.close()
    for code in sorted(skip):
        with engine.begin() as conn:
            recompute_month(conn, code, "2026-11")
    out["bulk_rollup_rows"] = rollup_rows
    out["bulk_case_rows"] = case_rows
    out["bulk_load_s"] = round(time.perf_counter() - began, 1)


def load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def step(what: str) -> None:
    """A line on stderr per phase, so a run that stops shows where."""
    print(f"{time.strftime('%H:%M:%S')} {what} (load {load()})", file=sys.stderr, flush=True)


def timed(fn: Any, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - began)
    return round(statistics.median(runs), 2)


def run(scale: float = 1.0, count: int = 3, repeat: int = 3) -> dict[str, Any]:
    out: dict[str, Any] = {"scale": scale, "days": len(MONTH), "load_at_start": load()}
    server = PostgresServer().start()
    try:
        url = server.create_database()
        app = create_center_app(url)
        engine = app.state.engine
        halls = province(scale)
        began = time.perf_counter()
        tokens = {code: add_hall(engine, code, name, level, parent)
                  for code, name, level, parent, _size in halls}  # fmt: skip
        out["halls"] = len(halls)
        out["register_s"] = round(time.perf_counter() - began, 1)
        by_size = {size: [h[0] for h in halls if h[4] == size] for size in SIZES}
        districts = [h[0] for h in halls if h[4] == "large" and h[2] == "district"]
        sample = [*districts[:4], by_size["medium"][0], by_size["small"][0]]
        step("halls registered; ingest sample")
        ingest_sample(url, tokens, sample, out)
        step("bulk load")
        bulk_load(engine, halls, count, set(sample), out)
        step("reports")
        first, last = "2026-11-01", "2026-11-30"
        october = ("2026-10-01", "2026-10-31")
        out["load_before_reports"] = load()
        out["month_report_first_by_level_s"] = timed(
            lambda: build_report(engine, first, last, "level"), 1
        )
        out["month_governance_first_s"] = timed(
            lambda: build_governance(engine, first, last, *october), 1
        )
        for by in ("level", "hall", "item"):
            out[f"month_report_by_{by}_s"] = timed(
                lambda by=by: build_report(engine, first, last, by), repeat
            )
        out["month_governance_s"] = timed(
            lambda: build_governance(engine, first, last, *october), repeat
        )
        out["month_governance_office_first_read_s"] = timed(  # the page: no hall x item view
            lambda: build_governance(engine, first, last, *october, pairs=False), repeat
        )
        out["month_report_one_large_hall_s"] = timed(
            lambda: build_governance(engine, first, last, *october, halls=[sample[0]]), repeat
        )
        district = halls[n_city(scale)][0]  # a district hall and its townships
        scope = [district, *(h[0] for h in halls if h[3] == district)]
        out["month_governance_one_district_halls"] = len(scope)
        out["month_governance_one_district_s"] = timed(
            lambda: build_governance(engine, first, last, *october, halls=scope), repeat
        )

        # a hall-day of the month changes once its totals are built: the large hall's month
        # rows are merged again and the totals take the difference; the next report reads them
        def again() -> None:
            with engine.begin() as conn:
                recompute_month(conn, sample[0], "2026-11")

        out["recompute_large_hall_month_with_totals_s"] = timed(again, repeat)
        out["month_report_by_level_after_change_s"] = timed(
            lambda: build_report(engine, first, last, "level"), 1
        )
        out["load_after_reports"] = load()
        step("done")
        engine.dispose()
    finally:
        server.stop()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 3,000 halls")
    parser.add_argument("--variants", type=int, default=3, help="generated hall-days per size")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    began = time.strftime("%Y-%m-%dT%H:%M:%S")
    results = run(args.scale, args.variants, args.repeat)
    print(json.dumps(results, indent=2))
    target = ROOT / "benchmarks" / "results" / "latest.json"
    saved = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    saved.setdefault("machine", {"python": platform.python_version(), "cpus": os.cpu_count()})
    name = "bench_center_province" + ("" if args.scale == 1.0 else f"_scale_{args.scale}")
    saved[name] = {"when": began, **results}
    target.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
