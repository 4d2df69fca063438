"""The report workbook and CSV, read back: every figure equals the book's JSON, and the book's
figures equal the governance report's; sheets, number formats and print setup as an office
prints.

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
from kiosk.center.governance import build_governance
from kiosk.center.office_report import office_book, previous_period
from kiosk.center.office_users import CITY_ADMIN, create_office_user, office_scope
from kiosk.center.report_book import LEVEL_ZH, VIEW_ZH, Figure
from kiosk.center.workbook import (
    FORMATS,
    SHEET_INFO,
    cell_value,
    csv_bytes,
    display_width,
    figure_columns,
    shown_unit,
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
    assert workbook.sheetnames == [SHEET_INFO, "按层级", "按大厅", "按事项", "大厅与事项"]
    info = {row[0]: row[1] for row in workbook[SHEET_INFO].iter_rows(values_only=True) if row[0]}
    assert info["报表"] == "政务服务三级对比报表"
    assert info["统计期间"] == f"{MONTH[0]} 至 {MONTH[1]}"
    assert info["对比期间"] == f"{PREVIOUS[0]} 至 {PREVIOUS[1]}"
    # the standard in force at the period's end: published by then (here: later, so none)
    assert info["事项目录版本"] == (book["catalog_version"] or "未发布")
    assert info["生成时间"].startswith(book["generated_at"][:10])
    assert info["范围"] == "全市"


def test_every_figure_and_change_equals_the_json(workbook: Any, book: dict[str, Any]) -> None:
    checked = 0
    for view in ("level", "hall", "item", "hall_item"):
        sheet = workbook[VIEW_ZH[view]]
        heads = book["views"][view]["heads"]
        figures = [Figure(**f) for f in _figures(book, view)]
        where = figure_columns(len(heads), figures)
        header = [c.value for c in sheet[1]]
        for offset, row in enumerate(_rows(book, view)):
            cells = sheet[2 + offset]
            assert [c.value for c in cells[: len(heads)]] == [
                row["cells"].get(h["key"]) for h in heads
            ]
            for fig in figures:
                value_cell = cells[where[fig.key] - 1]
                want = row["values"][fig.key]
                in_hours = "(小时)" in header[where[fig.key] - 1]
                if want is None or want == "":
                    assert value_cell.value in (None, ""), (view, row["id"], fig.key)
                elif in_hours:
                    assert value_cell.value == pytest.approx(want / 60, abs=1e-6)
                else:
                    assert value_cell.value == want, (view, row["id"], fig.key)
                checked += 1
                if fig.unit == "text":
                    continue
                change_cell = cells[where[fig.key]]
                assert change_cell.value == row["change"][fig.key]
                change_format = "change_points" if fig.unit == "percent" else "change_ratio"
                assert change_cell.number_format == FORMATS[change_format]
                unit = "hours" if in_hours else fig.unit
                if unit == "count" and not float(want or 0).is_integer():
                    unit = "count_decimal"
                if want is not None:
                    assert value_cell.number_format in (FORMATS[unit], FORMATS["count_decimal"])
        assert sheet.max_row == 1 + len(_rows(book, view))
    assert checked > 600


def test_headers_are_chinese_only(workbook: Any, book: dict[str, Any]) -> None:
    keys = {f["key"] for f in book["figures"]}
    for name in workbook.sheetnames[1:]:
        for cell in workbook[name][1]:
            text = str(cell.value)
            assert text not in keys
            assert re.search(r"[\u4e00-\u9fff]", text), text
            assert not re.search(r"[a-z]_[a-z]", text), text


def test_rates_are_percent_formats(workbook: Any) -> None:
    sheet = workbook["按大厅"]
    header = [c.value for c in sheet[1]]
    rate = header.index("差评率") + 1
    assert sheet.cell(3, rate).number_format == "0.0%"
    assert isinstance(sheet.cell(3, rate).value, float)
    assert "等候时长中位数(分钟)" in header and "差评率较上期(百分点)" in header
    per_day = header.index("每窗口日疑似空岗") + 1
    assert sheet.cell(3, per_day).number_format == "#,##0.00"  # a mean, not a whole count


def test_long_times_are_shown_in_hours() -> None:
    fig = Figure("pause", "暂停时长", "minutes", "high")
    rows = [{"values": {"pause": 90.0}}, {"values": {"pause": 900.0}}]
    assert shown_unit(fig, rows) == "hours"
    assert cell_value("hours", 900.0) == 15.0
    assert shown_unit(fig, rows[:1]) == "minutes" and cell_value("minutes", 90.0) == 90.0


def test_print_setup_an_office_can_use(workbook: Any, book: dict[str, Any]) -> None:
    for view in ("level", "hall", "item", "hall_item"):
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
        assert worse
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
    assert [level_sheet.cell(r, 2).value for r in range(2, 6)] == [1, 2, 4, 7]


def test_the_book_carries_the_governance_figures(city: Engine, book: dict[str, Any]) -> None:
    """Independent of the formatter: the book is the governance report's numbers, the change
    of a rate in points, of anything else the report's own change in %."""
    gov = build_governance(city, *MONTH, *PREVIOUS)
    units = {f["key"]: f["unit"] for f in gov["figures"]}
    for gov_view, view in (("levels", "level"), ("halls", "hall"), ("items", "item"),
                           ("hall_items", "hall_item")):  # fmt: skip
        rows = book["views"][view]["rows"]
        assert len(rows) == len(gov[gov_view]) > 0
        for row, src in zip(rows, gov[gov_view], strict=True):
            for key, value in row["values"].items():
                assert value == src["values"][key], (view, row["id"], key)
                change = row["change"][key]
                if units[key] == "text":
                    assert change is None
                elif units[key] == "percent":
                    before = src["previous"][key]
                    want = None if value is None or before is None else (value - before) * 100
                    assert change == (None if want is None else pytest.approx(want, abs=1e-4))
                else:
                    pct = src["change_pct"][key]
                    assert change == (None if pct is None else pytest.approx(pct / 100))
    total = book["views"]["hall"]["total"]["values"]
    assert total == {k: gov["total"]["values"].get(k) for k in total}
    assert total["tickets"] == sum(r["values"]["tickets"] for r in book["views"]["hall"]["rows"])


