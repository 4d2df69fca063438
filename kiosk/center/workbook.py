"""The report book as a workbook to print and compare, and as CSV with Chinese headers.

Why it looks as it does: officials print these reports and lay this month next to last month.
So each view is one sheet, landscape, scaled to a few pages wide, with its header rows and
first column repeated on every page; each figure has the change against the compared period
right beside it; rates are stored as fractions with a percent format (a reader can still sum
or chart them), times as minutes, or hours where a column runs long; the worst values of each
figure are highlighted by conditional formatting, so sorting or filtering keeps the highlight
right. Only Chinese labels appear; the keys stay in the JSON.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from kiosk.center.report_book import VIEW_ZH, VIEWS, Figure, view_figures

SHEET_INFO = "说明"
HOURS_FROM_MIN = 600.0  # a minutes column whose largest value reaches 10 h is shown in hours
FORMATS = {
    "count": "#,##0",
    "count_decimal": "#,##0.00",  # a count per window-day is a mean
    "percent": "0.0%",
    "minutes": "0.0",
    "hours": "0.0",
    "text": "@",
    "change_ratio": "+0.0%;-0.0%;0.0%",
    "change_points": "+0.0;-0.0;0.0",
}
UNIT_ZH = {"count": "", "count_decimal": "", "percent": "", "minutes": "(分钟)", "hours": "(小时)",
           "text": ""}  # fmt: skip
HEAD_ROWS = 1  # one header row, no merged cells: sorting and filtering keep working
PAGE_WIDTH_CHARS = 130  # about what a landscape A4 page holds at 75 %: still readable
FONT = "等线"  # DengXian, the default of Excel on a Chinese desktop (LibreOffice substitutes)
WORST_FILL = "F8CBAD"
TOTAL_FILL = "E7E6E6"
HEAD_FILL = "DDEBF7"
INFO_NOTE_WIDTH = 90


def display_width(text: str) -> int:
    """Columns a text takes on screen or paper: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def shown_unit(fig: Figure, rows: list[Mapping[str, Any]]) -> str:
    """The unit a column is shown in: minutes become hours when the column runs long."""
    if fig.unit == "count":
        found = [r["values"][fig.key] for r in rows if _num(r["values"].get(fig.key))]
        return "count" if all(float(v).is_integer() for v in found) else "count_decimal"
    if fig.unit != "minutes":
        return fig.unit
    biggest = max(
        (abs(r["values"][fig.key]) for r in rows if _num(r["values"].get(fig.key))), default=0
    )
    return "hours" if biggest >= HOURS_FROM_MIN else "minutes"


def _num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def cell_value(unit: str, value: Any) -> Any:
    """The value written to a cell for a figure shown in `unit` (hours: minutes / 60)."""
    if value is None:
        return None
    if unit == "hours" and _num(value):
        return round(value / 60, 6)
    return value


def change_format(fig: Figure) -> str:
    return FORMATS["change_points"] if fig.unit == "percent" else FORMATS["change_ratio"]


def change_label(fig: Figure) -> str:
    return "较上期(百分点)" if fig.unit == "percent" else "较上期"


def figure_label(fig: Figure, unit: str) -> str:
    return f"{fig.zh}{UNIT_ZH.get(unit, '')}"


def period_text(book: Mapping[str, Any]) -> str:
    text = f"{book['from']} 至 {book['to']}"
    if book.get("compare_from"):
        text += f"（对比 {book['compare_from']} 至 {book['compare_to']}）"
    return text


