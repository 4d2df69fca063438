"""What the help desk reads: consultations as the API shows them, and who is on duty.

"On duty" is a projection (helpdesk.presence events) narrowed at read time by two facts that are
not events: the clerk still holds a session, and the switch was thrown today. A console that
crashed or was logged out, or a switch left on overnight, must not make the kiosk promise an
answer that nobody will give; such a desk counts as unstaffed and questions become tickets.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import HallBase
from kiosk.errors import NotFound

OPEN_STATUSES = ("open", "claimed", "referred")
CONSULTATION_FIELDS = (
    "id",
    "number",
    "topic",
    "question",
    "phone_masked",
    "source",
    "status",
    "owner",
    "created_at",
    "claimed_at",
    "first_claimed_at",
    "resolved_at",
    "resolved_by",
    "answer",
    "ticket_id",
    "ticket_number",
    "category",
    "note",
    "referred_to",
    "faq_id",
    "handovers",
    "updated_at",
)


def day_bounds(hall: HallBase, day: date) -> tuple[str, str]:
    """The UTC span [start, end) of a local service day, as sortable log times."""
    start = datetime.combine(day, time(0), tzinfo=hall.tz)
    return iso(start), iso(start + timedelta(days=1))


def on_duty(hall: HallBase, conn: sqlite3.Connection, now: datetime) -> list[str]:
    """Employee numbers switched on duty today who are still signed in."""
    start, _ = day_bounds(hall, hall.today(now))
    rows = conn.execute(
        "SELECT p.clerk FROM helpdesk_presence p WHERE p.status = 'on_duty' AND p.since >= ?"
        " AND EXISTS (SELECT 1 FROM sessions s WHERE s.employee_no = p.clerk"
        " AND s.ended_at IS NULL) ORDER BY p.clerk",
        (start,),
    ).fetchall()
    return [r[0] for r in rows]


def staff_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT employee_no, name FROM clerks")}


def consultation_view(row: sqlite3.Row, names: dict[str, str]) -> dict[str, Any]:
    view: dict[str, Any] = {k: row[k] for k in CONSULTATION_FIELDS}
    view["items"] = json.loads(row["items"] or "[]")
    view["history"] = json.loads(row["history"] or "[]")
    view["owner_name"] = names.get(row["owner"] or "")
    return view


def _open_alerts(conn: sqlite3.Connection, since: str, staffed: bool) -> list[dict[str, Any]]:
    """Today's help-desk alerts that still apply (the question is still unclaimed, the desk
    still unstaffed), so a console started late shows them too."""
    out = []
    for r in conn.execute(
        "SELECT a.kind, a.details FROM alerts a WHERE a.at >= ? AND (a.kind = 'helpdesk_unstaffed'"
        " OR (a.kind = 'unclaimed_consultation' AND EXISTS (SELECT 1 FROM consultations c"
        " WHERE c.id = json_extract(a.details, '$.consultation_id') AND c.status = 'open')))"
        " ORDER BY a.seq",
        (since,),
    ):
        if r["kind"] == "unclaimed_consultation" or not staffed:
            out.append({"kind": r["kind"], "details": json.loads(r["details"])})
    return out


def consultation_row(hall: HallBase, conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """A consultation by id, or by today's number (ZX003)."""
    row = conn.execute("SELECT * FROM consultations WHERE id = ?", (ref,)).fetchone()
    if row is None:
        start, end = day_bounds(hall, hall.today())
        row = conn.execute(
            "SELECT * FROM consultations WHERE number = ? AND created_at >= ? AND created_at < ?",
            (ref.strip().upper(), start, end),
        ).fetchone()
    if row is None:
        raise NotFound("未找到该咨询", f"no consultation {ref}")
    return row


def read_consultation(hall: HallBase, conn: sqlite3.Connection, ref: str) -> dict[str, Any]:
    """The consultation as the API shows it, as `conn` sees it now."""
    return consultation_view(consultation_row(hall, conn, ref), staff_names(conn))


class HelpdeskQueries(HallBase):
    def helpdesk_status(self, conn: sqlite3.Connection | None = None) -> dict[str, Any]:
        """GET /helpdesk/status: what the kiosk shows next to its "ask for help" button."""
        clerks = on_duty(self, conn or self.reader(), self.clock.now())
        return {"staffed": bool(clerks), "on_duty": len(clerks)}

    def presence_of(self, clerk: str) -> str:
        row = (
            self.reader()
            .execute("SELECT status FROM helpdesk_presence WHERE clerk = ?", (clerk,))
            .fetchone()
        )
        return "away" if row is None else str(row[0])

    def consultation(self, cid: str) -> dict[str, Any]:
        return read_consultation(self, self.reader(), cid)

    def consultations(self, day: date | None = None, status: str | None = None) -> dict[str, Any]:
        """A day's consultations, plus any still waiting from before it, oldest first; with
        the staff's names and the last seq, so a console can follow the live stream from here
        without a gap."""
        conn = self.reader()
        conn.execute("BEGIN")  # one consistent read: rows and last_seq agree
        try:
            now = self.clock.now()
            start, end = day_bounds(self, day or self.today(now))
            marks = ",".join("?" * len(OPEN_STATUSES))
            sql = (
                "SELECT * FROM consultations WHERE ((created_at >= ? AND created_at < ?)"
                f" OR (status IN ({marks}) AND created_at < ?))"
            )
            args: list[Any] = [start, end, *OPEN_STATUSES, end]
            if status:
                sql += " AND status = ?"
                args.append(status)
            rows = conn.execute(sql + " ORDER BY created_at, id", args).fetchall()
            names = staff_names(conn)
            desk_staff = [
                r[0]
                for r in conn.execute(
                    "SELECT employee_no FROM clerks WHERE active = 1"
                    " AND role IN ('helpdesk', 'supervisor', 'admin')"
                    " ORDER BY role != 'helpdesk', employee_no"
                )
            ]
            clerks = on_duty(self, conn, now)
            alerts = _open_alerts(conn, start, bool(clerks))
            seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0])
        finally:
            conn.execute("COMMIT")
        return {
            "consultations": [consultation_view(r, names) for r in rows],
            "staff": names,
            "desk_staff": desk_staff,
            "on_duty": clerks,
            "staffed": bool(clerks),
            "alerts": alerts,
            "server_now": iso(now),
            "timezone": self.config.timezone,
            "last_seq": seq,
        }
