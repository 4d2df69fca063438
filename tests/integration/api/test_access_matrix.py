"""Every route and live channel x every kind of caller, against the one access table.

The operations come from the server's own OpenAPI schema (and its WebSocket routes), so a route
added without an entry in kiosk/server/access.py fails here. Each caller gets a fresh hall on a
real uvicorn; the expected answer for each operation is derived from the table's roles and path
rule, and the real server must agree: refused callers get 401/403, admitted ones never get the
guard's refusal (they may still get 404/409/422 from the handler: the probes send empty bodies
so they change as little as possible).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from kiosk.domain import DeviceRole
from kiosk.server.access import ACCESS, SUPERVISORS, Rule, Where

CALLERS = (
    "none",
    "garbage",
    "kiosk",
    "display",
    "rating_pad",
    "center_sync",
    "clerk_here",
    "clerk_elsewhere",
    "helpdesk",
    "supervisor",
    "admin",
    "logged_out",
    "revoked",
    "citizen",
)
ROLE = {
    "kiosk": "kiosk",
    "display": "display",
    "rating_pad": "rating_pad",
    "center_sync": "center_sync",
    "clerk_here": "clerk",
    "clerk_elsewhere": "clerk",
    "helpdesk": "helpdesk",
    "supervisor": "supervisor",
    "admin": "admin",
    "citizen": "citizen",
}
LAST = ("POST /api/v1/day/close", "DELETE /api/v1/sessions/current")  # they end the probe's day


def expected_allowed(rule: Rule, caller: str) -> bool:
    if rule.public:
        return True
    role = ROLE.get(caller)
    if role is None or role not in rule.roles:
        return False
    if rule.where == Where.OWN_WINDOW:
        return caller == "clerk_here"
    if rule.where == Where.OWN_WINDOW_OR_SUPERVISOR:
        return caller == "clerk_here" or role in SUPERVISORS
    if rule.where == Where.OWN_TICKET:
        return caller == "citizen"
    return True


def all_routes(routes: list[Any]) -> list[Any]:
    """Routes of included routers too (FastAPI keeps them behind a wrapper)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found += all_routes(inner.routes) if inner is not None else [route]
    return found


def operations(live: Any) -> list[tuple[str, str]]:
    from fastapi.routing import APIWebSocketRoute

    spec = httpx.get(f"{live.url}/openapi.json").json()
    ops = [(m.upper(), path) for path, item in spec["paths"].items() for m in item]
    ops += [("WS", r.path) for r in all_routes(live.app.routes) if isinstance(r, APIWebSocketRoute)]
    return sorted(ops, key=lambda op: f"{op[0]} {op[1]}" in LAST)


def token_for(live: Any, caller: str, ticket: dict[str, Any]) -> str | None:
    hall = live.hall
    if caller == "none":
        return None
    if caller == "garbage":
        return "garbage-token"
    if caller in ("kiosk", "display", "center_sync"):
        return str(live.tokens[{"center_sync": "sync"}.get(caller, caller)])
    if caller == "rating_pad":
        return str(live.tokens["pad"])
    if caller == "clerk_here":
        return str(live.login("1001", "1234", 1))
    if caller == "clerk_elsewhere":
        return str(live.login("1002", "1234", 2))
    if caller == "helpdesk":
        return str(live.login("8001", "8888", None))
    if caller == "supervisor":
        return str(live.login("9001", "9999", None))
    if caller == "admin":
        hall.add_clerk("7001", "管理员", "7777", "admin")
        return str(live.login("7001", "7777", None))
    if caller == "logged_out":
        token = live.login("1003", "1234", 3)
        assert live.client(token).delete("/api/v1/sessions/current").status_code == 204
        return str(token)
    if caller == "revoked":
        old = hall.add_device("kiosk-9", DeviceRole.KIOSK)
        hall.add_device("kiosk-9", DeviceRole.KIOSK)  # re-keyed: the old token is revoked
        return str(old)
    assert caller == "citizen"
    return str(ticket["status_url"].rsplit("/", 1)[1])


def fill(path: str, ticket: dict[str, Any]) -> str:
    link = ticket["status_url"].rsplit("/", 1)[1]
    values = {
        "no": "1",
        "ref": ticket["id"],
        "ticket_id": ticket["id"],
        "token": link,
        "entry_id": "01J0000000000000000000000X",
        "name": "phone.css",
        "category": "SB",
        "case_id": "01J0000000000000000000000C",
        "alert_id": "1",
        "kind": "day",
    }
    for key, value in values.items():
        path = path.replace("{" + key + "}", value)
    assert "{" not in path, f"no probe value for {path}"
    return path


def refused_by_guard(r: httpx.Response) -> bool:
    if r.status_code == 401:
        return True
    return r.status_code == 403 and r.json().get("type") == "/problems/not_allowed"


def probe_socket(url: str, path: str, token: str | None) -> bool:
    """True when the channel admits the caller (the handshake completes)."""
    query = f"?token={token}" if token else ""
    ws_url = url.replace("http://", "ws://") + path + query
    try:
        with connect(ws_url, open_timeout=5, close_timeout=1):
            return True
    except InvalidStatus as exc:
        assert exc.response.status_code == 403, exc
        return False


@pytest.mark.parametrize("caller", CALLERS)
def test_every_route_answers_as_the_access_table_says(live, caller: str) -> None:
    ops = operations(live)
    assert set(ops) == set(ACCESS), (
        "routes without an entry in the access table: "
        f"{sorted(set(ops) - set(ACCESS))}; entries without a route: "
        f"{sorted(set(ACCESS) - set(ops))}"
    )
    with live.client(live.tokens["kiosk"]) as kiosk:
        ticket = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
    token = token_for(live, caller, ticket)
    wrong: list[str] = []
    with live.client(token) as c:
        for method, template in ops:
            path = fill(template, ticket)
            allowed = expected_allowed(ACCESS[(method, template)], caller)
            if method == "WS":
                got = probe_socket(live.url, path, token)
            else:
                body = {} if method in ("POST", "PATCH", "PUT") else None
                r = c.request(method, path, json=body)
                assert r.status_code < 500, f"{method} {path}: {r.status_code} {r.text}"
                got = not refused_by_guard(r)
            if got != allowed:
                wrong.append(f"{method} {template}: expected {'allow' if allowed else 'deny'}")
    assert not wrong, f"{caller}: " + "; ".join(wrong)
