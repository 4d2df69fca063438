"""The citizen's phone page in headless Chromium against a live hall server: waiting with
people ahead, "your turn: window N" pushed without a reload, the rating after the service,
the follow-up of a bad rating, a second rating refused, and a wrong link refused."""

from __future__ import annotations

import json
from typing import Any

import httpx
from selenium.webdriver.common.by import By

from tests.e2e.phone.conftest import (
    click,
    no_horizontal_overflow,
    screenshot,
    text_of,
    wait_for,
)


def issue(live: Any, n: int, category: str = "SB") -> list[dict[str, Any]]:
    with live.client(live.tokens["kiosk"]) as c:
        return [c.post("/api/v1/tickets", json={"category": category}).json() for _ in range(n)]


class Window:
    def __init__(self, live: Any, no: int) -> None:
        self.client = live.client(live.login(f"100{no}", "1234", no))
        self.no = no

    def __call__(self, action: str, body: dict[str, Any] | None = None) -> None:
        r = self.client.post(f"/api/v1/windows/{self.no}/{action}", json=body or {})
        assert r.status_code == 200, r.text


def test_waiting_called_and_rated_live(phone: Any, live: Any) -> None:
    *_ahead, mine = issue(live, 3)
    window = Window(live, 1)
    phone.get(live.url + mine["status_url"])
    wait_for(phone, lambda d: text_of(d, "#conn") == "实时更新中")
    assert text_of(phone, "#number") == mine["number"]
    assert text_of(phone, "#ahead") == "前面还有 2 人"
    assert "预计等候约" in text_of(phone, "#estimate")
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-waiting.png")

    window("call-next")  # someone ahead is called: one fewer ahead, no reload
    wait_for(phone, lambda d: text_of(d, "#ahead") == "前面还有 1 人")
    window("finish", {"outcome": "completed"})
    window("call-next")
    wait_for(phone, lambda d: text_of(d, "#ahead") == "下一位就是您，请留意叫号")
    window("finish", {"outcome": "completed"})
    window("call-next")
    wait_for(phone, lambda d: text_of(d, "#window") == "请到 1 号窗口办理")
    assert phone.execute_script("return window.__vibrated.length") == 1
    assert phone.title == "【到您了】1号窗口"
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-called.png")
    window("recall")  # called again: the phone vibrates again
    wait_for(phone, lambda d: "第 1 次重呼" in text_of(d, "#status"))
    assert phone.execute_script("return window.__vibrated.length") == 2

    window("start")
    wait_for(phone, lambda d: text_of(d, "#window") == "正在 1 号窗口办理")
    window("finish", {"outcome": "correction", "missing_materials": ["户口簿原件"]})
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#rate"))
    assert "需补正材料" in text_of(phone, "#status") and "户口簿原件" in text_of(phone, "#status")
    click(phone, "#submit")  # nothing chosen yet
    assert text_of(phone, "#rate-error") == "请先选择满意程度"
    click(phone, '.face[data-level="4"]')  # a good rating needs no reasons
    assert not phone.find_elements(By.CSS_SELECTOR, ".chip")
    click(phone, '.face[data-level="2"]')  # a bad one asks what was wrong, as the pad does
    click(phone, '.chip[data-tag="attitude"]')
    click(phone, '.chip[data-tag="efficiency"]')
    click(phone, '.chip[data-tag="efficiency"]')  # and off again
    phone.find_element(By.ID, "comment").send_keys("等候时间太长")
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-rating.png")
    click(phone, "#submit")

    wait_for(phone, lambda d: text_of(d, "#rated") == "您的评价：不满意")
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#case"))
    assert not phone.find_elements(By.CSS_SELECTOR, "#rate")
    row = (
        live.hall.reader()
        .execute(
            "SELECT level, tags, comment, channel FROM ratings WHERE ticket_id = ?", (mine["id"],)
        )
        .fetchone()
    )
    assert (row["level"], json.loads(row["tags"]), row["channel"]) == (2, ["attitude"], "phone")
    assert row["comment"] == "等候时间太长"
    deadline = (
        live.hall.reader()
        .execute("SELECT deadline FROM cases WHERE ticket_id = ?", (mine["id"],))
        .fetchone()[0]
    )
    year, month, day = (int(x) for x in deadline.split("-"))
    assert f"{year}年{month}月{day}日前回访" in text_of(phone, "#case-state").replace(" ", "")
    assert "已登记" in text_of(phone, '[data-step="open"]')
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-followup.png")

    phone.refresh()  # a reload keeps the rating and offers no second one
    wait_for(phone, lambda d: text_of(d, "#rated") == "您的评价：不满意")
    assert not phone.find_elements(By.CSS_SELECTOR, "#rate")


