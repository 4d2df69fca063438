"""The hall store's schema, as the ordered list of migrations that builds it (MIGRATIONS).

Three kinds of table: configuration (hall, catalog, windows, clerks, devices, sessions), the
append-only event log, and projections of that log (PROJECTION_TABLES) which
`kiosk store rebuild` empties and replays.

Tables, plain indexes and added columns are written with sqlite-utils (`create` with its
primary key, NOT NULL columns and defaults, `create_index`, `add_column`, `drop_index`; for a
later change to a column's type or constraints, `transform`). Raw SQL stays where sqlite-utils
has no equivalent, each place saying which: UNIQUE constraints (a unique index in their place
would rename the automatic indexes every store already has), partial and expression indexes,
WITHOUT ROWID tables, triggers, and rewriting existing rows.

`transform` rebuilds a table under a new name: it keeps the table's indexes, partial ones too,
but drops its triggers and writes integer defaults as text ('0'). A migration that transforms
`tickets` must create QUEUE_COUNT_TRIGGERS again in the same step, or the queue counts stop.

The list is append-only: a migration, once released, is never edited (tests/unit/store holds
each version's schema as the raw-SQL migrations made it and compares).
"""

from __future__ import annotations

import secrets
import sqlite3

from kiosk.store.db import database
from kiosk.store.keys import request_key
from kiosk.store.migrations import Migration, upgrade

PROJECTION_TABLES = (
    "tickets",
    "counters",
    "window_state",
    "absences",
    "ratings",
    "cases",
    "consultations",
    "appointments",
    "calls",
    "alerts",
    "helpdesk_presence",  # migration 3
    "knowledge",  # migration 3
    "queue_counts",  # migration 6
    "issue_counts",  # migration 20
    "quota_overrides",  # migration 20
)


