"""The governance report (三级对比): the figures that show uneven standards and uneven service
across the city, district and township levels, per level, hall, item and hall x item, for a
period and compared with an earlier one.

Every figure is defined once, in FIGURES (key, Chinese label, unit kind, definition); the API,
the CLI and the page format by unit kind: `count` (a whole number, or a mean per window-day),
`percent` (a fraction 0..1, shown x 100), `minutes` (already in minutes), `text`. The numbers come
from the daily rollups (kiosk/center/rollup_read.py), never from raw events. docs/governance.md
is generated from the same table (`FIGURE_DOC`).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from kiosk.center.errors import invalid
from kiosk.center.gc_pause import no_cyclic_gc
from kiosk.center.halls import LEVEL_ZH, Hall, list_halls
from kiosk.center.report_metrics import round_to
from kiosk.center.reports import _check_period
from kiosk.center.rollup_read import Group, fresh, read_all_halls, read_groups
from kiosk.center.rollups import HALL, ITEM, ITEM_ALL, LEVEL_ALL
from kiosk.center.schema import catalog_versions, hall_catalogs
from kiosk.center.timeutil import is_day, iso_utc, utc_now
from kiosk.domain import PAUSE_REASON_NAMES, HallLevel

UNITS = ("count", "percent", "minutes", "text")
VIEWS = ("levels", "halls", "items", "hall_items")


@dataclass(frozen=True)
class Figure:
    key: str
    zh: str
    unit: str
    definition: str  # numerator / denominator / period, in one sentence
    views: tuple[str, ...] = VIEWS


HALL_VIEWS = ("levels", "halls")
_REASONS = tuple(PAUSE_REASON_NAMES)
FIGURES: tuple[Figure, ...] = (
    Figure("finished", "办件数", "count", "`ticket.finished` events in the period."),
    Figure("corrections", "补正件数", "count", "Finishes with outcome 补正 (correction)."),
    Figure("correction_rate", "补正率(每百件)", "percent",
           "Corrections / finishes: x 100 it is corrections per 100 finishes; each one sends "
           "the citizen home for a second trip."),
    Figure("missing_top", "最常缺少的材料", "text",
           "The three materials most often listed as missing in corrections, with counts."),
    Figure("first_time_rate", "一次办结率", "percent",
           "Finishes with outcome 办结 (completed) / finishes: done at the first visit, no 补正."),
    Figure("extra_materials", "反映要求额外材料", "count",
           "Ratings tagged 要求额外材料 (asked for materials beyond the standard)."),
    Figure("extra_materials_rate", "额外材料反映率", "percent",
           "Ratings tagged 要求额外材料 / ratings."),
    Figure("items_off", "停用事项", "text",
           "Standard items the hall had switched off at the end of the period (its last "
           "`catalog.applied`); for a level or an item, which halls.",
           ("levels", "halls", "items")),
    Figure("items_differing", "与标准不一致事项", "text",
           "Items whose definition in the catalog the hall applied last differs from the "
           "standard catalog in force at the end of the period (the latest published by then); "
           "`?` when the hall runs a catalog the center never published.", HALL_VIEWS),
    Figure("items_nonstandard", "不一致事项数", "count",
           "Items switched off plus items differing from the standard, per hall at the end of "
           "the period; summed over the halls of a level.", HALL_VIEWS),
    Figure("catalog_version", "目录版本", "text",
           "The catalog version the hall applied last by the end of the period.", ("halls",)),
    Figure("tickets", "取号数", "count", "`ticket.issued` events in the period."),
    Figure("wait_p50_min", "等候时长中位数(分钟)", "minutes",
           "Median of each ticket's wait to its first call, in whole seconds, in minutes."),
    Figure("wait_p90_min", "等候时长P90(分钟)", "minutes",
           "90th percentile of the same waits (linear between closest ranks), in minutes."),
    Figure("handle_avg_min", "平均办理时长(分钟)", "minutes",
           "Mean `handle_s` of finishes (start, or call, to finish), in minutes."),
    Figure("ratings", "评价数", "count", "`rating.recorded` events in the period."),
    Figure("satisfaction_rate", "满意率", "percent", "Ratings of 4-5 (满意, 非常满意) / ratings."),
    Figure("bad_ratings", "差评数", "count", "Ratings of 1-2 (不满意, 非常不满意)."),
    Figure("bad_rating_rate", "差评率", "percent", "Ratings of 1-2 / ratings."),
    Figure("cases_opened", "差评工单数", "count", "Bad-rating cases opened in the period."),
    Figure("case_closure_rate", "差评整改办结率", "percent",
           "Cases opened in the period and closed by now / cases opened in the period."),
    Figure("case_on_time_rate", "按期办结率", "percent",
           "Cases opened in the period and closed on or before their deadline (local day) / "
           "cases opened in the period."),
    Figure("window_days", "窗口开放天数", "count",
           "Window-days: a window opened (`window.opened`) at least once on a service day.",
           HALL_VIEWS),
    Figure("pause_min_per_window_day", "每窗口日暂停时长(分钟)", "minutes",
           "Minutes of pauses ended (`window.resumed`) in the period / window-days.", HALL_VIEWS),
    *(
        Figure(f"pause_{r.value}_min_per_window_day", f"每窗口日{zh}暂停(分钟)", "minutes",
               f"Minutes of pauses with reason {r.value} / window-days.", HALL_VIEWS)
        for r, (zh, _en) in PAUSE_REASON_NAMES.items()
    ),
    Figure("idle_alerts", "疑似空岗次数", "count", "`alert.raised` of kind idle_window.",
           HALL_VIEWS),
    Figure("idle_alerts_per_window_day", "每窗口日疑似空岗", "count",
           "Idle-window alerts / window-days (a mean, two decimals).", HALL_VIEWS),
    Figure("consultations", "咨询数", "count", "Help-desk questions created in the period.",
           HALL_VIEWS),
    Figure("unclaimed_questions", "咨询无人认领", "count",
           "`alert.raised` of kind unclaimed_consultation: a question nobody claimed in time.",
           HALL_VIEWS),
)  # fmt: skip
BY_KEY = {f.key: f for f in FIGURES}


def figure_table() -> list[dict[str, Any]]:
    """The definitions as data, for the API, the CLI and the page."""
    return [
        {"key": f.key, "zh": f.zh, "unit": f.unit, "definition": f.definition, "views": f.views}
        for f in FIGURES
    ]


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 2)


def _per(part: float, whole: int, digits: int = 2) -> float | None:
    return round(part / whole, digits) if whole else None


@dataclass
class CatalogState:
    """A hall's catalog at the end of a period, against the standard in force then."""

    version: str | None
    off: list[str]
    differing: list[str] | None  # None: the hall's version is unknown to the center


