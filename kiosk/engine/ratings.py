"""Ratings (好差评) and the bad-rating cases they open."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kiosk.domain import BAD_RATING_MAX, RatingChannel, RatingTag, TicketStatus
from kiosk.engine.base import Actor, HallBase
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.ids import ulid

DEFAULT_AFTER = timedelta(days=7)


def add_working_days(start: date, days: int) -> date:
    """Deadlines count working days (Mon-Fri); public holidays are a local calendar's job."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


class RatingCommands(HallBase):
    def rate(
        self,
        ticket_id: str,
        level: int,
        channel: RatingChannel,
        actor: Actor = Actor(),
        tags: list[RatingTag] | None = None,
        comment: str | None = None,
    ) -> dict[str, Any]:
        """One rating per service, across pad, phone and kiosk: the first one counts."""
        if not 1 <= level <= 5:
            raise Invalid("评价等级应为1到5", "level must be 1 to 5")
        with self._tx() as tx:
            row = tx.one("SELECT * FROM tickets WHERE id = ?", ticket_id)
            if row is None:
                raise NotFound("未找到该号码", f"no ticket {ticket_id}")
            if row["status"] != TicketStatus.DONE:
                raise Conflict("办理结束后才能评价", "the service has not finished yet")
            if tx.one("SELECT 1 FROM ratings WHERE ticket_id = ?", ticket_id) is not None:
                raise Conflict("本次服务已评价，谢谢", "this service has already been rated")
            rating_id = ulid()
            tx.emit(
                "rating.recorded",
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
                deadline = add_working_days(self.today(tx.now), self.config.case_deadline_days)
                tx.emit(
                    "case.opened",
                    {
                        "case_id": ulid(),
                        "rating_id": rating_id,
                        "ticket_id": ticket_id,
                        "window_no": row["window_no"],
                        "clerk": row["clerk"],
                        "level": level,
                        "deadline": deadline.isoformat(),
                    },
                    actor,
                )
            return {"id": rating_id, "ticket_id": ticket_id, "level": level}

    def apply_default_ratings(self, limit: int = 500) -> int:
        """No rating 7 days after a service counts as 基本满意 (level 3, the Guangdong rule)."""
        from kiosk.clock import iso

        cutoff = iso(self.clock.now() - DEFAULT_AFTER)
        rows = (
            self.reader()
            .execute(
                "SELECT t.id FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id"
                " WHERE t.status = 'done' AND t.finished_at < ? AND r.id IS NULL LIMIT ?",
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