def _base(conn: sqlite3.Connection) -> None:
    db = database(conn)
    # -- configuration ---------------------------------------------------------------------
    db.table("meta").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("catalog").create(
        {"version": str, "body": str, "applied_at": str},
        pk="version",
        not_null={"body", "applied_at"},
    )
    db.table("item_switches").create({"item": str, "enabled": int}, pk="item", not_null={"enabled"})
    db.table("window_config").create(
        {"no": int, "name_zh": str, "name_en": str, "kind": str, "categories": str},
        pk="no",
        not_null={"name_zh", "name_en", "kind", "categories"},
    )
    db.table("clerks").create(
        {"employee_no": str, "name": str, "role": str, "pin_hash": str, "active": int},
        pk="employee_no",
        not_null={"name", "role", "pin_hash", "active"},
        defaults={"active": 1},
    )
    conn.execute(  # raw SQL: a UNIQUE constraint
        """CREATE TABLE devices (
            name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL)"""
    )
    db.table("contacts").create(
        {"consultation_id": str, "phone": str, "created_at": str},
        pk="consultation_id",
        not_null={"phone", "created_at"},
    )
    db.table("sessions").create(
        {
            "token_hash": str,
            "employee_no": str,
            "window_no": int,
            "created_at": str,
            "ended_at": str,
        },
        pk="token_hash",
        not_null={"employee_no", "created_at"},
    )

    # -- the event log ---------------------------------------------------------------------
    conn.execute(  # raw SQL: a UNIQUE constraint
        """CREATE TABLE events (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hall TEXT NOT NULL,
            ts TEXT NOT NULL, device TEXT, actor TEXT, type TEXT NOT NULL,
            payload TEXT NOT NULL)"""
    )
    db.table("events").create_index(["type"], index_name="events_type")

    # -- projections -----------------------------------------------------------------------
    conn.execute(  # raw SQL: UNIQUE constraints
        """CREATE TABLE tickets (
            id TEXT PRIMARY KEY, number TEXT NOT NULL, prefix TEXT NOT NULL,
            seq_no INTEGER NOT NULL, service_day TEXT NOT NULL, category TEXT NOT NULL,
            item TEXT, priority TEXT NOT NULL, source TEXT NOT NULL, appointment_code TEXT,
            request_id TEXT UNIQUE, status TEXT NOT NULL, tier INTEGER NOT NULL,
            sort_at TEXT NOT NULL, hold_calls INTEGER NOT NULL DEFAULT 0,
            target_window INTEGER, window_no INTEGER, issued_at TEXT NOT NULL,
            called_at TEXT, first_called_at TEXT, recall_count INTEGER NOT NULL DEFAULT 0,
            started_at TEXT, finished_at TEXT, outcome TEXT, missing_materials TEXT,
            note TEXT, reason TEXT, transfer_note TEXT, transfer_count INTEGER NOT NULL DEFAULT 0,
            requeue_count INTEGER NOT NULL DEFAULT 0, wait_s REAL, handle_s REAL,
            clerk TEXT, cancel_reason TEXT, UNIQUE (service_day, number))"""
    )
    tickets = db.table("tickets")
    tickets.create_index(["status", "service_day", "category"], index_name="tickets_waiting")
    tickets.create_index(["category", "status", "finished_at"], index_name="tickets_done")
    conn.execute(  # raw SQL: a partial index
        "CREATE UNIQUE INDEX tickets_one_active_per_window ON tickets(window_no)"
        " WHERE status IN ('called', 'serving')"
    )
    db.table("counters").create(
        {"service_day": str, "prefix": str, "last": int},
        pk=("service_day", "prefix"),
        not_null={"service_day", "prefix", "last"},
    )
    db.table("window_state").create(
        {
            "no": int,
            "status": str,
            "clerk": str,
            "ticket_id": str,
            "absence_id": str,
            "pause_reason": str,
            "pause_note": str,
            "last_action_at": str,
        },
        pk="no",
        not_null={"status"},
    )
    conn.execute(  # raw SQL: a partial index
        "CREATE UNIQUE INDEX window_one_per_clerk ON window_state(clerk) WHERE clerk IS NOT NULL"
    )
    db.table("absences").create(
        {
            "id": str,
            "window_no": int,
            "clerk": str,
            "reason": str,
            "note": str,
            "started_at": str,
            "ended_at": str,
            "duration_s": float,
        },
        pk="id",
        not_null={"window_no", "reason", "started_at"},
    )
    conn.execute(  # raw SQL: a UNIQUE constraint
        """CREATE TABLE ratings (
            id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE, level INTEGER NOT NULL,
            tags TEXT NOT NULL, comment TEXT, channel TEXT NOT NULL, window_no INTEGER,
            clerk TEXT, category TEXT, item TEXT, rated_at TEXT NOT NULL)"""
    )
    conn.execute(  # raw SQL: a UNIQUE constraint
        """CREATE TABLE cases (
            id TEXT PRIMARY KEY, rating_id TEXT NOT NULL UNIQUE, ticket_id TEXT NOT NULL,
            window_no INTEGER, clerk TEXT, level INTEGER NOT NULL, deadline TEXT NOT NULL,
            status TEXT NOT NULL, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            history TEXT NOT NULL)"""
    )
    db.table("consultations").create(
        {
            "id": str,
            "number": str,
            "topic": str,
            "question": str,
            "phone_masked": str,
            "source": str,
            "status": str,
            "owner": str,
            "created_at": str,
            "claimed_at": str,
            "resolved_at": str,
            "answer": str,
            "items": str,
            "ticket_id": str,
            "note": str,
        },
        pk="id",
        not_null={"number", "topic", "source", "status", "created_at"},
    )
    db.table("appointments").create(
        {
            "code": str,
            "category": str,
            "item": str,
            "slot_start": str,
            "status": str,
            "ticket_id": str,
        },
        pk="code",
        not_null={"category", "slot_start", "status"},
    )
    db.table("calls").create(
        {
            "seq": int,
            "ticket_id": str,
            "number": str,
            "window_no": int,
            "at": str,
            "recall": int,
        },
        pk="seq",
        not_null={"ticket_id", "number", "window_no", "at", "recall"},
    )
    db.table("alerts").create(
        {"seq": int, "kind": str, "details": str, "at": str},
        pk="seq",
        not_null={"kind", "details", "at"},
    )


