"""`kiosk simulate --advise`: the adviser's proposal for a scenario's expected crowd, played
through the same simulation as the scenario's own schedule, so the two can be compared."""

from __future__ import annotations

from typing import Any

from kiosk.sim.scenario import Scenario, hhmm, minute_of_day
from kiosk.staffing import ClerkSpec, HourAdvice, WindowSpec, advise

Periods = dict[int, list[tuple[float, float]]]


def expected_arrivals(s: Scenario) -> dict[str, dict[int, float]]:
    return {c.code: {h: s.rate_per_hour(c, h) for h in range(24)} for c in s.category}


def service_seconds(s: Scenario) -> dict[str, float]:
    """What a window spends per citizen: the service, walking up, the clerk's gap, and the
    recalls of those who do not come."""
    return {
        c.code: c.service_mean_s + s.walk_s + s.gap_s + c.no_show * 3 * s.recall_s
        for c in s.category
    }


def plan(s: Scenario, target_s: float) -> list[HourAdvice]:
    open_h, close_m = hhmm(s.open).hour, minute_of_day(hhmm(s.close))
    hours = [h for h in range(open_h, 24) if h * 60 < close_m]
    windows = [WindowSpec(w.no, tuple(w.codes())) for w in s.window]
    clerks = [ClerkSpec(c.employee_no, frozenset(c.categories)) for c in s.clerks()]
    return advise(expected_arrivals(s), windows, clerks, service_seconds(s), target_s, hours=hours)


def schedule_of(s: Scenario, advice: list[HourAdvice]) -> Periods:
    """The proposal as signed-in periods per window (consecutive hours joined)."""
    open_s = minute_of_day(hhmm(s.open)) * 60.0
    close_s = minute_of_day(hhmm(s.close)) * 60.0
    periods: Periods = {w.no: [] for w in s.window}
    for h in advice:
        start, end = max(h.hour * 3600.0, open_s), min((h.hour + 1) * 3600.0, close_s)
        for no in h.open_windows:
            spans = periods[no]
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return periods


def window_hours(periods: Periods) -> float:
    return round(sum(b - a for spans in periods.values() for a, b in spans) / 3600, 1)


def own_schedule(s: Scenario) -> Periods:
    return {
        w.no: [(minute_of_day(hhmm(a)) * 60.0, minute_of_day(hhmm(b)) * 60.0) for a, b in w.hours]
        for w in s.window
    }


def _result(summary: dict[str, Any], periods: Periods) -> dict[str, Any]:
    waits = summary["waits"]
    return {
        "window_hours": window_hours(periods),
        "mean_wait_s": waits["mean_s"],
        "p90_wait_s": waits["p90_s"],
        "over_15min": waits["over_15min"],
        "cancelled_at_close": summary["cancelled_at_close"],
    }


def advise_and_compare(
    s: Scenario, days: int, seed: int, target_s: float, own: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The proposal per hour and category, and the simulated result of it next to that of
    the scenario's own schedule (same seed, so the same crowd)."""
    from kiosk.sim.run import simulate

    advice = plan(s, target_s)
    advised = schedule_of(s, advice)
    if own is None:
        own, _ = simulate(s, days, seed, measure=False, label="scenario's own schedule")
    ran, _ = simulate(s, days, seed, schedule=advised, measure=False, label="advised schedule")
    return {
        "target_s": target_s,
        "hours": [
            {
                "hour": h.hour,
                "open_windows": len(h.open_windows),
                "categories": {
                    code: {
                        "needed": a.needed,
                        "windows": a.windows,
                        "clerks": a.clerks,
                        "short": a.short,
                    }
                    for code, a in sorted(h.categories.items())
                },
            }
            for h in advice
        ],
        "scenario_schedule": _result(own, own_schedule(s)),
        "advised_schedule": _result(ran, advised),
    }
