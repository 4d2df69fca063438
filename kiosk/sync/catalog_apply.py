"""Applying the center's standard catalog, and the one freedom a hall keeps: switching off
items it does not handle. A hall never edits a standard item's materials: that is the point of
one catalog for all three levels (the research found 25 items handled to different standards)."""

from __future__ import annotations

from typing import Any

from kiosk.catalog.model import parse_catalog
from kiosk.engine.base import SYSTEM
from kiosk.engine.hall import Hall, import_catalog
from kiosk.errors import Invalid
from kiosk.events import EventType


def apply_center_catalog(hall: Hall, body: dict[str, Any]) -> str:
    """Validates and applies the catalog atomically on the writer thread; returns its version."""
    catalog = parse_catalog(body, source="center")

    def run() -> None:
        import_catalog(hall, catalog)
        hall.set_meta("catalog_source", "center")

    hall.submit(run).result(timeout=60)
    return catalog.version


def set_item_enabled(hall: Hall, item: str, enabled: bool) -> None:
    try:
        hall.catalog.item(item)
    except KeyError:
        raise Invalid(f"目录中没有事项{item}", f"no item {item} in the catalog") from None

    def run() -> None:
        with hall.transaction() as tx:
            tx.conn.execute(
                "INSERT INTO item_switches(item, enabled) VALUES (?, ?)"
                " ON CONFLICT(item) DO UPDATE SET enabled = excluded.enabled",
                (item, 1 if enabled else 0),
            )
            tx.emit(
                EventType.CATALOG_APPLIED,
                {"version": hall.catalog.version, "items_disabled": _disabled(tx.conn)},
                SYSTEM,
            )
        hall.reload()

    hall.submit(run).result(timeout=60)


def _disabled(conn: Any) -> list[str]:
    return sorted(r[0] for r in conn.execute("SELECT item FROM item_switches WHERE enabled = 0"))
