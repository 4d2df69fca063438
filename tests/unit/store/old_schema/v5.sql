-- The hall store's schema at version 5 as the raw-SQL migrations of commit fb6cd5b made it
-- (before sqlite-utils): sqlite_master of a fresh store; tables, then indexes, then triggers.

CREATE TABLE _migrations ( version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

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
            created_at TEXT NOT NULL, window_no INTEGER);

CREATE TABLE contacts (
            consultation_id TEXT PRIMARY KEY, phone TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY, employee_no TEXT NOT NULL, window_no INTEGER,
            created_at TEXT NOT NULL, ended_at TEXT);

CREATE TABLE events (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hall TEXT NOT NULL,
            ts TEXT NOT NULL, device TEXT, actor TEXT, type TEXT NOT NULL,
            payload TEXT NOT NULL);

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

CREATE TABLE counters (
            service_day TEXT NOT NULL, prefix TEXT NOT NULL, last INTEGER NOT NULL,
            PRIMARY KEY (service_day, prefix));

CREATE TABLE window_state (
            no INTEGER PRIMARY KEY, status TEXT NOT NULL, clerk TEXT, ticket_id TEXT,
            absence_id TEXT, pause_reason TEXT, pause_note TEXT, last_action_at TEXT);

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
            items TEXT, ticket_id TEXT, note TEXT, first_claimed_at TEXT, resolved_by TEXT, referred_to TEXT, ticket_number TEXT, category TEXT, faq_id TEXT, handovers INTEGER NOT NULL DEFAULT 0, history TEXT NOT NULL DEFAULT '[]', updated_at TEXT, from_ticket TEXT);

CREATE TABLE appointments (
            code TEXT PRIMARY KEY, category TEXT NOT NULL, item TEXT, slot_start TEXT NOT NULL,
            status TEXT NOT NULL, ticket_id TEXT);

CREATE TABLE calls (
            seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, number TEXT NOT NULL,
            window_no INTEGER NOT NULL, at TEXT NOT NULL, recall INTEGER NOT NULL);

CREATE TABLE alerts (
            seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, details TEXT NOT NULL,
            at TEXT NOT NULL);

CREATE TABLE idempotency (
            key TEXT PRIMARY KEY, principal TEXT NOT NULL, status INTEGER NOT NULL,
            body TEXT NOT NULL, created_at TEXT NOT NULL);

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

CREATE INDEX events_type ON events(type);

CREATE INDEX tickets_waiting ON tickets(status, service_day, category);

CREATE INDEX tickets_done ON tickets(category, status, finished_at);

CREATE UNIQUE INDEX tickets_one_active_per_window ON tickets(window_no)
            WHERE status IN ('called', 'serving');

CREATE UNIQUE INDEX window_one_per_clerk ON window_state(clerk) WHERE clerk IS NOT NULL;

CREATE INDEX knowledge_kind ON knowledge(kind, status);

CREATE INDEX consultations_status ON consultations(status, created_at);

CREATE INDEX consultations_from_ticket ON consultations(from_ticket)
            WHERE from_ticket IS NOT NULL;
