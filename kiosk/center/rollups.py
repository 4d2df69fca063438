"""Daily rollups: every count, sum and wait histogram the center's reports need, per hall-day.

Choice: recomputed per hall-day, not maintained event by event. Ingest only marks the hall-days
a batch touched as dirty (one small upsert per distinct day) and records bad-rating cases, which
close days after they open. A dirty hall-day is recomputed from its own events when the hall's
`day.closed` arrives and, for whatever is still dirty (a day not closed yet, a late event after
the close), before a report that covers it. A recomputation reads one hall's one day and
replaces its rows, so it is idempotent, needs no state carried between batches (first calls,
pause reasons and items are resolved within the day) and a late event can never leave a
half-updated figure behind. docs/scaling.md gives the reasons and the measured cost.

Scopes: `hall` (key ""), `item` (key the item code, "" for a ticket without one) and `window`
(key the window number). Waits are counted in whole seconds (`wait_second`), times in integer
milliseconds, so merging rollups is exact and the report equals a computation over raw events.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    case,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.center.report_metrics import hist_percentile, millis, number, wait_second
from kiosk.center.schema import (
    CASE_COUNTS,
    COUNTS,
    archived_months,
    events,
    hall_catalogs,
    rollup_case_dirty,
    rollup_cases,
    rollup_dirty,
    rollups,
)
from kiosk.center.schema import halls as halls_table
from kiosk.domain import Outcome, RatingTag
from kiosk.events import EventType

E = EventType
HALL, ITEM, WINDOW = "hall", "item", "window"
# Month rows: a hall's month merged from its days (day = "YYYY-MM"), and the month of all halls
# per level and per item (hall = ALL), so a month report reads thousands of rows, not millions.
HALL_MONTH, ITEM_MONTH = "hall_m", "item_m"
LEVEL_ALL, ITEM_ALL, BUILT = "level_a", "item_a", "built_a"
ALL = "*"
_MONTH_LOCK = 7_370_300  # + the month as a number: building or changing a month's totals
# the types a recomputation reads; window.paused also from the day before (a pause over midnight)
ROLLUP_TYPES = (
    E.TICKET_ISSUED,
    E.TICKET_CALLED,
    E.TICKET_NO_SHOW,
    E.TICKET_FINISHED,
    E.RATING_RECORDED,
    E.CASE_OPENED,
    E.WINDOW_OPENED,
    E.WINDOW_PAUSED,
    E.WINDOW_RESUMED,
    E.CONSULTATION_CREATED,
    E.ALERT_RAISED,
)


@dataclass
class Tally:
    """One rollup row being counted."""

    counts: Counter[str] = field(default_factory=Counter)
    waits: Counter[int] = field(default_factory=Counter)
    pauses: dict[str, list[int]] = field(default_factory=dict)
    missing: Counter[str] = field(default_factory=Counter)
    no_show: set[str] = field(default_factory=set)

    def row(self, hall: str, day: str, scope: str, key: str) -> dict[str, Any]:
        counts = {name: int(self.counts.get(name, 0)) for name in COUNTS}
        counts["no_show_tickets"] = len(self.no_show)
        waits = dict(sorted(self.waits.items()))
        return {
            "hall": hall,
            "day": day,
            "scope": scope,
            "key": key,
            **counts,
            "wait_hist": json.dumps({str(k): v for k, v in waits.items()}),
            "pauses": json.dumps(dict(sorted(self.pauses.items())), ensure_ascii=False),
            "missing": json.dumps(dict(sorted(self.missing.items())), ensure_ascii=False),
            **hist_fields(waits),
        }


def hist_fields(ordered: dict[Any, int]) -> dict[str, float | None]:
    """The stored percentiles of a row from its histogram (keys ascending)."""
    return {
        "wait_p50": hist_percentile(ordered, 0.5, ordered=True),
        "wait_p90": hist_percentile(ordered, 0.9, ordered=True),
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def compute_day(
    hall: str, day: str, rows: Iterable[tuple[str, str, dict[str, Any]]]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The rollup rows of one hall-day from its events (type, day, payload) in seq order, and
    the item of each case opened that day. Pauses of the day before come in too (their day
    differs): they only lend their reason to a resume of this day."""
    rows = list(rows)
    ticket_item: dict[str, str] = {}
    for want in (E.TICKET_ISSUED, E.TICKET_FINISHED):
        for etype, ev_day, p in rows:
            if etype == want and ev_day == day and p.get("item"):
                ticket_item[_text(p.get("ticket_id"))] = str(p["item"])
    rating_item: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for etype, _d, p in rows:
        if etype == E.RATING_RECORDED:
            item = p.get("item") or ticket_item.get(_text(p.get("ticket_id")))
            if item:
                rating_item[_text(p.get("rating_id"))] = str(item)
        elif etype == E.WINDOW_PAUSED:
            reasons[_text(p.get("absence_id"))] = str(p.get("reason"))
    tallies: dict[tuple[str, str], Tally] = {}

    def tally(scope: str, key: str) -> Tally:
        return tallies.setdefault((scope, key), Tally())

    whole = tally(HALL, "")
    first_calls: set[str] = set()
    case_items: dict[str, str] = {}
    for etype, ev_day, p in rows:
        if ev_day != day:
            continue
        ticket = _text(p.get("ticket_id"))
        item = ticket_item.get(ticket, "") if etype.startswith("ticket.") else None
        window: str | None = None
        if etype == E.TICKET_ISSUED:
            targets = [whole, tally(ITEM, item or "")]
            for t in targets:
                t.counts["tickets"] += 1
        elif etype == E.TICKET_CALLED:
            if ticket in first_calls:
                continue
            first_calls.add(ticket)
            wait = number(p.get("wait_s"))
            if wait is not None:
                for t in (whole, tally(ITEM, item or "")):
                    t.counts["waits"] += 1
                    t.waits[wait_second(wait)] += 1
        elif etype == E.TICKET_NO_SHOW:
            for t in (whole, tally(ITEM, item or "")):
                t.no_show.add(ticket)
        elif etype == E.TICKET_FINISHED:
            window = _text(p.get("window_no"))
            handle = number(p.get("handle_s"))
            outcome = p.get("outcome")
            missing = p.get("missing_materials")
            for t in (whole, tally(ITEM, item or ""), tally(WINDOW, window)):
                t.counts["finished"] += 1
                t.counts["completed"] += outcome == Outcome.COMPLETED
                if outcome == Outcome.CORRECTION:
                    t.counts["corrections"] += 1
                    if isinstance(missing, list):
                        t.missing.update(str(m) for m in missing if isinstance(m, str) and m)
                if handle is not None:
                    t.counts["handles"] += 1
                    t.counts["handle_ms"] += millis(handle)
        elif etype == E.RATING_RECORDED:
            rated = rating_item.get(_text(p.get("rating_id")))
            level = number(p.get("level"))
            tags = p.get("tags")
            extra = isinstance(tags, list) and RatingTag.EXTRA_MATERIALS in tags
            targets = [whole] + ([tally(ITEM, rated)] if rated else [])
            targets.append(tally(WINDOW, _text(p.get("window_no"))))
            for t in targets:
                t.counts["ratings"] += 1
                t.counts["satisfied"] += level is not None and level >= 4
                t.counts["bad_ratings"] += level is not None and level <= 2
                t.counts["extra_materials"] += extra
        elif etype == E.CASE_OPENED:
            found = rating_item.get(_text(p.get("rating_id"))) or ticket_item.get(ticket)
            if found:
                case_items[_text(p.get("case_id"))] = found
        elif etype == E.CONSULTATION_CREATED:
            whole.counts["consultations"] += 1
        elif etype == E.WINDOW_OPENED:
            tally(WINDOW, _text(p.get("window_no"))).counts["windows_opened"] = 1
        elif etype == E.WINDOW_RESUMED:
            reason = reasons.get(_text(p.get("absence_id")), "unknown")
            ms = millis(number(p.get("duration_s")) or 0.0)
            for t in (whole, tally(WINDOW, _text(p.get("window_no")))):
                slot = t.pauses.setdefault(reason, [0, 0])
                slot[0] += 1
                slot[1] += ms
                t.counts["pause_count"] += 1
                t.counts["pause_ms"] += ms
        elif etype == E.ALERT_RAISED:
            kind, details = p.get("kind"), p.get("details")
            if kind == "idle_window":
                whole.counts["idle_alerts"] += 1
                if isinstance(details, dict) and details.get("window_no") is not None:
                    tally(WINDOW, _text(details.get("window_no"))).counts["idle_alerts"] += 1
            elif kind == "unclaimed_consultation":
                whole.counts["unclaimed_alerts"] += 1
    whole.counts["windows_opened"] = sum(
        t.counts["windows_opened"] for (scope, _k), t in tallies.items() if scope == WINDOW
    )
    out = [t.row(hall, day, scope, key) for (scope, key), t in sorted(tallies.items())]
    return out, case_items


