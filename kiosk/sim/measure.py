"""What a simulated day (or several) came to: waits, handling, windows' idle and paused time,
no-shows, and how well each estimator's promise held against the wait that came.

An estimate is scored against the ticket's actual wait, from the moment of the estimate to its
first call: at issue (what the ticket and the kiosk said) and at the later moments the phone page
showed. Only tickets that were called count (a ticket cancelled at the day's close has no actual
wait), and only where the new estimator gave a figure: where it said "no window serves this now"
there is no number to score, and those tickets are counted apart (`unestimated`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kiosk.sim.day import DayResult, TicketRecord
from kiosk.sim.drivers import ESTIMATORS

OVER_S = 15 * 60
WITHIN_S = 5 * 60
LOADS = ((0, 4, "0-4 ahead"), (5, 19, "5-19 ahead"), (20, 10**9, "20+ ahead"))


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def wait_summary(waits: list[float]) -> dict[str, Any]:
    return {
        "n": len(waits),
        "mean_s": round(sum(waits) / len(waits), 1) if waits else 0.0,
        "p50_s": round(pct(waits, 0.5), 1),
        "p90_s": round(pct(waits, 0.9), 1),
        "max_s": round(max(waits), 1) if waits else 0.0,
        "over_15min": round(sum(w > OVER_S for w in waits) / len(waits), 4) if waits else 0.0,
    }


def accuracy(pairs: list[tuple[float, float]]) -> dict[str, Any]:
    """(estimate, actual) pairs: mean absolute error, share within +-5 minutes, bias."""
    if not pairs:
        return {"n": 0, "mae_s": None, "within_5min": None, "bias_s": None}
    errors = [e - a for e, a in pairs]
    return {
        "n": len(pairs),
        "mae_s": round(sum(abs(x) for x in errors) / len(errors), 1),
        "within_5min": round(sum(abs(x) <= WITHIN_S for x in errors) / len(errors), 4),
        "bias_s": round(sum(errors) / len(errors), 1),
    }


def _scored(
    records: Iterable[TicketRecord],
) -> tuple[list[tuple[TicketRecord, dict[str, float | None], float]], int]:
    """(ticket, estimates, actual wait from then) at issue and at each later sample."""
    out = []
    unestimated = 0
    for r in records:
        if r.called is None:
            continue
        if r.estimate:
            if r.estimate.get("new") is None:
                unestimated += 1
            else:
                out.append((r, r.estimate, r.called - r.issued))
        for at, est in r.updates:
            if est.get("new") is not None and r.called >= at:
                out.append((r, est, r.called - at))
    return out, unestimated


def _issue_only(
    records: Iterable[TicketRecord],
) -> list[tuple[TicketRecord, dict[str, float | None], float]]:
    return [
        (r, r.estimate, r.called - r.issued)
        for r in records
        if r.called is not None and r.estimate and r.estimate.get("new") is not None
    ]


def _table(rows: list[tuple[TicketRecord, dict[str, float | None], float]]) -> dict[str, Any]:
    return {
        name: accuracy([(float(est[name] or 0.0), actual) for _, est, actual in rows])
        for name in ESTIMATORS
    }


def summarise(days: list[DayResult]) -> dict[str, Any]:
    """The JSON of `kiosk simulate --json` (docs/simulation.md lists its fields)."""
    records = [r for d in days for r in d.tickets]
    called = [r for r in records if r.called is not None]
    by_cat: dict[str, list[TicketRecord]] = defaultdict(list)
    for r in records:
        by_cat[r.category].append(r)
    scored, unestimated = _scored(records)
    at_issue = _issue_only(records)
    categories = {}
    for code, recs in sorted(by_cat.items()):
        waits = [r.called - r.issued for r in recs if r.called is not None]
        handles = [r.handle_s for r in recs if r.handle_s is not None]
        categories[code] = {
            "tickets": len(recs),
            "waits": wait_summary(waits),
            "handle_mean_s": round(sum(handles) / len(handles), 1) if handles else 0.0,
            "no_shows": sum(r.no_show for r in recs),
            "estimates": _table([x for x in at_issue if x[0].category == code]),
        }
    windows: dict[str, dict[str, Any]] = {}
    for d in days:
        for no, w in d.windows.items():
            acc = windows.setdefault(str(no), {"served": 0, "idle_min": 0.0, "paused_min": 0.0})
            acc["served"] += w.served
            acc["idle_min"] = round(acc["idle_min"] + w.idle_s / 60, 1)
            acc["paused_min"] = round(acc["paused_min"] + w.paused_s / 60, 1)
    by_load = {
        label: _table([x for x in at_issue if lo <= x[0].ahead <= hi]) for lo, hi, label in LOADS
    }
    waits = [r.called - r.issued for r in called]  # type: ignore[operator]
    return {
        "days": len(days),
        "tickets": len(records),
        "served": sum(r.finished is not None for r in records),
        "cancelled_at_close": sum(r.cancelled for r in records),
        "no_shows": sum(r.no_show for r in records),
        "requeued": sum(r.requeued for r in records),
        "consultations": sum(d.consultations for d in days),
        "waits": wait_summary(waits),
        "categories": categories,
        "windows": windows,
        "estimates": _table(at_issue),
        "estimates_with_updates": _table(scored),
        "estimates_by_load": by_load,
        "unestimated": unestimated,
    }