def _idempotency(conn: sqlite3.Connection) -> None:
    """Replies remembered by Idempotency-Key, so a front end's outbox may resend safely."""
    database(conn).table("idempotency").create(
        {"key": str, "principal": str, "status": int, "body": str, "created_at": str},
        pk="key",
        not_null={"principal", "status", "body", "created_at"},
    )


def _help_desk(conn: sqlite3.Connection) -> None:
    """Who staffs the desk, the hall's own FAQs and notices (drafts to retired, with who and
    when), and what the consultations table needs for 首问负责 and the daily figures."""
    db = database(conn)
    db.table("helpdesk_presence").create(
        {"clerk": str, "status": str, "since": str}, pk="clerk", not_null={"status", "since"}
    )
    knowledge = db.table("knowledge").create(
        {
            "id": str,
            "kind": str,
            "status": str,
            "title_zh": str,
            "title_en": str,
            "body_zh": str,
            "body_en": str,
            "items": str,
            "keywords": str,
            "consultation_id": str,
            "revision": int,
            "created_by": str,
            "created_at": str,
            "updated_by": str,
            "updated_at": str,
            "published_by": str,
            "published_at": str,
            "retired_by": str,
            "retired_at": str,
            "seq": int,
        },
        pk="id",
        not_null={
            "kind",
            "status",
            "title_zh",
            "title_en",
            "body_zh",
            "body_en",
            "items",
            "keywords",
            "revision",
            "created_at",
            "updated_at",
            "seq",
        },
    )
    knowledge.create_index(["kind", "status"], index_name="knowledge_kind")
    consultations = db.table("consultations")
    text = ("first_claimed_at", "resolved_by", "referred_to", "ticket_number", "category", "faq_id")
    for column in text:
        consultations.add_column(column, str)
    consultations.add_column("handovers", int, not_null_default=0)
    consultations.add_column("history", str, not_null_default="[]")
    consultations.add_column("updated_at", str)
    consultations.create_index(["status", "created_at"], index_name="consultations_status")


def _device_window(conn: sqlite3.Connection) -> None:
    """A rating pad's ratings count only for the window it stands at: the pad's registration
    is the proof of where a rating was given."""
    database(conn).table("devices").add_column("window_no", int)


def _asked_by_ticket(conn: sqlite3.Connection) -> None:
    """A status link may hold one open question at a time: the question remembers the ticket
    whose link asked it (events before this carry none: they were asked elsewhere)."""
    database(conn).table("consultations").add_column("from_ticket", str)
    conn.execute(  # raw SQL: a partial index
        "CREATE INDEX consultations_from_ticket ON consultations(from_ticket)"
        " WHERE from_ticket IS NOT NULL"
    )


