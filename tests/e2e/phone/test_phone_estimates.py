"""The phone page's wait in headless Chromium: no figure and never "you are next" while no
window can call the ticket, and a range where the spread is wide."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.phone.conftest import text_of, wait_for
from tests.e2e.phone.test_phone_page import issue


def test_no_window_no_figure_and_never_next(phone: Any, live: Any) -> None:
    [mine] = issue(live, 1)
    assert mine["estimated_wait_s"] is None and mine["estimate_reason"] == "no_window"
    phone.get(live.url + mine["status_url"])
    wait_for(phone, lambda d: text_of(d, "#estimate") == "暂无窗口办理")
    assert text_of(phone, "#ahead") == "前面没有人在等候"
    assert "下一位" not in text_of(phone, "#status") and "即将" not in text_of(phone, "#status")
    live.login("1001", "1234", 1)  # a window that serves it opens
    phone.get(live.url + mine["status_url"])
    wait_for(phone, lambda d: text_of(d, "#ahead") == "下一位就是您，请留意叫号")
    assert text_of(phone, "#estimate") != "暂无窗口办理"


def test_a_wide_spread_shows_a_range(phone: Any, live: Any) -> None:
    live.login("1001", "1234", 1)
    *_ahead, mine = issue(live, 15)
    low, high = mine["estimated_wait_range_s"]
    assert high - low >= 600
    phone.get(live.url + mine["status_url"])
    wait_for(phone, lambda d: "预计等候约" in text_of(d, "#estimate"))
    shown = text_of(phone, "#estimate")
    m = re.fullmatch(r"预计等候约 (\d+)-(\d+) 分钟", shown)
    assert m is not None, shown
    a, b = int(m.group(1)), int(m.group(2))
    assert a * 60 <= mine["estimated_wait_s"] <= b * 60 and b - a >= 10
