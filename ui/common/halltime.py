"""The hall's own clock. Times on screens and tickets are in the hall's time zone (from the
server), not the zone of whatever PC shows them: the peer complaint about numbering and times
broken by time zones applies to displays too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QByteArray, QDateTime, QTime, QTimeZone


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


def hall_now(name: str | None, skew: int = 0) -> QDateTime:
    now = QDateTime.currentDateTime().addSecs(skew)
    if name:
        tz = QTimeZone(QByteArray(name.encode()))
        if tz.isValid():
            return now.toTimeZone(tz)
    return now


def later_today(now: QTime, seconds: int) -> QTime:
    """A default "until" for a form: `seconds` after the hall's `now`, but never past the hall's
    midnight (the server takes HH:MM as today's and refuses a time already gone, so a default
    that wrapped to 00:15 at 22:15 made the form unsendable as it opened)."""
    return now.addSecs(seconds) if now.secsTo(QTime(23, 59)) > seconds else QTime(23, 59)


def skew_s(server_iso: str | None) -> int:
    """How far the hall server's clock is ahead of this PC's, in seconds (0 if unknown): the
    hall's "now" is the server's, whatever this PC's clock says."""
    if not server_iso:
        return 0
    try:
        moment = datetime.fromisoformat(server_iso.replace("Z", "+00:00"))
    except ValueError:
        return 0
    return round(moment.timestamp() - QDateTime.currentSecsSinceEpoch())
