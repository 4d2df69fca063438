"""The governance report as a terminal table or JSON (CSV and XLSX: kiosk/center/workbook.py).

Values are formatted by the unit kind of their figure (kiosk/center/governance.FIGURES):
percent x 100 with one decimal, minutes with one decimal, counts as they are. The table puts
every view one after another, each row led by its view and labels; the change against the
compared period follows each figure as `<key>_change_pct`. The printed workbook (title sheet,
widths, print setup) is built on the same JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.center.governance import BY_KEY, FIGURES
from kiosk.center.report_format import _width

FORMATS = ("table", "csv", "xlsx", "json")
VIEW_ZH = {
    "total": "合计",
    "levels": "层级",
    "halls": "大厅",
    "items": "事项",
    "hall_items": "大厅x事项",
}
LABELS = {
    "total": ("name",),
    "levels": ("level", "name"),
    "halls": ("hall", "name", "level", "parent"),
    "items": ("item", "name"),
    "hall_items": ("hall", "hall_name", "item", "name"),
}
LABEL_ZH = {"level": "层级", "name": "名称", "hall": "大厅编码", "parent": "上级",
            "item": "事项编码", "hall_name": "大厅名称"}  # fmt: skip


def cell(key: str, value: Any) -> str:
    """A value as text by its figure's unit kind; no data as '-'."""
    if value is None:
        return "-"
    unit = BY_KEY[key].unit if key in BY_KEY else "text"
    if unit == "percent":
        return f"{value * 100:.1f}%"
    if unit == "minutes":
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _figures(view: str) -> list[str]:
    name = "halls" if view == "total" else view
    return [f.key for f in FIGURES if name in f.views]


def view_rows(report: dict[str, Any], view: str) -> tuple[list[str], list[list[Any]]]:
    """Column keys and raw rows of one view: labels, then each figure and its change."""
    keys = _figures(view)
    columns = [*LABELS[view]]
    for key in keys:
        columns.append(key)
        if BY_KEY[key].unit != "text":
            columns.append(f"{key}_change_pct")
    rows = report[view] if view != "total" else [report["total"]]
    out = []
    for row in rows:
        line: list[Any] = [row.get(k) for k in LABELS[view]]
        for key in keys:
            line.append(row["values"].get(key))
            if BY_KEY[key].unit != "text":
                line.append(row["change_pct"].get(key))
        out.append(line)
    return columns, out


def header(key: str) -> str:
    if key.endswith("_change_pct"):
        return "较对比期(%)"
    if key in BY_KEY:
        return BY_KEY[key].zh
    return LABEL_ZH.get(key, key)


def _text(key: str, value: Any) -> str:
    if key.endswith("_change_pct"):
        return "-" if value is None else f"{value:+.1f}%"
    if key in BY_KEY:
        return cell(key, value)
    return "-" if value is None else str(value)


def to_table(report: dict[str, Any]) -> str:
    out = [
        f"governance report {report['from']}..{report['to']}"
        f" compared with {report['compare_from']}..{report['compare_to']}"
    ]
    for view in ("total", "levels", "halls", "items", "hall_items"):
        columns, rows = view_rows(report, view)
        head = [header(c) for c in columns]
        cells = [[_text(k, v) for k, v in zip(columns, row, strict=True)] for row in rows]
        widths = [max(_width(t) for t in [h, *(r[i] for r in cells)]) for i, h in enumerate(head)]
        out.append(f"\n[{VIEW_ZH[view]}]")
        for line in [head, *cells]:
            padded = (t + " " * (w - _width(t)) for t, w in zip(line, widths, strict=True))
            out.append("  ".join(padded).rstrip())
    return "\n".join(out) + "\n"


def render(report: dict[str, Any], fmt: str, out: Path | None) -> str | None:
    if fmt == "json":
        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_table(report)
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None
