"""The office API on a real server, both engines: who may read what, and the numbers it serves.

The abuse cases: a district user asks for another district's hall by path, by query parameter,
as an XLSX and as a CSV download, and through the administrators' own routes. Each answer is a
refusal that carries nothing of the other district (no code, no name, no figure), and a hall
outside the scope is indistinguishable from a hall that does not exist.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest

from kiosk.center.app import create_center_app
from kiosk.center.office_report import office_book
from kiosk.center.office_users import CITY_ADMIN, create_office_user
from kiosk.center.tokens import create_admin_token
from tests.helpers.center_cli import run_center
from tests.helpers.live_server import serve_in_thread
from tests.helpers.office_fixture import CITY, HALLS, MONTH, NORTH, SOUTH, load_city, register_city
from tests.integration.center.conftest import ENGINES, make_db_url

NORTH_HALLS = [NORTH, "370203-01", "370203-02"]
SOUTH_HALLS = [SOUTH, "370202-01", "370202-02"]
NORTH_NAMES = ["市北区", "台东街道", "辽宁路街道"]
PERIOD = {"from": MONTH[0], "to": MONTH[1]}


@dataclass
class Office:
    base_url: str
    db_url: str
    engine: Any
    admin: str
    city: str
    south: str
    halls: dict[str, str]

    def get(self, path: str, token: str | None, **params: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.get(self.base_url + path, params=params, headers=headers, timeout=60)


@pytest.fixture(scope="module", params=ENGINES)
def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Office]:
    """One loaded city per engine for the module (loading takes seconds; the tests only read,
    and each makes its own office users where it needs new ones)."""
    db_url = make_db_url(request.param, request, tmp_path_factory.mktemp("office"))
    app = create_center_app(db_url)
    engine = app.state.engine
    halls = register_city(engine)
    load_city(engine, per_day=2)
    city = create_office_user(engine, "市政务服务管理办公室")
    south = create_office_user(engine, "市南区政务服务管理办公室", SOUTH)
    with serve_in_thread(app) as base_url:
        yield Office(base_url, db_url, engine, create_admin_token(engine), city, south, halls)


def _leaks(text: str) -> list[str]:
    return [s for s in NORTH_HALLS + NORTH_NAMES if s in text]


def _xlsx_text(body: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(body))
    return "\n".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    )


@pytest.mark.slow
def test_a_district_user_cannot_reach_another_districts_halls(office: Office) -> None:
    own = office.get("/api/v1/office/report", office.south, **PERIOD)
    assert own.status_code == 200
    rows = own.json()["views"]["hall"]["rows"]
    assert [r["id"] for r in rows] == SOUTH_HALLS and rows[0]["values"]["tickets"] > 0
    assert _leaks(own.text) == []
    own_xlsx = office.get("/api/v1/office/report.xlsx", office.south, **PERIOD)
    assert own_xlsx.status_code == 200 and "八大湖街道" in _xlsx_text(own_xlsx.content)
    info = openpyxl.load_workbook(io.BytesIO(own_xlsx.content))["说明"]
    assert {r[0]: r[1] for r in info.iter_rows(values_only=True)}["范围"] == (
        "市南区政务服务中心及所辖乡镇"
    )
    assert _leaks(_xlsx_text(own_xlsx.content)) == []
    own_csv = office.get("/api/v1/office/report.csv", office.south, **PERIOD)
    assert own_csv.status_code == 200 and _leaks(own_csv.content.decode("utf-8-sig")) == []
    statuses = office.get("/api/v1/office/halls", office.south).json()["halls"]
    assert [h["code"] for h in statuses] == SOUTH_HALLS

    for code in [*NORTH_HALLS, CITY]:
        for answer in (
            office.get(f"/api/v1/office/halls/{code}", office.south),
            office.get("/api/v1/office/report", office.south, hall=code, **PERIOD),
            office.get("/api/v1/office/report.xlsx", office.south, hall=code, **PERIOD),
            office.get("/api/v1/office/report.csv", office.south, hall=code, **PERIOD),
        ):
            assert answer.status_code == 404, answer.request.url
            assert answer.headers["content-type"] == "application/problem+json"
            # the code it asked for comes back in the message; nothing else of that hall does
            assert _leaks(answer.text.replace(code, "")) == []
            assert "tickets" not in answer.text and "rows" not in answer.text
    # the administrators' routes: refused, not served with everything in them
    for path in ("/api/v1/halls", "/api/v1/reports"):
        answer = office.get(path, office.south, by="hall", **PERIOD)
        assert answer.status_code == 403 and _leaks(answer.text) == []
    # a hall's own routes: a district user's token is no hall's token
    answer = office.get(f"/api/v1/halls/{NORTH}/events", office.south)
    assert answer.status_code == 401 and _leaks(answer.text) == []


def test_a_hall_outside_the_scope_looks_like_no_hall_at_all(office: Office) -> None:
    other = office.get("/api/v1/office/halls/370203-01", office.south).json()
    missing = office.get("/api/v1/office/halls/999999-99", office.south).json()
    assert other.pop("detail").replace("370203-01", "X") == missing.pop("detail").replace(
        "999999-99", "X"
    )
    assert other.pop("detail_zh").replace("370203-01", "X") == missing.pop("detail_zh").replace(
        "999999-99", "X"
    )
    assert other == missing


def test_the_city_sees_every_hall_and_the_numbers_of_the_report(office: Office) -> None:
    for token in (office.city, office.admin):
        answer = office.get("/api/v1/office/report", token, **PERIOD)
        assert answer.status_code == 200
        book = answer.json()
        assert [r["id"] for r in book["views"]["hall"]["rows"]] == [
            CITY, *SOUTH_HALLS, *NORTH_HALLS
        ]  # fmt: skip
        assert set(book["views"]) == {"level", "hall", "item", "hall_item"}
        direct = office_book(office.engine, CITY_ADMIN, *MONTH)
        for view in ("level", "hall", "item", "hall_item"):
            assert book["views"][view]["rows"] == direct["views"][view]["rows"]
        assert book["compare_from"] == "2026-10-01" and book["compare_to"] == "2026-10-31"
    assert len(office.get("/api/v1/office/halls", office.city).json()["halls"]) == len(HALLS)
    me = office.get("/api/v1/office/me", office.south).json()
    assert me["scope"]["kind"] == "district" and me["halls"] == sorted(SOUTH_HALLS)


def test_drilling_down_narrows_the_report_to_a_subtree(office: Office) -> None:
    south = office.get("/api/v1/office/report", office.city, hall=SOUTH, **PERIOD).json()
    assert [r["id"] for r in south["views"]["hall"]["rows"]] == SOUTH_HALLS
    one = office.get("/api/v1/office/report", office.south, hall="370202-01", **PERIOD).json()
    assert [r["id"] for r in one["views"]["hall"]["rows"]] == ["370202-01"]
    everything = office.get("/api/v1/office/report", office.city, hall=CITY, **PERIOD).json()
    assert len(everything["views"]["hall"]["rows"]) == len(HALLS)


def test_downloads_are_the_workbook_and_the_csv_of_the_same_book(office: Office) -> None:
    xlsx = office.get("/api/v1/office/report.xlsx", office.city, **PERIOD)
    assert xlsx.status_code == 200
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in xlsx.headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames == [
        "说明", "按层级", "按大厅", "按事项", "大厅与事项"
    ]  # fmt: skip
    csv = office.get("/api/v1/office/report.csv", office.city, view="level", **PERIOD)
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf")
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("层级,大厅数,办件数,")


def test_who_may_call(office: Office) -> None:
    hall = office.get("/api/v1/office/report", office.halls[SOUTH], **PERIOD)
    assert hall.status_code == 403 and "detail_zh" in hall.json()
    assert office.get("/api/v1/office/report", None, **PERIOD).status_code == 401
    assert office.get("/api/v1/office/report", "ko-forged", **PERIOD).status_code == 401
    for path in ("/api/v1/office/me", "/api/v1/office/halls", f"/api/v1/office/halls/{SOUTH}"):
        assert office.get(path, None).status_code == 401
        assert office.get(path, office.halls[SOUTH]).status_code == 403


def test_bad_input_is_a_clear_422(office: Office) -> None:
    cases = [
        {"from": "2026-13-01", "to": "2026-11-30"},
        {"from": "2026-11-30", "to": "2026-11-01"},
        {**PERIOD, "compare_from": "2026-10-01"},
        {**PERIOD, "compare_from": "nonsense!!", "compare_to": "2026-10-31"},
        {"from": "0001-01-01", "to": "0001-01-31"},  # no month before the first
        {"from": "9999-12-01", "to": "9999-12-31"},
    ]
    for params in cases:
        answer = office.get("/api/v1/office/report", office.city, **params)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["detail_zh"]
    bad_view = office.get("/api/v1/office/report.csv", office.city, view="windows", **PERIOD)
    assert bad_view.status_code == 422 and "view" in bad_view.json()["detail"]
    items = office.get("/api/v1/office/report.csv", office.south, view="hall_item", **PERIOD)
    assert items.status_code == 200 and _leaks(items.content.decode("utf-8-sig")) == []


def test_the_page_and_its_vendored_files(office: Office) -> None:
    page = httpx.get(office.base_url + "/office")
    assert page.status_code == 200 and "政务服务三级对比" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("office.js", "office.css", "echarts.common.min.js", "ECHARTS-LICENSE.txt"):
        assert httpx.get(f"{office.base_url}/office/static/{name}").status_code == 200
    licence = httpx.get(f"{office.base_url}/office/static/ECHARTS-LICENSE.txt").text
    assert "Apache License" in licence
    for name in ("nope.js", "..%2Foffice.html", "%2e%2e%2f%2e%2e%2fpyproject.toml"):
        assert httpx.get(f"{office.base_url}/office/static/{name}").status_code == 404


def test_cli_makes_office_users(
    office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_center(
        capsys, "office-user", "add", "--db", office.db_url, "--name", "市北区办",
        "--district", NORTH, "--json",
    )  # fmt: skip
    assert code == 0
    token = json.loads(out)["token"]
    assert token.startswith("ko-")
    mine = office.get("/api/v1/office/halls", token).json()["halls"]
    assert [h["code"] for h in mine] == NORTH_HALLS
    code, _, err = run_center(
        capsys,
        "office-user",
        "add",
        "--db",
        office.db_url,
        "--name",
        "x",
        "--district",
        "370202-01",
    )
    assert code == 2 and "区级" in err


def test_every_office_api_route_asks_who_is_calling(office: Office) -> None:
    """Listed from the router itself, so a route added later cannot skip the check: the only
    routes without a token are the page and its static files, which hold no figures."""
    from starlette.routing import Route

    from kiosk.center.office_routes import build_office_router

    paths = [r.path for r in build_office_router(office.engine).routes if isinstance(r, Route)]
    public = [p for p in paths if not p.startswith("/api/")]
    assert public == ["/office", "/office/static/{name}"]
    checked = [p for p in paths if p.startswith("/api/")]
    assert len(checked) >= 6
    for path in checked:
        url = path.replace("{code}", SOUTH)
        assert office.get(url, None, **PERIOD).status_code == 401, path
        assert office.get(url, "ko-forged", **PERIOD).status_code == 401, path
        assert office.get(url, office.halls[SOUTH], **PERIOD).status_code == 403, path
