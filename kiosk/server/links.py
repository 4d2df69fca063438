"""What a ticket's status link may see and how often it may write.

The link (the QR printed on the ticket) is a bearer secret that ends up on a citizen's phone and
may be photographed or forwarded. So the link itself is shown only to whoever prints or hands
over the ticket (the kiosk, the help desk, supervisors and admins, who issue tickets) and to the
link's own holder; a window clerk, a board, a pad or the center's sync never need it. And each
link gets a small budget of writes (a token bucket: a rating, a question, a few retries), so one
leaked or scripted link cannot flood the hall with questions or the log with refusals.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from typing import Any

from starlette.requests import HTTPConnection

from kiosk.engine.auth import Principal
from kiosk.errors import TooManyAttempts
from kiosk.server.access import ISSUERS

BURST = 5  # writes a link may make at once
REFILL_S = 12.0  # then one more every 12 s: five a minute
MAX_TRACKED = 10_000  # links remembered at once; full buckets are forgotten first


def shows_link(who: Principal, ticket_id: str | None = None) -> bool:
    """Whether `who` may see a ticket's status link: its issuers, or the link's own holder."""
    if who.kind == "ticket":
        return ticket_id is not None and who.name == ticket_id
    return who.role in ISSUERS


def for_caller(ticket: dict[str, Any] | None, who: Principal) -> dict[str, Any] | None:
    """The ticket view as `who` may see it: without its status link unless `shows_link`."""
    if ticket is not None and "status_url" in ticket and not shows_link(who, ticket.get("id")):
        ticket = {k: v for k, v in ticket.items() if k != "status_url"}
    return ticket


class LinkBudget:
    """One token bucket per link: BURST writes, refilled one every REFILL_S seconds."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def spend(self, key: str) -> None:
        """Takes one write from the link's bucket, or raises TooManyAttempts (429) saying
        when the next one is due."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(BURST), now))
            tokens = min(float(BURST), tokens + max(0.0, now - at) / REFILL_S)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                wait = max(1, math.ceil((1.0 - tokens) * REFILL_S))
                raise TooManyAttempts(
                    f"操作过于频繁，请{wait}秒后再试",
                    f"too many requests from this link; try again in {wait} s",
                    retry_after=wait,
                )
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > MAX_TRACKED:
                self._forget_full(now)

    def _forget_full(self, now: float) -> None:
        full = [
            k
            for k, (tokens, at) in self._buckets.items()
            if tokens + (now - at) / REFILL_S >= BURST
        ]
        for k in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[k]


def spend_link_budget(conn: HTTPConnection, who: Principal) -> None:
    """Charges a write made through a status link to that link's budget."""
    state = conn.app.state
    budget: LinkBudget | None = getattr(state, "link_budget", None)
    if budget is None:
        hall = state.hall
        budget = state.link_budget = LinkBudget(lambda: hall.clock.now().timestamp())
    budget.spend(who.name)
