"""The bad-rating cases (差评工单) opened for a period's services: each with its deadline and
where it stands, and the follow-up rate (cases closed or excluded over cases opened), the figure
halls are held to (target 100 %)."""

from __future__ import annotations

import json
import sqlite3

from kiosk.center.report_metrics import ratio
from kiosk.reports.assessment import case_outcome
from kiosk.reports.context import ReportContext, tickets_in
from kiosk.reports.period import Period
from kiosk.reports.table import Column, Kind, Report, Table

# A case's status in words (the steps of docs/supervision-api.md).
STATUS_NAMES = {
    "open": ("已登记", "Opened"),
    "assigned": ("已指派", "Assigned"),
    "called_back": ("已回访", "Called back"),
    "verified": ("已核实", "Verified"),
    "appealed": ("申诉复核中", "Exclusion pending"),
    "excluded": ("已剔除", "Excluded"),
    "rectified": ("已整改", "Rectified"),
    "revisited": ("已复访", "Revisited"),
    "closed": ("已办结", "Closed"),
}


def status_name(status: str, lang: str) -> str:
    zh, en = STATUS_NAMES.get(status, (status, status))
    return en if lang == "en" else zh


def cases_report(conn: sqlite3.Connection, ctx: ReportContext, period: Period) -> Report:
    today = ctx.today.isoformat()
    rows = []
    for c in conn.execute(
        "SELECT c.*, t.number, t.item, t.service_day FROM cases c"
        " JOIN tickets t ON t.id = c.ticket_id"
        f" WHERE {tickets_in('t')} ORDER BY c.opened_at, c.id",
        ctx.scope(conn, period.days),
    ):
        outcome = case_outcome(c["status"], c["verdict"])
        history = json.loads(c["history"] or "[]")
        rows.append(
            {
                "case_id": c["id"],
                "service_day": c["service_day"],
                "number": c["number"],
                "item": ctx.item_name(c["item"]),
                "window_no": c["window_no"],
                "clerk": ctx.clerk_name(c["clerk"]),
                "level": c["level"],
                "deadline": c["deadline"],
                "status": status_name(c["status"], ctx.lang),
                "outcome": outcome,
                "assignee": ctx.clerk_name(c["assignee"]),
                "steps": len(history),
                "overdue": outcome == "open" and c["deadline"] < today,
                "on_time": None if c["on_time"] is None else bool(c["on_time"]),
            }
        )
    n_ended = sum(1 for r in rows if r["outcome"] != "open")
    summary = {
        "opened": len(rows),
        "closed": sum(1 for r in rows if r["outcome"] == "closed"),
        "excluded": sum(1 for r in rows if r["outcome"] == "excluded"),
        "open": len(rows) - n_ended,
        "overdue": sum(1 for r in rows if r["overdue"]),
        "followed_up": ratio(n_ended, len(rows)),
    }
    return Report(
        "cases",
        "差评整改",
        "Bad-rating cases",
        period.start,
        period.end,
        ctx.hall_name,
        (
            Table(
                "cases_summary",
                "整改概况",
                "Follow-up summary",
                (
                    Column("opened", "工单数", "Opened", Kind.INT),
                    Column("closed", "已办结", "Closed", Kind.INT),
                    Column("excluded", "已剔除", "Excluded", Kind.INT),
                    Column("open", "处理中", "Open", Kind.INT),
                    Column("overdue", "已超期", "Overdue", Kind.INT),
                    Column("followed_up", "整改完成率", "Followed up", Kind.PERCENT),
                ),
                [summary],
            ),
            Table(
                "cases",
                "差评工单",
                "Cases",
                (
                    Column("case_id", "工单号", "Case"),
                    Column("service_day", "办理日期", "Service day"),
                    Column("number", "号码", "Ticket"),
                    Column("item", "事项", "Service item"),
                    Column("window_no", "窗口", "Window", Kind.INT),
                    Column("clerk", "工作人员", "Clerk"),
                    Column("level", "评价等级", "Level", Kind.INT),
                    Column("deadline", "整改期限", "Deadline"),
                    Column("status", "状态", "Status"),
                    Column("assignee", "责任人", "Assignee"),
                    Column("steps", "已办步骤", "Steps", Kind.INT),
                    Column("overdue", "超期", "Overdue", Kind.FLAG),
                    Column("on_time", "按期办结", "Closed on time", Kind.FLAG),
                ),
                rows,
            ),
        ),
    )