def _catalog_states(
    conn: Connection, halls: Collection[str], day_to: str
) -> tuple[dict[str, CatalogState], str | None]:
    c = hall_catalogs.c
    last: dict[str, tuple[str, list[str]]] = {}
    query = select(c.hall, c.version, c.items_disabled).where(c.day <= day_to).order_by(c.seq)
    for hall, version, disabled in conn.execute(query):
        last[hall] = (version, json.loads(disabled))
    v = catalog_versions.c
    bodies = {
        version: json.loads(body)
        for version, body in conn.execute(
            select(v.version, v.body).where(v.published_at <= f"{day_to}T23:59:59.999Z")
            .order_by(v.published_at)
        )
    }  # fmt: skip
    standard = list(bodies)[-1] if bodies else None

    def items(version: str) -> dict[str, str]:
        return {
            str(i.get("code")): json.dumps(i, sort_keys=True, ensure_ascii=False)
            for i in bodies[version].get("items", [])
        }

    out = {}
    for hall in halls:
        version, off = last.get(hall, (None, []))
        differing: list[str] | None = []
        if version is not None and standard is not None and version != standard:
            if version in bodies:
                mine, std = items(version), items(standard)
                differing = sorted(k for k in set(mine) | set(std) if mine.get(k) != std.get(k))
            else:
                differing = None
        out[hall] = CatalogState(version, off, differing)
    return out, standard


