"""Estimated waits that hold: the windows that serve a ticket's category, played forward.

A wait is promised on the ticket, the kiosk tile and the phone page, so it must be honest:
- a category that no open, unpaused window serves gets no number at all (`wait_s` None and the
  reason NO_WINDOW): nobody can call it, so any figure would be invented;
- a paused window counts from its expected return: the pause's own expected return time when
  it has one (`window_state.expected_back`, set by the clerk or a supervisor), else its start
  plus the
  pause reason's typical length from the hall config (`typical_pause_minutes`);
- a window that serves several categories gives this one only what its routing rank leaves:
  the green channel and returning tickets of every category it serves first, categories it ranks
  higher first (and the arrivals they will still get), a shared rank by issue time;
- the time a window spends per citizen is learned per category from the hall's own services
  (call to finish, so walking up and recalls count), the most recent first, never a service that
  finished after the moment of the estimate: the estimate reads the store as of `now` only.

The play-forward is a few arithmetic steps per person ahead, in Python, on counts read once: the
people ahead come from kept counts (`queue_counts`, triggers keep them), so issuing a ticket
reads the same few rows with 10 or 50,000 people waiting, and past MAX_STEPS services the rest
is extrapolated at the rate the windows reached. Only a ticket in the middle of a queue (a
status page read later) counts its own tier's range, through the queue index.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.catalog.hall_config import TYPICAL_PAUSE_MINUTES
from kiosk.clock import iso, parse_iso
from kiosk.domain import PauseReason
from kiosk.engine.queue.tidal import serving_now
from kiosk.engine.settings import HallSettings

RECENT = 30  # services per category the learned time per citizen averages over
MAX_STEPS = 150  # services played forward one by one; beyond, the windows' rate extrapolates
ARRIVALS_OVER = timedelta(hours=1)  # older arrivals say nothing of the next minutes
ARRIVALS_SPAN = 8  # the arrival rate is measured over a category's last few tickets
ARRIVALS_MIN_S = 300.0  # ... and over at least this long
ARRIVALS_AHEAD_S = 600.0  # arrivals of higher-ranked categories counted this far ahead
RANGE_Z = 1.28  # the range is about the 10th to 90th percentile of the wait
NO_WINDOW = "no_window"  # the reason for no figure: the screens say 暂无窗口办理


@dataclass(frozen=True)
class Estimate:
    """People ahead, the wait in seconds (None when nobody can call the ticket, with `reason`),
    and the range the wait will most likely fall in."""

    ahead: int
    wait_s: int | None
    low_s: int | None = None
    high_s: int | None = None
    reason: str | None = None


def waiting_counts(conn: sqlite3.Connection, day: str) -> dict[str, int]:
    """Waiting tickets per category on `day`."""
    rows = conn.execute(
        "SELECT category, SUM(waiting) FROM queue_counts WHERE service_day = ? GROUP BY category",
        (day,),
    )
    return {r[0]: int(r[1]) for r in rows}


def waiting_in(conn: sqlite3.Connection, day: str, categories: list[str]) -> int:
    marks = ",".join("?" * len(categories))
    row = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        f" WHERE service_day = ? AND category IN ({marks})",
        (day, *categories),
    ).fetchone()
    return int(row[0])


def ahead_of(conn: sqlite3.Connection, ticket: sqlite3.Row) -> int:
    """Waiting tickets of the ticket's category that routing puts before it."""
    held, tier = int(ticket["held"]), int(ticket["tier"])
    before = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        " WHERE service_day = ? AND category = ? AND (held < ? OR (held = ? AND tier < ?))",
        (ticket["service_day"], ticket["category"], held, held, tier),
    ).fetchone()[0]
    key = (ticket["service_day"], ticket["category"], held, tier, ticket["sort_at"], ticket["id"])
    same_tier = conn.execute(
        "SELECT (SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_day = ?"
        "  AND category = ? AND target_window IS NULL AND held = ? AND tier = ?"
        "  AND (sort_at, id) < (?, ?))"
        " + (SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_day = ?"
        "  AND target_window IS NOT NULL AND category = ? AND held = ? AND tier = ?"
        "  AND (sort_at, id) < (?, ?))",
        (*key, *key),
    ).fetchone()[0]
    return int(before) + int(same_tier)


