"""A hand-written, deterministic event fixture for the center report, with known answers.

Three halls: the city hall 370200-00 (no events), the district hall 370202-00 and its township
hall 370202-01. The report for service day 2026-11-26 is worked out by hand in
tests/integration/center/test_center_reports.py; events of 2026-11-25 (and one consultation at
23:00 local on the 25th, 15:00Z) must be left out, while a consultation at 17:00Z on the 25th is
01:00 local on the 26th and must count. A case opened on the 26th is closed on the 27th.
"""

from __future__ import annotations

import hashlib
from typing import Any

CITY, DISTRICT, TOWNSHIP = "370200-00", "370202-00", "370202-01"
HALLS = [
    (CITY, "S市政务服务中心", "city", None),
    (DISTRICT, "S市市南区政务服务中心", "district", CITY),
    (TOWNSHIP, "八大湖街道便民服务中心", "township", DISTRICT),
]
DAY = "2026-11-26"

CATALOG: dict[str, Any] = {
    "format": 1,
    "version": "2026.11.1",
    "published_at": "2026-11-01",
    "categories": [
        {"code": "SHEBAO", "prefix": "A", "name_zh": "社保业务", "name_en": "Social insurance",
         "service_time_s": 420, "helpdesk": False},
        {"code": "YIBAO", "prefix": "B", "name_zh": "医保业务", "name_en": "Medical insurance",
         "service_time_s": 300, "helpdesk": False},
    ],
    "items": [
        {"code": "SB-001", "category": "SHEBAO", "name_zh": "城镇职工基本养老保险参保登记",
         "name_en": "Basic pension insurance enrolment", "department_zh": "市人力资源和社会保障局",
         "department_en": "Human Resources and Social Security Bureau",
         "materials": [{"name_zh": "居民身份证", "name_en": "Resident identity card",
                        "form": "original", "count": 1, "required": True}]},
        {"code": "YB-002", "category": "YIBAO", "name_zh": "医保关系转移接续",
         "name_en": "Medical insurance transfer", "department_zh": "市医疗保障局",
         "department_en": "Medical Security Bureau", "materials": []},
    ],
    "faqs": [],
    "notices": [],
}  # fmt: skip


def event_id(hall: str, seq: int) -> str:
    """A stable 26-character id (hex digits are valid ULID characters)."""
    return hashlib.sha256(f"{hall}/{seq}".encode()).hexdigest()[:26].upper()


class HallLog:
    """Appends events with the next seq, like a hall's store does."""

    def __init__(self, hall: str) -> None:
        self.hall = hall
        self.events: list[dict[str, Any]] = []

    def add(self, ts: str, etype: str, actor: str | None = None, **payload: Any) -> None:
        seq = len(self.events) + 1
        self.events.append({"id": event_id(self.hall, seq), "hall": self.hall, "seq": seq,
                            "ts": ts, "device": "window-1" if actor else "kiosk-1",
                            "actor": actor, "type": etype, "payload": payload})  # fmt: skip


def _issue(log: HallLog, ts: str, tid: str, number: str, item: str | None, day: str = DAY) -> None:
    category = "YIBAO" if item == "YB-002" else "SHEBAO"
    log.add(ts, "ticket.issued", ticket_id=tid, number=number, prefix=number[0],
            seq_no=int(number[1:]), service_day=day, category=category, item=item,
            priority="normal", source="walk_in", appointment_code=None, request_id=f"r-{tid}",
            issued_at=ts)  # fmt: skip


def _call(log: HallLog, ts: str, tid: str, wait: float, window: int = 1) -> None:
    log.add(ts, "ticket.called", "1001", ticket_id=tid, number=tid, category="SHEBAO",
            window_no=window, clerk="1001", wait_s=wait)  # fmt: skip


def _finish(log: HallLog, ts: str, tid: str, item: str | None, outcome: str, handle: float) -> None:
    missing = ["户口簿复印件"] if outcome == "correction" else []
    log.add(ts, "ticket.finished", "1001", ticket_id=tid, number=tid, category="SHEBAO",
            item=item, window_no=1, clerk="1001", outcome=outcome, missing_materials=missing,
            note="", reason=None, wait_s=0.0, handle_s=handle)  # fmt: skip


def _rate(log: HallLog, ts: str, tid: str, level: int, tags: list[str], item: str | None) -> None:
    log.add(ts, "rating.recorded", rating_id=f"r-{tid}", ticket_id=tid, number=tid, level=level,
            tags=tags, comment="", channel="pad", window_no=1, clerk="1001", category="SHEBAO",
            item=item)  # fmt: skip


def _absence(log: HallLog, ts: str, ab: str, reason: str, window: int, secs: float | None) -> None:
    log.add(ts, "window.paused", "1001", window_no=window, clerk="1001", absence_id=ab,
            reason=reason, note="")  # fmt: skip
    if secs is not None:
        log.add(ts, "window.resumed", "1001", window_no=window, clerk="1001", absence_id=ab,
                duration_s=secs)  # fmt: skip


def _consult(log: HallLog, ts: str, cid: str) -> None:
    log.add(ts, "consultation.created", consultation_id=cid, number="Z001", topic="社保",
            question="需要带什么材料？", phone_masked="138****5678", source="kiosk")  # fmt: skip


