"""Bad-rating cases (差评整改): a named person calls the citizen back, verifies, has it fixed,
asks the citizen again and closes, each step a `case.updated` with who and when.

Why the order is enforced here and not left to the screens: the center counts closures, the
assessment counts outcomes, and the citizen's phone page shows the steps as promises kept; a case
closed without a call-back, or a rating excluded by the very supervisor who asked for it, would
make those figures worth nothing. An exclusion (the rating was a mistake, malicious, or about
another hall) therefore waits for a second supervisor.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from kiosk.engine.base import Actor, HallBase, Tx, find_item
from kiosk.engine.helpdesk.views import day_bounds
from kiosk.errors import Conflict, Forbidden, Invalid, NotFound
from kiosk.events import EventType

VERDICTS = ("valid", "mistaken", "malicious", "not_this_hall")
EXCLUSIONS = VERDICTS[1:]
CLOSED = "closed"
# every status but closed, listed so that "not closed" is an index lookup (cases_status)
OPEN_STATUSES = (
    "open",
    "assigned",
    "called_back",
    "appealed",
    "verified",
    "excluded",
    "rectified",
    "revisited",
)
NOT_CLOSED = f"c.status IN ({', '.join(repr(s) for s in OPEN_STATUSES)})"
LIST_STATUSES = ("open", "overdue", "closed", "all")
# step -> the statuses it may follow, and what the case needs first when it may not
ORDER: dict[str, tuple[frozenset[str], str, str]] = {
    "call_back": (
        frozenset({"assigned", "called_back"}),
        "请先指派回访责任人",
        "assign the case to a named person first",
    ),
    "verify": (frozenset({"called_back"}), "请先记录回访", "record a call-back first"),
    "confirm_exclusion": (
        frozenset({"appealed"}),
        "该工单没有待确认的排除申请",
        "no exclusion is waiting for confirmation",
    ),
    "rectify": (
        frozenset({"verified"}),
        "请先核实为有效差评再记录整改",
        "verify the rating as valid before recording a rectification",
    ),
    "revisit": (frozenset({"rectified"}), "请先记录整改情况", "record the rectification first"),
    "close": (
        frozenset({"revisited", "excluded"}),
        "整改复访完成（或排除经确认）后才能办结",
        "a case closes after the revisit, or after a confirmed exclusion",
    ),
}


class SamePerson(Forbidden):
    """The supervisor who asked for an exclusion may not confirm it."""

    code = "same_person"


def _text(value: str | None, what_zh: str, what_en: str) -> str:
    text = (value or "").strip()
    if not text:
        raise Invalid(f"请填写{what_zh}", f"{what_en} is required")
    return text


def due_state(hall: HallBase, deadline: str, status: str, today: date) -> tuple[bool, bool]:
    """(overdue, due soon) of a case on `today`, by the hall's working days: due soon within
    `case_reminder_working_days` of its deadline."""
    if status == CLOSED:
        return False, False
    due = date.fromisoformat(deadline)
    if today > due:
        return True, False
    ahead = hall.settings.calendar.working_days_between(today, due)
    return False, ahead <= hall.config.supervision.case_reminder_working_days


class CaseCommands(HallBase):
    # -- steps ---------------------------------------------------------------------------
    def assign_case(
        self, case_id: str, assignee: str, actor: Actor, note: str | None = None
    ) -> dict[str, Any]:
        """Names who follows the case up; allowed again (re-assignment) until it closes."""
        with self.transaction() as tx:
            row = self._case_row(tx, case_id)
            staff = tx.one(
                "SELECT name FROM clerks WHERE employee_no = ? AND active = 1", assignee.strip()
            )
            if staff is None:
                raise Invalid(f"没有在职的工号{assignee}", f"no active staff member {assignee}")
            status = "assigned" if row["status"] == "open" else row["status"]
            self._case_step(tx, row, "assign", status, actor, note, assignee=assignee.strip())
            return self._case_view(tx.conn, case_id)

    def call_back_case(
        self, case_id: str, reached: bool, note: str | None, actor: Actor
    ) -> dict[str, Any]:
        """One call-back attempt (real-name: who called is the actor); may be repeated."""
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "call_back")
            text = _text(note, "回访情况", "a note of the call-back")
            self._case_step(tx, row, "call_back", "called_back", actor, text, reached=bool(reached))
            return self._case_view(tx.conn, case_id)

    def verify_case(
        self, case_id: str, verdict: str, reason: str | None, actor: Actor
    ) -> dict[str, Any]:
        """Valid, or an exclusion asked for (with its reason), to be confirmed by another."""
        if verdict not in VERDICTS:
            raise Invalid(f"未知的核实结论：{verdict}", f"verdict must be one of {VERDICTS}")
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "verify")
            if verdict == "valid":
                self._case_step(tx, row, "verify", "verified", actor, reason, verdict=verdict)
            else:
                text = _text(reason, "排除理由", "the reason for an exclusion")
                extra = {"verdict": verdict, "reason": text}
                self._case_step(tx, row, "verify", "appealed", actor, text, **extra)
            return self._case_view(tx.conn, case_id)

    def confirm_exclusion(
        self, case_id: str, approve: bool, actor: Actor, note: str | None = None
    ) -> dict[str, Any]:
        """A second supervisor confirms the exclusion (the case may then close) or refuses it
        (the case is verified again from its call-back)."""
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "confirm_exclusion")
            if actor.clerk is None or actor.clerk == row["requested_by"]:
                raise SamePerson(
                    "排除差评须由另一位主管确认，不能由申请人本人确认",
                    "an exclusion must be confirmed by a second supervisor, not the one who "
                    "asked for it",
                )
            status = "excluded" if approve else "called_back"
            extra = {"approve": bool(approve), "verdict": row["verdict"]}
            self._case_step(tx, row, "confirm_exclusion", status, actor, note, **extra)
            return self._case_view(tx.conn, case_id)

    def rectify_case(self, case_id: str, note: str | None, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "rectify")
            text = _text(note, "整改情况", "what was done")
            self._case_step(tx, row, "rectify", "rectified", actor, text)
            return self._case_view(tx.conn, case_id)

    def revisit_case(
        self, case_id: str, satisfied: bool | None, note: str | None, actor: Actor
    ) -> dict[str, Any]:
        """The citizen's view after the rectification (None: they gave none)."""
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "revisit")
            text = _text(note, "复访情况", "a note of the revisit")
            self._case_step(tx, row, "revisit", "revisited", actor, text, satisfied=satisfied)
            return self._case_view(tx.conn, case_id)

    def close_case(self, case_id: str, actor: Actor, note: str | None = None) -> dict[str, Any]:
        """Closes the case; `on_time` says whether on or before its deadline (local date), and
        its alerts are resolved in the same transaction."""
        with self.transaction() as tx:
            row = self._case_in_order(tx, case_id, "close")
            today = self.today(tx.now)
            on_time = today <= date.fromisoformat(row["deadline"])
            extra = {"deadline": row["deadline"], "on_time": on_time}
            self._case_step(tx, row, "close", CLOSED, actor, note, **extra)
            for alert in tx.all(
                "SELECT seq, kind, subject FROM alerts WHERE resolved_at IS NULL"
                " AND subject IN (?, ?, ?)",
                f"case:{case_id}",
                f"case:{case_id}:due",
                f"case:{case_id}:overdue",
            ):
                tx.emit(
                    EventType.ALERT_RESOLVED,
                    {"alert_id": alert["seq"], "kind": alert["kind"], "subject": alert["subject"]},
                )
            return self._case_view(tx.conn, case_id)

    # -- reading -------------------------------------------------------------------------
    def case(self, case_id: str) -> dict[str, Any]:
        return self._case_view(self.reader(), case_id)

    def cases(
        self,
        status: str = "open",
        assignee: str | None = None,
        window_no: int | None = None,
        clerk: str | None = None,
        day_from: date | None = None,
        day_to: date | None = None,
        limit: int = 200,
    ) -> dict[str, Any]:
        """Cases newest first: `open` (not closed), `overdue`, `closed` or `all`; by assignee,
        window, clerk and the local dates they were opened on."""
        if status not in LIST_STATUSES:
            raise Invalid(f"未知的状态：{status}", f"status must be one of {LIST_STATUSES}")
        today = self.today()
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if status in ("open", "overdue"):
            where.append(NOT_CLOSED)
        if status == "overdue":
            where.append("c.deadline < ?")
            args.append(today.isoformat())
        if status == "closed":
            where.append("c.status = 'closed'")
        filters = (("c.assignee", assignee), ("c.window_no", window_no), ("c.clerk", clerk))
        for column, value in filters:
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        bounds = self._opened_bounds(day_from, day_to)
        if bounds[0] is not None:
            where.append("c.opened_at >= ?")
            args.append(bounds[0])
        if bounds[1] is not None:
            where.append("c.opened_at < ?")
            args.append(bounds[1])
        conn = self.reader()
        rows = conn.execute(
            f"{_CASE_SELECT} WHERE {' AND '.join(where)} ORDER BY c.opened_at DESC LIMIT ?",
            (*args, max(1, min(limit, 500))),
        ).fetchall()
        names = _names(conn)
        return {"today": today.isoformat(), "cases": [self._case_summary(r, names) for r in rows]}

    def due_state(self, deadline: str, status: str, today: date | None = None) -> tuple[bool, bool]:
        return due_state(self, deadline, status, today or self.today())

    # -- helpers -------------------------------------------------------------------------
    def _opened_bounds(self, day_from: date | None, day_to: date | None) -> tuple[Any, Any]:
        start = day_bounds(self, day_from)[0] if day_from else None
        end = day_bounds(self, day_to)[1] if day_to else None
        return start, end

    def _case_row(self, tx: Tx, case_id: str) -> sqlite3.Row:
        row = tx.one("SELECT * FROM cases WHERE id = ?", case_id)
        if row is None:
            raise NotFound("未找到该差评工单", f"no case {case_id}")
        if row["status"] == CLOSED:
            raise Conflict("该工单已办结", "the case is closed")
        return row

    def _case_in_order(self, tx: Tx, case_id: str, step: str) -> sqlite3.Row:
        row = self._case_row(tx, case_id)
        allowed, zh, en = ORDER[step]
        if row["status"] not in allowed:
            raise Conflict(zh, f"{en} (the case is {row['status']})", case_status=row["status"])
        return row

    def _case_step(
        self,
        tx: Tx,
        row: sqlite3.Row,
        step: str,
        status: str,
        actor: Actor,
        note: str | None,
        **extra: Any,
    ) -> None:
        payload = {
            "case_id": row["id"],
            "ticket_id": row["ticket_id"],
            "step": step,
            "status": status,
            "note": (note or "").strip() or None,
            "by": actor.clerk,
            **extra,
        }
        tx.emit(EventType.CASE_UPDATED, payload, actor)

    def _case_summary(self, r: sqlite3.Row, names: dict[str, str]) -> dict[str, Any]:
        overdue, due_soon = self.due_state(r["deadline"], r["status"])
        return {
            "id": r["id"],
            "status": r["status"],
            "level": r["level"],
            "deadline": r["deadline"],
            "overdue": overdue,
            "due_soon": due_soon,
            "opened_at": r["opened_at"],
            "updated_at": r["updated_at"],
            "closed_at": r["closed_at"],
            "on_time": None if r["on_time"] is None else bool(r["on_time"]),
            "ticket_id": r["ticket_id"],
            "number": r["number"],
            "window_no": r["window_no"],
            "clerk": r["clerk"],
            "clerk_name": names.get(r["clerk"] or ""),
            "assignee": r["assignee"],
            "assignee_name": names.get(r["assignee"] or ""),
            "item": r["item"],
            "category": r["category"],
            "verdict": r["verdict"],
        }

    def _case_view(self, conn: sqlite3.Connection, case_id: str) -> dict[str, Any]:
        r = conn.execute(f"{_CASE_SELECT} WHERE c.id = ?", (case_id,)).fetchone()
        if r is None:
            raise NotFound("未找到该差评工单", f"no case {case_id}")
        names = _names(conn)
        out = self._case_summary(r, names)
        item = find_item(self.catalog, r["item"]) if r["item"] else None
        out["rating"] = {
            "level": r["level"],
            "tags": json.loads(r["tags"] or "[]"),
            "comment": r["comment"],
            "channel": r["channel"],
            "rated_at": r["rated_at"],
        }
        out["ticket"] = {
            "id": r["ticket_id"],
            "number": r["number"],
            "category": r["category"],
            "item": r["item"],
            "item_name_zh": item.name_zh if item else None,
            "item_name_en": item.name_en if item else None,
            "service_day": r["service_day"],
            "issued_at": r["issued_at"],
            "finished_at": r["finished_at"],
            "window_no": r["window_no"],
            "outcome": r["outcome"],
        }
        out["exclusion"] = (
            None
            if r["verdict"] in (None, "valid")
            else {
                "verdict": r["verdict"],
                "reason": r["reason"],
                "requested_by": r["requested_by"],
                "confirmed_by": r["confirmed_by"],
            }
        )
        history = json.loads(r["history"] or "[]")
        for entry in history:
            entry["by_name"] = names.get(entry.get("by") or "")
        out["history"] = history
        return out


_CASE_SELECT = (
    "SELECT c.*, r.tags, r.comment, r.channel, r.rated_at, r.item AS rated_item,"
    " t.number, t.category, COALESCE(r.item, t.item) AS item, t.service_day, t.issued_at,"
    " t.finished_at, t.outcome"
    " FROM cases c LEFT JOIN ratings r ON r.id = c.rating_id"
    " LEFT JOIN tickets t ON t.id = c.ticket_id"
)


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT employee_no, name FROM clerks").fetchall())