def tail_position(conn: sqlite3.Connection, ticket: sqlite3.Row) -> int:
    """People ahead of a ticket at the back of its tier: every waiting ticket of its category
    in the tiers before it and in its own tier, but itself."""
    held, tier = int(ticket["held"]), int(ticket["tier"])
    row = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        " WHERE service_day = ? AND category = ? AND (held < ? OR (held = ? AND tier <= ?))",
        (ticket["service_day"], ticket["category"], held, held, tier),
    ).fetchone()
    return int(row[0]) - 1


# -- what the hall has learned, as of now --------------------------------------------------------
@dataclass(frozen=True)
class ServiceTime:
    """Seconds a window spends per citizen of a category (call to finish): mean and spread."""

    mean: float
    sd: float


def service_time(
    settings: HallSettings, conn: sqlite3.Connection, category: str, now: datetime
) -> ServiceTime:
    """The category's recent services that finished by `now` (the seconds from the call to the
    finish, so walking up and recalls count); before any, the catalog's standard figure with a
    spread of half of it. A few services say little: until there are enough, the mean leans
    on the standard figure."""
    n, mean, square = conn.execute(
        "SELECT COUNT(*), AVG(span), AVG(span * span) FROM ("
        " SELECT (julianday(finished_at) - julianday(COALESCE(called_at, started_at))) * 86400.0"
        " AS span FROM tickets WHERE category = ? AND status = 'done' AND finished_at <= ?"
        " ORDER BY finished_at DESC LIMIT ?)",
        (category, iso(now), RECENT),
    ).fetchone()
    standard = float(settings.catalog.category(category).service_time_s)
    if not n or mean is None:
        return ServiceTime(standard, standard / 2)
    weight = n / (n + 3)
    blended = weight * mean + (1 - weight) * standard
    var = max(0.0, square - mean * mean) * n / max(1, n - 1)
    return ServiceTime(max(1.0, blended), math.sqrt(var) if n > 2 else blended / 2)


def arrival_rate(conn: sqlite3.Connection, day: str, prefix: str, now: datetime) -> float:
    """Tickets per second a category has lately been issued at, read from the numbering in two
    seeks by the day's unique numbers (never a count): the last number issued and the one
    ARRIVALS_SPAN before it, over the time between the latter and `now`."""
    row = conn.execute(
        "SELECT last FROM counters WHERE service_day = ? AND prefix = ?", (day, prefix)
    ).fetchone()
    if row is None or int(row[0]) < 2:
        return 0.0
    last = int(row[0])
    back = min(ARRIVALS_SPAN, last - 1)
    found = conn.execute(
        "SELECT issued_at FROM tickets WHERE service_day = ? AND number = ?",
        (day, f"{prefix}{last - back:03d}"),  # the numbering of tickets.format_number
    ).fetchone()
    if found is None:
        return 0.0
    since = parse_iso(found[0])
    if since > now:  # issued after the moment of the estimate: not known yet
        return 0.0
    span = max((now - since).total_seconds(), ARRIVALS_MIN_S)
    return back / span if span <= ARRIVALS_OVER.total_seconds() * 2 else 0.0


def typical_pause_s(settings: HallSettings, reason: str | None) -> float:
    """A pause reason's typical length (the hall's figure, else the default's)."""
    try:
        key = PauseReason(reason or "other")
    except ValueError:
        key = PauseReason.OTHER
    minutes = settings.config.typical_pause_minutes.get(key) or TYPICAL_PAUSE_MINUTES[key]
    return 60.0 * minutes


# -- the windows as they stand --------------------------------------------------------------------
@dataclass(frozen=True)
class WindowNow:
    """One open or paused window: the seconds from now until it can call again, and its ranks."""

    no: int
    free_in: float
    ranks: Mapping[str, int]
    paused: bool

    @property
    def order(self) -> list[tuple[str, int]]:
        """Its categories, the first served first (the ranks are kept in that order)."""
        return list(self.ranks.items())