def _fetch_day(conn: Connection, hall: str, day: str) -> list[tuple[str, str, dict[str, Any]]]:
    before = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    query = (
        select(events.c.type, events.c.day, events.c.payload)
        .where(events.c.hall == hall, events.c.day.in_([before, day]))
        .where(events.c.type.in_(ROLLUP_TYPES))
        .order_by(events.c.seq)
    )
    out = []
    for etype, ev_day, payload in conn.execute(query):
        if ev_day == day or etype == E.WINDOW_PAUSED:
            out.append((etype, ev_day, json.loads(payload)))
    return out


def recompute(conn: Connection, hall: str, day: str) -> None:
    """Replace one hall-day's rollups with a fresh count of its events (in the caller's
    transaction, after it took the day off the dirty list)."""
    rows, case_items = compute_day(hall, day, _fetch_day(conn, hall, day))
    conn.execute(delete(rollups).where(rollups.c.hall == hall, rollups.c.day == day))
    for case_id, item in case_items.items():
        where = and_(rollup_cases.c.hall == hall, rollup_cases.c.case_id == case_id)
        conn.execute(update(rollup_cases).where(where).values(item=item))
    rows = with_cases(rows, count_cases(conn, hall, day), hall, day)
    if rows:
        conn.execute(rollups.insert(), rows)
    recompute_month(conn, hall, day[:7])


