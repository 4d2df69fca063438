"""The per-link write budget (kiosk/server/links.py): a burst, then one write per period, and
a bounded memory however many links come by."""

from __future__ import annotations

import pytest

from kiosk.errors import TooManyAttempts
from kiosk.server import links
from kiosk.server.links import BURST, REFILL_S, LinkBudget


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_one_write_per_period() -> None:
    ticks = Ticks()
    budget = LinkBudget(ticks)
    for _ in range(BURST):
        budget.spend("a")
    with pytest.raises(TooManyAttempts) as refused:
        budget.spend("a")
    assert refused.value.extra["retry_after"] == int(REFILL_S)
    budget.spend("b")  # each link has its own bucket
    ticks.now += REFILL_S / 2
    with pytest.raises(TooManyAttempts) as refused:
        budget.spend("a")
    assert refused.value.extra["retry_after"] == int(REFILL_S / 2)
    ticks.now += REFILL_S / 2
    budget.spend("a")
    ticks.now -= 3600  # a clock set back refills nothing, and breaks nothing
    with pytest.raises(TooManyAttempts):
        budget.spend("a")


def test_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links, "MAX_TRACKED", 100)
    ticks = Ticks()
    budget = LinkBudget(ticks)
    for n in range(1000):
        budget.spend(f"link-{n}")
        ticks.now += 0.01
    assert len(budget._buckets) <= 101
