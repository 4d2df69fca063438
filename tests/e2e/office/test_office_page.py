"""The city office's page in headless Chromium: it loads, every figure in its tables is the API's
figure, the drill-down narrows level -> hall, and a district user's page holds its own halls
only. The screenshots of docs/screenshots/office-*.png come from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.e2e.office.conftest import OfficeCenter, full_page_shot, sign_in
from tests.e2e.phone.conftest import click, text_of, wait_for
from tests.helpers.office_fixture import CITY, MONTH, NORTH, SOUTH

QUERY = f"?from={MONTH[0]}&to={MONTH[1]}"
NORTH_NAMES = ["市北区政务服务中心", "台东街道便民服务中心", "辽宁路街道便民服务中心"]


def api_book(center: OfficeCenter, token: str, **extra: str) -> dict[str, Any]:
    answer = httpx.get(
        center.url + "/api/v1/office/report",
        params={"from": MONTH[0], "to": MONTH[1], **extra},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert answer.status_code == 200
    return answer.json()


def ready(driver: Any) -> None:
    wait_for(driver, lambda d: d.execute_script("return document.body.dataset.state") == "ready",
             timeout=60)  # fmt: skip


def table_cells(driver: Any, table: str) -> dict[tuple[str, str], str]:
    """(row id, figure key) -> the data-value of every figure cell of a table."""
    script = """
        const out = {};
        for (const td of document.querySelectorAll(arguments[0] + ' td[data-fig]')) {
          out[td.closest('tr').dataset.row + '|' + td.dataset.fig] = td.dataset.value;
        }
        return out;"""
    raw = driver.execute_script(script, table)
    return {tuple(k.split("|")): v for k, v in raw.items()}  # type: ignore[misc]


def row_ids(driver: Any, table: str) -> list[str]:
    script = "return [...document.querySelectorAll(arguments[0] + ' tbody tr')]" \
             ".map(r => r.dataset.row);"  # fmt: skip
    return list(driver.execute_script(script, table))


def same(shown: str, value: Any) -> bool:
    return shown == "" if value is None else float(shown) == value


def test_the_city_page_shows_the_apis_numbers(desk: Any, center: OfficeCenter, shots: Path) -> None:
    driver = desk()
    sign_in(driver, center, center.city, QUERY)
    ready(driver)
    book = api_book(center, center.city)
    assert text_of(driver, "#scope") == "范围：全市"
    assert text_of(driver, "#period").startswith(f"统计期间 {MONTH[0]} 至 {MONTH[1]}")
    for table, view in (
        ("#level-table", "level"),
        ("#hall-table", "hall"),
        ("#item-table", "item"),
    ):
        data = book["views"][view]
        rows = data["rows"] + ([data["total"]] if data.get("total") else [])
        assert row_ids(driver, table) == [r["id"] for r in rows]
        cells = table_cells(driver, table)
        assert cells, table
        by_id = {r["id"]: r for r in rows}
        for (row, fig), shown in cells.items():
            assert same(shown, by_id[row]["values"][fig]), (table, row, fig, shown)
    # what a reader sees: the rate as a percentage with its change in points beside it
    district = next(r for r in book["views"]["hall"]["rows"] if r["id"] == SOUTH)
    cell = f'#hall-table tr[data-row="{SOUTH}"] td[data-fig="correction_rate"]'
    rate, change = district["values"]["correction_rate"], district["change"]["correction_rate"]
    assert text_of(driver, cell + " .v") == f"{rate * 100:.1f}%"
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    assert text_of(driver, cell + " .chg") == f"{sign}{abs(change):.1f}个百分点"
    assert driver.execute_script("return document.querySelectorAll('#chart-hall canvas').length")
    # the worst values are marked, never the best: six halls tie at no item off standard
    worst = "return [...document.querySelectorAll('#hall-table td.worst[data-fig=\"' +" \
            " arguments[0] + '\"]')].map(td => td.closest('tr').dataset.row);"  # fmt: skip
    assert driver.execute_script(worst, "items_nonstandard") == ["370203-02"]
    sync = row_ids_sync(driver)
    assert sync[0] == CITY and len(sync) == 7
    full_page_shot(driver, shots / "office-city.png")

    click(driver, '#level-table tr[data-row="township"]')  # drill: level -> its halls
    wait_for(driver, lambda d: text_of(d, "#crumbs").endswith("乡镇"))
    towns = row_ids(driver, "#hall-table")
    assert towns == [
        r["id"] for r in book["views"]["hall"]["rows"] if r["cells"]["level"] == "乡镇"
    ]
    click(driver, f'#hall-table tr[data-row="{towns[0]}"]')  # -> one hall: its items
    wait_for(driver, lambda d: "八大湖街道便民服务中心" in text_of(d, "#crumbs"))
    assert "八大湖街道便民服务中心" in text_of(driver, "#item-title")
    # the hall's items are read as the page drills down (the first read leaves them out)
    assert "hall_item" not in api_book(center, center.city, hall_items="false")["views"]
    pairs = [r for r in book["views"]["hall_item"]["rows"] if r["cells"]["hall"] == towns[0]]
    assert pairs
    wait_for(driver, lambda d: row_ids(d, "#item-table") == [r["id"] for r in pairs])
    by_id = {r["id"]: r for r in pairs}
    for (row, fig), shown in table_cells(driver, "#item-table").items():
        assert same(shown, by_id[row]["values"][fig]), (row, fig, shown)
    hall = next(r for r in book["views"]["hall"]["rows"] if r["id"] == towns[0])
    missing = text_of(driver, '#hall-detail dd[data-fig="missing_top"]')
    assert missing == (hall["values"]["missing_top"] or "无") and "户口簿复印件" in missing
    full_page_shot(driver, shots / "office-drill-hall.png")
    click(driver, '#crumbs a[data-crumb="top"]')
    wait_for(
        driver, lambda d: len(row_ids(d, "#hall-table")) == len(book["views"]["hall"]["rows"]) + 1
    )


def row_ids_sync(driver: Any) -> list[str]:
    script = (
        "return [...document.querySelectorAll('#sync-table tbody tr')].map(r => r.dataset.hall);"
    )
    return list(driver.execute_script(script))


def test_a_district_page_holds_its_own_halls_only(
    desk: Any, center: OfficeCenter, shots: Path
) -> None:
    driver = desk()
    sign_in(driver, center, center.south, QUERY)
    ready(driver)
    book = api_book(center, center.south)
    assert text_of(driver, "#scope") == "范围：市南区政务服务中心及所辖乡镇"
    halls = row_ids(driver, "#hall-table")
    assert halls == [SOUTH, "370202-01", "370202-02", "total"]
    assert row_ids_sync(driver) == [SOUTH, "370202-01", "370202-02"]
    cells = table_cells(driver, "#hall-table")
    by_id = {r["id"]: r for r in [*book["views"]["hall"]["rows"], book["views"]["hall"]["total"]]}
    for (row, fig), shown in cells.items():
        assert same(shown, by_id[row]["values"][fig])
    page = driver.page_source
    for name in [NORTH, "370203-01", "370203-02", *NORTH_NAMES]:
        assert name not in page
    # the page asks the API for another district's hall: refused, and nothing of it shown
    refused = driver.execute_script(
        "const r = await fetch('/api/v1/office/report?from=2026-11-01&to=2026-11-30&hall=' +"
        " arguments[0], {headers: {Authorization: 'Bearer ' + sessionStorage.getItem("
        "'office-token')}}); return [r.status, await r.text()];",
        NORTH,
    )
    assert refused[0] == 404 and "市北区" not in refused[1]
    items = book["views"]["item"]["rows"]
    assert row_ids(driver, "#item-table") == [r["id"] for r in items]
    by_item = {r["id"]: r for r in items}
    for (row, fig), shown in table_cells(driver, "#item-table").items():
        assert same(shown, by_item[row]["values"][fig])
    full_page_shot(driver, shots / "office-district.png")


def test_without_a_token_the_page_asks_for_one(
    desk: Any, center: OfficeCenter, shots: Path
) -> None:
    driver = desk()
    driver.get(center.url + "/office" + QUERY)
    wait_for(driver, lambda d: d.execute_script("return !document.getElementById('login').hidden"))
    assert driver.execute_script("return document.getElementById('app').hidden")
    driver.find_element("id", "token").send_keys("ko-not-a-real-token")
    click(driver, "#login-form button")
    wait_for(driver, lambda d: "令牌无效" in text_of(d, "#login-error"))
    full_page_shot(driver, shots / "office-login.png")
    driver.find_element("id", "token").send_keys(center.north)
    click(driver, "#login-form button")
    ready(driver)
    assert row_ids_sync(driver) == [NORTH, "370203-01", "370203-02"]


def test_the_xlsx_button_downloads_the_workbook(desk: Any, center: OfficeCenter) -> None:
    driver = desk()
    sign_in(driver, center, center.city, QUERY)
    ready(driver)
    driver.execute_script(
        "window.__blobs = []; const make = URL.createObjectURL;"
        "URL.createObjectURL = (b) => { window.__blobs.push([b.type, b.size]); return make(b); };"
    )
    click(driver, "#xlsx")
    wait_for(driver, lambda d: text_of(d, "#status") == "已下载", timeout=60)
    kind, size = driver.execute_script("return window.__blobs[0]")
    assert kind.startswith("application/vnd.openxmlformats") and size > 5000
