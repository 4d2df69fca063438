"""Whether a category issues tickets at a moment, by the hall's opening hours and calendar, and
if not, why and when it starts again.

Pure: the rules, the calendar, the zone and a time in, an answer out. The kiosk shows the
answer ("今日已停止取号，12月7日（周一）09:00起取号"), the server refuses with the same words, and
the tests ask it about any day of the year without a store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.calendar import DayKind, WorkCalendar
from kiosk.catalog.issuing import WEEKDAYS, IssuingRules, OpeningHours, Session

LOOKAHEAD_DAYS = 60  # the longest a hall stays closed (a holiday week, a closure) and more
WEEKDAY_ZH = "一二三四五六日"
WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Window:
    """One stretch of a day in which a category issues: a session up to its issuing stop."""

    start: datetime
    stop: datetime  # the issuing stop: close minus the category's minutes
    close: datetime


@dataclass(frozen=True)
class Verdict:
    open: bool
    reason: str = ""  # before_open, break, stopped, closed_day, holiday
    message_zh: str = ""
    message_en: str = ""
    reopens_at: datetime | None = None
    stops_at: datetime | None = None


def sessions_for(hours: OpeningHours, calendar: WorkCalendar, day: date) -> list[Session]:
    kind = calendar.kind(day)
    if kind is DayKind.HOLIDAY:
        return []
    if kind is DayKind.MAKEUP:
        return hours.makeup_sessions()
    return hours.sessions_on(WEEKDAYS[day.weekday()])


def windows_on(
    hours: OpeningHours, calendar: WorkCalendar, day: date, tz: ZoneInfo, stop_min: int
) -> list[Window]:
    out = []
    for s in sessions_for(hours, calendar, day):
        start = datetime.combine(day, s.open, tz)
        close = datetime.combine(day, s.close, tz)
        stop = max(start, close - timedelta(minutes=stop_min))
        if stop > start:
            out.append(Window(start, stop, close))
    return out


def next_start(
    hours: OpeningHours, calendar: WorkCalendar, after: datetime, tz: ZoneInfo, stop_min: int
) -> datetime | None:
    """The first moment after `after` at which issuing starts, or None within LOOKAHEAD_DAYS."""
    local = after.astimezone(tz)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = local.date() + timedelta(days=offset)
        for w in windows_on(hours, calendar, day, tz, stop_min):
            if w.start > local:
                return w.start
    return None


def when_text(at: datetime, now: datetime, tz: ZoneInfo) -> tuple[str, str]:
    """'09:00' today, '明天 09:00', or '12月7日（周一）09:00' further on; and in English."""
    local, today = at.astimezone(tz), now.astimezone(tz).date()
    hm = local.strftime("%H:%M")
    if local.date() == today:
        return f"今天{hm}", f"today at {hm}"
    if local.date() == today + timedelta(days=1):
        return f"明天{hm}", f"tomorrow at {hm}"
    d = local.date()
    zh = f"{d.month}月{d.day}日（周{WEEKDAY_ZH[d.weekday()]}）{hm}"
    en = f"{WEEKDAY_EN[d.weekday()]} {d.day} {d.strftime('%b')} at {hm}"
    return zh, en


def _closed(
    reason: str, zh: str, en: str, reopen: datetime | None, now: datetime, tz: ZoneInfo
) -> Verdict:
    if reopen is None:
        return Verdict(False, reason, f"{zh}，暂无取号安排", f"{en}; no issuing time is set", None)
    when_zh, when_en = when_text(reopen, now, tz)
    return Verdict(
        False, reason, f"{zh}，{when_zh}起取号", f"{en}; issuing starts {when_en}", reopen
    )


def issuing_verdict(
    rules: IssuingRules, calendar: WorkCalendar, category: str, now: datetime, tz: ZoneInfo
) -> Verdict:
    """Whether `category` issues at `now` by the opening hours alone (quotas are counted
    elsewhere). A hall without opening hours always issues."""
    hours = rules.hours
    if hours is None:
        return Verdict(True)
    stop_min = rules.stop_minutes(category)
    local = now.astimezone(tz)
    today = local.date()
    windows = windows_on(hours, calendar, today, tz, stop_min)
    for w in windows:
        if w.start <= local < w.stop:
            return Verdict(True, stops_at=w.stop)
    reopen = next_start(hours, calendar, now, tz, stop_min)
    holiday = calendar.holiday(today)
    if holiday is not None:
        return _closed(
            "holiday",
            f"{holiday.name_zh}假期，大厅不办公",
            f"closed for {holiday.name_en}",
            reopen,
            now,
            tz,
        )
    if not windows:
        return _closed("closed_day", "今天大厅不办公", "the hall is closed today", reopen, now, tz)
    if local < windows[0].start:
        return _closed(
            "before_open", "取号时间未到", "issuing has not started yet", reopen, now, tz
        )
    last = windows[-1]
    if local >= last.stop:
        hm = last.stop.strftime("%H:%M")
        return _closed(
            "stopped",
            f"今日已停止取号（{hm}停止）",
            f"issuing stopped for today at {hm}",
            reopen,
            now,
            tz,
        )
    return _closed("break", "午间暂停取号", "issuing pauses over the break", reopen, now, tz)


def hours_text(hours: OpeningHours | None) -> tuple[str, str]:
    """The hall's hours as a notice says them: '周一至周五 09:00-12:00 13:30-17:30'."""
    if hours is None:
        return "全天取号", "tickets any time"
    groups: list[tuple[list[int], str]] = []
    for i, wd in enumerate(WEEKDAYS):
        text = " ".join(
            f"{s.open.strftime('%H:%M')}-{s.close.strftime('%H:%M')}" for s in hours.sessions_on(wd)
        )
        if not text:
            continue
        if groups and groups[-1][1] == text and groups[-1][0][-1] == i - 1:
            groups[-1][0].append(i)
        else:
            groups.append(([i], text))
    zh_parts, en_parts = [], []
    for days, text in groups:
        first, last = days[0], days[-1]
        zh_days = f"周{WEEKDAY_ZH[first]}" + (f"至周{WEEKDAY_ZH[last]}" if last != first else "")
        en_days = WEEKDAY_EN[first] + (f"-{WEEKDAY_EN[last]}" if last != first else "")
        zh_parts.append(f"{zh_days} {text}")
        en_parts.append(f"{en_days} {text}")
    return "；".join(zh_parts) + "（法定节假日除外）", "; ".join(en_parts) + " (except holidays)"


def half_of(hours: OpeningHours | None, now: datetime, tz: ZoneInfo) -> str:
    """'am' or 'pm': which half of a split quota a ticket issued at `now` counts to."""
    boundary = hours.afternoon_from if hours is not None else time(12, 0)
    return "am" if now.astimezone(tz).time() < boundary else "pm"
