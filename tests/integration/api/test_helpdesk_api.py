"""The help desk's HTTP contract against a live uvicorn: the status the kiosk shows, the
unstaffed redirect, 首问负责 with 409 for the loser of a claim race, the knowledge base and
GET /catalog's merge, figures, and the same auth and problem+json rules as the hall core."""

from __future__ import annotations

import threading

import httpx

from kiosk.domain import Role

PROBLEM = "application/problem+json"


def problem(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["detail"] and body["detail_zh"]
    return body


def on_duty(live, employee_no: str = "8001", pin: str = "8888") -> httpx.Client:
    c = live.client(live.login(employee_no, pin, None))
    assert c.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}).json()["staffed"]
    return c


def ask(live, topic: str = "社保卡") -> dict:
    with live.client(live.tokens["kiosk"]) as k:
        r = k.post("/api/v1/consultations", json={"topic": topic, "question": "怎么补办？"})
        assert r.status_code == 201, r.text
        return r.json()


def test_status_and_the_unstaffed_redirect(live) -> None:
    assert httpx.get(f"{live.url}/api/v1/helpdesk/status").json() == {
        "staffed": False,
        "on_duty": 0,
    }
    first = ask(live)
    assert first["staffed"] is False and first["ticket"]["number"] == "Z001"
    assert first["ticket"]["category"] == "ZX" and first["ticket"]["status_url"]
    desk = on_duty(live)
    assert httpx.get(f"{live.url}/api/v1/helpdesk/status").json() == {
        "staffed": True,
        "on_duty": 1,
    }
    second = ask(live)
    assert second["staffed"] is True and "ticket" not in second
    listing = desk.get("/api/v1/helpdesk/consultations").json()
    assert [c["status"] for c in listing["consultations"]] == ["converted", "open"]
    assert listing["staff"]["8001"] == "咨询员" and listing["last_seq"] >= 4
    desk.close()


def test_claim_race_one_wins_the_other_gets_409(live) -> None:
    live.hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    a, b = on_duty(live), on_duty(live, "8002")
    cid = ask(live)["id"]
    results: dict[str, httpx.Response] = {}
    go = threading.Barrier(2)

    def press(name: str, client: httpx.Client) -> None:
        go.wait()
        results[name] = client.post(f"/api/v1/consultations/{cid}/claim")

    threads = [threading.Thread(target=press, args=p) for p in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results.values())
    assert codes == [200, 409]
    loser = next(r for r in results.values() if r.status_code == 409)
    body = problem(loser, 409)
    assert "首问负责" in body["detail_zh"] and body["owner"] in ("8001", "8002")
    owner = a if body["owner"] == "8001" else b
    other = b if owner is a else a
    problem(other.post(f"/api/v1/consultations/{cid}/answer", json={"answer": "x"}), 409)
    r = owner.post(
        f"/api/v1/consultations/{cid}/answer", json={"answer": "带身份证", "items": ["SB-1"]}
    )
    assert r.status_code == 200 and r.json()["items"] == ["SB-1"]
    done = owner.post(f"/api/v1/consultations/{cid}/resolve", json={})
    assert done.json()["status"] == "resolved"
    a.close()
    b.close()


def test_convert_refer_faq_and_figures(live) -> None:
    desk = on_duty(live)
    one, two = ask(live)["id"], ask(live, "投诉")["id"]
    desk.post(f"/api/v1/consultations/{one}/claim")
    r = desk.post(f"/api/v1/consultations/{one}/convert", json={"note": "请到窗口"})
    assert r.json()["ticket"]["number"] == "Z001"
    assert r.json()["consultation"]["ticket_number"] == "Z001"
    problem(desk.post(f"/api/v1/consultations/{two}/refer", json={"note": "x"}), 409)
    desk.post(f"/api/v1/consultations/{two}/claim")
    problem(desk.post(f"/api/v1/consultations/{two}/refer", json={"note": ""}), 422)
    referred = desk.post(f"/api/v1/consultations/{two}/refer", json={"note": "请主管处理"})
    assert referred.json()["status"] == "referred"
    with live.client(live.login("9001", "9999", None)) as sup:
        assert sup.post(f"/api/v1/consultations/{two}/claim").json()["owner"] == "9001"
        sup.post(f"/api/v1/consultations/{two}/resolve", json={"answer": "已处理"})
        faq = sup.post(f"/api/v1/consultations/{two}/faq")
        assert faq.status_code == 201 and faq.json()["status"] == "draft"
        figures = sup.get("/api/v1/helpdesk/figures", params={"day": "2026-11-27"}).json()
    assert figures["total"] == 2 and figures["converted"] == 1 and figures["faq"] == 1
    problem(desk.get("/api/v1/helpdesk/figures", params={"day": "27/11"}), 422)
    assert desk.get(f"/api/v1/consultations/{two}").json()["faq_id"] == faq.json()["id"]
    desk.close()


