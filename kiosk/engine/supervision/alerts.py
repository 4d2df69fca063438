"""Alerts for the hall's supervisors, raised by the server whether or not a screen is open: a
wait over its threshold, a queue grown enough to open another window (潮汐窗口, with a concrete
suggestion), a window open but idle while people wait (疑似空岗), a pause longer than its reason
allows, a case near or past its deadline, a ticket that did not print, and what other parts of
the hall report (the help desk's, the sync's refusals).

Each is an `alert.raised` event about a subject (`window:3`, `category:SB`, `case:<id>:due`),
projected into the alerts table that supervisors' screens read; `alert.acknowledged` records
who saw it and their note, `alert.resolved` that its situation ended. One situation raises one
alert: while an alert about a subject is unresolved, the periodic checks raise nothing new about
it, so running them every 30 s is safe and a screen never fills with copies. The checks read the
hall clock, so tests drive them with a FakeClock. Thresholds: HallConfig.supervision.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import SYSTEM, Actor, HallBase, Tx
from kiosk.engine.queue.estimate import arrival_rate, service_time, waiting_counts, waiting_in
from kiosk.engine.queue.snapshot import OLDEST
from kiosk.engine.queue.tidal import serving_now
from kiosk.engine.queue.views import read_ticket
from kiosk.engine.supervision.cases import NOT_CLOSED, due_state
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType
from kiosk.staffing import ClerkSpec, WindowSpec, advise

QUALIFIED_DAYS = 30  # a clerk who finished a ticket of a category this recently can serve it
ALERT_STATES = ("open", "acknowledged", "resolved", "all")


def unresolved(conn: sqlite3.Connection, subject: str) -> sqlite3.Row | None:
    """The alert about `subject` whose situation has not ended, if any."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM alerts WHERE subject = ? AND resolved_at IS NULL ORDER BY seq DESC LIMIT 1",
        (subject,),
    ).fetchone()
    return row


def raise_in(tx: Tx, kind: str, subject: str, details: dict[str, Any]) -> bool:
    """Raises an alert about `subject` unless one is still unresolved; True when raised."""
    if unresolved(tx.conn, subject) is not None:
        return False
    payload = {"kind": kind, "subject": subject, "details": {"key": subject, **details}}
    tx.emit(EventType.ALERT_RAISED, payload, SYSTEM)
    return True


def resolve_in(tx: Tx, alert: sqlite3.Row) -> None:
    tx.emit(
        EventType.ALERT_RESOLVED,
        {"alert_id": alert["seq"], "kind": alert["kind"], "subject": alert["subject"]},
        SYSTEM,
    )


def alert_view(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["seq"],
        "kind": row["kind"],
        "subject": row["subject"],
        "details": json.loads(row["details"]),
        "at": row["at"],
        "state": row["state"],
        "count": row["count"],
        "acknowledged_at": row["acknowledged_at"],
        "acknowledged_by": row["acknowledged_by"],
        "note": row["note"],
        "resolved_at": row["resolved_at"],
    }


