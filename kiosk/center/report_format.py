"""The center report as a terminal table or JSON (its CSV and XLSX are the office workbook's,
kiosk/center/workbook.py).

JSON keeps the report's nested shape (absences by reason); the table spreads absences into one
count and one seconds column per pause reason and pads by display width so Chinese names line
up in a terminal.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from kiosk.domain import PAUSE_REASON_NAMES

FORMATS = ("table", "csv", "xlsx", "json")
LABELS_ZH = {
    "level": "层级", "hall": "大厅", "item": "事项", "name": "名称", "parent": "上级",
    "tickets": "取号数", "wait_p50_s": "等候中位数(秒)", "wait_p90_s": "等候P90(秒)",
    "handle_avg_s": "平均办理(秒)", "no_shows": "过号", "no_show_rate": "过号率",
    "ratings": "评价数", "satisfaction_rate": "满意率", "extra_materials": "额外材料",
    "extra_materials_rate": "额外材料率", "cases_opened": "差评工单", "cases_closed": "已办结工单",
    "case_closure_rate": "整改办结率", "finished": "办件数", "corrections": "补正",
    "correction_rate": "补正率", "consultations": "咨询",
}  # fmt: skip


def flatten(report: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """Column keys and rows, absences spread into absence_<reason>_count / _s columns.

    Items have no absences (a pause belongs to a window, not an item), so by=item has none.
    """
    rows = report["rows"]
    reasons = [] if report["by"] == "item" else [r.value for r in PAUSE_REASON_NAMES]
    for row in rows if report["by"] != "item" else []:
        reasons += [r for r in row["absences"] if r not in reasons]
    base = [k for k in (rows[0] if rows else {}) if k != "absences"]
    columns = base + [f"absence_{r}_{part}" for r in reasons for part in ("count", "s")]
    table = []
    for row in rows:
        spread = []
        for reason in reasons:
            slot = row["absences"].get(reason, {"count": 0, "seconds": 0.0})
            spread += [slot["count"], slot["seconds"]]
        table.append([row[k] for k in base] + spread)
    return columns, table


def _label(key: str) -> str:
    if key.startswith("absence_"):
        reason, part = key[len("absence_") :].rsplit("_", 1)
        names = {r.value: zh for r, (zh, _en) in PAUSE_REASON_NAMES.items()}
        return f"离岗{names.get(reason, reason)}{'次数' if part == 'count' else '(秒)'}"
    return LABELS_ZH.get(key, key)


def _cell(key: str, value: Any) -> str:
    """Rates as percentages, seconds to a tenth, no data as '-'."""
    if value is None:
        return "-"
    if key.endswith("_rate"):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def to_table(report: dict[str, Any]) -> str:
    columns, rows = flatten(report)
    head = [_label(c) for c in columns]
    cells = [[_cell(k, v) for k, v in zip(columns, row, strict=True)] for row in rows]
    widths = [max(_width(t) for t in [h, *(r[i] for r in cells)]) for i, h in enumerate(head)]
    lines = [f"center report {report['from']}..{report['to']} by {report['by']}"]
    for line in [head, *cells]:
        padded = (t + " " * (w - _width(t)) for t, w in zip(line, widths, strict=True))
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render(report: dict[str, Any], fmt: str, out: Path | None) -> str | None:
    """Write the report to `out` (returns None) or return its text. CSV and XLSX are the
    office workbook's (kiosk/center/workbook.py), whatever the report."""
    text = {"table": to_table, "json": to_json}[fmt](report)
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None
