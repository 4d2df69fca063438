"""A small city for the office page and the workbook: two districts with two townships each,
two months of generated activity (seeded, so every run has the same numbers).

The figures are not worked out by hand here: the tests compare what the workbook, the CSV and
the page show with what the center's report API returns (itself tested against hand-worked
numbers in test_center_reports.py).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine

from kiosk.center.catalogs import publish_catalog
from kiosk.center.halls import add_hall, get_hall
from kiosk.center.ingest import ingest_batch
from tests.helpers.center_fixture import CATALOG, HallLog

CITY = "370200-00"
SOUTH, NORTH = "370202-00", "370203-00"
HALLS = [
    (CITY, "S市政务服务中心", "city", None),
    (SOUTH, "市南区政务服务中心", "district", CITY),
    ("370202-01", "八大湖街道便民服务中心", "township", SOUTH),
    ("370202-02", "金门路街道便民服务中心", "township", SOUTH),
    (NORTH, "市北区政务服务中心", "district", CITY),
    ("370203-01", "台东街道便民服务中心", "township", NORTH),
    ("370203-02", "辽宁路街道便民服务中心", "township", NORTH),
]
MONTH, PREVIOUS = ("2026-11-01", "2026-11-30"), ("2026-10-01", "2026-10-31")
ITEMS = ["SB-001", "YB-002"]
REASONS = ["meal", "meeting", "short_leave", "training"]
# a township that has switched off a standard item (the paper's "practice differs from standard")
SWITCHED_OFF = {"370203-02": ["YB-002"]}
SHANGHAI = timezone(timedelta(hours=8))


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "000Z"


def hall_events(code: str, days: list[date], per_day: int, seed: int) -> list[dict[str, Any]]:
    """The catalog applied once; then on each of `days` two windows opened, tickets with calls,
    finishes (some corrections), ratings (some bad, some tagged extra materials, some with a
    case), pauses, sometimes an idle-window alert, and consultations."""
    rng = random.Random(seed)
    log = HallLog(code)
    n = 0
    first = datetime(days[0].year, days[0].month, days[0].day, 8, 0, tzinfo=SHANGHAI)
    log.add(_ts(first), "catalog.applied", version=CATALOG["version"],
            items_disabled=SWITCHED_OFF.get(code, []))  # fmt: skip
    for day in days:
        clock = datetime(day.year, day.month, day.day, 9, 0, tzinfo=SHANGHAI)
        for window in (1, 2):
            log.add(_ts(clock), "window.opened", "1001", window_no=window, clerk="1001")
        if rng.random() < 0.15 * (seed % 3):
            log.add(_ts(clock + timedelta(hours=3)), "alert.raised", kind="idle_window",
                    details={"window_no": 2})  # fmt: skip
        for _ in range(per_day):
            n += 1
            tid, item = f"{code}-t{n}", rng.choice(ITEMS)
            clock += timedelta(seconds=rng.randint(60, 400))
            log.add(_ts(clock), "ticket.issued", ticket_id=tid, number=f"A{n:03d}", prefix="A",
                    seq_no=n, service_day=day.isoformat(), category="SHEBAO", item=item,
                    priority="normal", source="walk_in", appointment_code=None,
                    request_id=f"r-{tid}", issued_at=_ts(clock))  # fmt: skip
            if rng.random() < 0.08:
                log.add(_ts(clock), "ticket.no_show", "1001", ticket_id=tid, number=tid,
                        window_no=1)  # fmt: skip
                continue
            wait = float(rng.randint(30, 1500 + 200 * (seed % 5)))
            log.add(_ts(clock), "ticket.called", "1001", ticket_id=tid, number=tid,
                    category="SHEBAO", window_no=1, clerk="1001", wait_s=wait)  # fmt: skip
            outcome = "correction" if rng.random() < 0.1 + 0.05 * (seed % 4) else "completed"
            log.add(_ts(clock), "ticket.finished", "1001", ticket_id=tid, number=tid,
                    category="SHEBAO", item=item, window_no=1, clerk="1001", outcome=outcome,
                    missing_materials=["户口簿复印件"] if outcome == "correction" else [],
                    note="", reason=None, wait_s=wait,
                    handle_s=float(rng.randint(120, 900)))  # fmt: skip
            if rng.random() < 0.6:
                level = rng.choice([5, 5, 5, 4, 4, 3, 2, 1])
                tags = ["extra_materials"] if level <= 3 and rng.random() < 0.5 else []
                log.add(_ts(clock), "rating.recorded", rating_id=f"r-{tid}", ticket_id=tid,
                        number=tid, level=level, tags=tags, comment="", channel="pad",
                        window_no=1, clerk="1001", category="SHEBAO", item=item)  # fmt: skip
                if level <= 2:
                    due = (day + timedelta(days=7)).isoformat()
                    log.add(_ts(clock), "case.opened", case_id=f"c-{tid}",
                            rating_id=f"r-{tid}", ticket_id=tid, window_no=1, clerk="1001",
                            level=level, deadline=due)  # fmt: skip
                    if rng.random() < 0.7:
                        log.add(_ts(clock + timedelta(hours=2)), "case.updated", "3001",
                                case_id=f"c-{tid}", status="closed", note="已整改",
                                by="3001")  # fmt: skip
        for k in range(rng.randint(1, 3)):
            ab = f"{code}-{day.isoformat()}-ab{k}"
            start = datetime(day.year, day.month, day.day, 12, 0, tzinfo=SHANGHAI)
            log.add(_ts(start), "window.paused", "1001", window_no=1, clerk="1001",
                    absence_id=ab, reason=rng.choice(REASONS), note="")  # fmt: skip
            log.add(_ts(start + timedelta(minutes=20)), "window.resumed", "1001", window_no=1,
                    clerk="1001", absence_id=ab,
                    duration_s=float(rng.randint(300, 3600)))  # fmt: skip
        if rng.random() < 0.5:
            log.add(_ts(clock), "consultation.created", consultation_id=f"q-{code}-{day}",
                    number="Z001", topic="社保", question="需要带什么材料？",
                    phone_masked="138****5678", source="kiosk")  # fmt: skip
    return log.events


def _days(first: str, last: str) -> list[date]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [start + timedelta(days=i) for i in range((end - start).days + 1) if
            (start + timedelta(days=i)).weekday() < 5]  # fmt: skip


def register_city(engine: Engine) -> dict[str, str]:
    """The tree registered; hall code -> token."""
    return {
        code: add_hall(engine, code, name, level, parent) for code, name, level, parent in HALLS
    }


def load_city(engine: Engine, per_day: int = 6) -> None:
    """Two months of activity in every hall but the city hall's, through the real ingest path."""
    publish_catalog(engine, CATALOG)
    days = _days(PREVIOUS[0], MONTH[1])
    for seed, (code, _name, level, _parent) in enumerate(HALLS):
        if level == "city":
            continue
        with engine.connect() as conn:
            hall = get_hall(conn, code)
        assert hall is not None
        batch = hall_events(code, days, per_day + 3 * (seed % 3), seed)
        for start in range(0, len(batch), 2000):
            ingest_batch(engine, hall, batch[start : start + 2000], len(batch), CATALOG["version"])
