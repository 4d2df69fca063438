"""Exported reports reopened and read back: XLSX cells, headers, sheet names and number formats;
CSV with its BOM; the PDF's pages, its embedded CJK font and its text; the CLI end to end."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from kiosk.reports.export import sheet_names, to_csv, to_pdf, to_text, to_xlsx
from kiosk.reports.kinds import build_report
from kiosk.reports.period import Period
from kiosk.reports.table import Report
from tests.helpers.hallfactory import make_hall, morning
from tests.unit.reports.scripted_day import play

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """Played once for the module: the tests only read it (the store is <dir>/hall.db)."""
    clock = FakeClock(morning())
    hall = make_hall(tmp_path_factory.mktemp("day") / "hall.db", clock)
    play(hall, clock)
    yield hall
    hall.close()


@pytest.fixture
def day_report(played: Hall) -> Report:
    return build_report(played.reader(), "day", Period.day(TODAY), "zh", TODAY)


def test_xlsx_reopened(day_report: Report, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    to_xlsx(day_report, path)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "报表信息",
        "概况",
        "分时段取号",
        "等候时长分布",
        "事项办理时长",
        "窗口满意度",
        "人员满意度",
        "离岗原因",
        "补正事项",
        "缺少材料",
        "咨询",
    ]
    assert wb["报表信息"]["B1"].value == "测试政务服务中心"
    summary = wb["概况"]
    assert [c.value for c in summary[1]][:4] == ["取号数", "办理数", "过号数", "过号率"]
    assert summary["A2"].value == 4 and summary["A2"].number_format == "0"
    assert summary["D2"].value == 0.25 and summary["D2"].number_format == "0.0%"
    assert summary["E2"].value == 5.25  # 315 s as minutes
    assert summary["E2"].number_format == "0.0"
    assert summary.freeze_panes == "A2"
    items = wb["事项办理时长"]
    assert [items.cell(row=r, column=2).value for r in (2, 3)] == ["社保卡补换", "公积金提取"]
    assert items.column_dimensions["B"].width >= 12  # five Chinese characters fit
    absences = wb["离岗原因"]
    assert (absences["B2"].value, absences["C2"].value, absences["D2"].value) == ("用餐", 1, 45.0)


def test_sheet_names_follow_excels_rules() -> None:
    from kiosk.reports.table import Table

    tables = [
        Table("a", "a/b:c*[d]?", "x", ()),
        Table("b", "A/B:C*[D]?", "x", ()),
        Table("c", "很" * 40, "x", ()),
    ]
    names = sheet_names(tables, "zh")
    assert names[0] == "a b c  d" and names[1] != names[0] and len(names[2]) == 31
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_csv_has_a_bom_and_reads_back(day_report: Report) -> None:
    data = to_csv(day_report)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows.index(
        ["事项编码", "事项名称", "办理数", "平均办理(分钟)", "最长办理(分钟)", "补正数", "补正率"]
    )
    assert rows[header - 1] == ["事项办理时长"]
    assert rows[header + 1] == ["SB-1", "社保卡补换", "2", "7.5", "10.0", "1", "50.0%"]


def test_pdf_embeds_its_font_and_holds_the_text(day_report: Report, tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / "r.pdf"
    to_pdf(day_report, path)
    reader = PdfReader(path)
    assert len(reader.pages) >= 1
    # pypdf reads fpdf2's ToUnicode map as two bytes per character (poppler's pdftotext reads
    # it as one): the NULs are pypdf's, the text is the report's
    text = "".join(p.extract_text() for p in reader.pages).replace("\x00", "")
    for expected in ("测试政务服务中心", "服务情况报表", "社保卡补换", "户口簿", "用餐", "45.0"):
        assert expected in text
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", []):
                fd = desc.get_object()["/FontDescriptor"].get_object()
                fonts.append(any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


def test_text_table_lines_up_chinese(day_report: Report) -> None:
    text = to_text(day_report)
    assert "== 离岗原因 ==" in text
    assert "临时离开" in text


def test_cli_report_every_format(played: Hall, tmp_path: Path) -> None:
    data = played.path.parent
    base = [sys.executable, "-m", "kiosk", "report", "--data", str(data), "--from", "2026-11-27"]
    out = subprocess.run(
        [*base, "--kind", "clerks", "--format", "json"], capture_output=True, check=True
    )
    body = json.loads(out.stdout)
    assert [r["served"] for r in body["tables"]["clerks"]["rows"]] == [2, 1]
    out = subprocess.run(
        [*base, "--kind", "day", "--format", "table"], capture_output=True, text=True, check=True
    )
    assert "概况" in out.stdout
    for fmt in ("xlsx", "pdf", "csv"):
        target = tmp_path / f"cases.{fmt}"
        subprocess.run(
            [*base, "--kind", "cases", "--format", fmt, "--out", str(target)],
            capture_output=True,
            check=True,
        )
        assert target.stat().st_size > 0
    bad = subprocess.run([*base, "--to", "2026-11-01"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and "before the start date" in bad.stderr
    no_out = subprocess.run([*base, "--format", "pdf"], capture_output=True, text=True)
    assert no_out.returncode == 2 and "--out" in no_out.stderr
