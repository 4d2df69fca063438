"""What a hall is set up as, read from its store in one go: the config, the catalog in force and
the items switched off, the windows and whom each serves first, the time zone of its service
day, and the secret its status links are signed with.

Why a frozen object of its own: ticket views and wait estimates only read these, so they take
this rather than the hall that owns the store and its writer (which they would otherwise import,
and which imports them). A catalog import or an item switch reloads a new one; nothing edits it.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.calendar import WorkCalendar, load_calendar
from kiosk.catalog.hall_config import HallConfig, WindowConfig
from kiosk.catalog.model import Catalog
from kiosk.clock import service_day
from kiosk.errors import NotFound


@dataclass(frozen=True)
class HallSettings:
    config: HallConfig
    catalog: Catalog
    disabled_items: frozenset[str]
    secret: str
    tz: ZoneInfo
    windows: Mapping[int, WindowConfig]
    window_ranks: Mapping[int, Mapping[str, int]]  # window -> category -> rank (0 first)
    serving: Mapping[str, tuple[int, ...]]  # category -> the windows that serve it
    calendar: WorkCalendar  # working days, holidays, make-up days (kiosk/calendar)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> HallSettings:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if "hall_config" not in meta:
            raise NotFound("门店尚未初始化", "this hall store is not initialised (kiosk init)")
        config = HallConfig.model_validate_json(meta["hall_config"])
        row = conn.execute(
            "SELECT body FROM catalog ORDER BY applied_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        disabled = conn.execute("SELECT item FROM item_switches WHERE enabled = 0")
        ranks = {w.no: w.ranks() for w in config.windows}
        serving: dict[str, list[int]] = {}
        for no, by_category in ranks.items():
            for code in by_category:
                serving.setdefault(code, []).append(no)
        return cls(
            config=config,
            catalog=Catalog.model_validate_json(row[0]),
            disabled_items=frozenset(r[0] for r in disabled),
            secret=meta["secret"],
            tz=ZoneInfo(config.timezone),
            windows={w.no: w for w in config.windows},
            window_ranks=ranks,
            serving={code: tuple(nos) for code, nos in serving.items()},
            calendar=load_calendar(imported_years(meta.get("calendar_years"))),
        )

    @property
    def code(self) -> str:
        return self.config.code

    def today(self, now: datetime) -> date:
        """The hall's service day at `now` (its local date)."""
        return service_day(now, self.tz)


def imported_years(stored: str | None) -> list[dict[str, object]]:
    """The year files a hall imported (`kiosk calendar import`), kept in meta as their TOML
    text by year, so the store alone says which days the hall works."""
    if not stored:
        return []
    return [tomllib.loads(text) for _, text in sorted(json.loads(stored).items())]
