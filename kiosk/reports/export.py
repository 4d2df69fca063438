"""A report written out: a text table for the terminal, CSV (UTF-8 with a BOM, so Excel and WPS
read the Chinese), XLSX (one sheet per table, Chinese headers, widths and number formats that
open well in WPS and Excel), JSON, and a printable PDF (fpdf2 with an embedded CJK font).

openpyxl and fpdf2 are the `reports` extra: loaded when a file of theirs is written, so a hall
server without them still serves every report as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kiosk.errors import Invalid
from kiosk.reports.table import Column, Kind, Report, Table, shown

FORMATS = ("table", "csv", "xlsx", "pdf", "json")
XLSX_FORMATS = {
    Kind.INT: "0",
    Kind.NUMBER: "0.0",
    Kind.PERCENT: "0.0%",
    Kind.MINUTES: "0.0",
}
# Where Linux and Windows keep a CJK font fpdf2 can embed; KIOSK_REPORT_FONT names another.
CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
)


def width(text: str) -> int:
    """Display width: a Chinese character takes two columns of a terminal or a sheet."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _period(report: Report, lang: str) -> str:
    span = (
        report.start.isoformat()
        if report.start == report.end
        else f"{report.start.isoformat()} ~ {report.end.isoformat()}"
    )
    return f"{report.hall} {report.title(lang)} {span}"


# -- text and JSON -----------------------------------------------------------------------------
def to_text(report: Report, lang: str = "zh") -> str:
    out = [_period(report, lang), ""]
    for t in report.tables:
        out.append(f"== {t.title(lang)} ==")
        head = [c.title(lang) for c in t.columns]
        body = [[shown(r.get(c.key), c.kind, lang) for c in t.columns] for r in t.rows]
        widths = [max(width(x) for x in col) for col in zip(head, *body, strict=False)]
        for cells in (head, *body):
            padded = []
            for c, text, w in zip(t.columns, cells, widths, strict=True):
                pad = " " * (w - width(text))
                padded.append(text + pad if c.kind in (Kind.TEXT, Kind.FLAG) else pad + text)
            out.append("  ".join(padded).rstrip())
        if not t.rows:
            out.append("(无)" if lang == "zh" else "(none)")
        out.append("")
    return "\n".join(out)


def to_json(report: Report) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2)


# -- CSV ---------------------------------------------------------------------------------------
def csv_value(value: Any, kind: Kind, lang: str) -> Any:
    """Numbers stay numbers (minutes for durations, 0.953 for a rate is less readable than
    95.3%, so rates are written as percent text)."""
    if value is None:
        return ""
    if kind == Kind.MINUTES:
        return round(float(value) / 60, 1)
    if kind in (Kind.PERCENT, Kind.FLAG):
        return shown(value, kind, lang)
    return value


def to_csv(report: Report, lang: str = "zh") -> bytes:
    """Every table of the report in one file: its title, its header, its rows, a blank line."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([_period(report, lang)])
    for t in report.tables:
        w.writerow([])
        w.writerow([t.title(lang)])
        w.writerow([c.title(lang) for c in t.columns])
        for r in t.rows:
            w.writerow([csv_value(r.get(c.key), c.kind, lang) for c in t.columns])
    return buf.getvalue().encode("utf-8-sig")


# -- XLSX --------------------------------------------------------------------------------------
INVALID_SHEET_CHARS = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def sheet_names(tables: Iterable[Table], lang: str) -> list[str]:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique (case-insensitive)."""
    names: list[str] = []
    for t in tables:
        base = t.title(lang).translate(INVALID_SHEET_CHARS).strip()[:31] or t.name
        name, n = base, 2
        while name.lower() in (x.lower() for x in names):
            name = f"{base[: 31 - len(str(n)) - 1]}-{n}"
            n += 1
        names.append(name)
    return names


def xlsx_value(value: Any, kind: Kind, lang: str) -> Any:
    if value is None:
        return None
    if kind == Kind.MINUTES:  # exact minutes: the sheet's "0.0" rounds what it shows, not sums
        return float(value) / 60
    if kind == Kind.FLAG:
        return shown(value, kind, lang)
    return value


def to_xlsx(report: Report, path: Path, lang: str = "zh") -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise _missing("openpyxl") from None
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "报表信息" if lang == "zh" else "About"
    labels = (
        ("大厅", "Hall", report.hall),
        ("报表", "Report", report.title(lang)),
        ("开始日期", "From", report.start.isoformat()),
        ("结束日期", "To", report.end.isoformat()),
    )
    for zh, en, value in labels:
        cover.append([zh if lang == "zh" else en, value])
    cover.column_dimensions["A"].width = 12
    cover.column_dimensions["B"].width = max(20, width(report.hall) + 4)
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE6F0")
    for t, name in zip(report.tables, sheet_names(report.tables, lang), strict=True):
        ws = wb.create_sheet(name)
        ws.append([c.title(lang) for c in t.columns])
        for r in t.rows:
            ws.append([xlsx_value(r.get(c.key), c.kind, lang) for c in t.columns])
        for i, c in enumerate(t.columns, 1):
            letter = get_column_letter(i)
            head = ws.cell(row=1, column=i)
            head.font = head_font
            head.fill = head_fill
            head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            fmt = XLSX_FORMATS.get(c.kind)
            if fmt:
                for row in range(2, len(t.rows) + 2):
                    ws.cell(row=row, column=i).number_format = fmt
            texts = [c.title(lang)] + [shown(r.get(c.key), c.kind, lang) for r in t.rows]
            ws.column_dimensions[letter].width = min(60, max(8, max(map(width, texts)) + 2))
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = _period(report, lang)
    wb.save(path)


