"""The governance report (三级对比) against numbers worked out by hand from the center fixture
(tests/helpers/center_fixture.py, whose figures test_center_reports.py derives) plus a few events
added here: the township opens window 1, gets an idle-window and an unclaimed-question alert and
switches item YB-002 off under the standard catalog 2026.11.1; the district still runs the older
2026.10.1, whose YB-002 lists a material the standard dropped.

Township on 2026-11-26: 2 finishes, both corrections (户口簿复印件 x2), none completed; ratings 1
and 3: one bad (1/2); its case is not closed. Waits 30 and 90 s: p50 60 s = 1.0 min, p90 84 s =
1.4 min; handling 300 s = 5.0 min. One window-day with 900 s of short leave: 15.0 min per
window-day; 1 idle alert per window-day; 1 unclaimed question.
District: waits p50 210 s = 3.5 min, p90 510 s = 8.5 min; 2 of 4 finishes completed; ratings 5,
2, 4: one bad; its case closed on the 27th, before its deadline 12-03. The 25th (the compared
day): one wait of 9999 s = 166.65 min, so p50 changes by (3.5 - 166.65) / 166.65 = -97.9 %.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import httpx
import openpyxl
import pytest
from sqlalchemy import Engine, update

from kiosk.center.catalogs import publish_catalog
from kiosk.center.governance import FIGURES, UNITS, build_governance, figure_doc
from kiosk.center.halls import get_hall
from kiosk.center.ingest import ingest_batch
from kiosk.center.schema import catalog_versions
from tests.helpers.center_cli import run_center
from tests.helpers.center_fixture import (
    CATALOG,
    CITY,
    DAY,
    DISTRICT,
    TOWNSHIP,
    HallLog,
    district_events,
    township_events,
)
from tests.helpers.live_server import LiveCenter
from tests.integration.center.test_center_reports import load_fixture

ROOT = Path(__file__).resolve().parents[3]
OLD_CATALOG = json.loads(json.dumps(CATALOG))
OLD_CATALOG["version"] = "2026.10.1"
OLD_CATALOG["items"][1]["materials"] = [
    {"name_zh": "医保卡", "name_en": "Medical insurance card", "form": "original", "count": 1,
     "required": True}
]  # fmt: skip


def load_governance_fixture(engine: Engine) -> None:
    load_fixture(engine)  # publishes CATALOG (2026.11.1)
    publish_catalog(engine, OLD_CATALOG)
    with engine.begin() as conn:  # published before the period, in this order
        for version, at in (("2026.10.1", "2026-10-01"), ("2026.11.1", "2026-11-01")):
            where = catalog_versions.c.version == version
            stamp = f"{at}T00:00:00.000Z"
            conn.execute(update(catalog_versions).where(where).values(published_at=stamp))
    town = HallLog(TOWNSHIP)
    town.events = township_events()
    town.add("2026-11-26T00:50:00.000Z", "window.opened", "1001", window_no=1, clerk="1001")
    town.add("2026-11-26T02:30:00.000Z", "alert.raised", kind="idle_window",
             details={"key": "window:1", "window_no": 1, "clerk": "1001", "idle_s": 700,
                      "waiting": 3})  # fmt: skip
    town.add("2026-11-26T02:40:00.000Z", "alert.raised", kind="unclaimed_consultation",
             details={"key": "consultation:q-t1", "consultation_id": "q-t1", "number": "ZX001",
                      "topic": "社保", "waited_s": 400})  # fmt: skip
    town.add("2026-11-26T00:40:00.000Z", "catalog.applied", version="2026.11.1",
             items_disabled=["YB-002"])  # fmt: skip
    dist = HallLog(DISTRICT)
    dist.events = district_events()
    dist.add("2026-11-26T00:40:00.000Z", "catalog.applied", version="2026.10.1",
             items_disabled=[])  # fmt: skip
    with engine.connect() as conn:
        township, district = get_hall(conn, TOWNSHIP), get_hall(conn, DISTRICT)
    assert township and district
    assert ingest_batch(engine, township, town.events[17:]) == len(town.events)
    assert ingest_batch(engine, district, dist.events[-1:]) == len(dist.events)


@pytest.fixture
def loaded(engine: Engine, hall_tokens: dict[str, str]) -> Engine:
    load_governance_fixture(engine)
    return engine


def test_figures_by_hand(loaded: Engine) -> None:
    report = build_governance(loaded, DAY, DAY)
    assert (report["compare_from"], report["compare_to"]) == ("2026-11-25", "2026-11-25")
    assert report["catalog_version"] == "2026.11.1"
    halls = {r["hall"]: r for r in report["halls"]}
    assert [(r["hall"], r["depth"]) for r in report["halls"]] == [
        (CITY, 0), (DISTRICT, 1), (TOWNSHIP, 2)]  # fmt: skip
    town = halls[TOWNSHIP]["values"]
    assert {k: town[k] for k in (
        "finished", "corrections", "correction_rate", "missing_top", "first_time_rate",
        "bad_ratings", "bad_rating_rate", "case_closure_rate", "case_on_time_rate",
        "wait_p50_min", "wait_p90_min", "handle_avg_min", "window_days",
        "pause_min_per_window_day", "pause_short_leave_min_per_window_day",
        "pause_meal_min_per_window_day", "idle_alerts_per_window_day", "unclaimed_questions",
        "items_off", "items_differing", "items_nonstandard", "catalog_version",
        "extra_materials", "extra_materials_rate")} == {
        "finished": 2, "corrections": 2, "correction_rate": 1.0,
        "missing_top": "户口簿复印件 x2", "first_time_rate": 0.0, "bad_ratings": 1,
        "bad_rating_rate": 0.5, "case_closure_rate": 0.0, "case_on_time_rate": 0.0,
        "wait_p50_min": 1.0, "wait_p90_min": 1.4, "handle_avg_min": 5.0, "window_days": 1,
        "pause_min_per_window_day": 15.0, "pause_short_leave_min_per_window_day": 15.0,
        "pause_meal_min_per_window_day": 0.0, "idle_alerts_per_window_day": 1.0,
        "unclaimed_questions": 1, "items_off": "YB-002", "items_differing": "",
        "items_nonstandard": 1, "catalog_version": "2026.11.1", "extra_materials": 2,
        "extra_materials_rate": 1.0}  # fmt: skip
    dist = halls[DISTRICT]
    assert dist["values"]["wait_p50_min"] == 3.5 and dist["values"]["wait_p90_min"] == 8.5
    assert dist["values"]["first_time_rate"] == 0.5 and dist["values"]["case_on_time_rate"] == 1.0
    assert dist["values"]["items_differing"] == "YB-002"
    assert dist["values"]["pause_min_per_window_day"] is None  # no window opened: no window-day
    assert dist["previous"]["wait_p50_min"] == 166.65
    assert dist["change_pct"]["wait_p50_min"] == -97.9
    assert dist["change_pct"]["finished"] is None  # nothing finished on the 25th: no base
    levels = {r["level"]: r for r in report["levels"]}
    assert levels["township"]["values"]["items_off"] == "YB-002 (1)"
    assert levels["district"]["values"]["items_nonstandard"] == 1
    assert report["total"]["values"]["bad_rating_rate"] == 0.4  # 2 of 5 ratings
    items = {r["item"]: r for r in report["items"]}
    assert items["YB-002"]["values"]["items_off"] == TOWNSHIP
    assert items["SB-001"]["values"]["correction_rate"] == 0.6
    pairs = {(r["hall"], r["item"]): r for r in report["hall_items"]}
    assert pairs[(TOWNSHIP, "SB-001")]["values"]["corrections"] == 2
    assert pairs[(DISTRICT, "YB-002")]["values"]["first_time_rate"] == 0.0


def test_every_figure_is_defined_once(loaded: Engine) -> None:
    report = build_governance(loaded, DAY, DAY)
    keys = [f.key for f in FIGURES]
    assert len(keys) == len(set(keys)) and all(f.unit in UNITS for f in FIGURES)
    for view in ("levels", "halls", "items", "hall_items"):
        for row in report[view]:
            assert set(row["values"]) <= set(keys), view
            assert set(row["values"]) == set(row["previous"])
    assert figure_doc() in (ROOT / "docs" / "governance.md").read_text(encoding="utf-8")


def test_bad_periods_are_refused(loaded: Engine) -> None:
    from kiosk.center.errors import CenterError

    for args in ((DAY, DAY, "2026-11-01", None), (DAY, DAY, "2026-13-01", "2026-13-02"),
                 ("2026-11-27", DAY, None, None)):  # fmt: skip
        with pytest.raises(CenterError) as err:
            build_governance(loaded, *args)
        assert err.value.status == 422


def test_api_and_cli(live: LiveCenter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    load_governance_fixture(live.engine)
    url = f"{live.base_url}/api/v1/reports/governance"
    admin = {"Authorization": f"Bearer {live.admin}"}
    answer = httpx.get(url, params={"from": DAY, "to": DAY}, headers=admin)
    assert answer.status_code == 200
    body = answer.json()
    assert body["figures"][0]["unit"] == "count"
    hall = {"Authorization": f"Bearer {live.tokens[TOWNSHIP]}"}
    assert httpx.get(url, params={"from": DAY, "to": DAY}, headers=hall).status_code == 403
    bad = httpx.get(url, params={"from": DAY, "to": DAY, "compare_from": "x"}, headers=admin)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    assert bad.json()["detail_zh"]

    args = ["report", "--kind", "governance", "--db", live.db_url, "--from", DAY, "--to", DAY]
    code, out, _ = run_center(capsys, *args, "--format", "json")
    cli = json.loads(out)
    assert code == 0
    for key in ("generated_at",):
        cli.pop(key), body.pop(key)
    assert cli == body
    code, out, _ = run_center(capsys, *args, "--format", "table")
    assert code == 0 and "差评率" in out and "八大湖街道便民服务中心" in out and "50.0%" in out
    csv_file = tmp_path / "g.csv"
    csv_args = ["--format", "csv", "--by", "hall", "--out", str(csv_file)]
    code, _, _ = run_center(capsys, *args, *csv_args)
    assert code == 0 and csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    town = next(r for r in lines if r["编码"] == TOWNSHIP)  # --by hall: Chinese headers
    assert town["差评率(%)"] == "50.0"
    xlsx = tmp_path / "g.xlsx"
    code, _, _ = run_center(capsys, *args, "--format", "xlsx", "--out", str(xlsx))
    book = openpyxl.load_workbook(xlsx)
    assert code == 0 and book.sheetnames == ["说明", "按层级", "按大厅", "按事项", "大厅与事项"]
    code, _, err = run_center(capsys, *args, "--compare-from", DAY)
    assert code == 2 and re.search("compare", err)


def test_without_the_hall_item_view_every_other_view_is_the_same(loaded: Engine) -> None:
    """The office page's first read leaves the hall x item view out; the rest must not move
    (the levels and items then come from the month's totals alone)."""
    for period in ((DAY, DAY), ("2026-11-01", "2026-11-30")):  # days, and a whole month
        full = build_governance(loaded, *period)
        short = build_governance(loaded, *period, pairs=False)
        assert "hall_items" not in short and full["hall_items"]
        for report in (full, short):
            report.pop("generated_at")
        full.pop("hall_items")
        assert short == full
