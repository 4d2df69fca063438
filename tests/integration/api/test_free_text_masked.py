"""ID-card and mobile numbers typed into free text never enter the event log: a consultation,
the desk's answer, a clerk's transfer, finish and pause notes, a rating comment, all sent to a
real server, then the log read back through GET /api/v1/events (as the center's sync and a
supervisor read it) and the store's own files. Only the call-back number given on purpose is
kept, in the contacts table."""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx

from kiosk.privacy import id_check_char
from tests.helpers.server import LiveHall

BODY = "37020219900101123"
ID = BODY + id_check_char(BODY)  # 370202199001011237
MOBILE = "13812345678"
CALL_BACK = "13912345678"
# As people type them: grouped, dashed, full-width, with a country code.
ID_FORMS = (
    ID,
    f"{ID[:6]} {ID[6:14]} {ID[14:]}",
    ID.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
)
MOBILE_FORMS = (MOBILE, "138-1234-5678", "+86 138 1234 5678")


def ok(r: httpx.Response) -> dict[str, Any]:
    assert r.is_success, r.text
    return r.json() if r.content else {}


def assert_no_numbers(text: str, where: str) -> None:
    for form in (*ID_FORMS, *MOBILE_FORMS, CALL_BACK, ID[6:14] + ID[14:]):
        assert form not in text, f"{form!r} found in {where}"


def test_numbers_in_free_text_are_masked_before_the_log(live: LiveHall) -> None:
    desk = live.client(live.login("8001", "8888", None))
    ok(desk.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}))
    with live.client(live.tokens["kiosk"]) as kiosk:
        asked = ok(
            kiosk.post(
                "/api/v1/consultations",
                json={
                    "topic": f"社保卡 {MOBILE_FORMS[1]}",
                    "question": f"我的身份证号是{ID_FORMS[1]}，电话{MOBILE_FORMS[2]}，请回电",
                    "phone": CALL_BACK,
                },
            )
        )
        ticket = ok(kiosk.post("/api/v1/tickets", json={"category": "SB"}))
    assert asked["phone_masked"] == "139****5678"
    ok(desk.post(f"/api/v1/consultations/{asked['id']}/claim"))
    ok(desk.post(f"/api/v1/consultations/{asked['id']}/answer", json={"answer": f"已致电{MOBILE}"}))
    ok(desk.post(f"/api/v1/consultations/{asked['id']}/resolve", json={}))

    clerk = live.client(live.login("1001", "1234", 1))
    ok(clerk.post("/api/v1/windows/1/call-next"))
    note = {"to_category": "GJJ", "note": f"证件{ID_FORMS[2]}"}
    ok(clerk.post("/api/v1/windows/1/transfer", json=note))
    ok(clerk.post("/api/v1/windows/1/call-next"))
    finish = {
        "outcome": "rejected",
        "reason": f"本人电话{MOBILE}未实名",
        "note": f"身份证{ID}",
        "missing_materials": [f"{MOBILE_FORMS[1]}机主的授权书"],
    }
    ok(clerk.post("/api/v1/windows/1/finish", json=finish))
    ok(clerk.post("/api/v1/windows/1/pause", json={"reason": "other", "note": f"回电{MOBILE}"}))
    link = ticket["status_url"].rsplit("/", 1)[1]
    with live.client(link) as phone:
        comment = f"我的身份证{ID}，手机{MOBILE}，态度差"
        rating = {"ticket_id": ticket["id"], "level": 1, "channel": "phone", "comment": comment}
        ok(phone.post("/api/v1/ratings", json=rating))

    with live.client(live.login("9001", "9999", None)) as supervisor:
        log = supervisor.get("/api/v1/events", params={"limit": 5000})
    assert log.status_code == 200
    text = log.text
    assert_no_numbers(text, "GET /api/v1/events")
    # the text itself arrived, masked (the answer twice: answered, then resolved)
    assert text.count("3702**********1237") == 4 and text.count("138****5678") == 8
    types = {e["type"] for e in log.json()["events"]}
    assert {"consultation.created", "rating.recorded", "ticket.finished"} <= types

    live.hall.flush()
    conn = sqlite3.connect(live.hall.path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table != "contacts":
            dump = repr(conn.execute(f"SELECT * FROM {table}").fetchall())
            assert_no_numbers(dump, f"table {table}")
    assert conn.execute("SELECT phone FROM contacts").fetchall() == [(CALL_BACK,)]
    conn.close()
    for c in (desk, clerk):
        c.close()
