"""The report as an official reads it: figures with their kinds, views as rows, the period before.

A book is plain JSON (what GET /api/v1/office/report returns), built from report JSON by a
column spec: every figure carries its key, Chinese label and unit kind (count, percent, minutes,
text), and whether a high or a low value is the bad one. The workbook, the CSV and the office
page all render the book, so each shows the figures the API returned and nothing computed anew.

Shape of a book:
  {"title", "from", "to", "compare_from", "compare_to", "generated_at", "catalog_version",
   "scope": {"kind": "city"} | {"kind": "district", "hall": CODE},
   "figures": [{"key", "zh", "unit", "worse"}],
   "views": {VIEW: {"zh", "heads": [{"key", "zh"}],
                    "rows": [{"id", "cells", "depth", "values", "previous", "change"}],
                    "total": ROW | None}}}
`change` is the relative change (0.25 = +25 %) for counts and minutes and the difference in
percentage points for percents (a 90 % -> 95 % satisfaction rate is +5.0 points, not +5.6 %).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kiosk.domain import PAUSE_REASON_NAMES

UNITS = ("count", "percent", "minutes", "text")
VIEWS = ("level", "hall", "item", "hall_item")
VIEW_ZH = {"level": "按层级", "hall": "按大厅", "item": "按事项", "hall_item": "大厅与事项"}
LEVEL_ZH = {"city": "市级", "district": "区级", "township": "乡镇"}
LEVEL_ORDER = ("city", "district", "township")
TOTAL_ZH = "全市合计"
DISTRICT_TOTAL_ZH = "本区合计"
TITLE_ZH = "政务服务三级对比报表"


@dataclass(frozen=True)
class Figure:
    """One column of figures: how to label, format and judge it."""

    key: str
    zh: str
    unit: str
    worse: str | None = None  # "high": a larger value is the bad one; "low": a smaller one

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


# The figures of today's center report (kiosk.center.reports), in the order an official reads
# them. Seconds become minutes here; counts and rates pass through unchanged.
REPORT_FIGURES: tuple[Figure, ...] = (
    Figure("tickets", "取号数", "count"),
    Figure("finished", "办件数", "count"),
    Figure("corrections", "补正次数", "count", "high"),
    Figure("correction_rate", "补正率", "percent", "high"),
    Figure("wait_p50_min", "等候时间中位数", "minutes", "high"),
    Figure("wait_p90_min", "等候时间P90", "minutes", "high"),
    Figure("handle_avg_min", "平均办理时长", "minutes"),
    Figure("no_shows", "过号数", "count", "high"),
    Figure("no_show_rate", "过号率", "percent", "high"),
    Figure("ratings", "评价数", "count"),
    Figure("satisfaction_rate", "满意率", "percent", "low"),
    Figure("extra_materials", "要求额外材料", "count", "high"),
    Figure("extra_materials_rate", "额外材料率", "percent", "high"),
    Figure("cases_opened", "差评工单", "count", "high"),
    Figure("cases_closed", "已办结工单", "count"),
    Figure("case_closure_rate", "整改办结率", "percent", "low"),
    Figure("consultations", "咨询数", "count"),
)
SECONDS_TO_MINUTES = {"wait_p50_s": "wait_p50_min", "wait_p90_s": "wait_p90_min",
                      "handle_avg_s": "handle_avg_min"}  # fmt: skip
# Rates a totals row can recompute from counts in the same row: rate -> (numerator, denominator).
# A rate without its counts, a percentile or a mean is left empty there, never averaged.
RATE_PARTS = {
    "correction_rate": ("corrections", "finished"),
    "no_show_rate": ("no_shows", "tickets"),
    "extra_materials_rate": ("extra_materials", "ratings"),
    "case_closure_rate": ("cases_closed", "cases_opened"),
}


def pause_figures(reasons: Iterable[str]) -> list[Figure]:
    """Per pause reason, how often and how long windows stood empty (a count and minutes)."""
    names = {r.value: zh for r, (zh, _en) in PAUSE_REASON_NAMES.items()}
    out: list[Figure] = []
    for reason in reasons:
        zh = names.get(reason, reason)
        out.append(Figure(f"pause_{reason}_count", f"离岗({zh})次数", "count"))
        out.append(Figure(f"pause_{reason}_min", f"离岗({zh})时长", "minutes", "high"))
    return out


def _minutes(seconds: Any) -> float | None:
    return None if seconds is None else round(float(seconds) / 60, 6)


def report_values(row: Mapping[str, Any], reasons: Iterable[str]) -> dict[str, Any]:
    """A center report row's figures, keyed as REPORT_FIGURES and pause_figures name them."""
    values: dict[str, Any] = {}
    for fig in REPORT_FIGURES:
        values[fig.key] = row.get(fig.key)
    for seconds_key, minutes_key in SECONDS_TO_MINUTES.items():
        values[minutes_key] = _minutes(row.get(seconds_key))
    absences = row.get("absences") or {}
    for reason in reasons:
        slot = absences.get(reason) or {"count": 0, "seconds": 0.0}
        values[f"pause_{reason}_count"] = slot["count"]
        values[f"pause_{reason}_min"] = _minutes(slot["seconds"])
    return values


