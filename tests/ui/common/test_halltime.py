"""The hall's clock on a client PC (ui.common.halltime): default times a form offers must be ones
the server accepts, whatever zone the PC is in and however late it is."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTime

from ui.common.halltime import hall_now, later_today, skew_s


def test_a_default_later_today_keeps_to_today() -> None:
    assert later_today(QTime(9, 0), 2 * 3600) == QTime(11, 0)
    # at 22:15 two hours on is 00:15 tomorrow, which the server reads as today and refuses
    assert later_today(QTime(22, 15), 2 * 3600) == QTime(23, 59)
    assert later_today(QTime(23, 40), 30 * 60) == QTime(23, 59)


def test_the_hall_s_clock_is_the_hall_s_zone_not_the_pc_s() -> None:
    shanghai = hall_now("Asia/Shanghai")
    utc = hall_now("UTC")
    assert shanghai.offsetFromUtc() == 8 * 3600
    assert utc.offsetFromUtc() == 0
    assert abs(shanghai.toSecsSinceEpoch() - utc.toSecsSinceEpoch()) <= 1
    assert hall_now("No/Such_Zone").isValid()  # an unknown zone: this PC's clock


def test_the_hall_s_now_is_the_server_s_clock() -> None:
    from datetime import UTC, datetime, timedelta

    ahead = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    assert abs(skew_s(ahead) - 3 * 3600) <= 2
    assert skew_s(None) == skew_s("not a time") == 0
    moved = hall_now("UTC", skew_s(ahead))
    assert abs(moved.toSecsSinceEpoch() - hall_now("UTC").toSecsSinceEpoch() - 3 * 3600) <= 2
