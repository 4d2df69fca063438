"""The per-group arithmetic of the center report, in plain Python so both engines agree exactly.

Definitions (the numbers a supervisor compares across halls and levels):
- wait p50/p90: `wait_s` of each ticket's first `ticket.called` in whole seconds (rounded half
  up, the 1-second buckets of the daily rollups), linear interpolation between closest ranks
  (numpy's default): p = v[lo] + (v[hi] - v[lo]) * frac at rank (n - 1) * q.
- handle_avg_s: mean `handle_s` of `ticket.finished`, summed in whole milliseconds.
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
from collections.abc import Mapping, Sequence
from typing import Any


def percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q
    lo, hi = math.floor(rank), math.ceil(rank)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (rank - lo)


def wait_second(wait: float) -> int:
    """The 1-second bucket of a wait: rounded half up (599.5 s -> 600)."""
    return math.floor(wait + 0.5)


def millis(seconds: float) -> int:
    """Seconds as whole milliseconds (the hall rounds them to the millisecond already)."""
    return math.floor(seconds * 1000 + 0.5)


def mean_millis(values: list[float]) -> float | None:
    """The mean of seconds values computed on whole milliseconds, so any summing order agrees."""
    return sum(millis(v) for v in values) / len(values) / 1000 if values else None


def hist_percentile(hist: Mapping[Any, int], q: float, ordered: bool = False) -> float | None:
    """`percentile` over the values a {value: count} histogram holds, without expanding it
    (values may be whole numbers as text: JSON keys; `ordered`: its keys ascend already)."""
    total = sum(hist.values())
    if total == 0:
        return None
    rank = (total - 1) * q
    lo, hi = math.floor(rank), math.ceil(rank)
    found: dict[int, float] = {}
    seen = 0
    for value in hist if ordered else sorted(hist, key=int):
        seen += hist[value]
        for index in (lo, hi):
            if index not in found and index < seen:
                found[index] = float(value)
        if hi in found:
            break
    return found[lo] + (found[hi] - found[lo]) * (rank - lo)


_SCALES = {1: 10.0, 2: 100.0, 6: 1_000_000.0}


def round_to(x: float, digits: int) -> float:
    """Exactly `round(x, digits)` for digits 1, 2 or 6, about twice as fast: a governance
    report of a province rounds some three million figures. x * 10**digits is within half
    an ulp of the exact product, so unless it lies within 1e-6 of a half (or is huge) the
    nearest integer n is the one the decimal rounding picks, and n / 10**digits is the float
    nearest to that decimal, as `round` returns; otherwise `round` itself decides."""
    scale = _SCALES[digits]
    y = x * scale
    if -1e9 < y < 1e9:
        n = math.floor(y)
        frac = y - n
        if frac < 0.499999 or frac > 0.500001:
            r = (n + (frac > 0.5)) / scale
            return r if r else math.copysign(0.0, x)
    return round(x, digits)


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


def secs(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