# Waiting counts per (day, category, tier, held), kept by triggers on the tickets projection:
# whatever changes a ticket's place in a queue moves its count in the same statement, so issue,
# the queue snapshot, the estimate and the duties read a few rows instead of counting a queue.
# Raw SQL: sqlite-utils writes no triggers.
QUEUE_COUNT_TRIGGERS = (
    """CREATE TRIGGER queue_counts_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting'
BEGIN
    INSERT INTO queue_counts(service_day, category, tier, held, waiting)
    VALUES (NEW.service_day, NEW.category, NEW.tier, NEW.held, 1)
    ON CONFLICT(service_day, category, tier, held) DO UPDATE SET waiting = waiting + 1;
END""",
    """CREATE TRIGGER queue_counts_leave
AFTER UPDATE OF status, service_day, category, tier, held ON tickets WHEN OLD.status = 'waiting'
BEGIN
    UPDATE queue_counts SET waiting = waiting - 1
    WHERE service_day = OLD.service_day AND category = OLD.category AND tier = OLD.tier
      AND held = OLD.held;
END""",
    """CREATE TRIGGER queue_counts_enter
AFTER UPDATE OF status, service_day, category, tier, held ON tickets WHEN NEW.status = 'waiting'
BEGIN
    INSERT INTO queue_counts(service_day, category, tier, held, waiting)
    VALUES (NEW.service_day, NEW.category, NEW.tier, NEW.held, 1)
    ON CONFLICT(service_day, category, tier, held) DO UPDATE SET waiting = waiting + 1;
END""",
    """CREATE TRIGGER queue_counts_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting'
BEGIN
    UPDATE queue_counts SET waiting = waiting - 1
    WHERE service_day = OLD.service_day AND category = OLD.category AND tier = OLD.tier
      AND held = OLD.held;
END""",
)

# The routing order's partial indexes, over waiting tickets only (raw SQL: partial indexes).
QUEUE_INDEXES = (
    """CREATE INDEX tickets_queue ON tickets(
            service_day, category, target_window, held, tier, sort_at, id)
            WHERE status = 'waiting'""",
    """CREATE INDEX tickets_targeted ON tickets(
            service_day, target_window, held, tier, sort_at, id)
            WHERE status = 'waiting' AND target_window IS NOT NULL""",
    """CREATE INDEX tickets_oldest ON tickets(service_day, category, sort_at)
            WHERE status = 'waiting'""",
    "CREATE INDEX tickets_holding ON tickets(category) WHERE hold_calls > 0",
    """CREATE INDEX tickets_open ON tickets(sort_at)
            WHERE status IN ('waiting', 'called', 'serving')""",
)


def _queue_order(conn: sqlite3.Connection) -> None:
    """Call-next seeks the head of each category instead of sorting the whole queue: the
    routing order (held back, tier, sort time, id) is stored in columns and indexed per day and
    category, over waiting tickets only. Counts are kept, not counted (QUEUE_COUNT_TRIGGERS).
    `rated` lets the 7-day default rating find unrated services without reading every ticket;
    the other indexes serve the periodic duties, sessions and a window's own figures, which
    would otherwise read tables that grow with every day."""
    db = database(conn)
    tickets = db.table("tickets")
    tickets.add_column("held", int, not_null_default=0)
    conn.execute("UPDATE tickets SET held = 1 WHERE hold_calls > 0")
    tickets.add_column("rated", int, not_null_default=0)
    conn.execute("UPDATE tickets SET rated = 1 WHERE id IN (SELECT ticket_id FROM ratings)")
    tickets.drop_index("tickets_waiting")
    for sql in QUEUE_INDEXES:
        conn.execute(sql)
    tickets.create_index(
        ["service_day", "window_no", "status", "outcome"], index_name="tickets_at_window"
    )
    conn.execute(  # raw SQL: a partial index
        "CREATE INDEX tickets_unrated ON tickets(finished_at) WHERE status = 'done' AND rated = 0"
    )
    db.table("alerts").create_index(["kind", "at"], index_name="alerts_kind")
    db.table("idempotency").create_index(["created_at"], index_name="idempotency_age")
    conn.execute(  # raw SQL: a partial index
        "CREATE INDEX sessions_open ON sessions(employee_no) WHERE ended_at IS NULL"
    )
    conn.execute(  # raw SQL: a partial index on an expression
        "CREATE INDEX consultations_open ON consultations(COALESCE(updated_at, created_at))"
        " WHERE status = 'open'"
    )
    conn.execute(  # raw SQL: a WITHOUT ROWID table
        """CREATE TABLE queue_counts (
            service_day TEXT NOT NULL, category TEXT NOT NULL, tier INTEGER NOT NULL,
            held INTEGER NOT NULL, waiting INTEGER NOT NULL,
            PRIMARY KEY (service_day, category, tier, held)) WITHOUT ROWID"""
    )
    conn.execute(
        "INSERT INTO queue_counts(service_day, category, tier, held, waiting)"
        " SELECT service_day, category, tier, held, COUNT(*) FROM tickets"
        " WHERE status = 'waiting' GROUP BY service_day, category, tier, held"
    )
    for sql in QUEUE_COUNT_TRIGGERS:
        conn.execute(sql)