def _values(group: Group, item_view: bool) -> dict[str, Any]:
    """The figures of one group. The arithmetic of `ratio` and `_minutes` is written out here
    (the same expressions, with round_to for round): a province's hall x item view calls this
    some 80,000 times."""
    c = group.counts
    finished, ratings, cases = c["finished"], c["ratings"], c["cases"]
    corrections, extra, bad = c["corrections"], c["extra_materials"], c["bad_ratings"]
    handles = c["handles"]
    p50, p90 = group.percentiles()
    top = sorted(group.missing.items(), key=lambda kv: (-kv[1], kv[0]))[:3] if group.missing else []
    out: dict[str, Any] = {
        "finished": finished,
        "corrections": corrections,
        "correction_rate": round_to(corrections / finished, 6) if finished else None,
        "missing_top": "; ".join(f"{name} x{n}" for name, n in top),
        "first_time_rate": round_to(c["completed"] / finished, 6) if finished else None,
        "extra_materials": extra,
        "extra_materials_rate": round_to(extra / ratings, 6) if ratings else None,
        "tickets": c["tickets"],
        "wait_p50_min": None if p50 is None else round_to(p50 / 60, 2),
        "wait_p90_min": None if p90 is None else round_to(p90 / 60, 2),
        "handle_avg_min": (round(c["handle_ms"] / handles / 1000 / 60, 2) if handles else None),
        "ratings": ratings,
        "satisfaction_rate": round_to(c["satisfied"] / ratings, 6) if ratings else None,
        "bad_ratings": bad,
        "bad_rating_rate": round_to(bad / ratings, 6) if ratings else None,
        "cases_opened": cases,
        "case_closure_rate": round_to(c["cases_closed"] / cases, 6) if cases else None,
        "case_on_time_rate": round_to(c["cases_on_time"] / cases, 6) if cases else None,
    }
    if item_view:
        return out
    wd = c["windows_opened"]
    pause_ms = {reason: ms for reason, (_n, ms) in group.pauses.items()}
    out.update(
        window_days=wd,
        pause_min_per_window_day=_minutes(_per(c["pause_ms"] / 1000, wd, 6)),
        idle_alerts=c["idle_alerts"],
        idle_alerts_per_window_day=_per(c["idle_alerts"], wd),
        consultations=c["consultations"],
        unclaimed_questions=c["unclaimed_alerts"],
    )
    for reason in _REASONS:
        seconds = pause_ms.get(reason.value, 0) / 1000
        out[f"pause_{reason.value}_min_per_window_day"] = _minutes(_per(seconds, wd, 6))
    return out


