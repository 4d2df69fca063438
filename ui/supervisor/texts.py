"""Words the console shows for the server's codes: window states, pause reasons, alert kinds,
case statuses, minutes. Every one through translate(), so lupdate finds them and zh_CN is the
default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def reason(code: str | None) -> str:
    names = {
        "meeting": QCoreApplication.translate("Supervisor", "Meeting"),
        "training": QCoreApplication.translate("Supervisor", "Training"),
        "meal": QCoreApplication.translate("Supervisor", "Meal"),
        "short_leave": QCoreApplication.translate("Supervisor", "Short leave"),
        "system_fault": QCoreApplication.translate("Supervisor", "System fault"),
        "other": QCoreApplication.translate("Supervisor", "Other"),
    }
    return names.get(code or "", code or "")


REASONS = ("meeting", "training", "meal", "short_leave", "system_fault", "other")


def alert_kind(kind: str) -> str:
    names = {
        "long_wait": QCoreApplication.translate("Supervisor", "Long wait"),
        "tidal_window": QCoreApplication.translate("Supervisor", "Open another window"),
        "idle_window": QCoreApplication.translate("Supervisor", "Window idle"),
        "pause_overrun": QCoreApplication.translate("Supervisor", "Pause too long"),
        "unclaimed_consultation": QCoreApplication.translate("Supervisor", "Question unclaimed"),
        "helpdesk_unstaffed": QCoreApplication.translate("Supervisor", "Help desk unstaffed"),
        "print_failed": QCoreApplication.translate("Supervisor", "Printer failure"),
        "bad_rating": QCoreApplication.translate("Supervisor", "Bad rating"),
        "case_due": QCoreApplication.translate("Supervisor", "Case due soon"),
        "case_overdue": QCoreApplication.translate("Supervisor", "Case overdue"),
        "sync_refused": QCoreApplication.translate("Supervisor", "Sync refused"),
    }
    return names.get(kind, kind)


def alert_state(state: str) -> str:
    names = {
        "open": QCoreApplication.translate("Supervisor", "Open"),
        "acknowledged": QCoreApplication.translate("Supervisor", "Acknowledged"),
        "resolved": QCoreApplication.translate("Supervisor", "Resolved"),
    }
    return names.get(state, state)


def case_status(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("Supervisor", "Opened"),
        "assigned": QCoreApplication.translate("Supervisor", "Assigned"),
        "called_back": QCoreApplication.translate("Supervisor", "Called back"),
        "verified": QCoreApplication.translate("Supervisor", "Verified"),
        "appealed": QCoreApplication.translate("Supervisor", "Exclusion pending"),
        "excluded": QCoreApplication.translate("Supervisor", "Excluded"),
        "rectified": QCoreApplication.translate("Supervisor", "Rectified"),
        "revisited": QCoreApplication.translate("Supervisor", "Revisited"),
        "closed": QCoreApplication.translate("Supervisor", "Closed"),
    }
    return names.get(status, status)


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return QCoreApplication.translate("Supervisor", "{n} min").format(n=round(float(seconds) / 60))


def alert_text(kind: str, d: dict[str, object], names: dict[str, str] | None = None) -> str:
    """One line saying what the alert is about, with its concrete suggestion if it has one;
    `names` gives categories their names in the console's language."""
    category = (names or {}).get(str(d.get("category")), d.get("category"))
    if kind == "tidal_window":
        text = QCoreApplication.translate(
            "Supervisor", "{category}: {waiting} waiting, {open} windows open"
        ).format(category=category, waiting=d.get("waiting"), open=d.get("open_windows"))
        s = d.get("suggestion")
        if isinstance(s, dict):
            who = s.get("clerk_name") or s.get("clerk") or ""
            text += " · " + QCoreApplication.translate(
                "Supervisor", "suggest window {no} {who}"
            ).format(no=s.get("window_no"), who=who)
        return text
    if kind == "long_wait":
        return QCoreApplication.translate(
            "Supervisor", "{category}: longest wait {wait}, {waiting} waiting"
        ).format(
            category=category,
            wait=minutes(d.get("longest_wait_s")),  # type: ignore[arg-type]
            waiting=d.get("waiting"),
        )
    if kind in ("idle_window", "pause_overrun"):
        return QCoreApplication.translate("Supervisor", "Window {no} ({clerk})").format(
            no=d.get("window_no"), clerk=d.get("clerk")
        )
    if kind == "bad_rating":
        return QCoreApplication.translate("Supervisor", "Ticket {number}, rated {level}").format(
            number=d.get("number"), level=d.get("level")
        )
    if kind in ("case_due", "case_overdue"):
        return QCoreApplication.translate(
            "Supervisor", "Ticket {number}, deadline {deadline}"
        ).format(number=d.get("number"), deadline=d.get("deadline") or "-")
    if kind == "print_failed":
        return QCoreApplication.translate("Supervisor", "{device}: {error}").format(
            device=d.get("device"), error=d.get("error")
        )
    if kind == "unclaimed_consultation":
        return QCoreApplication.translate("Supervisor", "Question {number}: {topic}").format(
            number=d.get("number"), topic=d.get("topic")
        )
    if kind == "helpdesk_unstaffed":
        return QCoreApplication.translate(
            "Supervisor", "{n} questions waiting, nobody at the help desk"
        ).format(n=d.get("waiting"))
    return ", ".join(f"{k}={v}" for k, v in d.items() if k != "key")
