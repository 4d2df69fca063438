"""The staffing adviser: a pure function of arrivals, windows, qualified clerks and service
times."""

from __future__ import annotations

import math

from kiosk.staffing import (
    ClerkSpec,
    WindowSpec,
    advise,
    erlang_c,
    share_waiting_longer,
    windows_needed,
)


def test_erlang_c_known_values() -> None:
    assert math.isclose(erlang_c(1, 0.5), 0.5)  # M/M/1: the chance to wait is the load
    assert math.isclose(erlang_c(2, 1.0), 1 / 3)
    assert erlang_c(3, 3.0) == 1.0  # cannot keep up


def test_windows_needed_grows_with_the_crowd_and_the_strictness() -> None:
    assert windows_needed(0, 300) == 0
    counts = [windows_needed(n, 300) for n in (5, 20, 40, 80)]
    assert counts == sorted(counts) and counts[0] >= 1 and counts[-1] > counts[0]
    assert windows_needed(40, 300, target_s=300) >= windows_needed(40, 300, target_s=1800)
    n = windows_needed(40, 300)
    rate = 40 / 3600
    assert (
        share_waiting_longer(n, rate, 300, 900) <= 0.1 < share_waiting_longer(n - 1, rate, 300, 900)
    )


def test_windows_and_clerks_come_from_what_the_hall_has() -> None:
    windows = [WindowSpec(1, ("SB", "GJJ")), WindowSpec(2, ("GJJ",)), WindowSpec(3, ("SB",))]
    clerks = [ClerkSpec("a", frozenset({"SB", "GJJ"})), ClerkSpec("b", frozenset({"GJJ"}))]
    arrivals = {"SB": {9: 40.0}, "GJJ": {9: 10.0, 10: 0.0}}
    service = {"SB": 300.0, "GJJ": 300.0}
    [hour] = advise(arrivals, windows, clerks, service)
    sb, gjj = hour.categories["SB"], hour.categories["GJJ"]
    assert sb.needed == windows_needed(40, 300) >= 2
    # only clerk a may do SB: one SB window, the rest short; GJJ gets clerk b at window 2
    assert sb.windows == [3] or sb.windows == [1]
    assert sb.clerks == ["a"] and sb.short == sb.needed - 1
    assert gjj.windows == [2] and gjj.clerks == ["b"]
    assert hour.hour == 9 and len(hour.open_windows) == 2


def test_small_queues_share_a_window() -> None:
    windows = [WindowSpec(1, ("A", "B")), WindowSpec(2, ("B",))]
    clerks = [ClerkSpec("x", frozenset({"A", "B"})), ClerkSpec("y", frozenset({"B"}))]
    [hour] = advise({"A": {10: 2.0}, "B": {10: 2.0}}, windows, clerks, {"A": 120, "B": 120})
    assert hour.open_windows == [1]
    assert hour.categories["A"].windows == hour.categories["B"].windows == [1]


def test_no_arrivals_no_windows() -> None:
    assert (
        advise({"A": {9: 0.0}}, [WindowSpec(1, ("A",))], [], {"A": 60}, hours=[9])[0].categories
        == {}
    )
