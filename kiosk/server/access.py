"""Who may call what: every route and live channel of the hall server, in one table.

Why one table: a permission written beside each handler is easy to forget on a new route and
hard to review as a whole. Here the routers run one guard before any handler code; it finds the
matched route's template in ACCESS and refuses the caller (401 without a valid token, 403 for a
role that is not listed, or a clerk at another window) before the body is looked at. A route
missing from the table is refused for everyone, and a test generated from the OpenAPI schema
fails for it, so a new route cannot ship open by accident.

Roles share one namespace: device roles (kiosk, display, rating_pad, center_sync), clerk roles
(clerk, helpdesk, supervisor, admin), `citizen` for the holder of a ticket's status link,
`local_admin` for the `kiosk` command on the server's own machine, and ANYONE for routes that
need no token at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.admin.ops import OPS as ADMIN_OPS


class Where(StrEnum):
    """A check beyond the role, on the route's path parameters."""

    ANY = "any"
    OWN_WINDOW = "own_window"  # a clerk signed in at the path's window {no}
    OWN_WINDOW_OR_SUPERVISOR = "own_window_or_supervisor"  # ... or a supervisor/admin anywhere
    OWN_TICKET = "own_ticket"  # the status link of the path's ticket {ticket_id}


ANYONE = "anyone"
CITIZEN = "citizen"
DEVICE_ROLES = ("kiosk", "display", "rating_pad", "center_sync")
CLERK_ROLES = ("clerk", "helpdesk", "supervisor", "admin")
SUPERVISORS = ("supervisor", "admin")
DESK = ("helpdesk", "supervisor", "admin")
ISSUERS = ("kiosk", "helpdesk", "supervisor", "admin")
SCREENS = ("kiosk", "display", "rating_pad", *CLERK_ROLES)  # front ends that show the hall
LOCAL_ADMIN = "local_admin"  # the `kiosk` command on the server's own machine (kiosk.admin)
ALL_ROLES = (*DEVICE_ROLES, *CLERK_ROLES, CITIZEN, LOCAL_ADMIN)


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    where: Where = Where.ANY

    @property
    def public(self) -> bool:
        return ANYONE in self.roles


def rule(*roles: str, where: Where = Where.ANY) -> Rule:
    unknown = set(roles) - {*ALL_ROLES, ANYONE}
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    return Rule(frozenset(roles), where)


PUBLIC = rule(ANYONE)
V1 = "/api/v1"

