"""The migrations: ordered, each applied once in its own transaction, recorded, a no-op when
re-run, and building exactly the schema the raw-SQL migrations built before sqlite-utils.

tests/unit/store/old_schema/vN.sql is sqlite_master of a store the earlier code migrated to
version N. A store is compared by what SQLite reports about it (columns with their types,
NOT NULL and defaults, primary keys, WITHOUT ROWID, indexes with their columns, uniqueness,
origin and WHERE clause, triggers), not by the text of its CREATE statements, which
sqlite-utils words differently.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.store.db import connect, database
from kiosk.store.keys import request_key
from kiosk.store.migrations import Migration, current_version, upgrade
from kiosk.store.schema import MIGRATIONS, PROJECTION_TABLES, migrate

OLD = Path(__file__).parent / "old_schema"
LATEST = MIGRATIONS[-1].version
RECORDED = sorted(int(p.stem.removeprefix("v")) for p in OLD.glob("v*.sql"))


def _flat(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def describe(conn: sqlite3.Connection) -> dict[str, Any]:
    """The schema as SQLite reports it."""
    sql_of = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master")}
    tables = [
        r
        for r in conn.execute("PRAGMA main.table_list")
        if r["type"] == "table" and not r["name"].startswith("sqlite_")
    ]
    out: dict[str, Any] = {}
    for t in tables:
        name = t["name"]
        indexes = {}
        for ix in conn.execute(f"PRAGMA index_list({name!r})").fetchall():
            columns = [tuple(c) for c in conn.execute(f"PRAGMA index_xinfo({ix['name']!r})")]
            sql = sql_of.get(ix["name"]) or ""
            where = _flat(sql.split(" WHERE ", 1)[1]) if ix["partial"] else None
            expression = _flat(sql) if any(c[1] == -2 for c in columns) else None
            indexes[ix["name"]] = (ix["unique"], ix["origin"], where, columns, expression)
        out[f"table {name}"] = {
            "without_rowid": t["wr"],
            "strict": t["strict"],
            "columns": [tuple(c) for c in conn.execute(f"PRAGMA table_xinfo({name!r})")],
            "foreign_keys": [tuple(f) for f in conn.execute(f"PRAGMA foreign_key_list({name!r})")],
            "indexes": indexes,
        }
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"):
        out[f"trigger {name}"] = _flat(sql)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'"):
        out[f"view {name}"] = _flat(sql_of[name])
    return out


def old_store(path: Path, version: int) -> sqlite3.Connection:
    """A store as the earlier code left it at `version` (0: a new, empty file)."""
    conn = connect(path)
    if version:
        conn.executescript((OLD / f"v{version}.sql").read_text(encoding="utf-8"))
        conn.executemany(
            "INSERT INTO _migrations(version, name, applied_at) VALUES (?, ?, '')",
            [(m.version, m.name) for m in MIGRATIONS if m.version <= version],
        )
    return conn


def upto(version: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version <= version]


def test_every_version_up_to_eight_is_recorded() -> None:
    assert [v for v in RECORDED if v <= 8] == list(range(1, 9))


@pytest.mark.parametrize("version", RECORDED)
def test_each_version_is_the_schema_the_raw_sql_built(tmp_path: Path, version: int) -> None:
    new = connect(tmp_path / "new.db")
    assert upgrade(new, upto(version)) == list(range(1, version + 1))
    before = describe(old_store(tmp_path / "old.db", version))
    assert describe(new) == before


def test_the_comparison_sees_a_changed_default_and_a_lost_where(tmp_path: Path) -> None:
    """describe() is not blind: a default or a partial index's WHERE that differs shows."""
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    before = describe(conn)
    conn.execute("DROP INDEX tickets_holding")
    conn.execute("CREATE INDEX tickets_holding ON tickets(category) WHERE hold_calls > 1")
    assert describe(conn) != before
    other = connect(tmp_path / "b.db")
    upgrade(other, upto(7))
    other.execute("ALTER TABLE window_state ADD COLUMN last_finished TEXT DEFAULT ''")
    assert describe(other)["table window_state"] != before["table window_state"]


def fill_v1(conn: sqlite3.Connection) -> None:
    """A day's rows in the version-1 columns, enough for every later data migration to act on:
    a held-back and a plain waiting ticket, a finished and rated one, a kiosk's request id, a
    remembered reply."""
    conn.executemany(
        "INSERT INTO tickets(id, number, prefix, seq_no, service_day, category, priority,"
        " source, request_id, status, tier, sort_at, hold_calls, window_no, issued_at)"
        " VALUES (?, ?, 'A', ?, '2026-11-27', 'SB', 'normal', 'kiosk', ?, ?, 2, ?, ?, ?, ?)",
        [
            ("t1", "A001", 1, "tap-1", "done", "09:00", 0, 1, "09:00"),
            ("t2", "A002", 2, None, "waiting", "09:01", 2, None, "09:01"),
            ("t3", "A003", 3, None, "waiting", "09:02", 0, None, "09:02"),
        ],
    )
    conn.execute(
        "INSERT INTO ratings(id, ticket_id, level, tags, channel, rated_at)"
        " VALUES ('r1', 't1', 5, '[]', 'pad', '09:10')"
    )
    conn.execute("INSERT INTO window_state(no, status) VALUES (1, 'open')")
    events = [
        ("ticket.issued", "kiosk-1", None, {"ticket_id": "t1", "request_id": "tap-1"}),
        ("ticket.finished", None, "1001", {"ticket_id": "t1", "window_no": 1}),
    ]
    conn.executemany(
        "INSERT INTO events(seq, id, hall, ts, device, actor, type, payload)"
        " VALUES (?, ?, 'H1', '', ?, ?, ?, ?)",
        [(i, f"e{i}", dev, who, t, json.dumps(p)) for i, (t, dev, who, p) in enumerate(events, 1)],
    )


