"""Assessment (考核): per clerk, and the monthly window ranking.

Per clerk: served, mean handling time, ratings and satisfaction, bad ratings and what became of
their cases, absences (times and minutes), idle-window alerts (疑似空岗). The ranking orders a
month's windows by satisfaction (then mean level, then services), and flags a window that is in
the bottom group this month and the month before: the rule halls publish, so it is computed the
same way every month and anyone can check it from the tables.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

from kiosk.center.report_metrics import ratio
from kiosk.domain import BAD_RATING_MAX
from kiosk.reports.context import ReportContext, tickets_in
from kiosk.reports.period import Period
from kiosk.reports.service import seconds
from kiosk.reports.table import Column, Kind, Report, Table

# How a case ended (its status and verdict, kiosk/engine/supervision): excluded when its rating
# was found mistaken, malicious or not this hall's (confirmed by a second supervisor), closed
# (followed up and rectified) otherwise; a case neither is still being followed up.
EXCLUDED_VERDICTS = ("mistaken", "malicious", "not_this_hall")
_EXCLUDED_SQL = "(c.status = 'excluded' OR (c.status = 'closed' AND c.verdict IN ({})))".format(
    ", ".join(f"'{v}'" for v in EXCLUDED_VERDICTS)
)
CASE_SQL = {
    "excluded": _EXCLUDED_SQL,
    "closed": f"(c.status = 'closed' AND NOT {_EXCLUDED_SQL})",
    "open": "(c.status NOT IN ('closed', 'excluded'))",
}


def case_outcome(status: str, verdict: str | None) -> str:
    """closed / excluded / open, as CASE_SQL counts them."""
    if status == "excluded" or (status == "closed" and verdict in EXCLUDED_VERDICTS):
        return "excluded"
    return "closed" if status == "closed" else "open"


BOTTOM_SHARE = 0.2  # the bottom fifth of the ranked windows, at least one


def clerk_report(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Report:
    return Report(
        "clerks",
        "人员考核",
        "Clerk assessment",
        period.start,
        period.end,
        ctx.hall_name,
        (clerk_table(conn, ctx, period),),
    )


def clerk_table(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    lo, hi = period.utc_bounds(ctx.settings.tz)
    rows: dict[str, dict[str, Any]] = {}

    def row(clerk: str) -> dict[str, Any]:
        return rows.setdefault(
            clerk,
            {
                "clerk": clerk,
                "name": ctx.clerk_name(clerk),
                "served": 0,
                "handle_avg_s": None,
                "ratings": 0,
                "satisfaction": None,
                "bad": 0,
                "cases_closed": 0,
                "cases_excluded": 0,
                "cases_open": 0,
                "cases_overdue": 0,
                "absences": 0,
                "absence_s": 0.0,
                "idle_alerts": 0,
            },
        )

    for clerk, n, avg in conn.execute(
        "SELECT clerk, COUNT(*), AVG(handle_s) FROM tickets"
        f" WHERE {tickets_in()} AND status = 'done' AND clerk IS NOT NULL"
        " GROUP BY clerk",
        ctx.scope(conn, period.days),
    ):
        r = row(clerk)
        r["served"], r["handle_avg_s"] = int(n), seconds(avg)
    for clerk, n, good, bad in conn.execute(
        "SELECT r.clerk, COUNT(*), SUM(r.level >= 4), SUM(r.level <= ?)"
        " FROM tickets t JOIN ratings r ON r.ticket_id = t.id"
        f" WHERE {tickets_in('t')} AND r.clerk IS NOT NULL GROUP BY r.clerk",
        (BAD_RATING_MAX, *ctx.scope(conn, period.days)),
    ):
        r = row(clerk)
        r["ratings"], r["satisfaction"], r["bad"] = int(n), ratio(int(good), int(n)), int(bad)
    for clerk, c_closed, c_excluded, c_open, c_overdue in conn.execute(
        f"SELECT c.clerk, SUM({CASE_SQL['closed']}), SUM({CASE_SQL['excluded']}),"
        f" SUM({CASE_SQL['open']}), SUM({CASE_SQL['open']} AND c.deadline < ?)"
        " FROM cases c JOIN tickets t ON t.id = c.ticket_id"
        f" WHERE {tickets_in('t')} AND c.clerk IS NOT NULL GROUP BY c.clerk",
        (ctx.today.isoformat(), *ctx.scope(conn, period.days)),
    ):
        r = row(clerk)
        r["cases_closed"], r["cases_excluded"] = int(c_closed), int(c_excluded)
        r["cases_open"], r["cases_overdue"] = int(c_open), int(c_overdue)
    for clerk, n, total in conn.execute(
        "SELECT clerk, COUNT(*), SUM(duration_s) FROM absences"
        " WHERE started_at >= ? AND started_at < ? AND clerk IS NOT NULL GROUP BY clerk",
        (lo, hi),
    ):
        r = row(clerk)
        r["absences"], r["absence_s"] = int(n), seconds(total or 0.0)
    for clerk, n in conn.execute(
        "SELECT json_extract(details, '$.clerk'), COUNT(*) FROM alerts"
        " WHERE kind = 'idle_window' AND at >= ? AND at < ?"
        " AND json_extract(details, '$.clerk') IS NOT NULL GROUP BY 1",
        (lo, hi),
    ):
        row(clerk)["idle_alerts"] = int(n)
    return Table(
        "clerks",
        "人员考核",
        "Clerk assessment",
        (
            Column("clerk", "工号", "Employee no"),
            Column("name", "姓名", "Name"),
            Column("served", "办理数", "Served", Kind.INT),
            Column("handle_avg_s", "平均办理(分钟)", "Mean handling (min)", Kind.MINUTES),
            Column("ratings", "评价数", "Ratings", Kind.INT),
            Column("satisfaction", "满意率", "Satisfaction", Kind.PERCENT),
            Column("bad", "差评数", "Bad ratings", Kind.INT),
            Column("cases_closed", "差评已办结", "Cases closed", Kind.INT),
            Column("cases_excluded", "差评已剔除", "Cases excluded", Kind.INT),
            Column("cases_open", "差评处理中", "Cases open", Kind.INT),
            Column("cases_overdue", "差评超期", "Cases overdue", Kind.INT),
            Column("absences", "离岗次数", "Absences", Kind.INT),
            Column("absence_s", "离岗(分钟)", "Absent (min)", Kind.MINUTES),
            Column("idle_alerts", "空岗提醒", "Idle alerts", Kind.INT),
        ),
        [rows[k] for k in sorted(rows)],
    )


def window_scores(
    conn: sqlite3.Connection, ctx: ReportContext, period: Period
) -> list[dict[str, Any]]:
    """Every window that served in the period, ranked; windows without a rating come last,
    unranked (rank None): there is nothing to rank them by."""
    served = {
        no: (int(n), avg)
        for no, n, avg in conn.execute(
            "SELECT window_no, COUNT(*), AVG(handle_s) FROM tickets"
            f" WHERE {tickets_in()} AND status = 'done' AND window_no IS NOT NULL"
            " GROUP BY window_no",
            ctx.scope(conn, period.days),
        )
    }
    rated = {
        no: (int(n), float(mean), int(good), int(bad))
        for no, n, mean, good, bad in conn.execute(
            "SELECT r.window_no, COUNT(*), AVG(r.level), SUM(r.level >= 4), SUM(r.level <= ?)"
            " FROM tickets t JOIN ratings r ON r.ticket_id = t.id"
            f" WHERE {tickets_in('t')} AND r.window_no IS NOT NULL"
            " GROUP BY r.window_no",
            (BAD_RATING_MAX, *ctx.scope(conn, period.days)),
        )
    }
    rows = []
    for no in sorted(set(served) | set(rated)):
        n_served, avg = served.get(no, (0, None))
        n_rated, mean, good, bad = rated.get(no, (0, None, 0, 0))
        rows.append(
            {
                "window_no": no,
                "served": n_served,
                "handle_avg_s": seconds(avg),
                "ratings": n_rated,
                "mean": round(mean, 2) if mean is not None else None,
                "satisfaction": ratio(good, n_rated),
                "bad": bad,
                "rank": None,
                "bottom": False,
            }
        )
    ranked = sorted(
        (r for r in rows if r["ratings"]),
        key=lambda r: (-r["satisfaction"], -r["mean"], -r["served"], r["window_no"]),
    )
    for i, r in enumerate(ranked, 1):
        r["rank"] = i
    if len(ranked) >= 2:
        for r in ranked[-max(1, math.ceil(len(ranked) * BOTTOM_SHARE)) :]:
            r["bottom"] = True
    return sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["window_no"]))


def ranking_report(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Report:
    """The ranking of the month that holds the period's last day, against the month before."""
    month = Period.month(period.end)
    before = {r["window_no"]: r for r in window_scores(conn, ctx, month.previous_month())}
    rows = window_scores(conn, ctx, month)
    for r in rows:
        prev = before.get(r["window_no"])
        r["name"] = ctx.window_name(r["window_no"])
        r["prev_rank"] = prev["rank"] if prev else None
        r["flagged"] = bool(r["bottom"] and prev and prev["bottom"])
    table = Table(
        "ranking",
        f"{month.start:%Y年%m月}窗口排名",
        f"Window ranking {month.start:%Y-%m}",
        (
            Column("rank", "名次", "Rank", Kind.INT),
            Column("window_no", "窗口", "Window", Kind.INT),
            Column("name", "名称", "Name"),
            Column("served", "办理数", "Served", Kind.INT),
            Column("handle_avg_s", "平均办理(分钟)", "Mean handling (min)", Kind.MINUTES),
            Column("ratings", "评价数", "Ratings", Kind.INT),
            Column("mean", "平均分", "Mean level", Kind.NUMBER),
            Column("satisfaction", "满意率", "Satisfaction", Kind.PERCENT),
            Column("bad", "差评数", "Bad ratings", Kind.INT),
            Column("bottom", "本月靠后", "Bottom group", Kind.FLAG),
            Column("prev_rank", "上月名次", "Last month", Kind.INT),
            Column("flagged", "连续两月靠后", "Bottom two months running", Kind.FLAG),
        ),
        [
            {
                k: r[k]
                for k in (
                    "rank",
                    "window_no",
                    "name",
                    "served",
                    "handle_avg_s",
                    "ratings",
                    "mean",
                    "satisfaction",
                    "bad",
                    "bottom",
                    "prev_rank",
                    "flagged",
                )
            }
            for r in rows
        ],
    )
    return Report(
        "ranking",
        "窗口月度排名",
        "Monthly window ranking",
        month.start,
        month.end,
        ctx.hall_name,
        (table,),
    )
