"""Time for the engine, injectable so tests can cross midnight or a 7-day deadline in one step.

All stored times are UTC; the hall's service day is derived from its own time zone, so numbering
never depends on the machine's zone (a peer complaint: numbering broken at the day boundary).
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to; thread-safe: the server reads it from workers."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float = 0, **kwargs: float) -> datetime:
        with self._lock:
            self._now += timedelta(seconds=seconds, **kwargs)
            return self._now

    def set(self, when: datetime) -> None:
        with self._lock:
            self._now = when.astimezone(UTC)


def iso(ts: datetime) -> str:
    """UTC ISO 8601 with milliseconds and Z: sortable as text, the event log's time format."""
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def service_day(ts: datetime, tz: ZoneInfo) -> date:
    """The hall's local calendar day for a moment: the key of ticket numbering."""
    return ts.astimezone(tz).date()


def monotonic() -> float:
    return time.monotonic()
