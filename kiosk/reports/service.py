"""The hall's service report for a period (day, week, month or any range): tickets by hour, the
wait distribution, handling time per service item, no-shows, satisfaction by window and by
clerk, absences by reason, corrections (补正) and the materials that were missing, and the help
desk's consultations.

Each table is one aggregate query over the projection tables, bounded by the period's service
days (the tickets' (service_day, number) key) or UTC bounds (absences, consultations), so a
month of a large hall reads each ticket a few times and never the event log
(benchmarks/bench_reports.py).

Definitions, shared with the center's report where both have one (kiosk/center/report_metrics):
a no-show is a ticket missed after its last recall, requeued or not; satisfaction is the share of
ratings at 4 or 5 among the ratings of the period's tickets; a bad rating is 1 or 2.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from kiosk.center.report_metrics import ratio
from kiosk.domain import BAD_RATING_MAX
from kiosk.reports.context import ReportContext, tickets_in
from kiosk.reports.period import Period
from kiosk.reports.table import Column, Kind, Report, Table

# upper bounds in minutes; the last bucket is open
WAIT_BUCKETS = (5, 10, 15, 30, 60)


def seconds(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


def service_report(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Report:
    tables = (
        summary(conn, ctx, period),
        by_hour(conn, ctx, period),
        waits(conn, ctx, period),
        items(conn, ctx, period),
        satisfaction(conn, ctx, period, "window_no"),
        satisfaction(conn, ctx, period, "clerk"),
        absences(conn, ctx, period),
        corrections(conn, ctx, period),
        missing_materials(conn, ctx, period),
        consultations(conn, ctx, period),
    )
    return Report(
        "day", "服务情况报表", "Service report", period.start, period.end, ctx.hall_name, tables
    )


def summary(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    t = conn.execute(
        "SELECT COUNT(*) AS tickets,"
        " SUM(status = 'done') AS finished,"
        " SUM(status = 'no_show' OR requeue_count > 0) AS no_shows,"
        " AVG(wait_s) AS wait_avg,"
        " AVG(CASE WHEN status = 'done' THEN handle_s END) AS handle_avg,"
        " SUM(status = 'done' AND outcome = 'correction') AS corrections"
        f" FROM tickets WHERE {tickets_in()}",
        ctx.scope(conn, period.days),
    ).fetchone()
    r = conn.execute(
        "SELECT COUNT(*), SUM(r.level >= 4) FROM tickets t JOIN ratings r ON r.ticket_id = t.id"
        f" WHERE {tickets_in('t')}",
        ctx.scope(conn, period.days),
    ).fetchone()
    lo, hi = period.utc_bounds(ctx.settings.tz)
    asked = conn.execute(
        "SELECT COUNT(*) FROM consultations WHERE created_at >= ? AND created_at < ?", (lo, hi)
    ).fetchone()[0]
    tickets = int(t["tickets"])
    row = {
        "tickets": tickets,
        "finished": int(t["finished"] or 0),
        "no_shows": int(t["no_shows"] or 0),
        "no_show_rate": ratio(int(t["no_shows"] or 0), tickets),
        "wait_avg_s": seconds(t["wait_avg"]),
        "handle_avg_s": seconds(t["handle_avg"]),
        "ratings": int(r[0]),
        "satisfaction": ratio(int(r[1] or 0), int(r[0])),
        "corrections": int(t["corrections"] or 0),
        "consultations": int(asked),
    }
    return Table(
        "summary",
        "概况",
        "Summary",
        (
            Column("tickets", "取号数", "Tickets", Kind.INT),
            Column("finished", "办理数", "Served", Kind.INT),
            Column("no_shows", "过号数", "No-shows", Kind.INT),
            Column("no_show_rate", "过号率", "No-show rate", Kind.PERCENT),
            Column("wait_avg_s", "平均等候(分钟)", "Mean wait (min)", Kind.MINUTES),
            Column("handle_avg_s", "平均办理(分钟)", "Mean handling (min)", Kind.MINUTES),
            Column("ratings", "评价数", "Ratings", Kind.INT),
            Column("satisfaction", "满意率", "Satisfaction", Kind.PERCENT),
            Column("corrections", "补正数", "Corrections", Kind.INT),
            Column("consultations", "咨询数", "Consultations", Kind.INT),
        ),
        [row],
    )


def by_hour(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    """Issued per local hour. Grouped by the UTC hour in SQL and moved to the hall's hour here,
    exact for every zone with a whole-hour offset (all of China's)."""
    counts: dict[int, list[float]] = {}
    for utc_hour, n, wait_sum, waited in conn.execute(
        "SELECT substr(issued_at, 1, 13), COUNT(*), SUM(wait_s), COUNT(wait_s) FROM tickets"
        f" WHERE {tickets_in()} GROUP BY 1",
        ctx.scope(conn, period.days),
    ):
        at = datetime.fromisoformat(utc_hour + ":00:00").replace(tzinfo=UTC)
        hour = at.astimezone(ctx.settings.tz).hour
        c = counts.setdefault(hour, [0, 0.0, 0])
        c[0] += n
        c[1] += wait_sum or 0.0
        c[2] += waited
    rows = [
        {
            "hour": f"{h:02d}:00",
            "tickets": int(c[0]),
            "wait_avg_s": seconds(c[1] / c[2]) if c[2] else None,
        }
        for h, c in sorted(counts.items())
    ]
    return Table(
        "by_hour",
        "分时段取号",
        "Tickets by hour",
        (
            Column("hour", "时段", "Hour"),
            Column("tickets", "取号数", "Tickets", Kind.INT),
            Column("wait_avg_s", "平均等候(分钟)", "Mean wait (min)", Kind.MINUTES),
        ),
        rows,
    )


def bucket_label(i: int, lang: str) -> str:
    lo = 0 if i == 0 else WAIT_BUCKETS[i - 1]
    if i == len(WAIT_BUCKETS):
        return f"{lo}分钟以上" if lang == "zh" else f"{lo}+ min"
    hi = WAIT_BUCKETS[i]
    return f"{lo}-{hi}分钟" if lang == "zh" else f"{lo}-{hi} min"


def waits(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    """Called tickets by how long they waited (a bucket holds waits up to its upper bound)."""
    case = " ".join(f"WHEN wait_s <= {m * 60} THEN {i}" for i, m in enumerate(WAIT_BUCKETS))
    found = dict(
        conn.execute(
            f"SELECT CASE {case} ELSE {len(WAIT_BUCKETS)} END, COUNT(*) FROM tickets"
            f" WHERE {tickets_in()} AND wait_s IS NOT NULL GROUP BY 1",
            ctx.scope(conn, period.days),
        ).fetchall()
    )
    total = sum(found.values())
    rows = [
        {
            "bucket": bucket_label(i, ctx.lang),
            "tickets": int(found.get(i, 0)),
            "share": ratio(found.get(i, 0), total),
        }
        for i in range(len(WAIT_BUCKETS) + 1)
    ]
    return Table(
        "waits",
        "等候时长分布",
        "Wait distribution",
        (
            Column("bucket", "等候时长", "Wait"),
            Column("tickets", "人数", "Tickets", Kind.INT),
            Column("share", "占比", "Share", Kind.PERCENT),
        ),
        rows,
    )


def items(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    rows = [
        {
            "item": item or "",
            "name": ctx.item_name(item) if item else ctx.category_name(category),
            "finished": int(n),
            "handle_avg_s": seconds(avg),
            "handle_max_s": seconds(mx),
            "corrections": int(corr or 0),
            "correction_rate": ratio(int(corr or 0), int(n)),
        }
        for item, category, n, avg, mx, corr in conn.execute(
            "SELECT item, MIN(category), COUNT(*), AVG(handle_s), MAX(handle_s),"
            " SUM(outcome = 'correction') FROM tickets"
            f" WHERE {tickets_in()} AND status = 'done'"
            " GROUP BY item ORDER BY COUNT(*) DESC, item",
            ctx.scope(conn, period.days),
        )
    ]
    return Table(
        "items",
        "事项办理时长",
        "Handling time per service item",
        (
            Column("item", "事项编码", "Item code"),
            Column("name", "事项名称", "Service item"),
            Column("finished", "办理数", "Served", Kind.INT),
            Column("handle_avg_s", "平均办理(分钟)", "Mean handling (min)", Kind.MINUTES),
            Column("handle_max_s", "最长办理(分钟)", "Longest (min)", Kind.MINUTES),
            Column("corrections", "补正数", "Corrections", Kind.INT),
            Column("correction_rate", "补正率", "Correction rate", Kind.PERCENT),
        ),
        rows,
    )


def satisfaction(conn: sqlite3.Connection, ctx: ReportContext, period: Period, by: str) -> Table:
    """Ratings of the period's services, by the window or the clerk who gave the service."""
    assert by in ("window_no", "clerk")
    rows: list[dict[str, Any]] = []
    for key, n, mean, good, bad in conn.execute(
        f"SELECT r.{by}, COUNT(*), AVG(r.level), SUM(r.level >= 4), SUM(r.level <= ?)"
        " FROM tickets t JOIN ratings r ON r.ticket_id = t.id"
        f" WHERE {tickets_in('t')} AND r.{by} IS NOT NULL GROUP BY r.{by}"
        f" ORDER BY r.{by}",
        (BAD_RATING_MAX, *ctx.scope(conn, period.days)),
    ):
        name = ctx.window_name(key) if by == "window_no" else ctx.clerk_name(key)
        rows.append(
            {
                "key": key,
                "name": name,
                "ratings": int(n),
                "mean": round(float(mean), 2),
                "satisfaction": ratio(int(good), int(n)),
                "bad": int(bad),
            }
        )
    window = by == "window_no"
    return Table(
        "windows" if window else "clerks",
        "窗口满意度" if window else "人员满意度",
        "Satisfaction by window" if window else "Satisfaction by clerk",
        (
            Column(
                "key",
                "窗口" if window else "工号",
                "Window" if window else "Employee no",
                Kind.INT if window else Kind.TEXT,
            ),
            Column("name", "名称" if window else "姓名", "Name"),
            Column("ratings", "评价数", "Ratings", Kind.INT),
            Column("mean", "平均分", "Mean level", Kind.NUMBER),
            Column("satisfaction", "满意率", "Satisfaction", Kind.PERCENT),
            Column("bad", "差评数", "Bad ratings", Kind.INT),
        ),
        rows,
    )


def absences(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    """Pauses begun in the period, by reason; one still running counts, its minutes do not."""
    lo, hi = period.utc_bounds(ctx.settings.tz)
    rows = [
        {
            "reason": reason,
            "name": ctx.reason_name(reason),
            "count": int(n),
            "minutes_s": seconds(total or 0.0),
            "mean_s": seconds(mean),
            "ongoing": int(ongoing or 0),
        }
        for reason, n, total, mean, ongoing in conn.execute(
            "SELECT reason, COUNT(*), SUM(duration_s), AVG(duration_s), SUM(ended_at IS NULL)"
            " FROM absences WHERE started_at >= ? AND started_at < ?"
            " GROUP BY reason ORDER BY SUM(duration_s) DESC, reason",
            (lo, hi),
        )
    ]
    return Table(
        "absences",
        "离岗原因",
        "Absences by reason",
        (
            Column("reason", "原因编码", "Reason code"),
            Column("name", "原因", "Reason"),
            Column("count", "次数", "Times", Kind.INT),
            Column("minutes_s", "合计(分钟)", "Total (min)", Kind.MINUTES),
            Column("mean_s", "平均(分钟)", "Mean (min)", Kind.MINUTES),
            Column("ongoing", "未结束", "Ongoing", Kind.INT),
        ),
        rows,
    )


def corrections(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    rows = [
        {"item": item or "", "name": ctx.item_name(item), "corrections": int(n)}
        for item, n in conn.execute(
            f"SELECT item, COUNT(*) FROM tickets WHERE {tickets_in()}"
            " AND status = 'done' AND outcome = 'correction'"
            " GROUP BY item ORDER BY COUNT(*) DESC, item",
            ctx.scope(conn, period.days),
        )
    ]
    return Table(
        "corrections",
        "补正事项",
        "Corrections per item",
        (
            Column("item", "事项编码", "Item code"),
            Column("name", "事项名称", "Service item"),
            Column("corrections", "补正数", "Corrections", Kind.INT),
        ),
        rows,
    )


def missing_materials(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    rows = [
        {"item": item or "", "name": ctx.item_name(item), "material": material, "times": int(n)}
        for item, material, n in conn.execute(
            "SELECT t.item, m.value, COUNT(*) FROM tickets t, json_each(t.missing_materials) m"
            f" WHERE {tickets_in('t')} AND t.status = 'done'"
            " AND t.outcome = 'correction'"
            " GROUP BY t.item, m.value ORDER BY COUNT(*) DESC, t.item, m.value",
            ctx.scope(conn, period.days),
        )
    ]
    return Table(
        "missing",
        "缺少材料",
        "Missing materials",
        (
            Column("item", "事项编码", "Item code"),
            Column("name", "事项名称", "Service item"),
            Column("material", "缺少的材料", "Missing material"),
            Column("times", "次数", "Times", Kind.INT),
        ),
        rows,
    )


def consultations(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Table:
    lo, hi = period.utc_bounds(ctx.settings.tz)
    rows = [
        {
            "topic": topic,
            "asked": int(n),
            "resolved": int(resolved or 0),
            "referred": int(referred or 0),
            "converted": int(converted or 0),
            "open": int(still or 0),
        }
        for topic, n, resolved, referred, converted, still in conn.execute(
            "SELECT topic, COUNT(*), SUM(status = 'resolved'), SUM(status = 'referred'),"
            " SUM(status = 'converted'), SUM(status IN ('open', 'claimed'))"
            " FROM consultations WHERE created_at >= ? AND created_at < ?"
            " GROUP BY topic ORDER BY COUNT(*) DESC, topic",
            (lo, hi),
        )
    ]
    return Table(
        "consultations",
        "咨询",
        "Consultations",
        (
            Column("topic", "主题", "Topic"),
            Column("asked", "咨询数", "Asked", Kind.INT),
            Column("resolved", "已解答", "Resolved", Kind.INT),
            Column("referred", "已转交", "Referred", Kind.INT),
            Column("converted", "转取号", "To a ticket", Kind.INT),
            Column("open", "未完成", "Open", Kind.INT),
        ),
        rows,
    )
