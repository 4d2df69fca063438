"""The report as an official reads it: figures with their kinds, views as rows, the period before.

A book is plain JSON (what GET /api/v1/office/report returns), built from the governance report
(kiosk.center.governance) by its column spec: every figure carries its key, Chinese label and
unit kind (count, percent, minutes, text), and here whether a high or a low value is the bad one.
The workbook, the CSV and the office page all render the book, so each shows the figures the
report computed and nothing computed anew.

Shape of a book:
  {"title", "from", "to", "compare_from", "compare_to", "generated_at", "catalog_version",
   "scope": {"kind": "city"} | {"kind": "district", "hall": CODE},
   "figures": [{"key", "zh", "unit", "worse"}],
   "views": {VIEW: {"zh", "heads": [{"key", "zh"}],
                    "rows": [{"id", "cells", "depth", "values", "previous", "change"}],
                    "total": ROW | None, "figures": [KEY]}},
   "definitions": {KEY: TEXT}}
`change` is the report's relative change (0.25 = +25 %) for counts and minutes, and the
difference in percentage points for percents (a 90 % -> 95 % satisfaction rate is +5.0 points,
not +5.6 %). A text figure has no change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

VIEWS = ("level", "hall", "item", "hall_item")
VIEW_ZH = {"level": "按层级", "hall": "按大厅", "item": "按事项", "hall_item": "大厅与事项"}
LEVEL_ZH = {"city": "市级", "district": "区级", "township": "乡镇"}
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


# Which way is bad, for the highlight and the colour of a change: the governance figures say what
# they count; this says how an office reads them. Figures not named here are not judged.
WORSE = {
    "corrections": "high", "correction_rate": "high", "first_time_rate": "low",
    "extra_materials": "high", "extra_materials_rate": "high", "items_nonstandard": "high",
    "wait_p50_min": "high", "wait_p90_min": "high", "satisfaction_rate": "low",
    "bad_ratings": "high", "bad_rating_rate": "high", "cases_opened": "high",
    "case_closure_rate": "low", "case_on_time_rate": "low", "pause_min_per_window_day": "high",
    "idle_alerts": "high", "idle_alerts_per_window_day": "high", "unclaimed_questions": "high",
}  # fmt: skip
GOV_VIEWS = {"levels": "level", "halls": "hall", "items": "item", "hall_items": "hall_item"}
HEADS = {
    "level": [{"key": "level", "zh": "层级"}, {"key": "halls", "zh": "大厅数"}],
    "hall": [{"key": "name", "zh": "大厅"}, {"key": "hall", "zh": "编码"},
             {"key": "level", "zh": "层级"}],
    "item": [{"key": "item", "zh": "事项编码"}, {"key": "name", "zh": "事项名称"}],
    "hall_item": [{"key": "hall_name", "zh": "大厅"}, {"key": "hall", "zh": "编码"},
                  {"key": "item", "zh": "事项编码"}, {"key": "name", "zh": "事项名称"}],
}  # fmt: skip
UNIT_SUFFIXES = ("(分钟)", "（分钟）")


def _figure(spec: Mapping[str, Any]) -> Figure:
    """A governance figure as the book shows it: the unit goes into the header by the
    formatter (minutes or hours), so a unit already in the label is taken off."""
    zh = str(spec["zh"])
    for suffix in UNIT_SUFFIXES:
        zh = zh.removesuffix(suffix)
    return Figure(str(spec["key"]), zh, str(spec["unit"]), WORSE.get(str(spec["key"])))


def change(fig: Figure, now: Any, before: Any, change_pct: Any = None) -> float | None:
    """The change against the compared period: the difference in points for a percent, the
    report's own relative change otherwise (as a fraction: 0.25 is +25 %)."""
    if fig.unit == "text":
        return None
    if fig.unit == "percent":
        if not (_is_number(now) and _is_number(before)):
            return None
        return round((now - before) * 100, 4)
    return None if not _is_number(change_pct) else round(change_pct / 100, 6)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def make_row(
    row_id: str, cells: dict[str, Any], figures: list[Figure], src: Mapping[str, Any], depth: int
) -> dict[str, Any]:
    now, before = src.get("values") or {}, src.get("previous") or {}
    pct = src.get("change_pct") or {}
    return {
        "id": row_id,
        "cells": cells,
        "depth": depth,
        "values": {f.key: now.get(f.key) for f in figures},
        "previous": {f.key: before.get(f.key) for f in figures},
        "change": {f.key: change(f, now.get(f.key), before.get(f.key), pct.get(f.key))
                   for f in figures},
    }  # fmt: skip