CaseCounts = dict[str | None, list[int]]  # item (None: unknown) -> [opened, closed, on time]


def count_cases(conn: Connection, hall: str, day: str) -> CaseCounts:
    """The bad-rating cases a hall opened on a day, per item: opened, closed by now, closed on
    or before their deadline."""
    c = rollup_cases.c
    on_time = func.sum(case((c.closed_day <= c.deadline, 1), else_=0))
    query = (
        select(c.item, func.count(), func.count(c.closed_day), on_time)
        .where(c.hall == hall, c.day == day)
        .group_by(c.item)
    )
    return {item: [int(n), int(k), int(t or 0)] for item, n, k, t in conn.execute(query)}


def with_cases(
    rows: list[dict[str, Any]], counts: CaseCounts, hall: str, day: str
) -> list[dict[str, Any]]:
    """The day's rows with their case counts: every case in the hall row, a case with an item
    in that item's row (added, otherwise empty, if the day has none)."""
    by = {(r["scope"], r["key"]): r for r in rows}
    for r in rows:
        if r["scope"] in (HALL, ITEM):
            r.update(dict.fromkeys(CASE_COUNTS, 0))
    total = [sum(v[n] for v in counts.values()) for n in range(3)]
    targets: list[tuple[tuple[str, str], list[int]]] = [((HALL, ""), total)]
    targets += [((ITEM, item), v) for item, v in counts.items() if item]
    for key, values in targets:
        if key not in by and any(values):
            by[key] = Tally().row(hall, day, *key)
            rows.append(by[key])
        if key in by:
            by[key].update(zip(CASE_COUNTS, values, strict=True))
    return rows


