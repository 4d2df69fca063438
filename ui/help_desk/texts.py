"""Names of the help desk's codes on screen (the wire values stay English) and the small
formatting every panel shares. Module-level, so they use an explicit translation context."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.clock import parse_iso

CONTEXT = "HelpDeskTexts"
STATUS = {
    "open": QT_TRANSLATE_NOOP("HelpDeskTexts", "Waiting"),
    "claimed": QT_TRANSLATE_NOOP("HelpDeskTexts", "Being answered"),
    "resolved": QT_TRANSLATE_NOOP("HelpDeskTexts", "Resolved"),
    "converted": QT_TRANSLATE_NOOP("HelpDeskTexts", "Ticket issued"),
    "referred": QT_TRANSLATE_NOOP("HelpDeskTexts", "With supervisor"),
}
SOURCE = {
    "kiosk": QT_TRANSLATE_NOOP("HelpDeskTexts", "Kiosk"),
    "phone": QT_TRANSLATE_NOOP("HelpDeskTexts", "Phone page"),
    "window": QT_TRANSLATE_NOOP("HelpDeskTexts", "Window referral"),
    "desk": QT_TRANSLATE_NOOP("HelpDeskTexts", "At the desk"),
}
STANDARD = "standard"  # from the center's catalog: shown at the kiosk, read-only here
KB_STATUS = {
    "draft": QT_TRANSLATE_NOOP("HelpDeskTexts", "Draft"),
    "published": QT_TRANSLATE_NOOP("HelpDeskTexts", "Published"),
    "retired": QT_TRANSLATE_NOOP("HelpDeskTexts", "Retired"),
    STANDARD: QT_TRANSLATE_NOOP("HelpDeskTexts", "Center standard"),
}


def _name(names: dict[str, object], code: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(names[code])) if code in names else code


def status_name(status: str) -> str:
    return _name(STATUS, status)


def source_name(source: str) -> str:
    return _name(SOURCE, source)


def kb_status_name(status: str) -> str:
    return _name(KB_STATUS, status)


def duration(seconds: float | None) -> str:
    """12:05 (minutes:seconds) under an hour, 1:02:05 beyond; a dash when unknown."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


HALL_TZ: list[ZoneInfo] = []  # set from the server's answer; else this PC's zone


def set_hall_zone(name: str | None) -> None:
    HALL_TZ.clear()
    if name:
        HALL_TZ.append(ZoneInfo(name))


def long_duration(seconds: float | None) -> str:
    """3 min 05 s: for the figures, where a bare 3:05 could be read as a time of day."""
    if seconds is None:
        return "—"
    m, s = divmod(max(0, round(seconds)), 60)
    return QCoreApplication.translate("HelpDeskTexts", "{m} min {s} s").format(m=m, s=f"{s:02d}")


def local_time(ts: str | None, fmt: str = "%H:%M") -> str:
    """The hall's wall-clock time of a log time (the server says which zone the hall is in)."""
    if not ts:
        return ""
    moment = parse_iso(ts)
    return (moment.astimezone(HALL_TZ[0]) if HALL_TZ else moment.astimezone()).strftime(fmt)


def local_stamp(ts: str | None) -> str:
    return local_time(ts, "%m-%d %H:%M")


def seconds_between(start: str, end: str | datetime) -> float:
    stop = parse_iso(end) if isinstance(end, str) else end
    return (stop - parse_iso(start)).total_seconds()


def problem_text(error: object, lang: str) -> str:
    """The server's message in the screen's language (ApiError), or the text itself."""
    message = getattr(error, "message", None)
    return str(message(lang)) if callable(message) else str(error)
