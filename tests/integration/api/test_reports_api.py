"""GET /api/v1/reports/{kind}: the supervisor's reports as JSON and as files, over a real
server; bad periods answer 4xx with both messages."""

from __future__ import annotations

import io

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from tests.helpers.server import running
from tests.unit.reports.scripted_day import play


def test_reports_as_json_and_files(hall: Hall, clock: FakeClock) -> None:
    from openpyxl import load_workbook

    play(hall, clock)
    with running(hall) as live:
        boss = live.login("9001", "9999", None)
        clerk = live.login("1003", "1234", 3)
        with live.client(boss, timeout=120) as c:  # a PDF on a busy machine
            r = c.get("/api/v1/reports/clerks", params={"from": "2026-11-27", "lang": "en"})
            assert r.status_code == 200
            rows = r.json()["tables"]["clerks"]["rows"]
            assert [(x["clerk"], x["served"], x["idle_alerts"]) for x in rows] == [
                ("1001", 2, 1),
                ("1002", 1, 0),
            ]
            x = c.get("/api/v1/reports/day", params={"from": "2026-11-27", "format": "xlsx"})
            assert x.status_code == 200
            assert 'filename="day-2026-11-27-2026-11-27.xlsx"' in x.headers["content-disposition"]
            wb = load_workbook(io.BytesIO(x.content))
            assert wb["概况"]["A2"].value == 4
            csv = c.get("/api/v1/reports/cases", params={"from": "2026-11-27", "format": "csv"})
            assert csv.content.startswith(b"\xef\xbb\xbf") and "B001" in csv.text
            pdf = c.get("/api/v1/reports/ranking", params={"from": "2026-11-27", "format": "pdf"})
            assert pdf.content.startswith(b"%PDF")
            bad = c.get("/api/v1/reports/day", params={"from": "2026-11-27", "to": "2026-11-01"})
            assert bad.status_code == 422
            assert bad.json()["detail_zh"] and "before the start date" in bad.json()["detail"]
            assert c.get("/api/v1/reports/nope", params={"from": "2026-11-27"}).status_code == 422
        with live.client(clerk) as c:
            assert c.get("/api/v1/reports/day", params={"from": "2026-11-27"}).status_code == 403