class SupervisionAlerts(HallBase):
    # -- raising -------------------------------------------------------------------------
    def alerted_since(self, kind: str, key: str, since: str) -> bool:
        """Whether an alert of `kind` about `key` was raised at or after `since`."""
        row = (
            self.reader()
            .execute(
                "SELECT 1 FROM alerts WHERE kind = ? AND json_extract(details, '$.key') = ?"
                " AND at >= ? LIMIT 1",
                (kind, key, since),
            )
            .fetchone()
        )
        return row is not None

    def raise_alert(self, kind: str, details: dict[str, Any]) -> bool:
        """An alert from another part of the hall (the sync); its subject is details["key"]."""
        subject = str(details.get("key") or kind)
        with self.transaction() as tx:
            open_ = tx.one("SELECT 1 FROM alerts WHERE subject = ? AND state = 'open'", subject)
            if open_ is not None:
                return False
            payload = {"kind": kind, "subject": subject, "details": {**details, "key": subject}}
            tx.emit(EventType.ALERT_RAISED, payload, SYSTEM)
            return True

    def check_supervision(self) -> dict[str, list[Any]]:
        """Every supervisor's check of the periodic duties, by kind: what was raised."""
        return {
            "idle": self.check_idle_windows(),
            "tidal": self.check_tidal(),
            "long_wait": self.check_waits(),
            "pause_overrun": self.check_pauses(),
            "cases": self.check_cases(),
        }

    def check_idle_windows(self) -> list[int]:
        """疑似空岗: open, nothing done for N minutes while its categories have people waiting.
        Resolved when the window acts, closes, or nobody waits for it any more."""
        now = self.clock.now()
        limit = iso(now - timedelta(minutes=self.config.idle_window_minutes))
        today = self.today(now).isoformat()
        flagged: list[int] = []
        with self.transaction() as tx:
            for alert in tx.all(
                "SELECT a.*, w.status, w.last_action_at, w.ticket_id FROM alerts a"
                " JOIN window_state w ON a.subject = 'window:' || w.no"
                " WHERE a.kind = 'idle_window' AND a.resolved_at IS NULL"
            ):
                if (
                    alert["status"] != "open"
                    or alert["ticket_id"] is not None
                    or alert["last_action_at"] > alert["at"]
                ):
                    resolve_in(tx, alert)
            for st in tx.all(
                "SELECT * FROM window_state WHERE status = 'open' AND ticket_id IS NULL"
                " AND last_action_at < ?",
                limit,
            ):
                waiting = waiting_in(tx.conn, today, list(serving_now(self.settings, st, now)))
                if not waiting:
                    continue
                idle = (now - parse_iso(st["last_action_at"])).total_seconds()
                details = {"window_no": st["no"], "clerk": st["clerk"], "idle_s": round(idle)}
                details["waiting"] = waiting
                if raise_in(tx, "idle_window", f"window:{st['no']}", details):
                    flagged.append(st["no"])
        return flagged

    def check_tidal(self) -> list[str]:
        """潮汐窗口: a category with more waiting than its open windows should carry, with a
        suggestion of a closed window and a signed-in clerk who could open for it. Resolved
        when the queue is back under the thresholds."""
        now = self.clock.now()
        cfg = self.config.supervision
        suggested: list[str] = []
        with self.transaction() as tx:
            counts = waiting_counts(tx.conn, self.today(now).isoformat())
            states = tx.all("SELECT * FROM window_state ORDER BY no")
            open_by_cat: dict[str, int] = {}
            for st in states:
                if st["status"] == "open":
                    for code in serving_now(self.settings, st, now):
                        open_by_cat[code] = open_by_cat.get(code, 0) + 1
            for cat in self.catalog.categories:
                n, windows = counts.get(cat.code, 0), open_by_cat.get(cat.code, 0)
                over = n > cfg.tidal_waiting or (windows and n > cfg.tidal_per_window * windows)
                subject = f"category:{cat.code}"
                found = unresolved(tx.conn, subject)
                if not over:
                    if found is not None:
                        resolve_in(tx, found)
                    continue
                if found is not None:
                    continue
                details = {"category": cat.code, "waiting": n, "open_windows": windows}
                details["suggestion"] = self._suggest(tx, cat.code, states, now)
                raise_in(tx, "tidal_window", subject, details)
                suggested.append(cat.code)
        return suggested

    def _suggest(
        self, tx: Tx, category: str, states: list[sqlite3.Row], now: datetime
    ) -> dict[str, Any] | None:
        """A closed window (one configured for the category first) and a signed-in clerk who
        has served the category lately (one at no window, or at the window with the fewest
        waiting, first)."""
        closed = [st for st in states if st["status"] == "closed"]
        closed.sort(key=lambda st: category not in self.window_ranks[st["no"]])
        since = iso(now - timedelta(days=QUALIFIED_DAYS))

        def qualified(clerk: str) -> bool:  # run only while raising, once per situation
            found = tx.one(
                "SELECT 1 FROM tickets WHERE status = 'done' AND category = ?"
                " AND finished_at >= ? AND clerk = ? LIMIT 1",
                category,
                since,
                clerk,
            )
            return found is not None

        at_window = {st["clerk"]: st for st in states if st["clerk"] is not None}
        today = self.today(now).isoformat()
        candidates = []
        signed_in = {
            r["employee_no"]: r
            for r in tx.all(
                "SELECT s.employee_no, c.name FROM sessions s"
                " JOIN clerks c ON c.employee_no = s.employee_no"
                " WHERE s.ended_at IS NULL AND c.active = 1 AND c.role = 'clerk'"
            )
        }
        for r in signed_in.values():
            st = at_window.get(r["employee_no"])
            if st is not None and category in serving_now(self.settings, st, now):
                continue  # already serving it
            waiting = (
                0
                if st is None
                else waiting_in(tx.conn, today, list(serving_now(self.settings, st, now)))
            )
            able = qualified(r["employee_no"])
            rank = (not able, st is not None, waiting, r["employee_no"])
            candidates.append((rank, r, st, waiting, able))
        if not closed and not candidates:
            return None
        out: dict[str, Any] = {"window_no": closed[0]["no"] if closed else None}
        plan = self._staffing_plan(tx, category, states, candidates, now)
        out.update(plan)
        if plan.get("advised_window") is not None:
            out["window_no"] = plan["advised_window"]
        advised_clerk = plan.get("advised_clerk")
        if advised_clerk is not None:
            candidates.sort(key=lambda c: (c[1]["employee_no"] != advised_clerk, c[0]))
        if candidates:
            _, r, st, waiting, able = (
                candidates[0] if advised_clerk else min(candidates, key=lambda c: c[0])
            )
            out.update(
                clerk=r["employee_no"],
                clerk_name=r["name"],
                clerk_window=None if st is None else st["no"],
                clerk_window_waiting=waiting,
                qualified=able,
            )
        else:
            out.update(clerk=None, clerk_name=None, clerk_window=None)
        return out

    def _staffing_plan(
        self,
        tx: Tx,
        category: str,
        states: list[sqlite3.Row],
        candidates: list[Any],
        now: datetime,
    ) -> dict[str, Any]:
        """The staffing adviser (kiosk/staffing.py, the one `kiosk simulate --advise` plans
        with) on this morning's actual arrivals: how many windows the category needs this hour
        to keep 90 % of waits under the wait threshold, and which closed window and which
        qualified signed-in clerk to open first. Arrivals are the category's recent issuing
        rate (the estimate's own reading of the numbering), service times the hall's own."""
        today = self.today(now).isoformat()
        prefix = self.catalog.category(category).prefix
        per_hour = arrival_rate(tx.conn, today, prefix, now) * 3600.0
        per = service_time(self.settings, tx.conn, category, now).mean
        open_nos = {st["no"] for st in states if st["status"] != "closed"}
        windows = [
            WindowSpec(no, tuple(ranks))
            for no, ranks in sorted(self.window_ranks.items())
            if no not in open_nos and category in ranks
        ]
        clerks = [
            ClerkSpec(c[1]["employee_no"], frozenset({category}) if c[4] else frozenset())
            for c in sorted(candidates, key=lambda c: c[0])
            if c[2] is None  # at no window: free to open one
        ]
        hour = now.astimezone(self.tz).hour
        serving = sum(
            1
            for st in states
            if st["no"] in open_nos and category in serving_now(self.settings, st, now)
        )
        need = advise({category: {hour: per_hour}}, [], [], {category: per}, self._target_s())
        needed = (
            need[0].categories[category].needed if need and category in need[0].categories else 0
        )
        plan: dict[str, Any] = {
            "arrivals_per_hour": round(per_hour, 1),
            "service_s": round(per),
            "needed_windows": needed,
            "serving_windows": serving,
        }
        if needed > serving and windows and clerks:
            extra = advise(
                {category: {hour: per_hour}}, windows, clerks, {category: per}, self._target_s()
            )
            got = extra[0].categories.get(category) if extra else None
            if got is not None and got.windows:
                plan["advised_window"], plan["advised_clerk"] = got.windows[0], got.clerks[0]
        return plan

    def _target_s(self) -> float:
        return 60.0 * self.config.supervision.wait_alert_minutes

    def check_waits(self) -> list[str]:
        """A category whose longest wait is over `wait_alert_minutes`; resolved under it."""
        now = self.clock.now()
        threshold = self.config.supervision.wait_alert_minutes
        raised: list[str] = []
        with self.transaction() as tx:
            today = self.today(now).isoformat()
            counts = waiting_counts(tx.conn, today)
            for cat in self.catalog.categories:
                subject = f"category:{cat.code}:wait"
                waiting = counts.get(cat.code, 0)
                oldest = (
                    tx.conn.execute(OLDEST, {"day": today, "cat": cat.code}).fetchone()[0]
                    if waiting
                    else None
                )
                longest = (now - parse_iso(oldest)).total_seconds() if oldest else 0.0
                if longest <= threshold * 60:
                    found = unresolved(tx.conn, subject)
                    if found is not None:
                        resolve_in(tx, found)
                    continue
                details = {"category": cat.code, "longest_wait_s": round(longest)}
                details.update(waiting=waiting, threshold_min=threshold)
                if raise_in(tx, "long_wait", subject, details):
                    raised.append(cat.code)
        return raised

    def check_pauses(self) -> list[int]:
        """A pause longer than its reason allows; resolved when the window resumes or closes."""
        now = self.clock.now()
        cfg = self.config.supervision
        raised: list[int] = []
        with self.transaction() as tx:
            for alert in tx.all(
                "SELECT * FROM alerts WHERE kind = 'pause_overrun' AND resolved_at IS NULL"
            ):
                absence = alert["subject"].removeprefix("absence:")
                if tx.one("SELECT 1 FROM window_state WHERE absence_id = ?", absence) is None:
                    resolve_in(tx, alert)
            for st in tx.all(
                "SELECT * FROM window_state WHERE status = 'paused' AND paused_at IS NOT NULL"
            ):
                limit = cfg.pause_limit(st["pause_reason"])
                paused = (now - parse_iso(st["paused_at"])).total_seconds()
                if paused <= limit * 60:
                    continue
                details = {"window_no": st["no"], "clerk": st["clerk"]}
                details.update(reason=st["pause_reason"], limit_min=limit, paused_s=round(paused))
                details["expected_back"] = st["expected_back"]
                if raise_in(tx, "pause_overrun", f"absence:{st['absence_id']}", details):
                    raised.append(st["no"])
        return raised

    def check_cases(self) -> list[str]:
        """A case one working day (configurable) before its deadline, and one past it; each
        raised once per case, resolved when the case closes."""
        today = self.today()
        raised: list[str] = []
        with self.transaction() as tx:
            for case in tx.all(
                "SELECT c.id, c.deadline, c.status, c.assignee, t.number FROM cases c"
                f" LEFT JOIN tickets t ON t.id = c.ticket_id WHERE {NOT_CLOSED}"
            ):
                overdue, due_soon = due_state(self, case["deadline"], case["status"], today)
                kind = "case_overdue" if overdue else "case_due" if due_soon else None
                if kind is None:
                    continue
                subject = f"case:{case['id']}:{'overdue' if overdue else 'due'}"
                if tx.one("SELECT 1 FROM alerts WHERE subject = ?", subject) is not None:
                    continue  # once per case: an acknowledged reminder is not raised again
                details = {"case_id": case["id"], "number": case["number"]}
                details.update(deadline=case["deadline"], assignee=case["assignee"])
                if raise_in(tx, kind, subject, details):
                    raised.append(subject)
        return raised

    # -- acting and reading --------------------------------------------------------------
    def acknowledge_alert(self, alert_id: int, note: str | None, actor: Actor) -> dict[str, Any]:
        text = (note or "").strip()
        if not text:
            raise Invalid("请填写处理说明", "a note is required")
        with self.transaction() as tx:
            row = tx.one("SELECT * FROM alerts WHERE seq = ?", alert_id)
            if row is None:
                raise NotFound("未找到该提醒", f"no alert {alert_id}")
            if row["state"] != "open":
                raise Conflict(
                    "该提醒已处理" if row["state"] == "acknowledged" else "该提醒已自动解除",
                    f"the alert is {row['state']} already",
                )
            tx.emit(
                EventType.ALERT_ACKNOWLEDGED,
                {
                    "alert_id": alert_id,
                    "kind": row["kind"],
                    "subject": row["subject"],
                    "note": text,
                    "by": actor.clerk,
                },
                actor,
            )
            found = tx.one("SELECT * FROM alerts WHERE seq = ?", alert_id)
            assert found is not None
            return alert_view(found)

    def alerts(
        self,
        state: str = "open",
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 200,
    ) -> dict[str, Any]:
        """Alerts, open ones first, newest first; `since`/`until`: raised in [since, until)."""
        if state not in ALERT_STATES:
            raise Invalid(f"未知的状态：{state}", f"state must be one of {ALERT_STATES}")
        where: list[str] = []
        args: list[Any] = []
        for clause, value in (("kind = ?", kind), ("at >= ?", since), ("at < ?", until)):
            if value is not None:
                where.append(clause)
                args.append(value)
        limit = max(1, min(limit, 500))
        conn = self.reader()

        def page(state_clause: str, n: int) -> list[sqlite3.Row]:
            clauses = " AND ".join([state_clause, *where])
            return conn.execute(
                f"SELECT * FROM alerts WHERE {clauses} ORDER BY seq DESC LIMIT ?", (*args, n)
            ).fetchall()

        if state != "all":
            rows = page(f"state = '{state}'", limit)  # one of ALERT_STATES, checked above
        else:  # open ones first, then the rest
            rows = page("state = 'open'", limit)
            rows += page("state != 'open'", limit - len(rows)) if len(rows) < limit else []
        return {"alerts": [alert_view(r) for r in rows]}

    def report_print_failure(
        self, ref: str, device: str, error: str, actor: Actor
    ) -> dict[str, Any]:
        """A kiosk could not print a ticket it issued: the ticket stays valid, staff are told
        (one open alert per printer, counting its failures)."""
        with self.transaction() as tx:
            ticket = read_ticket(self, tx.conn, ref)
            tx.emit(
                EventType.PRINT_FAILED,
                {
                    "ticket_id": ticket["id"],
                    "number": ticket["number"],
                    "device": device,
                    "error": error,
                },
                actor,
            )
        return {"ticket_id": ticket["id"], "alerted": True}
