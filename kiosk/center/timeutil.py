"""Times on the wire and the hall's local service day.

Events carry UTC ISO 8601 strings with milliseconds and `Z`; the center stores every time in that
exact text form, so text order is time order on both engines and nothing depends on a driver's
timezone handling. The service day is always the hall's local date (Asia/Shanghai by default).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Shanghai"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime, *, micro: bool = False) -> str:
    """The wire form: `2026-11-27T01:02:03.456Z` (microseconds when ordering needs them)."""
    moment = moment.astimezone(UTC)
    frac = f"{moment.microsecond:06d}" if micro else f"{moment.microsecond // 1000:03d}"
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + frac + "Z"


def parse_utc(text: str) -> datetime:
    """Parse a wire time; a time without a zone is refused rather than guessed."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without zone: {text!r}")
    return moment.astimezone(UTC)


@lru_cache(maxsize=128)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def valid_timezone(name: str) -> bool:
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_day(moment: datetime, tz_name: str) -> str:
    """The hall's local date of a UTC moment: the day boundary is the hall's midnight."""
    return moment.astimezone(zone(tz_name)).date().isoformat()


def is_day(text: object) -> bool:
    """A `YYYY-MM-DD` string naming a real date."""
    if not isinstance(text, str) or not _DAY.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