@pytest.mark.parametrize("version", [0, *[v for v in RECORDED if v < LATEST]])
def test_an_older_store_migrates_forward(tmp_path: Path, version: int) -> None:
    conn = old_store(tmp_path / "old.db", version)
    if version:
        fill_v1(conn)
    if version >= 2:
        conn.execute(
            "INSERT INTO idempotency(key, principal, status, body, created_at)"
            " VALUES ('anon:k', 'anon', 200, '{\"token\": \"x\"}', '')"
        )
    assert migrate(conn) == [m.version for m in MIGRATIONS if m.version > version]  # gaps: ok
    assert current_version(conn) == LATEST
    fresh = connect(tmp_path / "fresh.db")
    migrate(fresh)
    assert describe(conn) == describe(fresh)
    if not version:
        return
    one = conn.execute
    if version < 6:
        held = dict(one("SELECT id, held FROM tickets").fetchall())
        assert held == {"t1": 0, "t2": 1, "t3": 0}
        assert [r[0] for r in one("SELECT id FROM tickets WHERE rated = 1")] == ["t1"]
        counts = one("SELECT tier, held, waiting FROM queue_counts ORDER BY held").fetchall()
        assert [tuple(r) for r in counts] == [(2, 0, 1), (2, 1, 1)]
    if version < 7:
        key = one("SELECT request_id FROM tickets WHERE id = 't1'").fetchone()[0]
        assert key == request_key("kiosk-1", None, "tap-1")
        assert one("SELECT COUNT(*) FROM idempotency").fetchone()[0] == 0
    if version < 8:
        assert one("SELECT last_finished FROM window_state WHERE no = 1").fetchone()[0] == "t1"
    # the triggers keep counting after the migration: t2 is the one left waiting
    one("UPDATE tickets SET status = 'called' WHERE id = 't3'")
    assert one("SELECT SUM(waiting) FROM queue_counts").fetchone()[0] == 1


def test_fresh_store_reaches_the_latest_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    applied = migrate(conn)
    assert applied == [m.version for m in MIGRATIONS]
    assert current_version(conn) == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(PROJECTION_TABLES) <= tables and "events" in tables


def test_the_queue_counts_stay_kept(tmp_path: Path) -> None:
    """Whatever later migrations do to `tickets` (a sqlite-utils transform drops its triggers),
    the latest schema still counts the queue."""
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert names >= {"queue_counts_insert", "queue_counts_leave", "queue_counts_enter",
                     "queue_counts_delete"}  # fmt: skip


def test_rerunning_is_a_no_op(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    before = describe(conn)
    assert migrate(conn) == []
    assert describe(conn) == before


def test_store_is_wal_and_fully_synchronous(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_failing_migration_leaves_nothing_half_done(tmp_path: Path) -> None:
    """sqlite-utils' writes inside a migration join its transaction: none of them is
    committed on its own (sqlite-utils 3 committed after each), so a step that fails after
    creating, altering, indexing and transforming leaves the store as it found it."""
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    before = describe(conn)

    def broken(c: sqlite3.Connection) -> None:
        db = database(c)
        db.table("half_done").create({"x": int}, pk="x")
        db.table("tickets").add_column("half", str)
        db.table("tickets").create_index(["half"], index_name="tickets_half")
        db.table("alerts").transform(rename={"details": "detail"})
        db.table("alerts").insert({"seq": 1, "kind": "k", "detail": "{}", "at": ""})
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        upgrade(conn, [*MIGRATIONS, Migration(LATEST + 1, "broken", broken)])
    assert not conn.in_transaction
    assert current_version(conn) == LATEST
    assert describe(conn) == before
    assert conn.execute("SELECT COUNT(*) FROM alerts").fetchone()[0] == 0


def test_a_step_that_commits_itself_is_refused(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    migrate(conn)

    def commits(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE sneaked (x)")
        c.execute("COMMIT")

    with pytest.raises(RuntimeError, match="ended its transaction"):
        upgrade(conn, [*MIGRATIONS, Migration(LATEST + 1, "commits", commits)])
    assert current_version(conn) == LATEST


def test_out_of_order_lists_are_refused(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    with pytest.raises(ValueError, match="listed after"):
        upgrade(conn, [MIGRATIONS[1], MIGRATIONS[0]])
    assert current_version(conn) == 0
    assert conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 1  # _migrations


def test_the_connection_is_left_as_it_was(tmp_path: Path) -> None:
    """Wrapping the writer's connection in sqlite-utils turns on no recursive triggers (with
    them a REPLACE fires delete triggers) and keeps our row factory."""
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
    assert conn.row_factory is sqlite3.Row
