"""The hall server's API paths as the front ends call them, each spelled once.

Why one module: a route renamed on the server is then one edit here and a failing test, not a
hunt through five front ends for string literals; and every segment taken from data (a ticket
number typed at the kiosk, an id from the server) is escaped, so it can never reach another
route. Routes themselves are defined and guarded by the server (`kiosk/server/access.py`).
"""

from __future__ import annotations

from urllib.parse import quote

API = "/api/v1"

HEALTH = f"{API}/health"
CATALOG = f"{API}/catalog"
QUEUE = f"{API}/queue"
ISSUING = f"{API}/issuing"  # tickets left, opening hours, real-name modes per category
LIVE = f"{API}/live"
SESSIONS = f"{API}/sessions"
CURRENT_SESSION = f"{SESSIONS}/current"
TICKETS = f"{API}/tickets"
RATINGS = f"{API}/ratings"
CONSULTATIONS = f"{API}/consultations"
HELPDESK_STATUS = f"{API}/helpdesk/status"
HELPDESK_CONSULTATIONS = f"{API}/helpdesk/consultations"
HELPDESK_PRESENCE = f"{API}/helpdesk/presence"
HELPDESK_FIGURES = f"{API}/helpdesk/figures"

SUPERVISION = f"{API}/supervision"
SUPERVISION_OVERVIEW = f"{SUPERVISION}/overview"
SUPERVISION_ALERTS = f"{SUPERVISION}/alerts"
SUPERVISION_CASES = f"{SUPERVISION}/cases"
REPORTS = f"{API}/reports"

#: The knowledge base's collections by the kind of entry they hold.
KNOWLEDGE = {"faq": f"{API}/faqs", "notice": f"{API}/notices"}


def _seg(value: object) -> str:
    return quote(str(value), safe="")


def ticket(ref: str) -> str:
    """One ticket, by its id or its number."""
    return f"{TICKETS}/{_seg(ref)}"


def ticket_requeue(number: str) -> str:
    return f"{ticket(number)}/requeue"


def ticket_print_failed(ticket_id: str) -> str:
    return f"{ticket(ticket_id)}/print-failed"


def window(no: int, action: str) -> str:
    """A window's action (call-next, recall, start, finish, pause ...) or view (stats)."""
    return f"{API}/windows/{int(no)}/{_seg(action)}"


def consultation(cid: str, step: str) -> str:
    """A step on one consultation: claim, answer, resolve, convert, refer, handover, faq."""
    return f"{CONSULTATIONS}/{_seg(cid)}/{_seg(step)}"


def knowledge(kind: str, entry_id: str | None = None, action: str | None = None) -> str:
    """The FAQs or notices, one entry of them, or an action on it (publish, retire)."""
    path = KNOWLEDGE[kind]
    if entry_id is not None:
        path += f"/{_seg(entry_id)}"
        if action is not None:
            path += f"/{_seg(action)}"
    return path


def alert_ack(alert_id: int) -> str:
    return f"{SUPERVISION_ALERTS}/{int(alert_id)}/acknowledge"


def case_step(case_id: str, step: str) -> str:
    """A step on a bad-rating case: assign, call-back, verify, confirm-exclusion, ..."""
    return f"{SUPERVISION_CASES}/{_seg(case_id)}/{_seg(step)}"


def supervise_window(no: int, action: str) -> str:
    """A supervisor's action on a window: pause, resume, sign-out, serve."""
    return f"{SUPERVISION}/windows/{int(no)}/{_seg(action)}"


def report(kind: str) -> str:
    return f"{REPORTS}/{_seg(kind)}"
