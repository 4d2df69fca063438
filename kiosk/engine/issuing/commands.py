"""Admitting a ticket by opening hours and quota, what the kiosk shows per category, and a
supervisor's change of today's quota.

`always_open` (`kiosk serve --always-open`: demos, trials, tests at any hour) lifts the opening
hours, and the server then never closes the day by itself; a day a supervisor closed by hand
stays closed, and a quota and the one-ticket-per-person rule still hold, because a trial that
ignored them would show a different product.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import Actor, HallBase, Tx, find_category
from kiosk.engine.issuing.opening import half_of, hours_text, issuing_verdict, when_text
from kiosk.engine.issuing.quota import Quota, quota_for, walk_ins_left
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType


class IssuingCommands(HallBase):
    always_open: bool = False
    _person_secret: str | None = None

    @property
    def person_secret(self) -> str:
        """The key of the hall's person hashes: in the store's settings, in no event."""
        if self._person_secret is None:
            secret = self.meta("person_secret")
            if not secret:
                raise NotFound("门店缺少实名密钥", "this hall store has no person secret")
            self._person_secret = secret
        return self._person_secret

    def _quota_exhausted(self, quota: Quota, half: str, now: datetime) -> Conflict:
        rules = self.config.issuing
        if quota.split and half == "am":
            boundary = rules.hours.afternoon_from if rules.hours else None
            hm = boundary.strftime("%H:%M") if boundary else "12:00"
            return Conflict(
                f"上午的号已取完，今天{hm}起可取下午的号",
                f"this morning's tickets are all taken; the afternoon's from {hm}",
                reason="quota_morning",
            )
        return Conflict(
            "今日号已取完，请明天再来或网上预约",
            "today's tickets for this category are all taken",
            reason="quota",
        )

    def admit(self, tx: Tx, category: str, day: str, booked: bool) -> str:
        """Refuses a ticket outside the category's issuing hours or beyond its quota (a 409 that
        says why and when issuing starts again); returns the half day the ticket counts to."""
        rules = self.config.issuing
        if not self.always_open:
            verdict = issuing_verdict(rules, self.settings.calendar, category, tx.now, self.tz)
            if not verdict.open:
                raise Conflict(
                    verdict.message_zh,
                    verdict.message_en,
                    reason=verdict.reason,
                    reopens_at=iso(verdict.reopens_at) if verdict.reopens_at else None,
                )
        half = half_of(rules.hours, tx.now, self.tz)
        if not booked:
            quota = quota_for(tx.conn, rules.rule(category), day, category)
            left = walk_ins_left(tx.conn, quota, day, category, half)
            if left is not None and left <= 0:
                raise self._quota_exhausted(quota, half, tx.now)
        return half

    def issuing_status(self) -> dict[str, Any]:
        """Per category: open or not and why, walk-in tickets left, and the real-name mode;
        and the hall's hours, for the kiosk's buttons and the board's closed screen."""
        now = self.clock.now()
        conn = self.reader()
        rules = self.config.issuing
        day = self.today(now).isoformat()
        half = half_of(rules.hours, now, self.tz)
        zh, en = hours_text(rules.hours)
        categories = []
        any_open = False
        for cat in self.catalog.categories:
            verdict = issuing_verdict(rules, self.settings.calendar, cat.code, now, self.tz)
            is_open = verdict.open or self.always_open
            quota = quota_for(conn, rules.rule(cat.code), day, cat.code)
            left = walk_ins_left(conn, quota, day, cat.code, half)
            entry: dict[str, Any] = {
                "category": cat.code,
                "open": is_open,
                "left": left,
                "quota": quota.limit(half),
                "realname": rules.realname.mode(cat.code),
                "reason": None,
                "message_zh": None,
                "message_en": None,
                "reopens_at": None,
            }
            if not is_open:
                entry.update(
                    reason=verdict.reason,
                    message_zh=verdict.message_zh,
                    message_en=verdict.message_en,
                    reopens_at=iso(verdict.reopens_at) if verdict.reopens_at else None,
                )
            elif left is not None and left <= 0:
                refusal = self._quota_exhausted(quota, half, now)
                entry.update(
                    open=False,
                    reason=refusal.extra["reason"],
                    message_zh=refusal.message_zh,
                    message_en=refusal.message_en,
                )
            elif verdict.stops_at is not None and not self.always_open:
                at_zh, at_en = when_text(verdict.stops_at, now, self.tz)
                entry.update(message_zh=f"{at_zh}停止取号", message_en=f"issuing stops {at_en}")
            any_open = any_open or entry["open"]
            categories.append(entry)
        return {
            "service_day": day,
            "always_open": self.always_open,
            "open": any_open,
            "hours_zh": zh,
            "hours_en": en,
            "green_channel_age": rules.realname.green_channel_age,
            "categories": categories,
        }

    def change_quota_today(
        self,
        category: str,
        daily: int | None = None,
        morning: int | None = None,
        afternoon: int | None = None,
        actor: Actor = Actor(),
    ) -> dict[str, Any]:
        """A supervisor's figures for today only (tomorrow the config's apply again)."""
        if find_category(self.catalog, category) is None:
            raise Invalid(f"未知的业务类别：{category}", f"unknown category: {category}")
        if (morning is None) != (afternoon is None):
            raise Invalid("上午和下午的放号量须同时给出", "give both morning and afternoon")
        if (daily is None) == (morning is None):
            raise Invalid(
                "请给出全天放号量，或上午和下午的放号量",
                "give either daily, or morning and afternoon",
            )
        with self.transaction() as tx:
            day = self.today(tx.now).isoformat()
            payload = {
                "service_day": day,
                "category": category,
                "daily": daily,
                "morning": morning,
                "afternoon": afternoon,
            }
            tx.emit(EventType.QUOTA_CHANGED, payload, actor)
        return payload