def _rows_of(view: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    rows = list(view["rows"])
    return [*rows, view["total"]] if view.get("total") else rows


def write_workbook(book: Mapping[str, Any], target: Path | IO[bytes]) -> None:
    """One workbook: a title sheet, then one sheet per view the book has."""
    from openpyxl import Workbook  # imported here: only this format needs it

    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = SHEET_INFO
    _register_styles(wb)
    _info_sheet(info, book)
    for view in VIEWS:
        if view in book["views"]:
            _view_sheet(wb.create_sheet(VIEW_ZH[view]), book, view)
    wb.save(target)


def _info_sheet(ws: Any, book: Mapping[str, Any]) -> None:
    from openpyxl.styles import Alignment, Font

    scope = book.get("scope") or {"kind": "city"}
    where = str(scope.get("name") or scope.get("hall"))
    scope_zh = {"city": "全市", "district": f"{where}及所辖乡镇"}.get(str(scope.get("kind")), where)
    ws.append([book["title"]])
    ws["A1"].font = Font(name=FONT, bold=True, size=16)
    pairs = [
        ("报表", book["title"]),
        ("范围", scope_zh),
        ("统计期间", f"{book['from']} 至 {book['to']}"),
        ("对比期间", f"{book['compare_from']} 至 {book['compare_to']}"
         if book.get("compare_from") else "无"),
        ("生成时间", _stamp(book.get("generated_at"))),
        ("事项目录版本", book.get("catalog_version") or "未发布"),
    ]  # fmt: skip
    ws.append([])
    for key, value in pairs:
        ws.append([key, value])
        ws.cell(ws.max_row, 1).font = Font(name=FONT, bold=True)
    ws.append([])
    ws.append(["指标", "单位", "何为差", "说明"])
    for cell in ws[ws.max_row]:
        cell.font = Font(name=FONT, bold=True)
    units = {"count": "个/次", "percent": "%", "minutes": "分钟（大值以小时）", "text": "文字"}
    for f in book["figures"]:
        worse = {"high": "越高越差", "low": "越低越差"}.get(f.get("worse") or "", "")
        note = book.get("definitions", {}).get(f["key"], "")
        ws.append([f["zh"], units.get(f["unit"], f["unit"]), worse, note])
        # rows are not sized by every office suite: as many lines as the definition needs
        lines = max(1, math.ceil(display_width(note) / (INFO_NOTE_WIDTH - 4)))
        ws.row_dimensions[ws.max_row].height = 15 * lines
    ws.append([])
    ws.append(["较上期", "数量与时长为相对变化(%)；比率为相差的百分点"])
    ws.append(["标色", "每项指标最差的几个单位以浅红色标出（合计行除外）"])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions["D"].width = INFO_NOTE_WIDTH
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    _page_setup(ws, pages_wide=1)


def _stamp(iso: Any) -> str:
    """2026-12-05T16:19:24.127Z -> 2026-12-05 16:19 UTC."""
    text = str(iso or "")
    return f"{text[:10]} {text[11:16]} UTC" if len(text) >= 16 else text


def _page_setup(ws: Any, pages_wide: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _view_sheet(ws: Any, book: Mapping[str, Any], view: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.utils import get_column_letter

    data = book["views"][view]
    heads = data["heads"]
    figures = view_figures(book, view)
    rows = _rows_of(data)
    units = {f.key: shown_unit(f, rows) for f in figures}
    n_heads = len(heads)
    bold, plain = Font(name=FONT, bold=True), Font(name=FONT)
    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
    centered = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin", color="808080")

    for i, head in enumerate(heads, start=1):
        ws.cell(1, i, head["zh"])
    where = figure_columns(n_heads, figures)
    change_cols = set()
    for fig in figures:
        col = where[fig.key]
        ws.cell(1, col, figure_label(fig, units[fig.key]))
        if fig.unit != "text":
            ws.cell(1, col + 1, f"{fig.zh}{change_label(fig)}")
            change_cols.add(col + 1)
    last_col = n_heads + sum(columns_of(f) for f in figures)
    for c in range(1, last_col + 1):
        cell = ws.cell(1, c)
        cell.font, cell.fill, cell.alignment = bold, head_fill, centered
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        if c in change_cols:
            cell.font = Font(name=FONT, size=9, color="404040")

    first_data = HEAD_ROWS + 1
    for offset, row in enumerate(rows):
        r = first_data + offset
        is_total = row is data.get("total")
        for i, head in enumerate(heads, start=1):
            cell = ws.cell(r, i, row["cells"].get(head["key"]))
            cell.font = plain
            if i == 1:
                depth = int(row.get("depth") or 0)
                cell.alignment = Alignment(horizontal="left", indent=2 * depth)
        for fig in figures:
            col = where[fig.key]
            unit = units[fig.key]
            value = ws.cell(r, col, cell_value(unit, row["values"].get(fig.key)))
            value.style = _style_name(unit)
            if fig.unit == "text":
                continue
            delta = ws.cell(r, col + 1, row["change"].get(fig.key))
            kind = "change_points" if fig.unit == "percent" else "change_ratio"
            delta.style = _style_name(kind)
        if is_total:
            for c in range(1, last_col + 1):
                cell = ws.cell(r, c)
                cell.font = Font(name=FONT, bold=True)
                cell.fill = PatternFill("solid", fgColor=TOTAL_FILL)
                cell.border = Border(top=Side(style="double"))

    body_rows = len(data["rows"])
    if body_rows >= 2:
        worst = DifferentialStyle(fill=PatternFill(bgColor=WORST_FILL), font=Font(bold=True))
        rank = max(1, min(3, body_rows // 3))
        for fig in figures:
            if fig.worse not in ("high", "low"):
                continue
            letter = get_column_letter(where[fig.key])
            top, bottom = f"{letter}{first_data}", f"{letter}{first_data + body_rows - 1}"
            ws.conditional_formatting.add(
                f"{top}:{bottom}", worst_rule(fig, top, bottom, rank, worst)
            )

    widths = _column_widths(ws, heads, figures, units, rows)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = 48
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{HEAD_ROWS + len(data['rows'])}"
    ws.freeze_panes = ws.cell(first_data, n_heads + 1).coordinate
    ws.print_title_rows = f"1:{HEAD_ROWS}"
    ws.print_title_cols = "A:A"
    pages = max(1, math.ceil(sum(widths) / PAGE_WIDTH_CHARS))
    _page_setup(ws, pages_wide=pages)
    # the report, view and period on top of every printed page
    ws.oddHeader.center.text = f"{book['title']} · {data['zh']} · {period_text(book)}"
    ws.oddHeader.center.size = 11
    ws.oddHeader.center.font = "Noto Sans CJK SC,Bold"


def _register_styles(wb: Any) -> None:
    """Named styles for the figure cells, made once per workbook: setting a named style is
    faster than setting a font and a number format on each of thousands of cells."""
    from openpyxl.styles import Alignment, Font, NamedStyle

    for kind, number_format in FORMATS.items():
        style = NamedStyle(name=_style_name(kind), number_format=number_format)
        if kind.startswith("change"):
            style.font = Font(name=FONT, color="595959", size=9)
        else:
            style.font = Font(name=FONT)
            if kind == "text":
                style.alignment = Alignment(wrap_text=True, vertical="top")
        wb.add_named_style(style)


def _style_name(kind: str) -> str:
    return f"报表-{kind}"


def columns_of(fig: Figure) -> int:
    """A figure takes two columns (this period, the change) and a text figure one."""
    return 1 if fig.unit == "text" else 2


def figure_columns(n_heads: int, figures: list[Figure]) -> dict[str, int]:
    """The 1-based column of each figure's value."""
    out, col = {}, n_heads + 1
    for fig in figures:
        out[fig.key] = col
        col += columns_of(fig)
    return out


def worst_rule(fig: Figure, top: str, bottom: str, rank: int, style: Any) -> Any:
    """Highlights the `rank` worst numbers of a column (ties included) but never its best
    value; empty cells (no data) never count, where a plain top-10 rule would take an empty
    cell for a zero and mark it worst."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.utils import absolute_coordinate

    area = f"{absolute_coordinate(top)}:{absolute_coordinate(bottom)}"
    pick, best = ("LARGE", "MIN") if fig.worse == "high" else ("SMALL", "MAX")
    compare = ">=" if fig.worse == "high" else "<="
    # never the column's best value: when most halls tie at 0 corrections, none of them is worst
    formula = (
        f"AND(ISNUMBER({top}),COUNT({area})>1,{top}<>{best}({area}),"
        f"{top}{compare}{pick}({area},MIN({rank},COUNT({area}))))"
    )
    return Rule(type="expression", formula=[formula], dxf=style)


def _column_widths(
    ws: Any,
    heads: list[Mapping[str, Any]],
    figures: list[Figure],
    units: Mapping[str, str],
    rows: list[Mapping[str, Any]],
) -> list[float]:
    """Widths in character units sized for Chinese text: the longest cell of identity columns,
    figure columns wide enough for their header wrapped on three lines and their numbers."""
    widths: list[float] = []
    for i, head in enumerate(heads):
        longest = display_width(str(head["zh"]))
        for row in rows:
            text = str(row["cells"].get(head["key"]) or "")
            longest = max(
                longest, display_width(text) + (4 * int(row.get("depth") or 0) if i == 0 else 0)
            )
        widths.append(min(44, longest + 2))
    for fig in figures:
        if fig.unit == "text":
            widths.append(26.0)
            continue
        label = display_width(figure_label(fig, units[fig.key]))
        widths.append(max(9.0, min(13.0, label / 2 + 2)))
        widths.append(10.0)
    return widths


def csv_rows(book: Mapping[str, Any], view: str) -> list[list[Any]]:
    """The view as rows: Chinese headers, then the figures (rates in %, times in minutes)."""
    data = book["views"][view]
    figures = view_figures(book, view)
    header = [h["zh"] for h in data["heads"]]
    for fig in figures:
        unit = "(%)" if fig.unit == "percent" else UNIT_ZH.get(fig.unit, "")
        header.append(f"{fig.zh}{unit}")
        if fig.unit != "text":
            header.append(f"{fig.zh}{change_label(fig)}")
            if fig.unit != "percent":
                header[-1] += "(%)"
    out: list[list[Any]] = [header]
    for row in _rows_of(data):
        line: list[Any] = [row["cells"].get(h["key"]) for h in data["heads"]]
        for fig in figures:
            value, delta = row["values"].get(fig.key), row["change"].get(fig.key)
            if fig.unit == "percent" and _num(value):
                value = round(value * 100, 4)
            if fig.unit != "percent" and _num(delta):
                delta = round(delta * 100, 4)
            line += [value] if fig.unit == "text" else [value, delta]
        out.append(["" if v is None else v for v in line])
    return out


def to_csv(book: Mapping[str, Any], view: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(csv_rows(book, view))
    return buf.getvalue()


def csv_bytes(book: Mapping[str, Any], view: str) -> bytes:
    """UTF-8 with a BOM: Excel on a Chinese Windows desktop opens it without mangling names."""
    return to_csv(book, view).encode("utf-8-sig")