def recount_cases(conn: Connection, hall: str, day: str) -> None:
    """Take a hall-day's case counts again (a case of that day closed); its events are not read,
    so this also runs for a month already archived."""
    r = rollups.c
    query = select(rollups).where(r.hall == hall, r.day == day, r.scope.in_([HALL, ITEM]))
    rows = [dict(row) for row in conn.execute(query).mappings()]
    if not rows:
        return  # not computed yet: its recomputation counts the cases
    known = {(row["scope"], row["key"]) for row in rows}
    for row in with_cases(rows, count_cases(conn, hall, day), hall, day):
        key = (row["scope"], row["key"])
        if key in known:
            where = and_(r.hall == hall, r.day == day, r.scope == key[0], r.key == key[1])
            conn.execute(update(rollups).where(where).values({n: row[n] for n in CASE_COUNTS}))
        else:
            conn.execute(rollups.insert(), [row])


def _archived(conn: Connection) -> set[str]:
    return set(conn.execute(select(archived_months.c.month)).scalars())


def _marked(table: Any, day_from: str | None, day_to: str | None, hall: str | None) -> Any:
    query = select(table.c.hall, table.c.day)
    if day_from is not None:
        query = query.where(table.c.day >= day_from)
    if day_to is not None:
        query = query.where(table.c.day <= day_to)
    if hall is not None:
        query = query.where(table.c.hall == hall)
    return query


def refresh(
    engine: Engine, day_from: str | None = None, day_to: str | None = None, hall: str | None = None
) -> int:
    """Recompute the dirty hall-days in the range (all by default); returns how many. Each is
    its own transaction that first deletes its dirty mark, so an event stored meanwhile marks
    it again rather than being lost. Days of an archived month keep their final rollups. Then
    the hall-days whose cases closed meanwhile have their case counts taken again."""
    with engine.connect() as conn:
        found = conn.execute(_marked(rollup_dirty, day_from, day_to, hall))
        todo = sorted((str(h), str(d)) for h, d in found)
        archived = _archived(conn)
    done = 0
    for code, day in todo:
        if day[:7] in archived:
            continue
        with engine.begin() as conn:
            mark = and_(rollup_dirty.c.hall == code, rollup_dirty.c.day == day)
            if conn.execute(delete(rollup_dirty).where(mark)).rowcount == 0:
                continue  # another process took it
            recompute(conn, code, day)
            done += 1
    refresh_cases(engine, day_from, day_to, hall)
    return done


def refresh_cases(
    engine: Engine, day_from: str | None = None, day_to: str | None = None, hall: str | None = None
) -> int:
    """Recount the case counts of the hall-days marked in rollup_case_dirty (one transaction
    and one month recomputation per hall-month); returns how many hall-days."""
    with engine.connect() as conn:
        found = conn.execute(_marked(rollup_case_dirty, day_from, day_to, hall))
        by_month: dict[tuple[str, str], list[str]] = {}
        for code, day in sorted((str(h), str(d)) for h, d in found):
            by_month.setdefault((code, day[:7]), []).append(day)
    done = 0
    for (code, month), days in by_month.items():
        with engine.begin() as conn:
            taken = 0
            for day in days:
                mark = and_(rollup_case_dirty.c.hall == code, rollup_case_dirty.c.day == day)
                if conn.execute(delete(rollup_case_dirty).where(mark)).rowcount:
                    recount_cases(conn, code, day)
                    taken += 1
            if taken:
                recompute_month(conn, code, month)
            done += taken
    return done


