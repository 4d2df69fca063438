"""The center report against numbers worked out by hand from tests/helpers/center_fixture.py.

District 370202-00 on 2026-11-26: tickets A001-A004; first-call waits 60, 120, 300, 600 (A003's
second call, 900 s after its no-show, is not a wait): p50 = 120 + 0.5 * 180 = 210, p90 = 300 +
0.7 * 300 = 510. Handling 300, 600, 120, 180: mean 300. One no-show ticket of 4. Ratings 5, 2, 4:
2 of 3 satisfied, 1 of 3 tagged extra_materials. Its one case is closed on the 27th: 1/1.
Finishes: 1 correction of 4. Absences: meal 1800 + 600, meeting 3600. Consultations: 2 (one at
17:00Z on the 25th, i.e. 01:00 local on the 26th; the one at 15:00Z is 23:00 local, the 25th).
Township 370202-01: waits 30, 90: p50 60, p90 30 + 0.9 * 60 = 84; handling 200, 400: mean 300;
ratings 1 and 3, both extra_materials; its case is only called back; both finishes corrections;
one short leave of 900 s (a pause never resumed is not counted); one consultation.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest
from sqlalchemy import Engine

from kiosk.center.catalogs import publish_catalog
from kiosk.center.halls import get_hall
from kiosk.center.ingest import ingest_batch
from kiosk.center.reports import build_report
from tests.helpers.center_cli import run_center
from tests.helpers.center_fixture import (
    CATALOG,
    CITY,
    DAY,
    DISTRICT,
    TOWNSHIP,
    district_events,
    township_events,
)
from tests.helpers.live_server import LiveCenter

EMPTY = {
    "tickets": 0, "wait_p50_s": None, "wait_p90_s": None, "handle_avg_s": None, "no_shows": 0,
    "no_show_rate": None, "ratings": 0, "satisfaction_rate": None, "extra_materials": 0,
    "extra_materials_rate": None, "cases_opened": 0, "cases_closed": 0,
    "case_closure_rate": None, "finished": 0, "corrections": 0, "correction_rate": None,
    "consultations": 0, "absences": {},
}  # fmt: skip
DISTRICT_NUMBERS = {
    "tickets": 4, "wait_p50_s": 210.0, "wait_p90_s": 510.0, "handle_avg_s": 300.0,
    "no_shows": 1, "no_show_rate": 0.25, "ratings": 3, "satisfaction_rate": 2 / 3,
    "extra_materials": 1, "extra_materials_rate": 1 / 3, "cases_opened": 1, "cases_closed": 1,
    "case_closure_rate": 1.0, "finished": 4, "corrections": 1, "correction_rate": 0.25,
    "consultations": 2,
    "absences": {"meal": {"count": 2, "seconds": 2400.0},
                 "meeting": {"count": 1, "seconds": 3600.0}},
}  # fmt: skip
TOWNSHIP_NUMBERS = {
    "tickets": 3, "wait_p50_s": 60.0, "wait_p90_s": 84.0, "handle_avg_s": 300.0,
    "no_shows": 0, "no_show_rate": 0.0, "ratings": 2, "satisfaction_rate": 0.0,
    "extra_materials": 2, "extra_materials_rate": 1.0, "cases_opened": 1, "cases_closed": 0,
    "case_closure_rate": 0.0, "finished": 2, "corrections": 2, "correction_rate": 1.0,
    "consultations": 1, "absences": {"short_leave": {"count": 1, "seconds": 900.0}},
}  # fmt: skip
# by item: SB-001 has A001-A003 and B001-B002 (t-3 has no item and is left out); YB-002 has A004.
SB_001 = {
    "tickets": 5, "wait_p50_s": 90.0, "wait_p90_s": 120 + 0.6 * 180, "handle_avg_s": 324.0,
    "no_shows": 1, "no_show_rate": 0.2, "ratings": 4, "satisfaction_rate": 0.25,
    "extra_materials": 3, "extra_materials_rate": 0.75, "cases_opened": 2, "cases_closed": 1,
    "case_closure_rate": 0.5, "finished": 5, "corrections": 3, "correction_rate": 0.6,
    "consultations": 0, "absences": {},
}  # fmt: skip
YB_002 = {
    "tickets": 1, "wait_p50_s": 600.0, "wait_p90_s": 600.0, "handle_avg_s": 180.0,
    "no_shows": 0, "no_show_rate": 0.0, "ratings": 1, "satisfaction_rate": 1.0,
    "extra_materials": 0, "extra_materials_rate": 0.0, "cases_opened": 0, "cases_closed": 0,
    "case_closure_rate": None, "finished": 1, "corrections": 0, "correction_rate": 0.0,
    "consultations": 0, "absences": {},
}  # fmt: skip


def load_fixture(engine: Engine) -> None:
    with engine.connect() as conn:
        district, township = get_hall(conn, DISTRICT), get_hall(conn, TOWNSHIP)
    assert district and township
    assert ingest_batch(engine, district, district_events()) == len(district_events())
    assert ingest_batch(engine, township, township_events()) == len(township_events())
    publish_catalog(engine, CATALOG)


def rounded(value: Any) -> Any:
    """Floats to the report's six places, recursively (the report rounds; 2 / 3 -> 0.666667)."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def numbers(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k in EMPTY}


@pytest.fixture
def loaded(engine: Engine, hall_tokens: dict[str, str]) -> Engine:
    load_fixture(engine)
    return engine


