"""The report workbook and CSV, read back: every figure equals the book's JSON, and the book's
figures equal the center report's; sheets, number formats and print setup as an office prints.

The city of tests/helpers/office_fixture.py is loaded once into a SQLite center (the report
arithmetic is engine-neutral and tested on both engines in test_center_reports.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import Engine

from kiosk.center.db import open_center_db
from kiosk.center.office_report import office_book, previous_period
from kiosk.center.office_users import CITY_ADMIN, create_office_user, office_scope
from kiosk.center.report_book import LEVEL_ZH, VIEW_ZH
from kiosk.center.reports import build_report
from kiosk.center.workbook import (
    FORMATS,
    HOURS_FROM_MIN,
    SHEET_INFO,
    csv_bytes,
    display_width,
    write_workbook,
)
from tests.helpers.office_fixture import (
    HALLS,
    MONTH,
    NORTH,
    PREVIOUS,
    SOUTH,
    load_city,
    register_city,
)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_center_db(f"sqlite:///{tmp_path_factory.mktemp('office') / 'center.db'}")
    register_city(engine)
    load_city(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def book(city: Engine) -> dict[str, Any]:
    return office_book(city, CITY_ADMIN, *MONTH)


@pytest.fixture(scope="module")
def workbook(book: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_workbook(book, path)
    return openpyxl.load_workbook(path)


def _figures(book: dict[str, Any], view: str) -> list[dict[str, Any]]:
    wanted = book["views"][view].get("figures")
    return [f for f in book["figures"] if wanted is None or f["key"] in wanted]


def _rows(book: dict[str, Any], view: str) -> list[dict[str, Any]]:
    data = book["views"][view]
    return data["rows"] + ([data["total"]] if data.get("total") else [])


def test_one_sheet_per_view_after_a_title_sheet(workbook: Any, book: dict[str, Any]) -> None:
    assert workbook.sheetnames == [SHEET_INFO, "按层级", "按大厅", "按事项"]
    info = {row[0]: row[1] for row in workbook[SHEET_INFO].iter_rows(values_only=True) if row[0]}
    assert info["报表"] == "政务服务三级对比报表"
    assert info["统计期间"] == f"{MONTH[0]} 至 {MONTH[1]}"
    assert info["对比期间"] == f"{PREVIOUS[0]} 至 {PREVIOUS[1]}"
    assert info["事项目录版本"] == "2026.11.1"
    assert info["生成时间"].startswith(book["generated_at"][:10])
    assert info["范围"] == "全市"


def test_every_figure_and_change_equals_the_json(workbook: Any, book: dict[str, Any]) -> None:
    checked = 0
    for view in ("level", "hall", "item"):
        sheet = workbook[VIEW_ZH[view]]
        heads = book["views"][view]["heads"]
        figures = _figures(book, view)
        header = [c.value for c in sheet[1]]
        for offset, row in enumerate(_rows(book, view)):
            cells = sheet[2 + offset]
            assert [c.value for c in cells[: len(heads)]] == [
                row["cells"].get(h["key"]) for h in heads
            ]
            for j, fig in enumerate(figures):
                value_cell, change_cell = cells[len(heads) + 2 * j], cells[len(heads) + 2 * j + 1]
                want = row["values"][fig["key"]]
                in_hours = "(小时)" in header[len(heads) + 2 * j]
                if want is None:
                    assert value_cell.value is None
                elif in_hours:
                    assert value_cell.value == pytest.approx(want / 60, abs=1e-6)
                else:
                    assert value_cell.value == want
                assert change_cell.value == row["change"][fig["key"]]
                unit = "hours" if in_hours else fig["unit"]
                assert value_cell.number_format == FORMATS[unit]
                change_format = "change_points" if fig["unit"] == "percent" else "change_ratio"
                assert change_cell.number_format == FORMATS[change_format]
                checked += 1
        assert sheet.max_row == 1 + len(_rows(book, view))
    assert checked > 350


def test_headers_are_chinese_only(workbook: Any, book: dict[str, Any]) -> None:
    keys = {f["key"] for f in book["figures"]}
    for name in workbook.sheetnames[1:]:
        for cell in workbook[name][1]:
            text = str(cell.value)
            assert text not in keys
            assert re.search(r"[\u4e00-\u9fff]", text), text
            assert not re.search(r"[a-z]_[a-z]", text), text


def test_rates_are_percent_formats_and_long_times_are_hours(workbook: Any) -> None:
    header = [c.value for c in workbook["按大厅"][1]]
    rate = header.index("补正率")
    assert workbook["按大厅"].cell(3, rate + 1).number_format == "0.0%"
    assert isinstance(workbook["按大厅"].cell(3, rate + 1).value, float)
    assert "等候时间中位数(分钟)" in header
    hours = [h for h in header if h and "(小时)" in h]
    assert hours, "a month of meetings per hall runs past 10 hours and is shown in hours"
    assert all(h.startswith("离岗") for h in hours)
    assert HOURS_FROM_MIN == 600


def test_print_setup_an_office_can_use(workbook: Any, book: dict[str, Any]) -> None:
    for view in ("level", "hall", "item"):
        sheet = workbook[VIEW_ZH[view]]
        n_heads = len(book["views"][view]["heads"])
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(sheet.page_setup.fitToWidth) >= 1
        assert int(sheet.page_setup.fitToHeight) == 0
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_title_cols == "$A:$A"
        assert sheet.freeze_panes == sheet.cell(2, n_heads + 1).coordinate
        first_key = book["views"][view]["heads"][0]["key"]
        longest = max(display_width(str(r["cells"].get(first_key))) for r in _rows(book, view))
        assert sheet.column_dimensions["A"].width >= longest
        ranges = {str(r.sqref) for r in sheet.conditional_formatting}
        worse = [f for f in _figures(book, view) if f["worse"]]
        assert len(ranges) == len(worse), "each figure with a bad direction is highlighted"
    assert int(workbook["按大厅"].page_setup.fitToWidth) > 1  # a wide table: pages across
    assert workbook[SHEET_INFO].page_setup.orientation == "landscape"


def test_halls_as_a_tree_with_levels_and_a_city_total(workbook: Any) -> None:
    sheet = workbook["按大厅"]
    codes = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    tree = [CITY for CITY, *_ in HALLS[:1]]
    tree += [SOUTH, "370202-01", "370202-02", NORTH, "370203-01", "370203-02"]
    assert codes == [*tree, None]
    levels = [sheet.cell(r, 3).value for r in range(2, sheet.max_row)]
    assert levels == ["市级", "区级", "乡镇", "乡镇", "区级", "乡镇", "乡镇"]
    indents = [sheet.cell(r, 1).alignment.indent for r in range(2, sheet.max_row)]
    assert indents == [0, 2, 4, 4, 2, 4, 4]
    assert sheet.cell(sheet.max_row, 1).value == "全市合计"
    level_sheet = workbook["按层级"]
    assert [level_sheet.cell(r, 1).value for r in range(2, 6)] == [
        LEVEL_ZH["city"], LEVEL_ZH["district"], LEVEL_ZH["township"], "全市合计"
    ]  # fmt: skip


def test_the_book_carries_the_center_reports_figures(city: Engine, book: dict[str, Any]) -> None:
    """Independent of the formatter: the book is the report API's numbers, seconds as minutes."""
    for by, key in (("hall", "hall"), ("level", "level"), ("item", "item")):
        now = {str(r[key]): r for r in build_report(city, *MONTH, by)["rows"]}
        was = {str(r[key]): r for r in build_report(city, *PREVIOUS, by)["rows"]}
        for row in book["views"][by]["rows"]:
            src, before = now[row["id"]], was.get(row["id"])
            assert row["values"]["tickets"] == src["tickets"]
            assert row["values"]["correction_rate"] == src["correction_rate"]
            assert row["values"]["satisfaction_rate"] == src["satisfaction_rate"]
            if src["wait_p90_s"] is not None:
                assert row["values"]["wait_p90_min"] == pytest.approx(
                    src["wait_p90_s"] / 60, abs=1e-6
                )
            if by != "item":
                meal = src["absences"].get("meal", {"count": 0, "seconds": 0.0})
                assert row["values"]["pause_meal_count"] == meal["count"]
                assert row["values"]["pause_meal_min"] == pytest.approx(
                    meal["seconds"] / 60, abs=1e-6
                )
            if before and before["tickets"]:
                rel = (src["tickets"] - before["tickets"]) / before["tickets"]
                assert row["change"]["tickets"] == pytest.approx(rel, abs=1e-6)
            if before and src["correction_rate"] is not None and before["correction_rate"]:
                points = (src["correction_rate"] - before["correction_rate"]) * 100
                assert row["change"]["correction_rate"] == pytest.approx(points, abs=1e-4)
    halls = build_report(city, *MONTH, "hall")["rows"]
    total = book["views"]["hall"]["total"]["values"]
    assert total["tickets"] == sum(r["tickets"] for r in halls)
    fin, cor = sum(r["finished"] for r in halls), sum(r["corrections"] for r in halls)
    assert total["correction_rate"] == round(cor / fin, 6)
    assert total["wait_p50_min"] is None  # a median of medians would be wrong: left empty


