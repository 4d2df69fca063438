"""Ratings (好差评) and the bad-rating cases they open.

Ratings decide clerks' assessments, and a bad one opens a case against a named clerk, so a
rating counts only with proof of who gave it. The pad's proof is checked here, inside the
writing transaction: a pad registered to window N may rate only the service window N finished
last, and only for `pad_rating_minutes` after it. Otherwise a pad could rate any window's
ticket, or an earlier citizen's, and so also take the citizen's own rating away (one rating per
service). The phone's proof (the ticket's own status link) is the server's to check; `default`
is the 7-day rule's alone.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.domain import BAD_RATING_MAX, RatingChannel, RatingTag, TicketStatus
from kiosk.engine.base import SYSTEM, Actor, HallBase, Tx
from kiosk.errors import Conflict, Forbidden, Invalid, NotFound
from kiosk.events import EventType
from kiosk.ids import ulid

DEFAULT_AFTER = timedelta(days=7)


class RatingCommands(HallBase):
    def rate(
        self,
        ticket_id: str,
        level: int,
        channel: RatingChannel,
        actor: Actor = Actor(),
        tags: list[RatingTag] | None = None,
        comment: str | None = None,
        *,
        pad_window: int | None = None,
    ) -> dict[str, Any]:
        """One rating per service, across pad, phone and kiosk: the first one counts. A `pad`
        rating names the window the pad is registered to (`pad_window`)."""
        if not 1 <= level <= 5:
            raise Invalid("评价等级应为1到5", "level must be 1 to 5")
        with self.transaction() as tx:
            row = tx.one("SELECT * FROM tickets WHERE id = ?", ticket_id)
            if row is None:
                raise NotFound("未找到该号码", f"no ticket {ticket_id}")
            if row["status"] != TicketStatus.DONE:
                raise Conflict("办理结束后才能评价", "the service has not finished yet")
            if channel == RatingChannel.PAD:
                self._check_pad(tx, row, pad_window)
            if tx.one("SELECT 1 FROM ratings WHERE ticket_id = ?", ticket_id) is not None:
                raise Conflict("本次服务已评价，谢谢", "this service has already been rated")
            rating_id = ulid()
            tx.emit(
                EventType.RATING_RECORDED,
                {
                    "rating_id": rating_id,
                    "ticket_id": ticket_id,
                    "number": row["number"],
                    "level": level,
                    "tags": [RatingTag(t).value for t in tags or []],
                    "comment": comment,
                    "channel": RatingChannel(channel).value,
                    "window_no": row["window_no"],
                    "clerk": row["clerk"],
                    "category": row["category"],
                    "item": row["item"],
                },
                actor,
            )
            if level <= BAD_RATING_MAX:
                deadline = self.settings.calendar.add_working_days(
                    self.today(tx.now), self.config.case_deadline_days
                )
                case_id = ulid()
                tx.emit(
                    EventType.CASE_OPENED,
                    {
                        "case_id": case_id,
                        "rating_id": rating_id,
                        "ticket_id": ticket_id,
                        "window_no": row["window_no"],
                        "clerk": row["clerk"],
                        "level": level,
                        "deadline": deadline.isoformat(),
                    },
                    actor,
                )
                subject = f"case:{case_id}"  # supervisors hear of it at once, screen open or not
                details: dict[str, Any] = {"key": subject, "case_id": case_id}
                details["ticket_id"] = ticket_id
                details.update(number=row["number"], level=level, window_no=row["window_no"])
                details["clerk"] = row["clerk"]
                tx.emit(
                    EventType.ALERT_RAISED,
                    {"kind": "bad_rating", "subject": subject, "details": details},
                    SYSTEM,
                )
            return {"id": rating_id, "ticket_id": ticket_id, "level": level}

    def _check_pad(self, tx: Tx, row: sqlite3.Row, pad_window: int | None) -> None:
        """The pad's proof: its own window's last finished service, a few minutes old."""
        if pad_window is None:
            raise Forbidden("评价器未登记所在窗口", "this rating pad is not registered to a window")
        if row["window_no"] != pad_window:
            raise Forbidden(
                f"{pad_window}号窗口的评价器只能评价本窗口办理的业务",
                f"the rating pad of window {pad_window} may rate only services finished there",
            )
        minutes = self.config.pad_rating_minutes
        if tx.now - parse_iso(row["finished_at"]) > timedelta(minutes=minutes):
            raise Conflict(
                f"办结已超过{minutes}分钟，请扫描号码上的二维码评价",
                f"the service finished more than {minutes} minutes ago; "
                "rate it by the ticket's own status link",
            )
        # the window's last finish, by the log's order (kept on the window's row)
        last = tx.one("SELECT last_finished FROM window_state WHERE no = ?", pad_window)
        later = last is not None and last[0] != row["id"]
        if later:
            raise Conflict(
                "本窗口已办理下一位，请扫描号码上的二维码评价",
                "a later service has finished at this window since; "
                "rate this one by the ticket's own status link",
            )

    def apply_default_ratings(self, limit: int = 500) -> int:
        """No rating 7 days after a service counts as 基本满意 (level 3, the Guangdong rule)."""
        cutoff = iso(self.clock.now() - DEFAULT_AFTER)
        rows = (
            self.reader()
            .execute(
                "SELECT id FROM tickets WHERE status = 'done' AND rated = 0 AND finished_at < ?"
                " ORDER BY finished_at LIMIT ?",
                (cutoff, limit),
            )
            .fetchall()
        )
        done = 0
        for r in rows:
            try:
                self.rate(r["id"], 3, RatingChannel.DEFAULT, Actor(device="server"))
                done += 1
            except Conflict:
                continue
        return done