def merge_rows(
    hall: str, day: str, scope: str, key: str, rows: Iterable[Any], minus: Iterable[Any] = ()
) -> dict[str, Any]:
    """One rollup row summing `rows` (mappings with the rollup columns), less the rows in
    `minus` (rows once summed into one of `rows`). Every entry of a stored map counts at least
    one, so an entry that comes to 0 had no row left and is dropped, as a fresh sum leaves it."""
    counts: Counter[str] = Counter()
    waits: Counter[str] = Counter()
    pauses: dict[str, list[int]] = {}
    missing: Counter[str] = Counter()
    for sign, group in ((1, rows), (-1, minus)):
        for row in group:
            for name in COUNTS:
                counts[name] += sign * int(row[name])
            if row["wait_hist"] != "{}":
                for second, n in json.loads(row["wait_hist"]).items():
                    waits[second] += sign * n
            if row["pauses"] != "{}":
                for reason, (count, ms) in json.loads(row["pauses"]).items():
                    slot = pauses.setdefault(reason, [0, 0])
                    slot[0] += sign * count
                    slot[1] += sign * ms
            if row["missing"] != "{}":
                for name, n in json.loads(row["missing"]).items():
                    missing[name] += sign * n
    ordered = dict(sorted(((k, n) for k, n in waits.items() if n), key=lambda kv: int(kv[0])))
    return {
        "hall": hall,
        "day": day,
        "scope": scope,
        "key": key,
        **{name: counts[name] for name in COUNTS},
        "wait_hist": json.dumps(ordered),
        "pauses": json.dumps(
            {r: v for r, v in sorted(pauses.items()) if v[0] or v[1]}, ensure_ascii=False
        ),
        "missing": json.dumps({m: n for m, n in sorted(missing.items()) if n}, ensure_ascii=False),
        **hist_fields(ordered),
    }


def _lock_month(conn: Connection, month: str) -> None:
    if conn.dialect.name == "postgresql":
        key = _MONTH_LOCK + int(month[:4]) * 12 + int(month[5:7])
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def recompute_month(conn: Connection, hall: str, month: str) -> None:
    """A hall's month rows from its day rows; the month's totals of all halls, if built, take
    the difference (all sums are integers, so they stay equal to a fresh sum of every hall)."""
    _lock_month(conn, month)
    r = rollups.c
    in_month = and_(r.hall == hall, r.day.like(f"{month}-%"))
    mine = and_(r.hall == hall, r.day == month, r.scope.in_([HALL_MONTH, ITEM_MONTH]))
    old = [dict(row) for row in conn.execute(select(rollups).where(mine)).mappings()]
    conn.execute(delete(rollups).where(mine))
    new: list[dict[str, Any]] = []
    for day_scope, month_scope in ((HALL, HALL_MONTH), (ITEM, ITEM_MONTH)):
        found: dict[str, list[Any]] = {}
        for row in conn.execute(select(rollups).where(in_month, r.scope == day_scope)).mappings():
            found.setdefault(row["key"], []).append(row)
        merged = [merge_rows(hall, month, month_scope, k, v) for k, v in sorted(found.items())]
        if merged:
            conn.execute(rollups.insert(), merged)
        new += merged
    _shift_totals(conn, hall, month, old, new)


