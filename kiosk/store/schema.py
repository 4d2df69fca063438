"""Schema migrations of the hall store.

Three kinds of table: configuration (hall, catalog, windows, clerks, devices, sessions), the
append-only event log, and projections of that log (PROJECTION_TABLES) which
`kiosk store rebuild` empties and replays.
"""

from __future__ import annotations

import sqlite3

from kiosk.store.migrations import migration, run_script

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
)


@migration(1, "base schema")
def _base(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE catalog (
            version TEXT PRIMARY KEY, body TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE item_switches (item TEXT PRIMARY KEY, enabled INTEGER NOT NULL);
        CREATE TABLE window_config (
            no INTEGER PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
            kind TEXT NOT NULL, categories TEXT NOT NULL);
        CREATE TABLE clerks (
            employee_no TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
            pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1);
        CREATE TABLE devices (
            name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL);
        CREATE TABLE contacts (
            consultation_id TEXT PRIMARY KEY, phone TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY, employee_no TEXT NOT NULL, window_no INTEGER,
            created_at TEXT NOT NULL, ended_at TEXT);

        CREATE TABLE events (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hall TEXT NOT NULL,
            ts TEXT NOT NULL, device TEXT, actor TEXT, type TEXT NOT NULL,
            payload TEXT NOT NULL);
        CREATE INDEX events_type ON events(type);

        CREATE TABLE tickets (
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
            clerk TEXT, cancel_reason TEXT, UNIQUE (service_day, number));
        CREATE INDEX tickets_waiting ON tickets(status, service_day, category);
        CREATE INDEX tickets_done ON tickets(category, status, finished_at);
        CREATE UNIQUE INDEX tickets_one_active_per_window ON tickets(window_no)
            WHERE status IN ('called', 'serving');
        CREATE TABLE counters (
            service_day TEXT NOT NULL, prefix TEXT NOT NULL, last INTEGER NOT NULL,
            PRIMARY KEY (service_day, prefix));
        CREATE TABLE window_state (
            no INTEGER PRIMARY KEY, status TEXT NOT NULL, clerk TEXT, ticket_id TEXT,
            absence_id TEXT, pause_reason TEXT, pause_note TEXT, last_action_at TEXT);
        CREATE UNIQUE INDEX window_one_per_clerk ON window_state(clerk) WHERE clerk IS NOT NULL;
        CREATE TABLE absences (
            id TEXT PRIMARY KEY, window_no INTEGER NOT NULL, clerk TEXT, reason TEXT NOT NULL,
            note TEXT, started_at TEXT NOT NULL, ended_at TEXT, duration_s REAL);
        CREATE TABLE ratings (
            id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE, level INTEGER NOT NULL,
            tags TEXT NOT NULL, comment TEXT, channel TEXT NOT NULL, window_no INTEGER,
            clerk TEXT, category TEXT, item TEXT, rated_at TEXT NOT NULL);
        CREATE TABLE cases (
            id TEXT PRIMARY KEY, rating_id TEXT NOT NULL UNIQUE, ticket_id TEXT NOT NULL,
            window_no INTEGER, clerk TEXT, level INTEGER NOT NULL, deadline TEXT NOT NULL,
            status TEXT NOT NULL, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            history TEXT NOT NULL);
        CREATE TABLE consultations (
            id TEXT PRIMARY KEY, number TEXT NOT NULL, topic TEXT NOT NULL, question TEXT,
            phone_masked TEXT, source TEXT NOT NULL, status TEXT NOT NULL, owner TEXT,
            created_at TEXT NOT NULL, claimed_at TEXT, resolved_at TEXT, answer TEXT,
            items TEXT, ticket_id TEXT, note TEXT);
        CREATE TABLE appointments (
            code TEXT PRIMARY KEY, category TEXT NOT NULL, item TEXT, slot_start TEXT NOT NULL,
            status TEXT NOT NULL, ticket_id TEXT);
        CREATE TABLE calls (
            seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, number TEXT NOT NULL,
            window_no INTEGER NOT NULL, at TEXT NOT NULL, recall INTEGER NOT NULL);
        CREATE TABLE alerts (
            seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, details TEXT NOT NULL,
            at TEXT NOT NULL);
        """,
    )


@migration(2, "idempotency keys")
def _idempotency(conn: sqlite3.Connection) -> None:
    """Replies remembered by Idempotency-Key, so a front end's outbox may resend safely."""
    run_script(
        conn,
        """
        CREATE TABLE idempotency (
            key TEXT PRIMARY KEY, principal TEXT NOT NULL, status INTEGER NOT NULL,
            body TEXT NOT NULL, created_at TEXT NOT NULL);
        """,
    )


# -- help desk (issue #5): presence, knowledge base, consultation ownership ----------------------
# Projections like the rest: `kiosk store rebuild` empties and replays them.
PROJECTION_TABLES = (*PROJECTION_TABLES, "helpdesk_presence", "knowledge")  # type: ignore[assignment]


@migration(3, "help desk")
def _help_desk(conn: sqlite3.Connection) -> None:
    """Who staffs the desk, the hall's own FAQs and notices (drafts to retired, with who and
    when), and what the consultations table needs for 首问负责 and the daily figures."""
    run_script(
        conn,
        """
        CREATE TABLE helpdesk_presence (
            clerk TEXT PRIMARY KEY, status TEXT NOT NULL, since TEXT NOT NULL);
        CREATE TABLE knowledge (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL,
            title_zh TEXT NOT NULL, title_en TEXT NOT NULL, body_zh TEXT NOT NULL,
            body_en TEXT NOT NULL, items TEXT NOT NULL, keywords TEXT NOT NULL,
            consultation_id TEXT, revision INTEGER NOT NULL,
            created_by TEXT, created_at TEXT NOT NULL, updated_by TEXT, updated_at TEXT NOT NULL,
            published_by TEXT, published_at TEXT, retired_by TEXT, retired_at TEXT,
            seq INTEGER NOT NULL);
        CREATE INDEX knowledge_kind ON knowledge(kind, status);
        ALTER TABLE consultations ADD COLUMN first_claimed_at TEXT;
        ALTER TABLE consultations ADD COLUMN resolved_by TEXT;
        ALTER TABLE consultations ADD COLUMN referred_to TEXT;
        ALTER TABLE consultations ADD COLUMN ticket_number TEXT;
        ALTER TABLE consultations ADD COLUMN category TEXT;
        ALTER TABLE consultations ADD COLUMN faq_id TEXT;
        ALTER TABLE consultations ADD COLUMN handovers INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE consultations ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE consultations ADD COLUMN updated_at TEXT;
        CREATE INDEX consultations_status ON consultations(status, created_at);
        """,
    )


@migration(4, "devices bound to a window")
def _device_window(conn: sqlite3.Connection) -> None:
    """A rating pad's ratings count only for the window it stands at: the pad's registration
    is the proof of where a rating was given."""
    run_script(conn, "ALTER TABLE devices ADD COLUMN window_no INTEGER;")


@migration(5, "consultations asked through a ticket's status link")
def _asked_by_ticket(conn: sqlite3.Connection) -> None:
    """A status link may hold one open question at a time: the question remembers the ticket
    whose link asked it (events before this carry none: they were asked elsewhere)."""
    run_script(
        conn,
        """
        ALTER TABLE consultations ADD COLUMN from_ticket TEXT;
        CREATE INDEX consultations_from_ticket ON consultations(from_ticket)
            WHERE from_ticket IS NOT NULL;
        """,
    )


# -- the queue in routing order --------------------------------------------------------------
PROJECTION_TABLES = (*PROJECTION_TABLES, "queue_counts")  # type: ignore[assignment]

# Waiting counts per (day, category, tier, held), kept by triggers on the tickets projection:
# whatever changes a ticket's place in a queue moves its count in the same statement, so issue,
# the queue snapshot, the estimate and the duties read a few rows instead of counting a queue.
QUEUE_COUNT_TRIGGERS = """
CREATE TRIGGER queue_counts_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting'
BEGIN
    INSERT INTO queue_counts(service_day, category, tier, held, waiting)
    VALUES (NEW.service_day, NEW.category, NEW.tier, NEW.held, 1)
    ON CONFLICT(service_day, category, tier, held) DO UPDATE SET waiting = waiting + 1;
END;
CREATE TRIGGER queue_counts_leave
AFTER UPDATE OF status, service_day, category, tier, held ON tickets WHEN OLD.status = 'waiting'
BEGIN
    UPDATE queue_counts SET waiting = waiting - 1
    WHERE service_day = OLD.service_day AND category = OLD.category AND tier = OLD.tier
      AND held = OLD.held;
END;
CREATE TRIGGER queue_counts_enter
AFTER UPDATE OF status, service_day, category, tier, held ON tickets WHEN NEW.status = 'waiting'
BEGIN
    INSERT INTO queue_counts(service_day, category, tier, held, waiting)
    VALUES (NEW.service_day, NEW.category, NEW.tier, NEW.held, 1)
    ON CONFLICT(service_day, category, tier, held) DO UPDATE SET waiting = waiting + 1;
END;
CREATE TRIGGER queue_counts_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting'
BEGIN
    UPDATE queue_counts SET waiting = waiting - 1
    WHERE service_day = OLD.service_day AND category = OLD.category AND tier = OLD.tier
      AND held = OLD.held;
END;
"""


@migration(6, "queue in routing order")
def _queue_order(conn: sqlite3.Connection) -> None:
    """Call-next seeks the head of each category instead of sorting the whole queue: the
    routing order (held back, tier, sort time, id) is stored in columns and indexed per day and
    category, over waiting tickets only. Counts are kept, not counted (QUEUE_COUNT_TRIGGERS).
    `rated` lets the 7-day default rating find unrated services without reading every ticket;
    the other indexes serve the periodic duties, sessions and a window's own figures, which
    would otherwise read tables that grow with every day."""
    run_script(
        conn,
        """
        ALTER TABLE tickets ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
        UPDATE tickets SET held = 1 WHERE hold_calls > 0;
        ALTER TABLE tickets ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
        UPDATE tickets SET rated = 1 WHERE id IN (SELECT ticket_id FROM ratings);
        DROP INDEX tickets_waiting;
        CREATE INDEX tickets_queue ON tickets(
            service_day, category, target_window, held, tier, sort_at, id)
            WHERE status = 'waiting';
        CREATE INDEX tickets_targeted ON tickets(
            service_day, target_window, held, tier, sort_at, id)
            WHERE status = 'waiting' AND target_window IS NOT NULL;
        CREATE INDEX tickets_oldest ON tickets(service_day, category, sort_at)
            WHERE status = 'waiting';
        CREATE INDEX tickets_holding ON tickets(category) WHERE hold_calls > 0;
        CREATE INDEX tickets_open ON tickets(sort_at)
            WHERE status IN ('waiting', 'called', 'serving');
        CREATE INDEX tickets_at_window ON tickets(service_day, window_no, status, outcome);
        CREATE INDEX tickets_unrated ON tickets(finished_at)
            WHERE status = 'done' AND rated = 0;
        CREATE INDEX alerts_kind ON alerts(kind, at);
        CREATE INDEX idempotency_age ON idempotency(created_at);
        CREATE INDEX sessions_open ON sessions(employee_no) WHERE ended_at IS NULL;
        CREATE INDEX consultations_open ON consultations(COALESCE(updated_at, created_at))
            WHERE status = 'open';
        CREATE TABLE queue_counts (
            service_day TEXT NOT NULL, category TEXT NOT NULL, tier INTEGER NOT NULL,
            held INTEGER NOT NULL, waiting INTEGER NOT NULL,
            PRIMARY KEY (service_day, category, tier, held)) WITHOUT ROWID;
        INSERT INTO queue_counts(service_day, category, tier, held, waiting)
            SELECT service_day, category, tier, held, COUNT(*) FROM tickets
            WHERE status = 'waiting' GROUP BY service_day, category, tier, held;
        """
        + QUEUE_COUNT_TRIGGERS,
    )


@migration(7, "idempotency and request ids scoped by caller")
def _scoped_keys(conn: sqlite3.Connection) -> None:
    """Replies remembered before were keyed without their caller and could hold secrets (a
    login's session token, a ticket's status link) in clear: they are forgotten. Ticket
    request ids are keyed by their issuer from now on; existing ones are keyed the way the
    projector keys them (from each issuing event's envelope), so a rebuild agrees."""
    from kiosk.engine.queue.projection import request_key

    conn.execute("DELETE FROM idempotency")
    rows = conn.execute(
        "SELECT json_extract(payload, '$.ticket_id'), device, actor,"
        " json_extract(payload, '$.request_id') FROM events"
        " WHERE type = 'ticket.issued' AND json_extract(payload, '$.request_id') IS NOT NULL"
    ).fetchall()
    for ticket_id, device, actor, request_id in rows:
        key = request_key(device, actor, request_id)
        conn.execute("UPDATE tickets SET request_id = ? WHERE id = ?", (key, ticket_id))


@migration(8, "fewer pages per write")
def _fewer_pages(conn: sqlite3.Connection) -> None:
    """Every index a ticket joins is one more page in the write-ahead log of its commit, and the
    commit's fsync is most of an issue's cost. Waiting tickets leave the indexes they are never
    looked up by: the day close finds them through the queue index, the oldest of a queue is
    the first of its tier buckets there, the service times read only finished tickets and a
    window's figures only tickets served at a window (15.4 -> 11.1 pages per issue). The pad's
    proof reads the window's last finished service from the window's row, not the log."""
    run_script(
        conn,
        """
        DROP INDEX tickets_oldest;
        DROP INDEX tickets_open;
        DROP INDEX tickets_done;
        DROP INDEX tickets_at_window;
        CREATE INDEX tickets_done ON tickets(category, finished_at) WHERE status = 'done';
        CREATE INDEX tickets_at_window ON tickets(service_day, window_no, status, outcome)
            WHERE window_no IS NOT NULL;
        ALTER TABLE window_state ADD COLUMN last_finished TEXT;
        UPDATE window_state SET last_finished = (
            SELECT json_extract(e.payload, '$.ticket_id') FROM events e
            WHERE e.type = 'ticket.finished'
              AND json_extract(e.payload, '$.window_no') = window_state.no
            ORDER BY e.seq DESC LIMIT 1);
        """,
    )