def _scoped_keys(conn: sqlite3.Connection) -> None:
    """Replies remembered before were keyed without their caller and could hold secrets (a
    login's session token, a ticket's status link) in clear: they are forgotten. Ticket
    request ids are keyed by their issuer from now on; existing ones are keyed the way the
    projector keys them (from each issuing event's envelope), so a rebuild agrees."""
    db = database(conn)
    db.table("idempotency").delete_where()
    issued = list(
        db.query(
            "SELECT json_extract(payload, '$.ticket_id') AS ticket_id, device, actor,"
            " json_extract(payload, '$.request_id') AS request_id FROM events"
            " WHERE type = 'ticket.issued' AND json_extract(payload, '$.request_id') IS NOT NULL"
        )
    )
    for row in issued:  # raw UPDATE: a ticket missing from the projection is skipped, not fatal
        key = request_key(row["device"], row["actor"], row["request_id"])
        conn.execute("UPDATE tickets SET request_id = ? WHERE id = ?", (key, row["ticket_id"]))


def _fewer_pages(conn: sqlite3.Connection) -> None:
    """Every index a ticket joins is one more page in the write-ahead log of its commit, and the
    commit's fsync is most of an issue's cost. Waiting tickets leave the indexes they are never
    looked up by: the day close finds them through the queue index, the oldest of a queue is
    the first of its tier buckets there, the service times read only finished tickets and a
    window's figures only tickets served at a window (15.4 -> 11.1 pages per issue). The pad's
    proof reads the window's last finished service from the window's row, not the log."""
    db = database(conn)
    tickets = db.table("tickets")
    for name in ("tickets_oldest", "tickets_open", "tickets_done", "tickets_at_window"):
        tickets.drop_index(name)
    conn.execute(  # raw SQL: partial indexes
        "CREATE INDEX tickets_done ON tickets(category, finished_at) WHERE status = 'done'"
    )
    conn.execute(
        "CREATE INDEX tickets_at_window ON tickets(service_day, window_no, status, outcome)"
        " WHERE window_no IS NOT NULL"
    )
    db.table("window_state").add_column("last_finished", str)
    conn.execute(  # raw SQL: rewriting existing rows from the log
        """UPDATE window_state SET last_finished = (
            SELECT json_extract(e.payload, '$.ticket_id') FROM events e
            WHERE e.type = 'ticket.finished'
              AND json_extract(e.payload, '$.window_no') = window_state.no
            ORDER BY e.seq DESC LIMIT 1)"""
    )