def change(fig: Figure, now: Any, before: Any) -> float | None:
    """The change against the compared period: points for percents, relative otherwise."""
    if fig.unit == "text" or not _is_number(now) or not _is_number(before):
        return None
    if fig.unit == "percent":
        return round((now - before) * 100, 4)
    if before == 0:
        return None  # from nothing: no ratio to give
    return round((now - before) / before, 6)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def make_row(
    row_id: str,
    cells: dict[str, Any],
    figures: list[Figure],
    values: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    depth: int = 0,
) -> dict[str, Any]:
    before = previous or {}
    return {
        "id": row_id,
        "cells": cells,
        "depth": depth,
        "values": {f.key: values.get(f.key) for f in figures},
        "previous": {f.key: before.get(f.key) for f in figures},
        "change": {f.key: change(f, values.get(f.key), before.get(f.key)) for f in figures},
    }


def total_values(figures: list[Figure], rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A totals row from its member rows: counts summed, rates recomputed from summed counts."""
    out: dict[str, Any] = {}
    for fig in figures:
        if fig.unit == "count" or (fig.key.startswith("pause_") and fig.unit == "minutes"):
            found = [r[fig.key] for r in rows if _is_number(r.get(fig.key))]
            out[fig.key] = round(sum(found), 4) if found else (0 if fig.unit == "count" else None)
        else:
            out[fig.key] = None
    for rate, (part, whole) in RATE_PARTS.items():
        if rate in out and _is_number(out.get(part)) and out.get(whole):
            out[rate] = round(out[part] / out[whole], 6)
    return out


def hall_tree(halls: list[Mapping[str, Any]]) -> list[tuple[Mapping[str, Any], int]]:
    """Halls in tree order (each under its parent, siblings by code) with their depth."""
    by_parent: dict[str | None, list[Mapping[str, Any]]] = {}
    codes = {str(h["hall"]) for h in halls}
    for h in halls:
        parent = h.get("parent") if h.get("parent") in codes else None
        by_parent.setdefault(parent, []).append(h)
    out: list[tuple[Mapping[str, Any], int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for h in sorted(by_parent.get(parent, []), key=lambda x: str(x["hall"])):
            out.append((h, depth))
            walk(str(h["hall"]), depth + 1)

    walk(None, 0)
    return out


def _level_rank(level: Any) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def _reasons(*reports: Mapping[str, Any] | None) -> list[str]:
    found = [r.value for r in PAUSE_REASON_NAMES]
    for report in reports:
        for row in (report or {}).get("rows", []):
            found += [r for r in (row.get("absences") or {}) if r not in found]
    return found


def _index(report: Mapping[str, Any] | None, key: str) -> dict[str, Mapping[str, Any]]:
    return {str(r.get(key)): r for r in (report or {}).get("rows", [])}


def book_from_reports(
    current: Mapping[str, Mapping[str, Any]],
    previous: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    catalog_version: str | None = None,
    scope: Mapping[str, Any] | None = None,
    allowed_halls: set[str] | None = None,
) -> dict[str, Any]:
    """A book from today's center reports, one per view ("hall", "level", "item"), each for the
    period and (optionally) for the compared period.

    With `allowed_halls` (a district user) only those halls' rows are kept and the level rows are
    rebuilt from them: counts summed and rates recomputed where their counts are in the report;
    percentiles and means of several halls cannot be rebuilt from per-hall rows and stay empty.
    """
    previous = previous or {}
    hall_report = current["hall"]
    reasons = _reasons(*current.values(), *previous.values())
    figures = list(REPORT_FIGURES) + pause_figures(reasons)
    item_figures = list(REPORT_FIGURES)  # a pause belongs to a window, never to an item
    views: dict[str, Any] = {}

    prev_halls = _index(previous.get("hall"), "hall")
    hall_rows_src = [
        r for r in hall_report["rows"] if allowed_halls is None or r["hall"] in allowed_halls
    ]
    hall_rows = []
    for src, depth in hall_tree(hall_rows_src):
        code = str(src["hall"])
        before = prev_halls.get(code)
        cells = {"name": src.get("name"), "hall": code, "level": LEVEL_ZH.get(src["level"], "")}
        hall_rows.append(
            make_row(
                code,
                cells,
                figures,
                report_values(src, reasons),
                report_values(before, reasons) if before else None,
                depth,
            )
        )
    label = TOTAL_ZH if allowed_halls is None else DISTRICT_TOTAL_ZH
    hall_total = _total_row(figures, hall_rows, label)
    views["hall"] = {
        "zh": VIEW_ZH["hall"],
        "heads": [
            {"key": "name", "zh": "大厅"},
            {"key": "hall", "zh": "编码"},
            {"key": "level", "zh": "层级"},
        ],
        "rows": hall_rows,
        "total": hall_total,
    }

    level_rows = []
    if allowed_halls is None:
        prev_levels = _index(previous.get("level"), "level")
        for src in sorted(current["level"]["rows"], key=lambda r: _level_rank(r["level"])):
            before = prev_levels.get(str(src["level"]))
            level_rows.append(
                make_row(
                    str(src["level"]),
                    {"level": LEVEL_ZH.get(src["level"], str(src["level"]))},
                    figures,
                    report_values(src, reasons),
                    report_values(before, reasons) if before else None,
                )
            )
    else:
        for level in LEVEL_ORDER:
            members = [r for r in hall_rows_src if r["level"] == level]
            if not members:
                continue
            codes = {str(r["hall"]) for r in members}
            now = [report_values(r, reasons) for r in members]
            was = [report_values(prev_halls[c], reasons) for c in codes if c in prev_halls]
            level_rows.append(
                make_row(
                    level,
                    {"level": LEVEL_ZH[level]},
                    figures,
                    now[0] if len(now) == 1 else total_values(figures, now),
                    (was[0] if len(was) == 1 else total_values(figures, was)) if was else None,
                )
            )
    views["level"] = {
        "zh": VIEW_ZH["level"],
        "heads": [{"key": "level", "zh": "层级"}],
        "rows": level_rows,
        "total": hall_total,
    }

    if allowed_halls is None and "item" in current:
        prev_items = _index(previous.get("item"), "item")
        item_rows = []
        for src in current["item"]["rows"]:
            before = prev_items.get(str(src["item"]))
            item_rows.append(
                make_row(
                    str(src["item"]),
                    {"item": src["item"], "name": src.get("name")},
                    item_figures,
                    report_values(src, []),
                    report_values(before, []) if before else None,
                )
            )
        views["item"] = {
            "zh": VIEW_ZH["item"],
            "heads": [{"key": "item", "zh": "事项编码"}, {"key": "name", "zh": "事项名称"}],
            "rows": item_rows,
            "total": None,  # an item total would count the tickets without an item twice
            "figures": [f.key for f in item_figures],
        }
    cur_period = (hall_report["from"], hall_report["to"])
    prev_hall = previous.get("hall")
    return {
        "title": TITLE_ZH,
        "from": cur_period[0],
        "to": cur_period[1],
        "compare_from": prev_hall["from"] if prev_hall else None,
        "compare_to": prev_hall["to"] if prev_hall else None,
        "generated_at": hall_report.get("generated_at"),
        "catalog_version": catalog_version,
        "scope": dict(scope or {"kind": "city"}),
        "figures": [f.as_json() for f in figures],
        "views": views,
    }


def _total_row(figures: list[Figure], rows: list[dict[str, Any]], label: str) -> dict[str, Any]:
    """The totals row: every hall's own row summed (a parent's row never holds its children's)."""
    now = total_values(figures, [r["values"] for r in rows])
    before = [r["previous"] for r in rows if any(v is not None for v in r["previous"].values())]
    was = total_values(figures, before) if before else None
    return make_row("total", {"name": label, "level": label}, figures, now, was)


def view_figures(book: Mapping[str, Any], view: str) -> list[Figure]:
    """The figures a view shows, as Figure objects (a view may show fewer than the book)."""
    figures = [Figure(**f) for f in book["figures"]]
    wanted = book["views"][view].get("figures")
    return [f for f in figures if wanted is None or f.key in wanted]