def windows_now(
    settings: HallSettings,
    conn: sqlite3.Connection,
    now: datetime,
    times: dict[str, ServiceTime],
) -> list[WindowNow]:
    """Every signed-in window: an idle one is free now, one with a citizen when that service is
    expected to end (at least a little from now), a paused one at its expected return."""
    out = []
    for st in conn.execute(
        "SELECT w.no, w.status, w.ticket_id, w.absence_id, w.pause_reason, w.serves,"
        " w.serves_until, w.expected_back,"
        " t.category AS category, t.called_at AS called_at FROM window_state w"
        " LEFT JOIN tickets t ON t.id = w.ticket_id WHERE w.clerk IS NOT NULL ORDER BY w.no"
    ):
        no = int(st["no"])
        if no not in settings.window_ranks:
            continue
        free_in = 0.0
        paused = st["status"] == "paused"
        if paused:
            # the pause's own expected return (the clerk's or a supervisor's), else its start
            # plus the reason's typical length
            back = parse_iso(st["expected_back"]) if st["expected_back"] else None
            ab = None
            if back is None and st["absence_id"] is not None:
                ab = conn.execute(
                    "SELECT started_at, reason FROM absences WHERE id = ?", (st["absence_id"],)
                ).fetchone()
            if ab is not None:
                typical = typical_pause_s(settings, ab["reason"])
                back = parse_iso(ab["started_at"]) + timedelta(seconds=typical)
            if back is None:
                back = now + timedelta(seconds=typical_pause_s(settings, st["pause_reason"]))
            # overdue: expect the clerk back shortly rather than in the past
            free_in = max((back - now).total_seconds(), 120.0)
        elif st["ticket_id"] is not None and st["called_at"]:
            per = times.get(st["category"])
            if per is None:
                per = times[st["category"]] = service_time(settings, conn, st["category"], now)
            elapsed = (now - parse_iso(st["called_at"])).total_seconds()
            free_in = max(per.mean - elapsed, per.mean * 0.2)
        out.append(WindowNow(no, free_in, serving_now(settings, st, now), paused))
    return out


def linked(windows: list[WindowNow], category: str) -> list[WindowNow]:
    """The windows whose work bears on `category`: those that serve it, and those that share a
    category with one of them, and so on; the rest of the hall never takes from its queues."""
    codes, out = {category}, []
    rest = list(windows)
    grew = True
    while grew:
        grew = False
        for w in list(rest):
            if codes.intersection(w.ranks):
                codes.update(w.ranks)
                out.append(w)
                rest.remove(w)
                grew = True
    return sorted(out, key=lambda w: w.no)


# -- playing the queue forward -----------------------------------------------------------------
@dataclass
class Pool:
    """The tickets of one category that may come before the estimated one: those any window
    calls first (better tier), those a window calls first when it ranks the category higher
    (same tier), and the category's arrival rate (they too come first at such a window)."""

    first: float
    same: float  # same tier: all of them (a window that ranks the category higher)
    older: float  # same tier, issued before the estimated ticket (a shared rank)
    rate: float
    per: ServiceTime
    taken: int = 0

    def take(self) -> None:
        """One more called: the better tier first, then the oldest of the same tier, then
        the arrivals."""
        if self.first >= 1:
            self.first -= 1
        elif self.same >= 1:
            self.same -= 1
            self.older = max(0.0, self.older - 1)
        else:
            self.taken += 1


def _pick(
    w: WindowNow,
    order: list[tuple[str, int]],
    category: str,
    pools: Mapping[str, Pool],
    t: float,
) -> str | None:
    """What window `w`, free at `t`, calls instead of the estimated category's next person:
    another category it serves (`order`: in rank order) whose tickets come first by the
    routing order, if any."""
    mine = w.ranks.get(category)
    for code, rank in order:
        pool = pools.get(code)
        if code == category or pool is None:
            continue
        if pool.first >= 1:
            return code
        if mine is None or rank < mine:  # all of a category ranked higher, arrivals too
            if pool.same + pool.rate * min(t, ARRIVALS_AHEAD_S) - pool.taken >= 1:
                return code
        elif rank == mine and pool.older >= 1:
            return code  # a shared rank: those issued before go first
    return None


def play_forward(
    windows: list[WindowNow], category: str, ahead: int, pools: Mapping[str, Pool]
) -> tuple[float, int, int]:
    """(seconds until the ticket is called, services before it, windows that served its
    category meanwhile).

    Every signed-in window, whenever it becomes free, takes what its routing would: a window
    that serves the category takes other categories' better-tier tickets and those of
    categories it ranks higher (with their arrivals meanwhile) first, then the people ahead
    (who already include the category's own better tiers), then the ticket itself; a window
    that does not serve it still takes from the categories they share. Service times are the
    learned means."""
    if not any(category in w.ranks for w in windows):
        return math.inf, 0, 0
    orders = [w.order for w in windows]
    heap = [(w.free_in, i) for i, w in enumerate(windows)]
    heapq.heapify(heap)
    left = float(ahead)
    steps = mine_steps = 0
    used: set[int] = set()
    while heap:
        t, i = heapq.heappop(heap)
        w = windows[i]
        pick = _pick(w, orders[i], category, pools, t)
        if pick is not None:
            pool = pools[pick]
            pool.take()
            heapq.heappush(heap, (t + pool.per.mean, i))
        elif category not in w.ranks:
            rate = sum(pools[c].rate for c in w.ranks if c in pools)
            if rate > 0:  # idle until its categories' next arrival
                heapq.heappush(heap, (t + 1 / rate, i))
            continue
        elif left >= 1:
            left -= 1
            mine_steps += 1
            used.add(i)
            heapq.heappush(heap, (t + pools[category].per.mean, i))
        else:
            return t, steps, max(1, len(used))
        steps += 1
        if steps >= MAX_STEPS:
            # the rest at the rate the category's people were reached so far
            rate = mine_steps / max(t, 1.0)
            remaining = left + 1
            if rate <= 0:
                return math.inf, steps, 0
            return t + remaining / rate, steps + int(remaining), max(1, len(used))
    return math.inf, steps, 0


