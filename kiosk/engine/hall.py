"""The Hall: every command and query of one hall, over its store.

The engine's rooms each add their commands as a mixin on HallBase (the spine: the store, its
writer and its transactions), and nothing else: a newcomer finds a command by its room, and
where one room needs another it says so here or in a Protocol it declares.

- the queue (kiosk/engine/queue/): tickets, calling, windows, the day, the snapshot, estimates;
- service quality (kiosk/engine/supervision/): ratings and their cases, supervisors' alerts
  and their remote control of windows;
- the help desk (kiosk/engine/helpdesk/): consultations, presence, the knowledge base;
- the spine's own: sign-in and tokens (auth.py), idempotent requests (idempotency.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import Catalog
from kiosk.clock import Clock, SystemClock, iso
from kiosk.domain import WindowStatus
from kiosk.engine import projector
from kiosk.engine.auth import AuthCommands
from kiosk.engine.helpdesk.alerts import check_helpdesk
from kiosk.engine.helpdesk.commands import HelpdeskCommands
from kiosk.engine.helpdesk.consultations import ConsultationCommands
from kiosk.engine.helpdesk.contacts import ContactCommands
from kiosk.engine.helpdesk.knowledge import KnowledgeCommands
from kiosk.engine.helpdesk.views import HelpdeskQueries
from kiosk.engine.idempotency import IdempotentRequests, purge_old
from kiosk.engine.queue.calling import CallCommands
from kiosk.engine.queue.day import DayCommands
from kiosk.engine.queue.snapshot import SnapshotQueries
from kiosk.engine.queue.tickets import TicketCommands
from kiosk.engine.queue.views import TicketQueries
from kiosk.engine.queue.windows import WindowCommands
from kiosk.engine.supervision.alerts import SupervisionAlerts
from kiosk.engine.supervision.cases import CaseCommands
from kiosk.engine.supervision.control import WindowControl
from kiosk.engine.supervision.overview import SupervisionQueries
from kiosk.engine.supervision.ratings import RatingCommands
from kiosk.events import Event, EventType, dumps
from kiosk.ids import new_token
from kiosk.store.db import connect, transaction
from kiosk.store.schema import PROJECTION_TABLES, migrate


class Hall(
    # the queue
    TicketCommands,
    CallCommands,
    WindowCommands,
    DayCommands,
    TicketQueries,
    SnapshotQueries,
    # service quality
    RatingCommands,
    CaseCommands,
    SupervisionAlerts,
    WindowControl,
    SupervisionQueries,
    # the help desk
    ConsultationCommands,
    HelpdeskCommands,
    ContactCommands,
    KnowledgeCommands,
    HelpdeskQueries,
    # the spine's own
    AuthCommands,
    IdempotentRequests,
):
    def __init__(self, path: Path | str, clock: Clock | None = None) -> None:
        super().__init__(path, clock)
        self._auth_init(windows=self)  # signing in at a window opens it

    def run_duties(self, auto_close: bool = True) -> dict[str, Any]:
        """The hall server's periodic duties, every room's: supervisors' alerts, the help
        desk's, the day close at its time, the 7-day default rating, old idempotency keys.
        Each is idempotent, so running them often is safe."""
        return {
            "tidal_ended": self.expire_tidal(),
            **self.check_supervision(),
            "helpdesk": check_helpdesk(self),
            "contacts_erased": self.erase_contacts(),
            "closed": self.close_day_if_due() if auto_close else False,
            "default_ratings": self.apply_default_ratings(),
            "purged": purge_old(self),
        }


def initialise(
    path: Path | str, config: HallConfig, catalog: Catalog, clock: Clock | None = None
) -> Hall:
    """Creates a hall store from a config and a catalog; clerks from the config get their PINs."""
    config.validate_against(catalog)
    conn = connect(path)
    migrate(conn)
    now = iso((clock or SystemClock()).now())
    with transaction(conn):
        stored = config.model_copy(update={"clerks": [], "devices": []})
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('hall_config', ?)",
            (stored.model_dump_json(),),
        )
        conn.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('secret', ?)", (new_token(32),)
        )
        _store_catalog(conn, catalog, now)
        for w in config.windows:
            conn.execute(
                "INSERT OR REPLACE INTO window_config(no, name_zh, name_en, kind, categories)"
                " VALUES (?, ?, ?, ?, ?)",
                (w.no, w.name_zh, w.name_en, w.kind.value, json.dumps(w.categories)),
            )
            conn.execute(
                "INSERT OR IGNORE INTO window_state(no, status) VALUES (?, ?)",
                (w.no, WindowStatus.CLOSED.value),
            )
    conn.close()
    hall = Hall(path, clock)
    for c in config.clerks:
        hall.add_clerk(c.employee_no, c.name, c.pin, c.role)
    return hall


def _store_catalog(conn: sqlite3.Connection, catalog: Catalog, now: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO catalog(version, body, applied_at) VALUES (?, ?, ?)",
        (catalog.version, catalog.model_dump_json(), now),
    )


def import_catalog(hall: Hall, catalog: Catalog) -> None:
    """Applies a catalog atomically; the hall's windows must still find their categories."""
    hall.config.validate_against(catalog)
    with hall.transaction() as tx:
        _store_catalog(tx.conn, catalog, iso(tx.now))
        tx.emit(
            EventType.CATALOG_APPLIED,
            {"version": catalog.version, "items_disabled": sorted(hall.disabled_items)},
        )
    hall.reload()


def rebuild(hall: Hall) -> int:
    """Empties the projections and replays the whole log through the projector."""
    with hall.exclusive() as conn:
        with transaction(conn):
            for table in PROJECTION_TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute(
                "INSERT INTO window_state(no, status) SELECT no, ? FROM window_config",
                (WindowStatus.CLOSED.value,),
            )
            count = 0
            for row in conn.execute("SELECT * FROM events ORDER BY seq").fetchall():
                projector.apply(conn, Event.from_row(row))
                count += 1
        return count


def projection_dump(hall: Hall) -> dict[str, list[tuple[object, ...]]]:
    """Every projection table's rows in a stable order: what a rebuild must reproduce."""
    conn = hall.reader()
    out = {}
    for table in PROJECTION_TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY {cols[0]}").fetchall()
        out[table] = [tuple(r) for r in rows]
    return out


__all__ = ["Hall", "dumps", "import_catalog", "initialise", "projection_dump", "rebuild"]
