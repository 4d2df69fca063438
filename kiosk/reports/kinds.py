"""The reports by name, as `kiosk report --kind` and the hall server's reports route ask for
them, and the one way both open them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from kiosk.errors import Invalid
from kiosk.reports.assessment import clerk_report, ranking_report
from kiosk.reports.cases import cases_report
from kiosk.reports.context import ReportContext
from kiosk.reports.period import Period
from kiosk.reports.service import service_report
from kiosk.reports.table import Report

Builder = Callable[[sqlite3.Connection, ReportContext, Period], Report]

KINDS: dict[str, Builder] = {
    "day": service_report,
    "clerks": clerk_report,
    "ranking": ranking_report,
    "cases": cases_report,
}


def build_report(
    conn: sqlite3.Connection, kind: str, period: Period, lang: str, today: date
) -> Report:
    """One report, read in one transaction, so its tables agree with each other."""
    builder = KINDS.get(kind)
    if builder is None:
        raise Invalid(
            f"未知的报表类型 {kind!r}（可选：{'、'.join(KINDS)}）",
            f"unknown report kind {kind!r} (one of {', '.join(KINDS)})",
        )
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        return builder(conn, ReportContext.load(conn, lang, today), period)
    finally:
        if own:
            conn.execute("COMMIT")
