"""Names of the hall's vocabulary on screen, translated (the wire values stay English codes),
and the small formatting every panel shares."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from kiosk.domain import Outcome, PauseReason


def outcome_name(outcome: str) -> str:
    names = {
        Outcome.COMPLETED: QCoreApplication.translate("WindowTexts", "Completed"),
        Outcome.ACCEPTED: QCoreApplication.translate("WindowTexts", "Accepted"),
        Outcome.CORRECTION: QCoreApplication.translate("WindowTexts", "Correction needed"),
        Outcome.REJECTED: QCoreApplication.translate("WindowTexts", "Rejected"),
    }
    return names.get(Outcome(outcome), outcome)


def pause_name(reason: str | None) -> str:
    names = {
        PauseReason.MEETING: QCoreApplication.translate("WindowTexts", "Meeting"),
        PauseReason.TRAINING: QCoreApplication.translate("WindowTexts", "Training"),
        PauseReason.MEAL: QCoreApplication.translate("WindowTexts", "Meal"),
        PauseReason.SHORT_LEAVE: QCoreApplication.translate("WindowTexts", "Short leave"),
        PauseReason.SYSTEM_FAULT: QCoreApplication.translate("WindowTexts", "System fault"),
        PauseReason.OTHER: QCoreApplication.translate("WindowTexts", "Other"),
    }
    if not reason:
        return ""
    try:
        return names[PauseReason(reason)]
    except ValueError:
        return reason


def duration(seconds: float | None) -> str:
    """ "12:05" under an hour, "1:02:05" beyond; "—" when unknown."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return QCoreApplication.translate("WindowTexts", "{n} min").format(n=round(seconds / 60))


def since(iso_text: str | None) -> float | None:
    """Seconds from a server timestamp (UTC, ISO 8601 with Z) until now."""
    if not iso_text:
        return None
    then = datetime.fromisoformat(iso_text.replace("Z", "+00:00"))
    return (datetime.now(UTC) - then).total_seconds()


def name_of(entry: dict[str, object], lang: str) -> str:
    """A catalog entry's name in the screen's language (name_zh / name_en)."""
    return str(entry.get(f"name_{lang}") or entry.get("name_zh") or entry.get("code") or "")


def problem_text(body: object, lang: str, fallback: str) -> str:
    """The server's message from a problem+json body in the screen's language."""
    if isinstance(body, dict):
        text = body.get("detail_zh" if lang == "zh" else "detail")
        if text:
            return str(text)
    return fallback