def test_by_level(loaded: Engine) -> None:
    report = build_report(loaded, DAY, DAY, "level")
    assert [(r["level"], r["name"]) for r in report["rows"]] == [
        ("city", "市级"), ("district", "区级"), ("township", "乡镇（街道）级")]  # fmt: skip
    city, district, township = (numbers(r) for r in report["rows"])
    assert city == EMPTY
    assert district == rounded(DISTRICT_NUMBERS)
    assert township == rounded(TOWNSHIP_NUMBERS)


def test_by_hall(loaded: Engine) -> None:
    rows = build_report(loaded, DAY, DAY, "hall")["rows"]
    tree = [(CITY, "city", None), (DISTRICT, "district", CITY), (TOWNSHIP, "township", DISTRICT)]
    assert [(r["hall"], r["level"], r["parent"]) for r in rows] == tree
    assert rows[1]["name"] == "S市市南区政务服务中心"
    assert [numbers(r) for r in rows] == rounded([EMPTY, DISTRICT_NUMBERS, TOWNSHIP_NUMBERS])


def test_by_item(loaded: Engine) -> None:
    rows = build_report(loaded, DAY, DAY, "item")["rows"]
    assert [(r["item"], r["name"]) for r in rows] == [
        ("SB-001", "城镇职工基本养老保险参保登记"), ("YB-002", "医保关系转移接续")]  # fmt: skip
    assert [numbers(r) for r in rows] == rounded([SB_001, YB_002])


def test_the_period_is_the_hall_local_day(loaded: Engine) -> None:
    two_days = {r["hall"]: r for r in build_report(loaded, "2026-11-25", DAY, "hall")["rows"]}
    assert two_days[DISTRICT]["tickets"] == 5 and two_days[DISTRICT]["consultations"] == 3
    assert two_days[DISTRICT]["wait_p90_s"] > 600
    later = build_report(loaded, "2026-11-27", "2026-11-30", "level")["rows"]
    assert [numbers(r) for r in later] == [EMPTY, EMPTY, EMPTY]


def test_report_api_and_cli_formats(
    live: LiveCenter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_fixture(live.engine)
    url = f"{live.base_url}/api/v1/reports"
    params = {"from": DAY, "to": DAY, "by": "hall"}
    answer = httpx.get(url, params=params, headers={"Authorization": f"Bearer {live.admin}"})
    assert answer.status_code == 200
    api_rows = answer.json()["rows"]
    assert [numbers(r) for r in api_rows] == rounded([EMPTY, DISTRICT_NUMBERS, TOWNSHIP_NUMBERS])
    hall = httpx.get(url, params=params, headers={"Authorization": f"Bearer {live.tokens[CITY]}"})
    assert hall.status_code == 403
    bad = httpx.get(url, params={**params, "to": "2026-11-01"},
                    headers={"Authorization": f"Bearer {live.admin}"})  # fmt: skip
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"

    args = ["report", "--db", live.db_url, "--from", DAY, "--to", DAY, "--by", "hall"]
    code, out, _ = run_center(capsys, *args, "--format", "json")
    assert code == 0 and json.loads(out)["rows"] == api_rows
    code, out, _ = run_center(capsys, *args, "--format", "table")
    assert code == 0 and "八大湖街道便民服务中心" in out and "满意率" in out
    csv_file = tmp_path / "r.csv"
    code, _, _ = run_center(capsys, *args, "--format", "csv", "--out", str(csv_file))
    raw = csv_file.read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")  # Excel on a Chinese desktop
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # csv and xlsx are the governance workbook's (tests/integration/center/test_office_*.py)
    assert [r["编码"] for r in table] == [CITY, DISTRICT, TOWNSHIP, ""]  # and the city total
    assert table[1]["等候时长P90(分钟)"] == "8.5" and table[1]["平均办理时长(分钟)"] == "5.0"
    assert table[1]["补正率(每百件)(%)"] == "25.0" and table[0]["差评率(%)"] == ""
    assert table[3]["大厅"] == "全市合计" and table[3]["咨询数"] == "3"
    xlsx = tmp_path / "r.xlsx"
    code, _, _ = run_center(capsys, *args, "--format", "xlsx", "--out", str(xlsx))
    sheet = openpyxl.load_workbook(xlsx)["按大厅"]
    header = [c.value for c in sheet[1]]
    district = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert code == 0 and district["编码"] == DISTRICT and district["平均办理时长(分钟)"] == 5.0
    assert district["补正率(每百件)"] == 0.25 and sheet["D3"].number_format == "#,##0"
    code, _, err = run_center(capsys, *args, "--format", "xlsx")
    assert code == 2 and "--out" in err


@pytest.mark.postgres
def test_both_engines_give_identical_numbers(
    pg_server: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from kiosk.center.db import open_center_db
    from kiosk.center.halls import add_hall
    from tests.helpers.center_fixture import HALLS

    results = []
    for url in (f"sqlite:///{tmp_path / 'c.db'}", pg_server.create_database()):
        engine = open_center_db(url)
        for code, name, level, parent in HALLS:
            add_hall(engine, code, name, level, parent)
        load_fixture(engine)
        results.append([build_report(engine, "2026-11-20", "2026-11-30", by)["rows"]
                        for by in ("level", "hall", "item")])  # fmt: skip
        engine.dispose()
    assert results[0] == results[1]
