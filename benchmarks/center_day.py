"""A realistic service day of a large hall as docs/events.md events, for benchmarks and tests.

10,000 tickets at 40 windows, 08:30-17:30 Asia/Shanghai: issue, call (exponential waits, mean
10 min), recalls, no-shows, transfers, start, finish (lognormal handling), ratings (95 %) with
bad-rating cases and their follow-up, window pauses, help-desk consultations, alerts and the day
close: about 59,000 events. Deterministic for a given day and seed.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kiosk.events import EventType

E = EventType  # short: the generator below writes one event per line

HALL = "370202-00"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CATEGORIES = [("SHEBAO", "A"), ("YIBAO", "B"), ("GONGJIJIN", "C"), ("SHICHANG", "D")]
ITEMS = {"SHEBAO": ["SB-001", "SB-002", "SB-003"], "YIBAO": ["YB-001", "YB-002"],
         "GONGJIJIN": ["GJ-001"], "SHICHANG": ["SC-001", "SC-002"]}  # fmt: skip
OUTCOMES = ["completed"] * 70 + ["accepted"] * 18 + ["correction"] * 10 + ["rejected"] * 2
REASONS = ["meeting", "training", "meal", "short_leave", "system_fault", "other"]
WINDOWS = 40


def ulid(ms: int, rng: random.Random) -> str:
    value = (ms << 80) | rng.getrandbits(80)
    return "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in range(25, -1, -1))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class _Day:
    """Builds one service day's events (unordered) for a hall open 08:30-17:30 local."""

    def __init__(self, day: date, seed: int, windows: int = WINDOWS, items: int = 0) -> None:
        self.rng = random.Random(f"{seed}-{day}")
        self.day, self.sday = day, day.isoformat()
        self.open = datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC)  # 08:30 local
        self.raw: list[tuple[datetime, str, str | None, dict[str, Any]]] = []
        self.counters = dict.fromkeys("ABCD", 0)
        self.windows = windows
        # items: that many per category (codes like SB-017) instead of the 8 of ITEMS
        self.items = {
            c: [f"{ITEMS[c][0][:2]}-{n:03d}" for n in range(1, items + 1)] if items else ITEMS[c]
            for c in ITEMS
        }

    def add(self, at: datetime, etype: EventType, actor: str | None, **payload: Any) -> None:
        self.raw.append((at, etype, actor, payload))

    def moment(self) -> datetime:
        return self.open + timedelta(seconds=self.rng.uniform(0, 8 * 3600))

    def ticket(self, n: int) -> None:
        rng, add = self.rng, self.add
        category, prefix = rng.choice(CATEGORIES)
        item = rng.choice(self.items[category])
        self.counters[prefix] += 1
        number, tid = f"{prefix}{self.counters[prefix]:03d}", f"T{self.day:%m%d}{n:05d}"
        issued, window, clerk = (
            self.moment(),
            rng.randint(1, self.windows),
            f"10{rng.randint(1, 60):02d}",
        )
        add(issued, E.TICKET_ISSUED, None, ticket_id=tid, number=number, prefix=prefix,
            seq_no=self.counters[prefix], service_day=self.sday, category=category, item=item,
            priority="green" if rng.random() < 0.05 else "normal", source="walk_in",
            appointment_code=None, request_id=f"r{tid}", issued_at=_iso(issued))  # fmt: skip
        wait = rng.expovariate(1 / 600)
        called = issued + timedelta(seconds=wait)
        ids = {"ticket_id": tid, "number": number}
        add(called, E.TICKET_CALLED, clerk, **ids, category=category, window_no=window,
            clerk=clerk, wait_s=round(wait, 3))  # fmt: skip
        recalls = rng.choices([0, 1, 2, 3], [55, 30, 10, 5])[0]
        for r in range(1, recalls + 1):
            at = called + timedelta(seconds=30 * r)
            add(at, E.TICKET_RECALLED, clerk, **ids, window_no=window, recall_count=r)
        if recalls == 3 and rng.random() < 0.6:
            add(
                called + timedelta(seconds=120),
                E.TICKET_NO_SHOW,
                clerk,
                **ids,
                window_no=window,
            )
            return
        start = called + timedelta(seconds=30 * recalls + rng.uniform(10, 60))
        if rng.random() < 0.05:  # sent on to a dedicated window and called there again
            to_window = rng.randint(1, self.windows)
            add(start, E.TICKET_TRANSFERRED, clerk, **ids, from_window=window,
                from_category=category, to_category=category, to_window=to_window,
                note="专窗办理")  # fmt: skip
            window, start = to_window, start + timedelta(seconds=rng.uniform(60, 600))
            add(start, E.TICKET_CALLED, clerk, **ids, category=category, window_no=window,
                clerk=clerk, wait_s=round(wait, 3))  # fmt: skip
        add(start, E.TICKET_STARTED, clerk, **ids, window_no=window)
        handle = rng.lognormvariate(5.8, 0.5)
        end, outcome = start + timedelta(seconds=handle), rng.choice(OUTCOMES)
        add(end, E.TICKET_FINISHED, clerk, **ids, category=category, item=item, window_no=window,
            clerk=clerk, outcome=outcome, reason=None, note="", wait_s=round(wait, 3),
            missing_materials=["户口簿复印件"] if outcome == "correction" else [],
            handle_s=round(handle, 3))  # fmt: skip
        if rng.random() < 0.95:
            self.rating(end, ids, window, clerk, category, item)

    def rating(
        self, end: datetime, ids: dict, window: int, clerk: str, category: str, item: str
    ) -> None:
        rng = self.rng
        level = rng.choices([5, 4, 3, 2, 1], [70, 20, 6, 3, 1])[0]
        rid, rated = f"R{ids['ticket_id']}", end + timedelta(seconds=rng.uniform(5, 40))
        tags = ["extra_materials"] if level <= 3 and rng.random() < 0.3 else []
        self.add(rated, E.RATING_RECORDED, None, rating_id=rid, **ids, level=level, tags=tags,
                 comment="", channel="pad", window_no=window, clerk=clerk, category=category,
                 item=item)  # fmt: skip
        if level <= 2:
            case = f"C{ids['ticket_id']}"
            self.add(rated, E.CASE_OPENED, None, case_id=case, rating_id=rid,
                     ticket_id=ids["ticket_id"], window_no=window, clerk=clerk, level=level,
                     deadline=self.sday)  # fmt: skip
            for k, status in enumerate(("called_back", "closed")):
                at = rated + timedelta(hours=1 + k)
                self.add(
                    at,
                    E.CASE_UPDATED,
                    "3001",
                    case_id=case,
                    status=status,
                    note="",
                    by="3001",
                )

    def hall_life(self, tickets: int) -> None:
        """Windows opening, pausing and closing; consultations; alerts; the day close."""
        rng, add, close = self.rng, self.add, self.open + timedelta(hours=9)
        for w in range(1, self.windows + 1):
            clerk = f"10{w:02d}"
            add(self.open, E.WINDOW_OPENED, clerk, window_no=w, clerk=clerk)
            for k in range(3):
                paused, duration = self.moment(), rng.uniform(120, 1800)
                ab = f"AB{self.day:%m%d}{w:02d}{k}"  # unique in the hall's log, like a hall's
                add(paused, E.WINDOW_PAUSED, clerk, window_no=w, clerk=clerk, absence_id=ab,
                    reason=rng.choice(REASONS), note="")  # fmt: skip
                add(paused + timedelta(seconds=duration), E.WINDOW_RESUMED, clerk, window_no=w,
                    clerk=clerk, absence_id=ab, duration_s=round(duration, 3))  # fmt: skip
            add(close, E.WINDOW_CLOSED, clerk, window_no=w, clerk=clerk, reason="day_close")
        for c in range(tickets // 30):
            at, cid = self.moment(), f"Q{self.day:%m%d}{c:04d}"
            add(at, E.CONSULTATION_CREATED, None, consultation_id=cid, number=f"Z{c + 1:03d}",
                topic="社保", question="退休手续需要哪些材料？", phone_masked="138****5678",
                source="kiosk")  # fmt: skip
            add(at + timedelta(seconds=60), E.CONSULTATION_CLAIMED, "2001", consultation_id=cid,
                by="2001")  # fmt: skip
            add(at + timedelta(seconds=400), E.CONSULTATION_RESOLVED, "2001",
                consultation_id=cid, by="2001", answer="请携带身份证原件")  # fmt: skip
        for _ in range(60):
            details = {"window_no": rng.randint(1, self.windows), "waiting": rng.randint(10, 40)}
            add(self.moment(), E.ALERT_RAISED, None, kind="idle_window", details=details)
        add(close, E.DAY_CLOSED, None, service_day=self.sday, cancelled=0,
            closed_windows=list(range(1, self.windows + 1)))  # fmt: skip


def generate_day(
    day: date,
    tickets: int = 10_000,
    start_seq: int = 1,
    seed: int = 7,
    hall: str = HALL,
    windows: int = WINDOWS,
    items: int = 0,
) -> list[dict]:
    """One service day of a hall (a large one by default: 40 windows), as envelopes in seq
    (= time) order; `items` > 0 spreads tickets over that many items per category."""
    build = _Day(day, seed, windows, items)
    for n in range(tickets):
        build.ticket(n)
    build.hall_life(tickets)
    build.raw.sort(key=lambda r: r[0])
    out = []
    for i, (at, etype, actor, payload) in enumerate(build.raw):
        device = "kiosk-1" if actor is None else f"window-{actor}"
        out.append({"id": ulid(int(at.timestamp() * 1000), build.rng), "hall": hall,
                    "seq": start_seq + i, "ts": _iso(at), "device": device, "actor": actor,
                    "type": etype, "payload": payload})  # fmt: skip
    return out
