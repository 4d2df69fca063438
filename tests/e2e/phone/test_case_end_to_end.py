"""A bad rating followed to its end through real parts: the pad rates a service 1 on the real
server, the case it opens is walked through every step by two supervisors over HTTP, the
citizen's phone page (headless Chromium) marks each step as it happens without a reload, and the
center, fed by the hall's real sync, counts the case as closed in its closure rate."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

from kiosk.center.app import create_center_app
from kiosk.center.client import CenterClient
from kiosk.center.halls import add_hall
from kiosk.center.reports import build_report
from kiosk.domain import Role
from kiosk.sync.pusher import sync_once
from tests.e2e.phone.conftest import screenshot, text_of, wait_for
from tests.helpers.live_server import serve_in_thread

V1 = "/api/v1"


def reached(driver: Any) -> list[str]:
    """The steps marked reached, read in one script call (the page re-renders as events come)."""
    script = (
        "return Array.from(document.querySelectorAll('#case li.reached'))"
        ".map(function (li) { return li.getAttribute('data-step'); });"
    )
    return list(driver.execute_script(script))


def closure_rate(engine: Any, day: str) -> tuple[int, int, float | None]:
    (row,) = [r for r in build_report(engine, day, day, by="hall")["rows"] if r["hall"] == "T-01"]
    return row["cases_opened"], row["cases_closed"], row["case_closure_rate"]


def test_a_bad_rating_walked_to_its_end(phone: Any, live: Any, tmp_path: Any) -> None:
    hall = live.hall
    hall.add_clerk("9002", "副主管", "9999", Role.SUPERVISOR)
    kiosk = live.client(live.tokens["kiosk"])
    ticket = kiosk.post(f"{V1}/tickets", json={"category": "SB"}).json()
    at_1 = live.client(live.login("1001", "1234", 1))
    assert at_1.post(f"{V1}/windows/1/call-next").status_code == 200
    assert at_1.post(f"{V1}/windows/1/finish", json={"outcome": "completed"}).status_code == 200
    pad = live.client(live.tokens["pad"])
    rated = pad.post(
        f"{V1}/ratings",
        json={"ticket_id": ticket["id"], "level": 1, "channel": "pad", "tags": ["attitude"]},
    )
    assert rated.status_code in (200, 201), rated.text

    phone.get(live.url + ticket["status_url"])
    wait_for(phone, lambda d: text_of(d, "#conn") == "实时更新中")
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#case"))
    assert reached(phone) == ["open"]

    center_app = create_center_app(f"sqlite:///{tmp_path / 'center.db'}")
    engine = center_app.state.engine
    add_hall(engine, "T-00", "测试市政务服务中心", "city")
    token = add_hall(engine, "T-01", "测试政务服务中心", "district", "T-00")
    day = hall.today().isoformat()
    with (
        serve_in_thread(center_app) as center_url,
        CenterClient(center_url, "T-01", token) as client,
    ):
        assert sync_once(hall, client).lag == 0
        assert closure_rate(engine, day) == (1, 0, 0.0)

        boss = live.client(live.login("9001", "9999", None))
        (case,) = boss.get(f"{V1}/supervision/cases").json()["cases"]
        steps = f"{V1}/supervision/cases/{case['id']}"

        def step(who: Any, name: str, body: dict[str, Any], shown: str | None) -> None:
            r = who.post(f"{steps}/{name}", json=body)
            assert r.status_code == 200, r.text
            if shown is not None:
                wait_for(phone, lambda d: shown in reached(d))

        step(boss, "assign", {"assignee": "9001"}, None)
        step(boss, "call-back", {"reached": True, "note": "已实名回访市民"}, "called_back")
        step(boss, "verify", {"verdict": "valid"}, "verified")
        step(boss, "rectify", {"note": "窗口人员已接受批评教育"}, "rectified")
        step(boss, "revisit", {"satisfied": True, "note": "市民表示认可"}, "revisited")
        assert reached(phone) == ["open", "called_back", "verified", "rectified", "revisited"]
        deputy = live.client(live.login("9002", "9999", None))
        step(deputy, "close", {"note": "办结"}, "closed")
        wait_for(phone, lambda d: text_of(d, "#case-state") == "跟进已完成，感谢您的监督。")
        screenshot(phone, "phone-followup-closed.png")
        # the page never shows who did it or what they wrote
        page = text_of(phone, "#case")
        assert "主管" not in page and "批评" not in page and "9001" not in page

        assert sync_once(hall, client).lag == 0
        assert closure_rate(engine, day) == (1, 1, 1.0)