def _shift_totals(
    conn: Connection, hall: str, month: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> None:
    """The month's totals of all halls after one hall's month rows went from `old` to `new`:
    each total touched is summed again from itself, plus the new rows, less the old ones;
    one no hall's row contributes to any more is deleted. Nothing to do before they are built."""
    r = rollups.c
    marker = and_(r.hall == ALL, r.day == month, r.scope == BUILT)
    if conn.execute(select(r.key).where(marker)).first() is None:
        return
    h = halls_table.c
    level = conn.execute(select(h.level).where(h.code == hall)).scalar()
    touched: dict[tuple[str, str], tuple[list[Any], list[Any]]] = {}
    for n, rows in enumerate((old, new)):
        for row in rows:
            if row["scope"] == HALL_MONTH:
                if level is None:
                    continue
                target = (LEVEL_ALL, str(level))
            else:
                target = (ITEM_ALL, row["key"])
            touched.setdefault(target, ([], []))[n].append(row)
    for (scope, key), (before, after) in sorted(touched.items()):
        where = and_(r.hall == ALL, r.day == month, r.scope == scope, r.key == key)
        current = [dict(row) for row in conn.execute(select(rollups).where(where)).mappings()]
        conn.execute(delete(rollups).where(where))
        others = and_(r.day == month, r.hall != ALL)
        if scope == LEVEL_ALL:
            levels = select(h.code).where(h.level == key)
            others = and_(others, r.scope == HALL_MONTH, r.hall.in_(levels))
        else:
            others = and_(others, r.scope == ITEM_MONTH, r.key == key)
        if conn.execute(select(r.key).where(others).limit(1)).first() is not None:
            row = merge_rows(ALL, month, scope, key, current + after, minus=before)
            conn.execute(rollups.insert(), [row])


def ensure_totals(engine: Engine, month: str) -> None:
    """The month's rows of all halls per level and per item, built from the halls' month rows
    if they are not there (a marker row says they are)."""
    r = rollups.c
    marker = and_(r.hall == ALL, r.day == month, r.scope == BUILT)
    with engine.connect() as conn:
        if conn.execute(select(r.key).where(marker)).first() is not None:
            return
    with engine.begin() as conn:
        _lock_month(conn, month)
        if conn.execute(select(r.key).where(marker)).first() is not None:
            return
        query_levels = select(halls_table.c.code, halls_table.c.level)
        levels: dict[str, str] = {str(c): str(lv) for c, lv in conn.execute(query_levels)}
        by: dict[tuple[str, str], list[Any]] = {}
        query = select(rollups).where(r.day == month, r.scope.in_([HALL_MONTH, ITEM_MONTH]))
        for row in conn.execute(query.where(r.hall != ALL)).mappings():
            if row["scope"] == HALL_MONTH:
                level = levels.get(row["hall"])
                if level is not None:
                    by.setdefault((LEVEL_ALL, level), []).append(row)
            else:
                by.setdefault((ITEM_ALL, row["key"]), []).append(row)
        merged = [merge_rows(ALL, month, s, k, v) for (s, k), v in sorted(by.items())]
        merged.append(merge_rows(ALL, month, BUILT, "", []))
        conn.execute(rollups.insert(), merged)


def fill_stored_figures(conn: Connection) -> None:
    """Every stored row's percentiles from its histogram and every hall-day's case counts from
    rollup_cases, then the affected halls' month rows merged again and the totals of all halls
    dropped: for rows written before the rows kept them (a migration)."""
    r = rollups.c
    query = select(r.hall, r.day, r.scope, r.key, r.wait_hist).where(r.wait_hist != "{}")
    found = [
        {"h": hall, "d": day, "s": scope, "k": key, "p50": p["wait_p50"], "p90": p["wait_p90"]}
        for hall, day, scope, key, hist in conn.execute(query)
        for p in (hist_fields(json.loads(hist)),)
    ]
    if found:
        where = and_(
            r.hall == bindparam("h"),
            r.day == bindparam("d"),
            r.scope == bindparam("s"),
            r.key == bindparam("k"),
        )
        values: dict[str, Any] = {"wait_p50": bindparam("p50"), "wait_p90": bindparam("p90")}
        conn.execute(update(rollups).where(where).values(values), found)
    c = rollup_cases.c
    months: set[tuple[str, str]] = set()
    opened = conn.execute(select(c.hall, c.day).where(c.day.is_not(None)).distinct()).all()
    for hall, day in sorted(opened):
        recount_cases(conn, hall, day)
        months.add((hall, day[:7]))
    for hall, month in sorted(months):
        recompute_month(conn, hall, month)
    conn.execute(delete(rollups).where(r.hall == ALL))


def dirty_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(rollup_dirty)).scalar_one())


