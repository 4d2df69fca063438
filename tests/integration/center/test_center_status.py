"""Hall status at the center: acked seq, lag in events and time, reported catalog version."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from kiosk.center.client import CenterClient
from kiosk.center.halls import hall_status
from tests.helpers.center_fixture import CITY, DISTRICT, TOWNSHIP, HallLog
from tests.helpers.live_server import LiveCenter


def test_lag_and_catalog_version(live: LiveCenter) -> None:
    log = HallLog(DISTRICT)
    for n in range(5):
        log.add(f"2026-11-26T01:00:0{n}.000Z", "alert.raised", kind="idle_window", details={})
    with CenterClient(live.base_url, DISTRICT, live.tokens[DISTRICT]) as client:
        assert client.push(log.events, last_seq=8, catalog_version="2026.11.1") == 5
    url = f"{live.base_url}/api/v1/halls"
    answer = httpx.get(url, headers={"Authorization": f"Bearer {live.admin}"})
    assert answer.status_code == 200
    rows = {h["code"]: h for h in answer.json()["halls"]}
    assert list(rows) == [CITY, DISTRICT, TOWNSHIP]
    district = rows[DISTRICT]
    assert district["acked_seq"] == 5 and district["last_reported_seq"] == 8
    assert district["lag_events"] == 3 and district["catalog_version"] == "2026.11.1"
    assert district["last_acked_ts"] == "2026-11-26T01:00:04.000Z"
    assert district["last_contact"] is not None and district["lag_s"] > 0
    assert district["level"] == "district" and district["parent"] == CITY
    city = rows[CITY]
    assert city["acked_seq"] == 0 and city["lag_events"] == 0 and city["lag_s"] is None
    assert city["last_contact"] is None and city["catalog_version"] is None

    now = datetime(2026, 11, 26, 1, 10, 4, tzinfo=UTC)
    exact = {h["code"]: h for h in hall_status(live.engine, now=now)}
    assert exact[DISTRICT]["lag_s"] == 600.0


def test_only_an_admin_reads_the_hall_list(live: LiveCenter) -> None:
    url = f"{live.base_url}/api/v1/halls"
    hall = httpx.get(url, headers={"Authorization": f"Bearer {live.tokens[DISTRICT]}"})
    assert hall.status_code == 403 and "管理员" in hall.json()["detail_zh"]
    assert httpx.get(url).status_code == 401
    assert httpx.get(f"{live.base_url}/api/v1/nowhere").json()["status"] == 404
