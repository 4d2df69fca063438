"""What a report needs besides the tables it counts: the hall's settings (time zone, catalog,
windows) and the names it prints for codes, in the reader's language.

Reports read a store through any connection, the server's reader or a read-only one opened by
`kiosk report` beside a running server, so this is built from the connection alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.domain import PAUSE_REASON_NAMES, PauseReason
from kiosk.engine.settings import HallSettings


@dataclass(frozen=True)
class ReportContext:
    settings: HallSettings
    lang: str  # zh / en: names of items, windows, reasons
    clerks: dict[str, str]  # employee no -> name
    today: date  # for "overdue": a report of the past still knows what is late now
    bounds: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection, lang: str, today: date) -> ReportContext:
        settings = HallSettings.load(conn)
        clerks = {r[0]: r[1] for r in conn.execute("SELECT employee_no, name FROM clerks")}
        return cls(settings, "en" if lang == "en" else "zh", clerks, today)

    def scope(self, conn: sqlite3.Connection, days: tuple[str, str]) -> tuple[Any, ...]:
        """Parameters for TICKETS_IN: the rowid range that holds the period's tickets, then
        the days. Tickets are appended as they are issued (and replayed in that order by a
        rebuild), so a period's tickets are one stretch of rowids: reading that stretch in
        order is several times faster than a lookup per ticket through the day index, and
        the day test keeps it exact whatever the order."""
        if days not in self.bounds:
            lo, hi = conn.execute(
                "SELECT MIN(rowid), MAX(rowid) FROM tickets WHERE service_day BETWEEN ? AND ?",
                days,
            ).fetchone()
            self.bounds[days] = (lo or 0, hi or -1)
        return (*self.bounds[days], *days)

    @property
    def hall_name(self) -> str:
        c = self.settings.config
        return c.name_en if self.lang == "en" else c.name_zh

    def _pick(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def item_name(self, code: str | None) -> str:
        if code is None:
            return ""
        try:
            item = self.settings.catalog.item(code)
        except KeyError:
            return code
        return self._pick(item.name_zh, item.name_en)

    def category_name(self, code: str | None) -> str:
        if code is None:
            return ""
        try:
            cat = self.settings.catalog.category(code)
        except KeyError:
            return code
        return self._pick(cat.name_zh, cat.name_en)

    def window_name(self, no: int | None) -> str:
        if no is None:
            return ""
        w = self.settings.windows.get(int(no))
        if w is None:
            return self._pick(f"{no}号窗口", f"Window {no}")
        return self._pick(w.name_zh, w.name_en)

    def clerk_name(self, employee_no: str | None) -> str:
        if employee_no is None:
            return ""
        return self.clerks.get(employee_no, employee_no)

    def reason_name(self, reason: str) -> str:
        try:
            zh, en = PAUSE_REASON_NAMES[PauseReason(reason)]
        except ValueError:
            return reason
        return self._pick(zh, en)


# The period's tickets by their rowid stretch (ReportContext.scope gives its four parameters);
# the unary + keeps the planner off the day index for the day test.
TICKETS_IN = "{t}rowid BETWEEN ? AND ? AND +{t}service_day BETWEEN ? AND ?"


def tickets_in(alias: str = "") -> str:
    return TICKETS_IN.format(t=f"{alias}." if alias else "")