def district_events() -> list[dict[str, Any]]:
    log = HallLog(DISTRICT)
    _issue(log, "2026-11-25T01:00:00.000Z", "d-0", "A009", "SB-001", day="2026-11-25")
    _call(log, "2026-11-25T01:10:00.000Z", "d-0", 9999.0)
    _rate(log, "2026-11-25T01:20:00.000Z", "d-0", 1, ["extra_materials"], "SB-001")
    _consult(log, "2026-11-25T15:00:00.000Z", "q-late")  # 23:00 local on the 25th: out
    _consult(log, "2026-11-25T17:00:00.000Z", "q-early")  # 01:00 local on the 26th: in
    for n, item in enumerate(["SB-001", "SB-001", "SB-001", "YB-002"], start=1):
        _issue(log, f"2026-11-26T01:0{n}:00.000Z", f"d-{n}", f"A00{n}", item)
    _call(log, "2026-11-26T01:11:00.000Z", "d-1", 60.0)
    _call(log, "2026-11-26T01:12:00.000Z", "d-2", 120.0, window=2)
    _call(log, "2026-11-26T01:13:00.000Z", "d-3", 300.0)
    log.add("2026-11-26T01:14:00.000Z", "ticket.recalled", "1001", ticket_id="d-3",
            number="A003", window_no=1, recall_count=1)  # fmt: skip
    log.add("2026-11-26T01:15:00.000Z", "ticket.no_show", "1001", ticket_id="d-3",
            number="A003", window_no=1)  # fmt: skip
    log.add("2026-11-26T01:16:00.000Z", "ticket.requeued", "1001", ticket_id="d-3",
            number="A003", hold_calls=3)  # fmt: skip
    _call(log, "2026-11-26T01:17:00.000Z", "d-4", 600.0, window=2)
    _call(log, "2026-11-26T01:18:00.000Z", "d-3", 900.0)  # a second call: not a wait
    log.add("2026-11-26T01:19:00.000Z", "ticket.started", "1001", ticket_id="d-1",
            number="A001", window_no=1)  # fmt: skip
    _finish(log, "2026-11-26T01:20:00.000Z", "d-1", "SB-001", "completed", 300.0)
    _finish(log, "2026-11-26T01:21:00.000Z", "d-2", "SB-001", "correction", 600.0)
    _finish(log, "2026-11-26T01:22:00.000Z", "d-3", "SB-001", "completed", 120.0)
    _finish(log, "2026-11-26T01:23:00.000Z", "d-4", "YB-002", "accepted", 180.0)
    _rate(log, "2026-11-26T01:24:00.000Z", "d-1", 5, [], "SB-001")
    _rate(log, "2026-11-26T01:25:00.000Z", "d-2", 2, ["extra_materials", "attitude"], "SB-001")
    _rate(log, "2026-11-26T01:26:00.000Z", "d-4", 4, [], "YB-002")
    log.add("2026-11-26T01:27:00.000Z", "case.opened", case_id="c-d2", rating_id="r-d-2",
            ticket_id="d-2", window_no=2, clerk="1001", level=2, deadline="2026-12-03")  # fmt: skip
    log.add("2026-11-26T03:00:00.000Z", "case.updated", "3001", case_id="c-d2",
            status="called_back", note="已回访", by="3001")  # fmt: skip
    _absence(log, "2026-11-26T04:00:00.000Z", "ab-d1", "meal", 1, 1800.0)
    _absence(log, "2026-11-26T05:00:00.000Z", "ab-d2", "meeting", 2, 3600.0)
    _absence(log, "2026-11-26T07:00:00.000Z", "ab-d3", "meal", 1, 600.0)
    _consult(log, "2026-11-26T08:00:00.000Z", "q-d1")
    log.add("2026-11-27T02:00:00.000Z", "case.updated", "3001", case_id="c-d2",
            status="closed", note="已整改", by="3001")  # fmt: skip
    return log.events


def township_events() -> list[dict[str, Any]]:
    log = HallLog(TOWNSHIP)
    _issue(log, "2026-11-26T01:00:00.000Z", "t-1", "A001", "SB-001")
    _issue(log, "2026-11-26T01:01:00.000Z", "t-2", "A002", "SB-001")
    _issue(log, "2026-11-26T01:02:00.000Z", "t-3", "A003", None)
    _call(log, "2026-11-26T01:03:00.000Z", "t-1", 30.0)
    _call(log, "2026-11-26T01:04:00.000Z", "t-2", 90.0)
    _finish(log, "2026-11-26T01:10:00.000Z", "t-1", "SB-001", "correction", 200.0)
    _finish(log, "2026-11-26T01:11:00.000Z", "t-2", "SB-001", "correction", 400.0)
    _rate(log, "2026-11-26T01:12:00.000Z", "t-1", 1, ["extra_materials"], "SB-001")
    _rate(log, "2026-11-26T01:13:00.000Z", "t-2", 3, ["extra_materials"], "SB-001")
    log.add("2026-11-26T01:14:00.000Z", "case.opened", case_id="c-t1", rating_id="r-t-1",
            ticket_id="t-1", window_no=1, clerk="1001", level=1, deadline="2026-12-03")  # fmt: skip
    log.add("2026-11-26T02:00:00.000Z", "case.updated", "3001", case_id="c-t1",
            status="called_back", note="", by="3001")  # fmt: skip
    _absence(log, "2026-11-26T03:00:00.000Z", "ab-t1", "short_leave", 1, 900.0)
    _absence(log, "2026-11-26T06:00:00.000Z", "ab-t2", "other", 1, None)  # never resumed
    _consult(log, "2026-11-26T07:00:00.000Z", "q-t1")
    log.add("2026-11-26T09:30:00.000Z", "ticket.cancelled", ticket_id="t-3", number="A003",
            reason="day_close")  # fmt: skip
    log.add("2026-11-26T09:31:00.000Z", "day.closed", service_day=DAY, cancelled=1,
            closed_windows=[1])  # fmt: skip
    return log.events
