"""What the sample hall's supervisor finds on arrival, for `kiosk demo` and screenshots.

`python -m kiosk.sample.supervision --data DIR` (before `kiosk serve --data DIR`) plays, through
the engine's own commands on a stepping clock that ends now: a bad rating from ten days ago
whose case is overdue, two bad ratings of this morning (one case already assigned and called
back), a window paused too long, and a housing-fund queue of 24 with both of its windows
closed, so the duties raise a tidal alert with a concrete suggestion. Windows 17 (何欢 1017) and
19 (马丽 1019) are used, which the other sample scenes leave alone; supervisor 韩卫东 3001.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason, RatingChannel, RatingTag
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.store.db import store_path

KIOSK = Actor(device="kiosk-1")
SUP = Actor(clerk="3001")
W17, W19 = Actor(clerk="1017"), Actor(clerk="1019")
START_DAYS_AGO = 10


def _serve(
    hall: Hall,
    clock: FakeClock,
    window: int,
    actor: Actor,
    category: str,
    level: int,
    comment: str | None = None,
) -> str:
    hall.issue_ticket(category, actor=KIOSK)
    clock.advance(minutes=3)
    ticket = hall.call_next(window, actor)
    assert ticket is not None
    hall.start(window, actor)
    clock.advance(minutes=6)
    hall.finish(window, Outcome.COMPLETED, actor)
    tags = [RatingTag.ATTITUDE] if level <= 2 else []
    hall.rate(ticket["id"], level, RatingChannel.PAD, tags=tags, comment=comment, pad_window=window)
    clock.advance(minutes=1)
    return str(ticket["id"])


def seed(hall: Hall, clock: FakeClock, end: datetime) -> None:
    hall.login("1017", "1234", 17)
    hall.login("1019", "1234", 19)
    hall.login("3001", "1234", None)
    _serve(hall, clock, 19, W19, "BANGBAN", 1, "办理太慢")  # ten days ago: overdue by now
    clock.set(end - timedelta(minutes=75))
    hall.login("1017", "1234", 17)
    hall.login("1019", "1234", 19)
    for level in (5, 4, 5):
        _serve(hall, clock, 17, W17, "HUNYIN", level)
    _serve(hall, clock, 17, W17, "HUNYIN", 1, "工作人员态度冷淡")
    _serve(hall, clock, 19, W19, "BANGBAN", 5)
    _serve(hall, clock, 19, W19, "BANGBAN", 2, "材料说明不清楚")
    for _ in range(24):  # windows 4 and 5 (公积金) are closed: a tidal suggestion
        hall.issue_ticket("GONGJIJIN", actor=KIOSK)
        clock.advance(seconds=60)
    cases = hall.cases(status="open")["cases"]
    newest = max(cases, key=lambda c: c["opened_at"])
    hall.assign_case(newest["id"], "3001", SUP)
    hall.call_back_case(newest["id"], True, "已电话联系，群众反映材料说明不清", SUP)
    clock.set(end - timedelta(minutes=25))
    hall.pause(19, PauseReason.SHORT_LEAVE, W19, note="去档案室取件")
    clock.set(end)
    hall.check_supervision()


def seed_store(data_dir: Path, end: datetime | None = None) -> None:
    """Seeds the sample store in `data_dir` (no server may hold it), ending a minute ago (or
    at `end`). The scene is played at whatever hour the demo or the screenshots run, so the
    hall's opening hours are lifted for it, as `kiosk serve --always-open` lifts them."""
    end = end or datetime.now(UTC) - timedelta(minutes=1)
    clock = FakeClock(end - timedelta(days=START_DAYS_AGO))
    hall = Hall(store_path(data_dir), clock)
    hall.always_open = True
    try:
        seed(hall, clock, end)
    finally:
        hall.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--data", type=Path, required=True, help="a store made by kiosk init --sample")
    args = p.parse_args()
    seed_store(args.data)
    print(f"seeded the supervisor's morning in {args.data}")


if __name__ == "__main__":
    main()