# -- PDF ---------------------------------------------------------------------------------------
def cjk_font() -> str:
    chosen = os.environ.get("KIOSK_REPORT_FONT")
    for candidate in (chosen, *CJK_FONTS):
        if candidate and Path(candidate).is_file():
            return candidate
    raise Invalid(
        "找不到可嵌入的中文字体：请安装 fonts-noto-cjk，或用 KIOSK_REPORT_FONT 指定字体文件",
        "no CJK font to embed: install fonts-noto-cjk or name a font file in KIOSK_REPORT_FONT",
    )


def _column_widths(t: Table, lang: str, total: float) -> list[float]:
    wants = []
    for c in t.columns:
        texts = [c.title(lang)] + [shown(r.get(c.key), c.kind, lang) for r in t.rows[:200]]
        wants.append(min(40, max(6, max(map(width, texts)))))
    scale = total / sum(wants)
    return [w * scale for w in wants]


def to_pdf(report: Report, path: Path, lang: str = "zh") -> None:
    """A4 landscape, the report's title and period on top, each table with its header repeated
    on every page it runs over, the font embedded (subset) so it prints the same anywhere."""
    try:
        from fpdf import FPDF
        from fpdf.fonts import FontFace
    except ImportError:
        raise _missing("fpdf2") from None
    font = cjk_font()
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_title(_period(report, lang))
    pdf.set_creator("hall-kiosk")
    if font.lower().endswith(".ttc"):
        pdf.add_font("cjk", "", font, collection_font_number=_sc_index(font))
    else:
        pdf.add_font("cjk", "", font)
    pdf.add_page()
    pdf.set_font("cjk", size=14)
    pdf.cell(0, 9, _period(report, lang), new_x="LMARGIN", new_y="NEXT")
    heading = FontFace(fill_color=(221, 230, 240))
    for t in report.tables:
        pdf.ln(3)
        pdf.set_font("cjk", size=11)
        pdf.cell(0, 7, t.title(lang), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=8)
        if not t.rows:
            pdf.cell(0, 6, "（无）" if lang == "zh" else "(none)", new_x="LMARGIN", new_y="NEXT")
            continue
        widths = _column_widths(t, lang, pdf.epw)
        aligns = tuple("LEFT" if c.kind in (Kind.TEXT, Kind.FLAG) else "RIGHT" for c in t.columns)
        with pdf.table(
            col_widths=widths,
            text_align=aligns,
            headings_style=heading,
            line_height=5,
            first_row_as_headings=True,
            repeat_headings=1,
        ) as table:
            table.row([c.title(lang) for c in t.columns])
            for r in t.rows:
                table.row([shown(r.get(c.key), c.kind, lang) for c in t.columns])
    pdf.output(str(path))


def _sc_index(path: str) -> int:
    """The Simplified Chinese face of a font collection (Noto's order is JP, KR, SC, TC, HK)."""
    try:
        from fontTools.ttLib import TTCollection
    except ImportError:
        return 0
    for i, face in enumerate(TTCollection(path, lazy=True).fonts):
        names = face["name"]
        family = str(names.getDebugName(1) or "")
        if family.endswith(" SC") or "SC " in family or family in ("WenQuanYi Zen Hei",):
            return i
    return 0


def _missing(package: str) -> Invalid:
    return Invalid(
        f"写出该格式需要 {package}：pip install 'hall-kiosk[reports]'",
        f"this format needs {package}: pip install 'hall-kiosk[reports]'",
    )


def write(report: Report, fmt: str, out: Path | None, lang: str = "zh") -> bytes | None:
    """Writes `report` as `fmt` to `out`; text formats without `out` are returned instead."""
    if fmt not in FORMATS:
        raise Invalid(
            f"未知的格式 {fmt!r}（可选：{'、'.join(FORMATS)}）",
            f"unknown format {fmt!r} (one of {', '.join(FORMATS)})",
        )
    if fmt in ("xlsx", "pdf"):
        if out is None:
            raise Invalid(f"{fmt} 格式需要 --out 文件", f"the {fmt} format needs --out FILE")
        (to_xlsx if fmt == "xlsx" else to_pdf)(report, out, lang)
        return None
    data = {
        "table": lambda: to_text(report, lang).encode("utf-8"),
        "csv": lambda: to_csv(report, lang),
        "json": lambda: to_json(report).encode("utf-8"),
    }[fmt]()
    if out is not None:
        out.write_bytes(data)
        return None
    return data


__all__ = ["FORMATS", "Column", "to_csv", "to_json", "to_pdf", "to_text", "to_xlsx", "write"]