def _pools(
    settings: HallSettings,
    conn: sqlite3.Connection,
    day: str,
    now: datetime,
    category: str,
    held: int,
    tier: int,
    share: float,
    windows: list[WindowNow],
    times: dict[str, ServiceTime],
) -> dict[str, Pool]:
    """The pools of every category a signed-in window serves. `share`: the part of another
    category's same-tier tickets issued before the estimated one (1 for a ticket at the back
    of its tier)."""
    codes = {c for w in windows for c in w.ranks}
    pools = {}
    for code in sorted(codes):
        per = times.get(code)
        if per is None:
            per = times[code] = service_time(settings, conn, code, now)
        if code == category:
            pools[code] = Pool(0, 0, 0, 0, per)
            continue
        first = same = 0.0
        for r in conn.execute(
            "SELECT held, tier, waiting FROM queue_counts WHERE service_day = ? AND category = ?",
            (day, code),
        ):
            if (r["held"], r["tier"]) < (held, tier):
                first += r["waiting"]
            else:
                same += r["waiting"]
        rate = arrival_rate(conn, day, settings.catalog.category(code).prefix, now)
        pools[code] = Pool(first, same, same * share, rate, per)
    return pools


def estimate_for(
    settings: HallSettings,
    conn: sqlite3.Connection,
    now: datetime,
    category: str,
    ahead: int,
    held: int = 0,
    tier: int = 2,
    share: float = 1.0,
) -> Estimate:
    """The wait of a ticket of `category` with `ahead` people of its category before it, as the
    hall stands at `now`. Reads only the present state and what finished or was issued by
    `now`."""
    day = settings.today(now).isoformat()
    times = {category: service_time(settings, conn, category, now)}
    windows = linked(windows_now(settings, conn, now, times), category)
    serving = [w for w in windows if category in w.ranks]
    if not any(not w.paused for w in serving):
        return Estimate(ahead, None, None, None, NO_WINDOW)
    pools = _pools(settings, conn, day, now, category, held, tier, share, windows, times)
    wait, steps, servers = play_forward(windows, category, ahead, pools)
    if math.isinf(wait):
        return Estimate(ahead, None, None, None, NO_WINDOW)
    per = pools[category].per
    # the spread of the sum of `steps` services over `servers` windows, and of the model
    spread = RANGE_Z * per.sd * math.sqrt(max(steps, 1) / max(servers, 1)) + 0.1 * wait
    low, high = max(0.0, wait - spread), wait + spread
    return Estimate(ahead, round(wait), round(low), round(high))


def estimate(
    settings: HallSettings,
    conn: sqlite3.Connection,
    ticket: sqlite3.Row,
    now: datetime,
    last_in_tier: bool = False,
) -> Estimate:
    """The estimate of a ticket as the API shows it. `last_in_tier`: the ticket has just joined
    the back of its tier (a new ticket), so only kept counts are read."""
    if ticket["status"] != "waiting":
        return Estimate(0, 0, 0, 0)
    held, tier = int(ticket["held"]), int(ticket["tier"])
    if last_in_tier:
        ahead, share = tail_position(conn, ticket), 1.0
    else:
        ahead = ahead_of(conn, ticket)
        # another category's same-tier tickets issued before this one, in proportion
        total = tail_position(conn, ticket) + 1
        share = min(1.0, (ahead + 1) / max(1, total))
    return estimate_for(settings, conn, now, ticket["category"], ahead, held, tier, share)


def category_estimate(
    settings: HallSettings, conn: sqlite3.Connection, now: datetime, category: str, waiting: int
) -> Estimate:
    """What a new normal ticket of `category` would wait now: the kiosk tile's figure."""
    return estimate_for(settings, conn, now, category, waiting)