# (method, route template) -> who may call it. "WS" marks a live channel.
ACCESS: dict[tuple[str, str], Rule] = {
    # public: what a passer-by may see, and the door to sign in
    ("GET", f"{V1}/health"): PUBLIC,
    ("GET", f"{V1}/catalog"): PUBLIC,
    ("POST", f"{V1}/sessions"): PUBLIC,
    ("GET", f"{V1}/tickets/{{ref}}"): PUBLIC,  # by id (the QR's secret) or, with a token, number
    ("GET", "/t/{token}"): PUBLIC,  # the phone page: the path holds the proof
    ("GET", "/static/phone/{name}"): PUBLIC,
    # what the hall's boards show anyway (a window client shows it before anyone signs in)
    ("GET", f"{V1}/queue"): PUBLIC,
    ("GET", f"{V1}/helpdesk/status"): PUBLIC,  # staffed or not: what a sign at the desk says
    ("GET", f"{V1}/issuing"): PUBLIC,  # tickets left and opening hours: on the board anyway
    # the hall's live stream, for every screen in the hall (scoped per role)
    ("WS", f"{V1}/live"): rule(*SCREENS),
    # citizens' writes
    ("POST", f"{V1}/tickets"): rule(*ISSUERS),
    ("POST", f"{V1}/tickets/{{ref}}/requeue"): rule(*ISSUERS),
    ("POST", f"{V1}/tickets/{{ref}}/print-failed"): rule(*ISSUERS),
    ("POST", f"{V1}/ratings"): rule("rating_pad", CITIZEN),
    ("POST", f"{V1}/consultations"): rule("kiosk", CITIZEN, *CLERK_ROLES),
    ("POST", f"{V1}/appointments"): rule(*SUPERVISORS),
    # the citizen's own phone page
    ("GET", f"{V1}/tickets/{{ticket_id}}/case"): rule(CITIZEN, where=Where.OWN_TICKET),
    ("WS", f"{V1}/tickets/{{ticket_id}}/live"): rule(CITIZEN, where=Where.OWN_TICKET),
    # staff sessions
    ("GET", f"{V1}/sessions/current"): rule(*CLERK_ROLES),
    ("DELETE", f"{V1}/sessions/current"): rule(*CLERK_ROLES),
    # at a window: only the clerk signed in there
    **{
        ("POST", f"{V1}/windows/{{no}}/{action}"): rule(*CLERK_ROLES, where=Where.OWN_WINDOW)
        for action in (
            "call-next",
            "call",
            "recall",
            "no-show",
            "start",
            "finish",
            "transfer",
            "pause",
            "resume",
        )
    },
    ("GET", f"{V1}/windows/{{no}}/stats"): rule(*CLERK_ROLES, where=Where.OWN_WINDOW_OR_SUPERVISOR),
    # the help desk and its knowledge base
    ("POST", f"{V1}/helpdesk/presence"): rule(*DESK),
    ("GET", f"{V1}/helpdesk/consultations"): rule(*DESK),
    ("GET", f"{V1}/helpdesk/figures"): rule(*DESK),
    ("GET", f"{V1}/consultations/{{ref}}"): rule(*DESK),
    **{
        ("POST", f"{V1}/consultations/{{ref}}/{step}"): rule(*DESK)
        for step in ("claim", "handover", "answer", "resolve", "convert", "refer", "faq")
    },
    # the full call-back number: the engine admits the question's owner alone
    ("POST", f"{V1}/consultations/{{ref}}/phone"): rule(*DESK),
    **{
        key: rule(*DESK)
        for plural in ("faqs", "notices")
        for key in (
            ("GET", f"{V1}/{plural}"),
            ("POST", f"{V1}/{plural}"),
            ("GET", f"{V1}/{plural}/{{entry_id}}"),
            ("POST", f"{V1}/{plural}/{{entry_id}}"),
            ("PATCH", f"{V1}/{plural}/{{entry_id}}"),
            ("POST", f"{V1}/{plural}/{{entry_id}}/publish"),
            ("POST", f"{V1}/{plural}/{{entry_id}}/retire"),
        )
    },
    # the supervisor's reports and assessment (also as CSV, XLSX, PDF)
    ("GET", f"{V1}/reports/{{kind}}"): rule(*SUPERVISORS),
    # the supervisor's seat (docs/supervision-api.md)
    ("GET", f"{V1}/supervision/overview"): rule(*SUPERVISORS),
    ("GET", f"{V1}/supervision/cases"): rule(*SUPERVISORS),
    ("GET", f"{V1}/supervision/cases/{{case_id}}"): rule(*SUPERVISORS),
    **{
        ("POST", f"{V1}/supervision/cases/{{case_id}}/{step}"): rule(*SUPERVISORS)
        for step in (
            "assign",
            "call-back",
            "verify",
            "confirm-exclusion",
            "rectify",
            "revisit",
            "close",
        )
    },
    ("GET", f"{V1}/supervision/alerts"): rule(*SUPERVISORS),
    ("POST", f"{V1}/supervision/alerts/{{alert_id}}/acknowledge"): rule(*SUPERVISORS),
    **{
        ("POST", f"{V1}/supervision/windows/{{no}}/{action}"): rule(*SUPERVISORS)
        for action in ("pause", "resume", "sign-out", "serve")
    },
    ("DELETE", f"{V1}/supervision/windows/{{no}}/serve"): rule(*SUPERVISORS),
    # the hall's log and day
    ("GET", f"{V1}/events"): rule(*SUPERVISORS, "center_sync"),
    ("POST", f"{V1}/day/close"): rule(*SUPERVISORS),
    ("POST", f"{V1}/quotas/{{category}}/today"): rule(*SUPERVISORS),  # an event, for the log
    # what a `kiosk` command asks of the server that owns the store (kiosk.admin.ops)
    **{("POST", f"{V1}/admin/{op}"): rule(LOCAL_ADMIN) for op in ADMIN_OPS},
}


def rule_for(method: str, path: str) -> Rule | None:
    return ACCESS.get((method.upper(), path))
