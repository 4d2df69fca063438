"""The hall's own clock. Times on screens and tickets are in the hall's time zone (from the
server), not the zone of whatever PC shows them: the peer complaint about numbering and times
broken by time zones applies to displays too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QByteArray, QDateTime, QTimeZone


def zone(name: str | None) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def to_hall_time(iso: str, name: str | None) -> datetime:
    """A server UTC timestamp as the hall's local time (this PC's zone if the hall's is unknown)."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.now().astimezone()
    return moment.astimezone(zone(name))


def hall_now(name: str | None) -> QDateTime:
    now = QDateTime.currentDateTime()
    if name:
        tz = QTimeZone(QByteArray(name.encode()))
        if tz.isValid():
            return now.toTimeZone(tz)
    return now
