"""The login throttle's rules on a fake clock: per clerk and source, per source across clerks,
forgetting after a quiet spell (and not on the attacker's own successful login)."""

from __future__ import annotations

import pytest

from kiosk.engine.auth import FORGET_S, FREE_ATTEMPTS, LOCK_BASE_S, SOURCE_FREE, LoginThrottle
from kiosk.errors import TooManyAttempts


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_lock_holds_for_one_clerk_at_one_source_and_doubles() -> None:
    clock = Ticks()
    t = LoginThrottle(clock)
    for _ in range(FREE_ATTEMPTS):
        t.failed("1001", "10.0.0.9")
    t.check("1001", "10.0.0.9")  # the free attempts lock nothing
    t.failed("1001", "10.0.0.9")
    with pytest.raises(TooManyAttempts) as locked:
        t.check("1001", "10.0.0.9")
    assert locked.value.extra["retry_after"] == int(LOCK_BASE_S) + 1
    t.check("1001", "10.0.0.5")  # the clerk's own terminal
    t.check("1002", "10.0.0.9")  # another clerk at the attacker's terminal
    clock.now += LOCK_BASE_S + 1
    t.failed("1001", "10.0.0.9")
    with pytest.raises(TooManyAttempts) as longer:
        t.check("1001", "10.0.0.9")
    assert longer.value.extra["retry_after"] == int(2 * LOCK_BASE_S) + 1


def test_one_source_is_locked_across_clerks_and_its_own_login_does_not_reset_it() -> None:
    clock = Ticks()
    t = LoginThrottle(clock)
    for n in range(SOURCE_FREE):
        t.failed(f"{2000 + n}", "10.0.0.9")
        t.succeeded("1001", "10.0.0.9")  # the attacker signs in as themself in between
    t.check("9999", "10.0.0.9")
    t.failed("2999", "10.0.0.9")
    with pytest.raises(TooManyAttempts):
        t.check("9999", "10.0.0.9")
    t.check("9999", "10.0.0.5")
    clock.now += FORGET_S + LOCK_BASE_S + 1  # quiet for long enough: counted afresh
    t.check("9999", "10.0.0.9")
    t.failed("2999", "10.0.0.9")
    t.check("9999", "10.0.0.9")