class _Period:
    """The rollup groups of one period, keyed for each view. With every hall chosen, the
    levels and the items come from the month's totals of all halls (read_all_halls), so no
    group of one hall is ever merged and their histograms stay unread."""

    def __init__(
        self,
        engine: Engine,
        halls: dict[str, Hall],
        day_from: str,
        day_to: str,
        every_hall: bool,
        pairs: bool = True,
    ) -> None:
        codes = list(halls)
        chosen = None if every_hall else codes
        self.totals: dict[str, dict[str, Group]] | None = None
        if every_hall:
            level_of = {code: h.level for code, h in halls.items()}.get
            self.totals = {
                kind: read_all_halls(engine, kind, day_from, day_to, level_of)
                for kind in (LEVEL_ALL, ITEM_ALL)
            }
        with engine.connect() as conn:
            found = read_groups(conn, HALL, day_from, day_to, chosen, merging=not every_hall)
            self.by_hall = {h: g for (h, _k), g in found.items() if h in halls}
            # with every hall chosen the items come from the totals: one hall's items are
            # read only for the hall x item view
            self.by_hall_item: dict[tuple[str, str], Group] = {}
            if pairs or not every_hall:
                found = read_groups(conn, ITEM, day_from, day_to, chosen, merging=not every_hall)
                self.by_hall_item = {k: g for k, g in found.items() if k[0] in halls}
            self.catalogs, self.standard = _catalog_states(conn, codes, day_to)
        self.halls = halls
        self.off_by_item: dict[str, list[str]] = {}
        for code in codes:
            for item in self.catalogs[code].off:
                self.off_by_item.setdefault(item, []).append(code)

    def merged(self, groups: list[Group]) -> Group:
        total = Group()
        for g in groups:
            total.merge(g)
        return total

    def level_group(self, level: str | None, codes: list[str]) -> Group:
        """The group of a level (None: every level) of the chosen halls."""
        if self.totals is None:
            return self.merged([self.by_hall.get(c, Group()) for c in codes])
        levels = self.totals[LEVEL_ALL]
        if level is not None:
            return levels.get(level, Group())
        return self.merged([levels.get(lv.value, Group()) for lv in HallLevel])

    def hall_values(
        self, codes: list[str], one_hall: bool = False, level: str | None = None
    ) -> dict[str, Any]:
        group = self.by_hall.get(codes[0], Group()) if one_hall else self.level_group(level, codes)
        values = _values(group, False)
        states = [(c, self.catalogs[c]) for c in codes]
        off: dict[str, list[str]] = {}
        for code, state in states:
            for item in state.off:
                off.setdefault(item, []).append(code)
        if one_hall:
            state = states[0][1]
            values["items_off"] = ", ".join(state.off)
            values["items_differing"] = (
                "?" if state.differing is None else ", ".join(state.differing)
            )
            values["catalog_version"] = state.version
        else:
            values["items_off"] = "; ".join(f"{i} ({len(h)})" for i, h in sorted(off.items()))
            values["items_differing"] = "; ".join(
                f"{c}: {'?' if s.differing is None else ', '.join(s.differing)}"
                for c, s in states if s.differing is None or s.differing
            )  # fmt: skip
        values["items_nonstandard"] = sum(
            len(s.off) + len(s.differing or []) + (s.differing is None) for _c, s in states
        )
        return values

    def item_values(self, item: str, codes: list[str]) -> dict[str, Any]:
        """An item over the chosen halls (`codes`, all of them)."""
        if self.totals is not None:
            group = self.totals[ITEM_ALL].get(item, Group())
        else:
            group = self.merged([self.by_hall_item.get((c, item), Group()) for c in codes])
        values = _values(group, True)
        values["items_off"] = ", ".join(self.off_by_item.get(item, []))
        return values

    def pair_values(self, hall: str, item: str) -> dict[str, Any]:
        return _values(self.by_hall_item.get((hall, item), Group()), True)

    def items(self) -> list[str]:
        if self.totals is not None:
            found = {item for item in self.totals[ITEM_ALL] if item}
        else:
            found = {item for (_h, item) in self.by_hall_item if item}
        for state in self.catalogs.values():
            found.update(state.off)
        return sorted(found)


