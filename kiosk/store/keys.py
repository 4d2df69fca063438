"""Keys the store derives from an event's envelope, shared by the projector and the migrations.

They live in the store, not the engine, because a migration must key existing rows exactly the
way the projector keys new ones, and the store imports nothing above it.
"""

from __future__ import annotations

import json


def request_key(device: str | None, clerk: str | None, request_id: str | None) -> str | None:
    """A kiosk's request_id as the tickets table keys it: within the issuer (the principal that
    asked: a clerk, else the device), so one kiosk's retry never finds another kiosk's ticket.
    Derived from the event's envelope, so a rebuild keys it the same way."""
    if not request_id:
        return None
    issuer = f"clerk:{clerk}" if clerk else f"device:{device or ''}"
    return json.dumps([issuer, request_id], ensure_ascii=False)
