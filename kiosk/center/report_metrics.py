"""The per-group arithmetic of the center report, in plain Python so both engines agree exactly.

Definitions (the numbers a supervisor compares across halls and levels):
- wait p50/p90: `wait_s` of each ticket's first `ticket.called`, linear interpolation between
  closest ranks (numpy's default): p = v[lo] + (v[hi] - v[lo]) * frac at rank (n - 1) * q.
- handle_avg_s: mean `handle_s` of `ticket.finished`.
- no_show_rate: tickets with at least one `ticket.no_show` / `ticket.issued`.
- satisfaction_rate: ratings of level 4-5 / ratings; extra_materials_rate likewise for the tag.
- case_closure_rate: cases opened in the period that have a `case.updated` closed (at any later
  time up to now) / cases opened.
- correction_rate: finishes with outcome `correction` / finishes.
- absences: per pause reason, count and total `duration_s` of `window.resumed`, the reason taken
  from the `window.paused` with the same absence_id.
A rate with a zero denominator is None (no data), never 0. Seconds are rounded to the
millisecond and rates to six places, so float noise (510.00000000000006) never reaches a report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain import Outcome, RatingTag
from kiosk.events import EventType

Key = tuple[str, str]


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q
    lo, hi = math.floor(rank), math.ceil(rank)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (rank - lo)


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


def secs(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass
class GroupStats:
    """Everything counted for one row (a level, a hall or a service item)."""

    tickets: int = 0
    waits: list[float] = field(default_factory=list)
    handles: list[float] = field(default_factory=list)
    no_show_tickets: set[Key] = field(default_factory=set)
    ratings: int = 0
    satisfied: int = 0
    extra_materials: int = 0
    cases: set[Key] = field(default_factory=set)
    finished: int = 0
    corrections: int = 0
    consultations: int = 0
    absences: dict[str, list[float]] = field(default_factory=dict)

    def add(self, hall: str, etype: str, p: dict[str, Any], pause_reasons: dict[Key, str]) -> None:
        if etype == EventType.TICKET_ISSUED:
            self.tickets += 1
        elif etype == EventType.TICKET_CALLED:
            wait = number(p.get("wait_s"))
            if wait is not None:
                self.waits.append(wait)
        elif etype == EventType.TICKET_NO_SHOW:
            self.no_show_tickets.add((hall, str(p.get("ticket_id"))))
        elif etype == EventType.TICKET_FINISHED:
            self.finished += 1
            self.corrections += p.get("outcome") == Outcome.CORRECTION
            handle = number(p.get("handle_s"))
            if handle is not None:
                self.handles.append(handle)
        elif etype == EventType.RATING_RECORDED:
            self.ratings += 1
            level = number(p.get("level"))
            self.satisfied += level is not None and level >= 4
            tags = p.get("tags")
            self.extra_materials += isinstance(tags, list) and RatingTag.EXTRA_MATERIALS in tags
        elif etype == EventType.CASE_OPENED:
            self.cases.add((hall, str(p.get("case_id"))))
        elif etype == EventType.CONSULTATION_CREATED:
            self.consultations += 1
        elif etype == EventType.WINDOW_RESUMED:
            reason = pause_reasons.get((hall, str(p.get("absence_id"))), "unknown")
            slot = self.absences.setdefault(reason, [0, 0.0])
            slot[0] += 1
            slot[1] += number(p.get("duration_s")) or 0.0

    def metrics(self, closed_cases: set[Key]) -> dict[str, Any]:
        closed = len(self.cases & closed_cases)
        handle_avg = sum(self.handles) / len(self.handles) if self.handles else None
        return {
            "tickets": self.tickets,
            "wait_p50_s": secs(percentile(self.waits, 0.5)),
            "wait_p90_s": secs(percentile(self.waits, 0.9)),
            "handle_avg_s": secs(handle_avg),
            "no_shows": len(self.no_show_tickets),
            "no_show_rate": ratio(len(self.no_show_tickets), self.tickets),
            "ratings": self.ratings,
            "satisfaction_rate": ratio(self.satisfied, self.ratings),
            "extra_materials": self.extra_materials,
            "extra_materials_rate": ratio(self.extra_materials, self.ratings),
            "cases_opened": len(self.cases),
            "cases_closed": closed,
            "case_closure_rate": ratio(closed, len(self.cases)),
            "finished": self.finished,
            "corrections": self.corrections,
            "correction_rate": ratio(self.corrections, self.finished),
            "consultations": self.consultations,
            "absences": {
                reason: {"count": int(count), "seconds": round(seconds, 3)}
                for reason, (count, seconds) in sorted(self.absences.items())
            },
        }
