"""Where this hall syncs to, kept in the hall store's meta table (configuration, not events)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.engine.base import HallBase


@dataclass(frozen=True)
class CenterLink:
    url: str
    token: str


def load(hall: HallBase) -> CenterLink | None:
    url, token = hall.meta("center_url"), hall.meta("center_token")
    return CenterLink(url, token) if url and token else None


def save(hall: HallBase, link: CenterLink) -> None:
    hall.update_meta({"center_url": link.url.rstrip("/"), "center_token": link.token})