def test_csv_has_a_bom_chinese_headers_and_the_same_numbers(book: dict[str, Any]) -> None:
    raw = csv_bytes(book, "hall")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["大厅", "编码", "层级"]
    assert "补正率(%)" in rows[0] and "补正率较上期(百分点)" in rows[0]
    assert not any(f["key"] in rows[0] for f in book["figures"])
    col = rows[0].index("补正率(%)")
    for line, row in zip(rows[1:], _rows(book, "hall"), strict=True):
        want = row["values"]["correction_rate"]
        assert line[col] == ("" if want is None else str(round(want * 100, 4)))
    assert rows[-1][0] == "全市合计"


def test_a_district_book_holds_only_its_own_halls(city: Engine) -> None:
    token = create_office_user(city, "市南区政务服务管理办公室", SOUTH)
    scope = office_scope(city, token)
    assert scope is not None and scope.kind == "district"
    book = office_book(city, scope, *MONTH)
    codes = [r["id"] for r in book["views"]["hall"]["rows"]]
    assert codes == [SOUTH, "370202-01", "370202-02"]
    text = json.dumps(book, ensure_ascii=False)
    for other in (NORTH, "370203-01", "370203-02", "市北区", "台东", "辽宁路"):
        assert other not in text
    assert "item" not in book["views"]  # the item report counts every district's tickets
    levels = {r["id"]: r["values"] for r in book["views"]["level"]["rows"]}
    assert set(levels) == {"district", "township"}
    halls = {r["id"]: r["values"] for r in book["views"]["hall"]["rows"]}
    assert levels["district"] == halls[SOUTH]
    assert levels["township"]["tickets"] == (
        halls["370202-01"]["tickets"] + halls["370202-02"]["tickets"]
    )
    assert book["views"]["hall"]["total"]["cells"]["name"] == "本区合计"


def test_previous_period_is_the_month_before_or_as_many_days() -> None:
    assert previous_period("2026-11-01", "2026-11-30") == ("2026-10-01", "2026-10-31")
    assert previous_period("2026-03-01", "2026-03-31") == ("2026-02-01", "2026-02-28")
    assert previous_period("2026-01-01", "2026-03-31") == ("2025-10-01", "2025-12-31")
    assert previous_period("2026-11-10", "2026-11-16") == ("2026-11-03", "2026-11-09")


def test_writes_to_a_stream_too(book: dict[str, Any], tmp_path: Path) -> None:
    buf = io.BytesIO()
    write_workbook(book, buf)
    (tmp_path / "x.xlsx").write_bytes(buf.getvalue())
    assert openpyxl.load_workbook(tmp_path / "x.xlsx").sheetnames[0] == SHEET_INFO
