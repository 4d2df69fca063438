"""Staffing advice (潮汐窗口 planning): per hour and category, the fewest open windows that keep
90 % of waits under a target, from the windows and the qualified clerks the hall has.

A pure function of its inputs (no store, no clock, no I/O), so the simulator's `--advise` and
the supervisors' live tidal-window suggestion can share it: the first passes a scenario's
expected arrivals, the second the morning's actual arrivals per hour.

The queue of one category in one hour is taken as many-server (M/M/n, Erlang C): with arrival
rate lambda, mean service time S and n windows, the share of citizens who wait longer than t is
C(n, lambda S) exp(-(n/S - lambda) t). The smallest n that brings it under 1 - quantile is the
category's need; windows are then given to categories, the scarcest first, each window to one
category whose queue it serves, with a clerk qualified for that category. A category that
needs a single window may share one already given to other such small queues when the window,
serving them pooled, still keeps the target: the window then counts for each of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

DEFAULT_TARGET_S = 15 * 60
DEFAULT_QUANTILE = 0.9
MAX_WINDOWS = 200


@dataclass(frozen=True)
class WindowSpec:
    """A window and the categories it serves, in its rank order."""

    no: int
    categories: tuple[str, ...]


@dataclass(frozen=True)
class ClerkSpec:
    """A clerk and the categories they are qualified for."""

    employee_no: str
    categories: frozenset[str]


@dataclass
class CategoryAdvice:
    needed: int  # windows the category needs this hour
    windows: list[int] = field(default_factory=list)  # the windows proposed for it
    clerks: list[str] = field(default_factory=list)  # the clerk proposed at each
    short: int = 0  # windows it needs that the hall cannot seat (no window or clerk free)


@dataclass
class HourAdvice:
    hour: int
    categories: dict[str, CategoryAdvice]

    @property
    def open_windows(self) -> list[int]:
        """Every window to open this hour (a window shared by small queues once)."""
        return sorted({no for a in self.categories.values() for no in a.windows})


def erlang_c(n: int, load: float) -> float:
    """The probability that a citizen has to wait at all, with n servers and offered load
    lambda x S (in erlangs); 1 when the servers cannot keep up."""
    if n <= load:
        return 1.0
    term, total = 1.0, 1.0
    for k in range(1, n):
        term *= load / k
        total += term
    last = term * load / n * n / (n - load)
    return last / (total + last)


def share_waiting_longer(n: int, rate_per_s: float, service_s: float, target_s: float) -> float:
    """The share of citizens who wait longer than `target_s` (M/M/n)."""
    if rate_per_s <= 0:
        return 0.0
    load = rate_per_s * service_s
    if n <= load:
        return 1.0
    return erlang_c(n, load) * math.exp(-(n / service_s - rate_per_s) * target_s)


def windows_needed(
    per_hour: float,
    service_s: float,
    target_s: float = DEFAULT_TARGET_S,
    quantile: float = DEFAULT_QUANTILE,
) -> int:
    """The fewest windows that keep `quantile` of waits under `target_s` for `per_hour`
    citizens an hour taking `service_s` seconds each (0 when nobody comes)."""
    if per_hour <= 0:
        return 0
    rate = per_hour / 3600.0
    for n in range(1, MAX_WINDOWS + 1):
        if share_waiting_longer(n, rate, service_s, target_s) <= 1 - quantile:
            return n
    return MAX_WINDOWS


def pooled_fits(
    codes: list[str],
    rates: Mapping[str, float],
    service_s: Mapping[str, float],
    target_s: float,
    quantile: float,
) -> bool:
    """Whether one window serving these small queues pooled keeps their waits under the
    target."""
    rate = sum(rates.get(c, 0.0) for c in codes)
    if rate <= 0:
        return True
    work = sum(rates.get(c, 0.0) * float(service_s.get(c, 300.0)) for c in codes)
    return windows_needed(rate, work / rate, target_s, quantile) <= 1


def advise(
    arrivals: Mapping[str, Mapping[int, float]],
    windows: Sequence[WindowSpec],
    clerks: Sequence[ClerkSpec],
    service_s: Mapping[str, float],
    target_s: float = DEFAULT_TARGET_S,
    quantile: float = DEFAULT_QUANTILE,
    hours: Iterable[int] | None = None,
) -> list[HourAdvice]:
    """Per hour and category, the fewest windows that keep `quantile` (0.9) of waits under
    `target_s` (15 minutes), and which windows and clerks to open for it.

    - `arrivals`: category code -> local hour (0-23) -> citizens in that hour (the arrivals so
      far, or those expected); hours not given count as none;
    - `windows`: every window the hall has, with the categories it serves in rank order;
    - `clerks`: every clerk who may be seated, with the categories they are qualified for;
    - `service_s`: category -> mean seconds a window spends per citizen (call to finish);
    - `hours`: the hours to advise on (default: every hour with arrivals).

    Returns one HourAdvice per hour, in order. A window goes to at most one category in an
    hour and a clerk to at most one window; when the hall has too few windows serving a
    category, or too few qualified clerks, the rest of the need is `short`."""
    if hours is None:
        hours = sorted({h for per in arrivals.values() for h, n in per.items() if n > 0})
    out = []
    for hour in hours:
        need = {
            code: windows_needed(
                float(per.get(hour, 0.0)), float(service_s.get(code, 300.0)), target_s, quantile
            )
            for code, per in arrivals.items()
        }
        advice = {code: CategoryAdvice(n) for code, n in need.items() if n > 0}
        by_no = {w.no: w for w in windows}
        free_windows = dict(by_no)
        clerk_at: dict[int, ClerkSpec] = {}
        free_clerks = list(clerks)

        def candidates(code: str, free: dict[int, WindowSpec] = free_windows) -> list[WindowSpec]:
            found = [w for w in free.values() if code in w.categories]
            return sorted(found, key=lambda w: (w.categories.index(code), len(w.categories), w.no))

        # the scarcest category first: fewest windows that could serve it per window needed
        order = sorted(advice, key=lambda c: (len(candidates(c)) / advice[c].needed, c))
        load: dict[int, list[str]] = {}  # window -> the categories given to it
        rates = {c: float(per.get(hour, 0.0)) for c, per in arrivals.items()}

        for code in order:
            a = advice[code]
            if a.needed == 1:
                shared = [
                    no
                    for no in sorted(load)
                    if code in by_no[no].categories
                    and code in clerk_at[no].categories
                    and all(advice[c].needed == 1 for c in load[no])
                ]
                for no in shared:
                    if pooled_fits([*load[no], code], rates, service_s, target_s, quantile):
                        load[no].append(code)
                        a.windows.append(no)
                        a.clerks.append(clerk_at[no].employee_no)
                        break
                if a.windows:
                    continue
            for w in candidates(code):
                if len(a.windows) >= a.needed:
                    break
                qualified = [c for c in free_clerks if code in c.categories]
                if not qualified:
                    break
                # the clerk who can do most of what the window serves, the fewest other skills
                best = max(
                    qualified,
                    key=lambda c: (len(c.categories & set(w.categories)), -len(c.categories)),
                )
                free_clerks.remove(best)
                del free_windows[w.no]
                load[w.no] = [code]
                clerk_at[w.no] = best
                a.windows.append(w.no)
                a.clerks.append(best.employee_no)
            a.short = a.needed - len(a.windows)
        out.append(HourAdvice(hour, advice))
    return out