def test_a_second_rating_is_refused_in_the_page(phone: Any, live: Any) -> None:
    (ticket,) = issue(live, 1)
    window = Window(live, 1)
    window("call-next")
    window("finish", {"outcome": "completed"})
    phone.get(live.url + ticket["status_url"] + "?live=0")  # a stale page: no live updates
    wait_for(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#rate"))
    with live.client(live.tokens["pad"]) as pad:  # meanwhile rated on the window's pad
        r = pad.post(
            "/api/v1/ratings", json={"ticket_id": ticket["id"], "level": 5, "channel": "pad"}
        )
        assert r.status_code == 201, r.text
    click(phone, '.face[data-level="1"]')
    click(phone, "#submit")
    wait_for(phone, lambda d: text_of(d, "#refused") == "本次服务已评价，不能重复评价")
    wait_for(phone, lambda d: text_of(d, "#rated") == "您的评价：非常满意")
    assert not phone.find_elements(By.CSS_SELECTOR, "#rate")
    count = (
        live.hall.reader()
        .execute("SELECT COUNT(*) FROM ratings WHERE ticket_id = ?", (ticket["id"],))
        .fetchone()[0]
    )
    assert count == 1


def test_a_wrong_link_gets_the_not_found_page(phone: Any, live: Any) -> None:
    (ticket,) = issue(live, 1)
    ticket_id, _, mac = ticket["status_url"].removeprefix("/t/").partition(".")
    for token in (f"{ticket_id}.{'0' * len(mac)}", ticket_id, ticket["number"], "x" * 40):
        r = httpx.get(f"{live.url}/t/{token}")
        assert r.status_code == 404 and "未找到该号码" in r.text
        assert ticket["number"] not in r.text
    phone.get(f"{live.url}/t/{ticket_id}.{'0' * len(mac)}")
    assert text_of(phone, "h1") == "未找到该号码"
    assert phone.find_element(By.CSS_SELECTOR, ".card").value_of_css_property("border-radius")
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-not-found.png")


def test_an_open_page_turns_into_the_expired_page_when_its_link_expires(
    phone: Any, live: Any, clock: Any
) -> None:
    (ticket,) = issue(live, 1)
    phone.get(live.url + ticket["status_url"])
    wait_for(phone, lambda d: text_of(d, "#conn") == "实时更新中")
    assert text_of(phone, "#number") == ticket["number"]
    # past the service day and the 7-day rating window; then the queue moves
    clock.advance(days=8)
    issue(live, 1)
    wait_for(phone, lambda d: text_of(d, "h1") == "链接已过期")
    assert "7天" in text_of(phone, "main")
    assert ticket["number"] not in text_of(phone, "body")
    assert no_horizontal_overflow(phone)
    screenshot(phone, "phone-expired.png")
    phone.get(live.url + ticket["status_url"])  # opened again later: the same page
    assert text_of(phone, "h1") == "链接已过期"


def test_english_from_the_browser_and_the_language_toggle(browser_factory: Any, live: Any) -> None:
    live.login("1002", "1234", 2)  # a window serves it: it can be next
    (ticket,) = issue(live, 1, "GJJ")
    browser = browser_factory("en-GB,en;q=0.9")
    browser.get(live.url + ticket["status_url"])
    wait_for(
        browser, lambda d: text_of(d, "#ahead") == "You are next, please listen for your number"
    )
    assert text_of(browser, ".category") == "Housing fund"
    assert text_of(browser, "#lang") == "中文"
    screenshot(browser, "phone-waiting-en.png")
    click(browser, "#lang")
    assert text_of(browser, "#ahead") == "下一位就是您，请留意叫号"
    browser.refresh()  # the choice is remembered on this phone
    wait_for(browser, lambda d: text_of(d, "#lang") == "English")
    assert no_horizontal_overflow(browser)