def _dialect(conn: Connection) -> Any:
    return postgresql if conn.dialect.name == "postgresql" else sqlite


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def note_batch(conn: Connection, hall: str, rows: list[dict[str, Any]], batch: list[Any]) -> None:
    """At ingest, in the batch's transaction: mark the touched hall-days dirty, record cases
    and catalog applications. `rows` are the checked events-table rows of `batch`."""
    days = {r["day"] for r in rows}
    cases: dict[str, dict[str, Any]] = {}
    catalogs = []
    for row, ev in zip(rows, batch, strict=True):
        etype, p = row["type"], ev["payload"]
        if etype == E.WINDOW_PAUSED:  # its reason belongs to a resume that may be tomorrow
            days.add(_next_day(row["day"]))
        elif etype == E.CASE_OPENED:
            case = cases.setdefault(_text(p.get("case_id"))[:64], {})
            case["day"] = row["day"]
            deadline = p.get("deadline")
            case["deadline"] = str(deadline)[:10] if deadline else None
        elif etype == E.CASE_UPDATED and p.get("status") == "closed":
            case = cases.setdefault(_text(p.get("case_id"))[:64], {})
            case["closed_day"] = min(case.get("closed_day") or row["day"], row["day"])
        elif etype == E.CATALOG_APPLIED:
            disabled = p.get("items_disabled")
            items = sorted(str(i) for i in disabled) if isinstance(disabled, list) else []
            catalogs.append(
                {
                    "hall": hall,
                    "seq": row["seq"],
                    "day": row["day"],
                    "version": _text(p.get("version"))[:64],
                    "items_disabled": json.dumps(items, ensure_ascii=False),
                }
            )
    dialect = _dialect(conn)
    mark = dialect.insert(rollup_dirty).on_conflict_do_nothing()
    conn.execute(mark, [{"hall": hall, "day": d} for d in sorted(days)])
    if catalogs:
        conn.execute(dialect.insert(hall_catalogs).on_conflict_do_nothing(), catalogs)
    _upsert_cases(conn, dialect, hall, cases)
    closed = [cid for cid, values in cases.items() if "closed_day" in values]
    if closed:  # the day each was opened counts it: taken again before the next report
        c = rollup_cases.c
        where = and_(c.hall == hall, c.case_id.in_(closed), c.day.is_not(None))
        opened = sorted(set(conn.execute(select(c.day).where(where)).scalars()))
        if opened:
            mark_cases = dialect.insert(rollup_case_dirty).on_conflict_do_nothing()
            conn.execute(mark_cases, [{"hall": hall, "day": d} for d in opened])


def _upsert_cases(
    conn: Connection, dialect: Any, hall: str, cases: dict[str, dict[str, Any]]
) -> None:
    """One executemany per shape of what the batch says of its cases (opened, closed, both):
    a statement per case was a fifth of a large hall's ingest."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for case_id, values in cases.items():
        shapes.setdefault(tuple(sorted(values)), []).append(
            {"hall": hall, "case_id": case_id, **values}
        )
    for keys, params in shapes.items():
        insert = dialect.insert(rollup_cases)
        changes: dict[str, Any] = {}
        if "day" in keys:
            changes["day"] = insert.excluded.day
            changes["deadline"] = insert.excluded.deadline
        if "closed_day" in keys:
            current = rollup_cases.c.closed_day
            changes["closed_day"] = func.coalesce(
                func.least(current, insert.excluded.closed_day)
                if conn.dialect.name == "postgresql"
                else func.min(current, insert.excluded.closed_day),
                insert.excluded.closed_day,
            )
        upsert = insert.on_conflict_do_update(index_elements=["hall", "case_id"], set_=changes)
        conn.execute(upsert, params)


def closed_days_in_batch(rows: list[dict[str, Any]]) -> list[str]:
    """The service days a batch's `day.closed` events close: recomputed right after ingest."""
    return [r["day"] for r in rows if r["type"] == E.DAY_CLOSED]


__all__ = [
    "HALL",
    "ITEM",
    "WINDOW",
    "closed_days_in_batch",
    "compute_day",
    "dirty_count",
    "note_batch",
    "recompute",
    "refresh",
]
