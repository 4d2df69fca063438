"""The phone page in English names the materials still needed in English (from the catalog's
English names of the ticket's item), and in Chinese after the language toggle."""

from __future__ import annotations

from typing import Any

from tests.e2e.phone.conftest import click, text_of, wait_for

ITEM = "SB-008"  # 工伤认定申请: its first two materials
MISSING = [("工伤认定申请表", "Work injury determination application form"),
           ("劳动关系证明材料", "Proof of employment")]  # fmt: skip


def test_missing_materials_in_the_readers_language(browser_factory: Any, sample_live: Any) -> None:
    live = sample_live
    with live.client(live.tokens["kiosk"]) as kiosk:
        ticket = kiosk.post("/api/v1/tickets", json={"category": "SHEBAO", "item": ITEM}).json()
    with live.client(live.login("1001", "1234", 1)) as window:
        for action, body in (
            ("call-next", {}),
            ("start", {}),
            ("finish", {"outcome": "correction", "missing_materials": [zh for zh, _ in MISSING]}),
        ):
            r = window.post(f"/api/v1/windows/1/{action}", json=body)
            assert r.status_code == 200, r.text
    browser = browser_factory("en-US,en;q=0.9")
    browser.get(live.url + ticket["status_url"])
    wait_for(browser, lambda d: MISSING[0][1] in text_of(d, "#status"))
    status = text_of(browser, "#status")
    assert all(en in status for _, en in MISSING)
    assert not any(zh in status for zh, _ in MISSING), status
    click(browser, "#lang")
    wait_for(browser, lambda d: MISSING[0][0] in text_of(d, "#status"))
