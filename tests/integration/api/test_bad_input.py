"""Bad input at the hall server answers 4xx problem+json, never a 5xx: each case here once did.

Through the real server (uvicorn on loopback), in the style of test_contract's bad-input tests.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kiosk import limits
from kiosk.domain import DeviceRole, Role
from kiosk.errors import Invalid

PROBLEM = "application/problem+json"
DEEP = b"[" * 5000 + b"]" * 5000  # well under the body limit, too deep for the JSON parser


def refused(r: httpx.Response) -> dict[str, Any]:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = r.json()
    assert body["status"] == r.status_code and body["detail"] and body["detail_zh"]
    return body


@pytest.mark.parametrize(
    "slot_start",
    [
        "garbage",
        "",
        "2026-11-27T10:00:00",  # no zone: check-in could not compare it with the hall's clock
        "0001-01-01T00:00:00+08:00",
        "9999-12-31T23:59:59-12:00",
        "2026-13-40T10:00:00Z",
    ],
)
def test_a_malformed_appointment_slot_is_refused(live, slot_start: str) -> None:
    with live.client(live.login("9001", "9999", None)) as staff:
        r = staff.post("/api/v1/appointments", json={"category": "SB", "slot_start": slot_start})
        assert "slot_start" in refused(r)["detail"]
        ok = staff.post(
            "/api/v1/appointments", json={"category": "SB", "slot_start": "2026-11-27T10:00+08:00"}
        )
        assert ok.status_code == 201 and ok.json()["code"]
    booked = live.hall.reader().execute("SELECT COUNT(*) FROM appointments").fetchone()[0]
    assert booked == 1


@pytest.mark.parametrize("kind", ["faqs", "notices"])
def test_deeply_nested_knowledge_bodies_are_refused(live, kind: str) -> None:
    with live.client(live.login("8001", "8888", None)) as desk:
        refused(desk.post(f"/api/v1/{kind}", content=DEEP))
        refused(desk.post(f"/api/v1/{kind}", content=b'{"keywords":' + DEEP + b"}"))
        title = "question_zh" if kind == "faqs" else "title_zh"
        made = desk.post(f"/api/v1/{kind}", json={title: "社保卡怎么补办", "keywords": ["社保"]})
        assert made.status_code == 201
        entry = next(v for k, v in made.json().items() if k.endswith("_id"))
        refused(desk.patch(f"/api/v1/{kind}/{entry}", content=DEEP))


@pytest.mark.parametrize("after_seq", [str(10**30), str(2**63), "1e23", "-1", str(-(2**63) - 1)])
def test_event_reads_beyond_64_bits_are_refused(live, after_seq: str) -> None:
    with live.client(live.tokens["sync"]) as sync:
        refused(sync.get("/api/v1/events", params={"after_seq": after_seq}))
        last = sync.get("/api/v1/events", params={"after_seq": limits.SEQ_MAX})
        assert last.status_code == 200 and last.json()["events"] == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", f"/api/v1/windows/{10**30}/call-next", None),
        ("POST", f"/api/v1/windows/{2**63}/pause", {"reason": "meal"}),
        ("GET", f"/api/v1/windows/{limits.WINDOW_NO_MAX + 1}/stats", None),
        ("POST", "/api/v1/windows/0/call-next", None),
    ],
)
def test_window_numbers_out_of_range_are_refused(live, method: str, path: str, body: Any) -> None:
    token = live.login("9001", "9999", None)
    r = httpx.request(
        method, f"{live.url}{path}", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    problem = refused(r)
    assert problem["status"] == 422 and problem["errors"][0]["field"] == "path.no"


def test_an_event_its_center_could_not_store_is_refused_at_the_door(live) -> None:
    """Within every field's own limit, yet as an event too large for the center: JSON writes
    each control character as six bytes. The hall refuses it rather than log it."""
    escaped = "\x01" * 4000
    with live.client(live.login("8001", "8888", None)) as desk:
        before = live.hall.last_seq
        asked = {"question_zh": "怎么办理？"}
        r = desk.post("/api/v1/faqs", json={**asked, "answer_zh": escaped, "answer_en": escaped})
        assert "payload larger than" in refused(r)["detail"]
        assert live.hall.last_seq == before
        fits = desk.post(
            "/api/v1/faqs", json={**asked, "answer_zh": "答" * 4000, "answer_en": escaped[:2000]}
        )
        assert fits.status_code == 201


def test_clerks_and_devices_the_center_could_not_name_are_refused(live) -> None:
    hall, long_no = live.hall, "7" * (limits.EMPLOYEE_NO_MAX + 1)
    with pytest.raises(Invalid, match=f"at most {limits.EMPLOYEE_NO_MAX}"):
        hall.add_clerk(long_no, "张三", "1234", Role.CLERK)
    hall.add_clerk(long_no[1:], "张三", "1234", Role.CLERK)
    with live.client() as anyone:
        r = anyone.post("/api/v1/sessions", json={"employee_no": long_no, "pin": "1234"})
        assert refused(r)["errors"][0]["field"] == "employee_no"
        at_most = anyone.post("/api/v1/sessions", json={"employee_no": long_no[1:], "pin": "1234"})
        assert at_most.status_code == 201
    for name in ("", "   ", "d" * (limits.DEVICE_NAME_MAX + 1)):
        with pytest.raises(Invalid, match="device name"):
            hall.add_device(name, DeviceRole.KIOSK)
    assert hall.add_device("取号机" * 21, DeviceRole.KIOSK)