def total_label(scope: Mapping[str, Any]) -> str:
    return {"city": TOTAL_ZH, "district": DISTRICT_TOTAL_ZH}.get(str(scope.get("kind")), "合计")


def book_from_governance(
    gov: Mapping[str, Any], scope: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The book of a governance report (kiosk.center.governance.build_governance), as it was
    asked for: already cut to the halls the caller may see."""
    scope = dict(scope or {"kind": "city"})
    figures = [_figure(f) for f in gov["figures"]]
    in_view = {
        view: [f.key for f, spec in zip(figures, gov["figures"], strict=True)
               if gov_view in spec.get("views", GOV_VIEWS)]
        for gov_view, view in GOV_VIEWS.items()
    }  # fmt: skip
    views: dict[str, Any] = {}
    for gov_view, view in GOV_VIEWS.items():
        if gov_view not in gov:  # a view left out of the report (the office page's hall x item)
            continue
        shown = [f for f in figures if f.key in in_view[view]]
        rows = []
        for src in gov.get(gov_view, []):
            if view == "level":
                row_id, depth = str(src["level"]), 0
                cells = {"level": LEVEL_ZH.get(src["level"], src.get("name")),
                         "halls": src.get("halls")}  # fmt: skip
            elif view == "hall":
                row_id, depth = str(src["hall"]), int(src.get("depth") or 0)
                cells = {"name": src.get("name"), "hall": src["hall"],
                         "level": LEVEL_ZH.get(src["level"], src["level"])}  # fmt: skip
            elif view == "item":
                row_id, depth = str(src["item"]), 0
                cells = {"item": src["item"], "name": src.get("name")}
            else:
                row_id, depth = f"{src['hall']}/{src['item']}", 0
                cells = {"hall_name": src.get("hall_name"), "hall": src["hall"],
                         "item": src["item"], "name": src.get("name")}  # fmt: skip
            rows.append(make_row(row_id, cells, shown, src, depth))
        total = None
        if view in ("level", "hall") and gov.get("total"):
            label = total_label(scope)
            cells = (
                {"level": label, "halls": gov["total"].get("halls")}
                if view == "level"
                else {"name": label}
            )
            total = make_row("total", cells, shown, gov["total"], 0)
        views[view] = {"zh": VIEW_ZH[view], "heads": HEADS[view], "rows": rows, "total": total,
                       "figures": in_view[view]}  # fmt: skip
    return {
        "title": TITLE_ZH,
        "from": gov["from"],
        "to": gov["to"],
        "compare_from": gov.get("compare_from"),
        "compare_to": gov.get("compare_to"),
        "generated_at": gov.get("generated_at"),
        "catalog_version": gov.get("catalog_version"),
        "scope": scope,
        "figures": [f.as_json() for f in figures],
        "definitions": {str(f["key"]): f.get("definition", "") for f in gov["figures"]},
        "views": views,
    }


def view_figures(book: Mapping[str, Any], view: str) -> list[Figure]:
    """The figures a view shows, as Figure objects (a view may show fewer than the book)."""
    figures = [Figure(**f) for f in book["figures"]]
    wanted = book["views"][view].get("figures")
    return [f for f in figures if wanted is None or f.key in wanted]
