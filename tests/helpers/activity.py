"""Realistic hall activity for sync tests: a day of tickets, calls, outcomes, ratings, pauses
and consultations, driven by the hall's FakeClock so days and weeks pass in an instant."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason, RatingChannel, RatingTag
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.errors import HallError


def simulate_day(
    hall: Hall, clock: FakeClock, day_start: datetime, tickets: int, seed: int
) -> None:
    """Opens windows 1 and 2 at day_start, serves `tickets` citizens, closes the day."""
    rng = random.Random(seed)
    clock.set(day_start)
    clerks = {1: Actor(clerk="1001"), 2: Actor(clerk="1002")}
    for no, actor in clerks.items():
        hall.login(actor.clerk or "", "1234", no)
    kiosk = Actor(device="kiosk-1")
    for n in range(tickets):
        hall.issue_ticket(rng.choice(["SB", "GJJ"]), actor=kiosk)
        clock.advance(rng.randint(20, 90))
        if n % 7 == 3:
            hall.create_consultation("社保卡", "补办要带什么？", actor=kiosk)
    for _ in range(tickets):
        no = rng.choice([1, 2])
        actor = clerks[no]
        ticket = hall.call_next(no, actor)
        if ticket is None:
            other = 2 if no == 1 else 1
            ticket = hall.call_next(other, clerks[other])
            no, actor = other, clerks[other]
            if ticket is None:
                break
        clock.advance(rng.randint(10, 60))
        if rng.random() < 0.08:
            hall.no_show(no, actor)
            continue
        hall.start(no, actor)
        clock.advance(rng.randint(120, 600))
        outcome = rng.choice(list(Outcome))
        hall.finish(no, outcome, actor, missing_materials=["户口簿"], reason="不符合条件")
        if rng.random() < 0.7:
            level = rng.choice([5, 5, 4, 4, 3, 2, 1])
            tags = [RatingTag.EXTRA_MATERIALS] if level <= 2 else []
            hall.rate(ticket["id"], level, RatingChannel.PAD, tags=tags, pad_window=no)
        if rng.random() < 0.1:
            try:
                hall.pause(no, rng.choice(list(PauseReason)), actor, note="说明")
                clock.advance(rng.randint(60, 900))
                hall.resume(no, actor)
            except HallError:
                pass
    clock.advance(timedelta(minutes=5).total_seconds())
    hall.close_day()