def test_csv_has_a_bom_chinese_headers_and_the_same_numbers(book: dict[str, Any]) -> None:
    raw = csv_bytes(book, "hall")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["大厅", "编码", "层级"]
    assert "差评率(%)" in rows[0] and "差评率较上期(百分点)" in rows[0]
    assert not any(f["key"] in rows[0] for f in book["figures"])
    col = rows[0].index("差评率(%)")
    for line, row in zip(rows[1:], _rows(book, "hall"), strict=True):
        want = row["values"]["bad_rating_rate"]
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
    levels = {r["id"]: r["values"] for r in book["views"]["level"]["rows"]}
    halls = {r["id"]: r["values"] for r in book["views"]["hall"]["rows"]}
    assert levels["city"]["tickets"] == 0  # the city hall is not the district's
    assert levels["district"]["tickets"] == halls[SOUTH]["tickets"]
    assert levels["district"]["wait_p90_min"] == halls[SOUTH]["wait_p90_min"]
    south = sum(v["tickets"] for v in halls.values())
    assert levels["township"]["tickets"] == south - halls[SOUTH]["tickets"]
    assert sum(r["values"]["tickets"] for r in book["views"]["item"]["rows"]) == south
    assert {r["cells"]["hall"] for r in book["views"]["hall_item"]["rows"]} == set(halls)
    assert book["views"]["hall"]["total"]["cells"]["name"] == "本区合计"
    assert book["views"]["hall"]["total"]["values"]["tickets"] == south


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