def tree_order(halls: list[Hall]) -> list[tuple[Hall, int]]:
    """Halls under their parents (city, its districts, each followed by its townships), with
    their depth; a hall whose parent is out of scope starts a branch of its own."""
    codes = {h.code for h in halls}
    children: dict[str | None, list[Hall]] = {}
    for h in halls:
        children.setdefault(h.parent if h.parent in codes else None, []).append(h)
    out: list[tuple[Hall, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for h in sorted(children.get(parent, []), key=lambda h: h.code):
            out.append((h, depth))
            walk(h.code, depth + 1)

    walk(None, 0)
    return out


def default_compare(day_from: str, day_to: str) -> tuple[str, str]:
    """The period of the same length just before."""
    start, end = date.fromisoformat(day_from), date.fromisoformat(day_to)
    length = (end - start).days + 1
    return (start - timedelta(days=length)).isoformat(), (start - timedelta(days=1)).isoformat()


_TEXT = frozenset(f.key for f in FIGURES if f.unit == "text")


def _row(label: dict[str, Any], now: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """A row with the change in % of every figure but the text ones: None where either value
    is missing or the earlier one is 0 (no base to compare)."""
    change = {}
    for k, v in now.items():
        if k not in _TEXT:
            b = before.get(k)
            change[k] = None if v is None or not b else round_to((v - b) / b * 100, 1)
    label.update(values=now, previous=before, change_pct=change)
    return label


@no_cyclic_gc()
def build_governance(
    engine: Engine,
    day_from: str,
    day_to: str,
    compare_from: str | None = None,
    compare_to: str | None = None,
    halls: Collection[str] | None = None,
    pairs: bool = True,
) -> dict[str, Any]:
    """The report as JSON: figure definitions and the rows of every view, each row with its
    values, the earlier period's values and the change in % (None without a base to compare).
    Without `pairs` the hall x item view is left out (the office page asks for it per hall as
    it drills down: over a province it is most of the work). Built with the cyclic garbage
    collector paused (kiosk/center/gc_pause.py)."""
    _check_period(day_from, day_to, "level")
    if (compare_from is None) != (compare_to is None):
        raise invalid(
            "give both compare_from and compare_to, or neither",
            "对比期须同时给出起止日期，或都不给",
        )
    if compare_from is None or compare_to is None:
        compare_from, compare_to = default_compare(day_from, day_to)
    if not (is_day(compare_from) and is_day(compare_to)):
        raise invalid(
            "compare_from and compare_to must be dates YYYY-MM-DD",
            "对比期起止日期须为 YYYY-MM-DD",
        )
    _check_period(compare_from, compare_to, "level")
    for start, end in ((day_from, day_to), (compare_from, compare_to)):
        fresh(engine, start, end)
    with engine.connect() as conn:
        known = list_halls(conn)
    wanted = None if halls is None else set(halls)
    chosen = [h for h in known if wanted is None or h.code in wanted]
    by_code = {h.code: h for h in chosen}
    every = len(chosen) == len(known)
    now = _Period(engine, by_code, day_from, day_to, every, pairs)
    before = _Period(engine, by_code, compare_from, compare_to, every, pairs)
    codes = [h.code for h in chosen]
    levels = []
    for level in HallLevel:
        members = [h.code for h in chosen if h.level == level]
        label: dict[str, Any] = {"level": level.value, "name": LEVEL_ZH[level]}
        label["halls"] = len(members)
        levels.append(
            _row(
                label,
                now.hall_values(members, level=level.value),
                before.hall_values(members, level=level.value),
            )
        )
    total = _row(
        {"name": "合计", "halls": len(codes)}, now.hall_values(codes), before.hall_values(codes)
    )
    hall_rows = []
    for node, depth in tree_order(chosen):
        label = {"hall": node.code, "name": node.name, "level": node.level,
                                 "parent": node.parent, "depth": depth}  # fmt: skip
        one = [node.code]
        hall_rows.append(_row(label, now.hall_values(one, True), before.hall_values(one, True)))
    names = _item_names(engine)
    items = sorted(set(now.items()) | set(before.items()))
    item_rows = [
        _row({"item": i, "name": names.get(i, "")}, now.item_values(i, codes),
             before.item_values(i, codes))
        for i in items
    ]  # fmt: skip
    keys = {k for k in now.by_hall_item if k[1]} | {k for k in before.by_hall_item if k[1]}
    order = {h.code: n for n, (h, _d) in enumerate(tree_order(chosen))}
    pair_rows = []
    for hall, item in sorted(keys, key=lambda p: (order.get(p[0], 0), p[1])):
        label = {"hall": hall, "hall_name": by_code[hall].name, "level": by_code[hall].level,
                 "item": item, "name": names.get(item, "")}  # fmt: skip
        pair_rows.append(_row(label, now.pair_values(hall, item), before.pair_values(hall, item)))
    out = {
        "kind": "governance",
        "from": day_from,
        "to": day_to,
        "compare_from": compare_from,
        "compare_to": compare_to,
        "generated_at": iso_utc(utc_now()),
        "catalog_version": now.standard,
        "figures": figure_table(),
        "total": total,
        "levels": levels,
        "halls": hall_rows,
        "items": item_rows,
        "hall_items": pair_rows,
    }
    if not pairs:
        del out["hall_items"]
    return out


def _item_names(engine: Engine) -> dict[str, str]:
    from kiosk.center.catalogs import latest_version, load_catalog

    version = latest_version(engine)
    catalog = load_catalog(engine, version) if version else None
    return {str(i.get("code")): str(i.get("name_zh", "")) for i in (catalog or {}).get("items", [])}


def figure_doc() -> str:
    """The definitions as a Markdown table (docs/governance.md holds its output)."""
    lines = ["| key | 中文 | unit | definition (period: service days from..to) | views |",
             "|---|---|---|---|---|"]  # fmt: skip
    for f in FIGURES:
        lines.append(f"| `{f.key}` | {f.zh} | {f.unit} | {f.definition} | {', '.join(f.views)} |")
    return "\n".join(lines) + "\n"