def test_knowledge_base_and_the_catalog_merge(live) -> None:
    desk = on_duty(live)
    before = httpx.get(f"{live.url}/api/v1/catalog")
    body = {"question_zh": "社保卡丢了怎么办？", "answer_zh": "到社保窗口补办。", "items": ["SB-1"]}
    created = desk.post("/api/v1/faqs", json=body)
    assert created.status_code == 201
    fid = created.json()["id"]
    problem(desk.post("/api/v1/faqs", json={**body, "colour": "red"}), 422)
    problem(desk.post("/api/v1/faqs", content=b"{nope"), 422)
    edited = desk.post(f"/api/v1/faqs/{fid}", json={"keywords": ["补卡"]})
    assert edited.json()["keywords"] == ["补卡"] and edited.json()["answer_zh"] == body["answer_zh"]
    assert desk.patch(f"/api/v1/faqs/{fid}", json={"answer_en": "At window."}).status_code == 200
    assert desk.post(f"/api/v1/faqs/{fid}/publish").json()["status"] == "published"
    problem(desk.post(f"/api/v1/faqs/{fid}/publish"), 409)
    n = desk.post("/api/v1/notices", json={"title_zh": "周六延时", "body_zh": "上午开放"}).json()
    desk.post(f"/api/v1/notices/{n['id']}/publish")
    listed = desk.get("/api/v1/faqs", params={"status": "published"}).json()["faqs"]
    assert [f["id"] for f in listed] == [fid]
    after = httpx.get(
        f"{live.url}/api/v1/catalog", headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    hall_faqs = [f for f in after.json()["faqs"] if f.get("source") == "hall"]
    assert [f["id"] for f in hall_faqs] == [fid] and hall_faqs[0]["answer_en"] == "At window."
    assert after.json()["notices"][-1]["id"] == n["id"]
    desk.post(f"/api/v1/faqs/{fid}/retire")
    final = httpx.get(f"{live.url}/api/v1/catalog").json()
    assert not [f for f in final["faqs"] if f.get("source") == "hall"]
    desk.close()


def test_auth_rules(live) -> None:
    cid = ask(live)["id"]
    problem(httpx.post(f"{live.url}/api/v1/consultations/{cid}/claim"), 401)
    with live.client(live.tokens["kiosk"]) as k:
        problem(k.post(f"/api/v1/consultations/{cid}/claim"), 403)
        problem(k.get("/api/v1/faqs"), 403)
        problem(k.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}), 403)
    with live.client(live.login("1001", "1234", 1)) as clerk:
        problem(clerk.post(f"/api/v1/consultations/{cid}/claim"), 403)
        referral = clerk.post("/api/v1/consultations", json={"topic": "要求额外材料"})
        assert referral.status_code == 201
    with live.client(live.login("8001", "8888", None)) as desk:
        problem(desk.post("/api/v1/helpdesk/presence", json={"status": "lunch"}), 422)
        problem(desk.post("/api/v1/consultations/nope/claim"), 404)
        views = desk.get("/api/v1/helpdesk/consultations").json()["consultations"]
    assert {v["source"] for v in views} == {"kiosk", "window"}


def test_citizen_phone_page_and_idempotent_claim(live) -> None:
    with live.client(live.tokens["kiosk"]) as k:
        ticket = k.post("/api/v1/tickets", json={"category": "SB"}).json()
    link = ticket["status_url"].rsplit("/", 1)[1]
    desk = on_duty(live)
    with live.client(link) as phone:
        r = phone.post("/api/v1/consultations", json={"topic": "材料", "question": "?"})
        assert r.status_code == 201 and r.json()["staffed"] is True
    cid = r.json()["id"]
    assert desk.get(f"/api/v1/consultations/{cid}").json()["source"] == "phone"
    key = {"Idempotency-Key": "claim-1"}
    first = desk.post(f"/api/v1/consultations/{cid}/claim", headers=key)
    again = desk.post(f"/api/v1/consultations/{cid}/claim", headers=key)
    assert first.json() == again.json()
    claims = [e for e in live.hall.events_after(0) if e.type == "consultation.claimed"]
    assert len(claims) == 1
    desk.close()