def _supervision(conn: sqlite3.Connection) -> None:
    """The supervisor's seat: a bad-rating case's steps (who it is assigned to, the verdict and
        its second supervisor, when it closed and whether on time), an alert's life (its subject,
        so one situation raises one open alert; acknowledged with a note, or resolved), and a
        window's remote control (the categories it serves for now, a pause's expected return), and
    the age of call-back numbers, which are erased when their retention is over."""
    db = database(conn)
    cases = db.table("cases")
    for column in ("assignee", "verdict", "reason", "requested_by", "confirmed_by", "closed_at"):
        cases.add_column(column, str)
    cases.add_column("on_time", int)
    cases.create_index(["status", "deadline"], index_name="cases_status")
    cases.create_index(["ticket_id"], index_name="cases_ticket")
    alerts = db.table("alerts")
    alerts.add_column("subject", str)
    alerts.add_column("state", str, not_null_default="open")
    alerts.add_column("count", int, not_null_default=1)
    for column in ("acknowledged_at", "acknowledged_by", "note", "resolved_at"):
        alerts.add_column(column, str)
    conn.execute(  # raw SQL: rewriting existing rows (the subject the projector gives them)
        "UPDATE alerts SET subject = COALESCE(json_extract(details, '$.key'),"
        " 'printer:' || json_extract(details, '$.device'), 'alert:' || seq)"
    )
    alerts.create_index(["subject", "resolved_at"], index_name="alerts_subject")
    alerts.create_index(["kind", "resolved_at"], index_name="alerts_live")
    alerts.create_index(["state"], index_name="alerts_state")  # in seq order within a state
    db.table("contacts").create_index(["created_at"], index_name="contacts_age")
    window_state = db.table("window_state")
    for column in ("serves", "serves_until", "serves_by", "paused_at", "expected_back"):
        window_state.add_column(column, str)


def _issuing(conn: sqlite3.Connection) -> None:
    """Real-name tickets, quotas and opening hours. Who a real-name ticket was issued to is kept
    apart from the log, as a keyed hash and a masked number (ticket_persons, appointment_persons:
    not projections, a rebuild keeps them), under a secret of this hall that no event carries;
    the tickets themselves only say that they were real-name and a second trip. Issued counts
    per day, category, half day and kind are kept, not counted, so a quota check is one read."""
    db = database(conn)
    tickets = db.table("tickets")
    tickets.add_column("realname", int, not_null_default=0)
    tickets.add_column("repeat_visit", int, not_null_default=0)
    persons = db.table("ticket_persons").create(
        {
            "ticket_id": str,
            "person": str,
            "masked": str,
            "service_day": str,
            "category": str,
            "visit": str,  # the item, or the category when the ticket named no item
        },
        pk="ticket_id",
        not_null={"person", "masked", "service_day", "category", "visit"},
    )
    persons.create_index(["person", "service_day", "category"], index_name="persons_today")
    persons.create_index(["person", "visit", "service_day"], index_name="persons_visits")
    db.table("appointment_persons").create(
        {"code": str, "person": str}, pk="code", not_null={"person"}
    ).create_index(["person"], index_name="appointment_persons_person")
    conn.execute(  # raw SQL: a WITHOUT ROWID table
        """CREATE TABLE issue_counts (
            service_day TEXT NOT NULL, category TEXT NOT NULL, half TEXT NOT NULL,
            booked INTEGER NOT NULL, issued INTEGER NOT NULL,
            PRIMARY KEY (service_day, category, half, booked)) WITHOUT ROWID"""
    )
    db.table("quota_overrides").create(
        {
            "service_day": str,
            "category": str,
            "daily": int,
            "morning": int,
            "afternoon": int,
            "changed_by": str,
            "changed_at": str,
        },
        pk=("service_day", "category"),
    )
    conn.execute(  # raw SQL: a secret made once per store
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('person_secret', ?)",
        (secrets.token_urlsafe(32),),
    )


MIGRATIONS: list[Migration] = [
    Migration(1, "base schema", _base),
    Migration(2, "idempotency keys", _idempotency),
    Migration(3, "help desk", _help_desk),
    Migration(4, "devices bound to a window", _device_window),
    Migration(5, "consultations asked through a ticket's status link", _asked_by_ticket),
    Migration(6, "queue in routing order", _queue_order),
    Migration(7, "idempotency and request ids scoped by caller", _scoped_keys),
    Migration(8, "fewer pages per write", _fewer_pages),
    Migration(10, "the supervisor's seat: case steps, alert states, window control", _supervision),
    Migration(20, "real-name tickets, quotas and opening hours", _issuing),
]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Brings the hall store on `conn` to the latest version; returns the versions applied."""
    return upgrade(conn, MIGRATIONS)
