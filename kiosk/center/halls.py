"""The hall register: the three-level tree (city > district > township) and each hall's sync state.

The tree is validated on entry because the reports roll halls up by level and compare a
township with its district; a township hanging directly off the city would be miscounted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, select
from sqlalchemy.exc import IntegrityError

from kiosk.center.errors import conflict, invalid
from kiosk.center.schema import events, hall_acks, halls
from kiosk.center.timeutil import DEFAULT_TIMEZONE, iso_utc, parse_utc, utc_now, valid_timezone
from kiosk.center.tokens import HALL_PREFIX, hash_token, new_token
from kiosk.domain import HallLevel

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
PARENT_LEVEL = {HallLevel.DISTRICT: HallLevel.CITY, HallLevel.TOWNSHIP: HallLevel.DISTRICT}
LEVEL_RANK = {HallLevel.CITY: 0, HallLevel.DISTRICT: 1, HallLevel.TOWNSHIP: 2}
LEVEL_ZH = {
    HallLevel.CITY: "市级",
    HallLevel.DISTRICT: "区级",
    HallLevel.TOWNSHIP: "乡镇（街道）级",
}


@dataclass(frozen=True)
class Hall:
    code: str
    name: str
    level: str
    parent: str | None
    timezone: str


def get_hall(conn: Connection, code: str) -> Hall | None:
    query = select(halls.c.code, halls.c.name, halls.c.level, halls.c.parent, halls.c.timezone)
    row = conn.execute(query.where(halls.c.code == code)).first()
    return Hall(*row) if row else None


def list_halls(conn: Connection) -> list[Hall]:
    query = select(halls.c.code, halls.c.name, halls.c.level, halls.c.parent, halls.c.timezone)
    found = [Hall(*row) for row in conn.execute(query)]
    return sorted(found, key=lambda h: (LEVEL_RANK.get(HallLevel(h.level), 9), h.code))


def _check_tree(conn: Connection, code: str, level: str, parent: str | None) -> None:
    if not _CODE.match(code):
        raise invalid(
            f"hall code {code!r} must be 1-32 letters, digits, '-' or '_'",
            f"大厅编码 {code!r} 须为 1-32 位字母、数字、'-' 或 '_'",
        )
    if level not in set(HallLevel):
        raise invalid(
            f"level must be city, district or township, not {level!r}",
            f"层级须为 city(市)、district(区) 或 township(乡镇/街道)，而不是 {level!r}",
        )
    want = PARENT_LEVEL.get(HallLevel(level))
    if want is None:
        if parent is not None:
            raise invalid("a city hall has no parent", "市级大厅不能有上级大厅")
        return
    zh, want_zh = LEVEL_ZH[HallLevel(level)], LEVEL_ZH[want]
    if parent is None:
        raise invalid(f"a {level} hall needs a {want} parent", f"{zh}大厅须指定{want_zh}上级大厅")
    above = get_hall(conn, parent)
    if above is None:
        raise invalid(f"parent hall {parent!r} is not registered", f"上级大厅 {parent!r} 未登记")
    if above.level != want:
        raise invalid(
            f"a {level} hall's parent must be a {want} hall; {parent} is {above.level}",
            f"{zh}大厅的上级须为{want_zh}大厅；{parent} 是{LEVEL_ZH[HallLevel(above.level)]}大厅",
        )


def add_hall(
    engine: Engine,
    code: str,
    name: str,
    level: str,
    parent: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
) -> str:
    """Register a hall in the tree; returns its bearer token (shown only this once)."""
    if not name.strip():
        raise invalid("hall name must not be empty", "大厅名称不能为空")
    if not valid_timezone(timezone):
        raise invalid(f"unknown time zone {timezone!r}", f"未知时区 {timezone!r}")
    token = new_token(HALL_PREFIX)
    try:
        with engine.begin() as conn:
            _check_tree(conn, code, level, parent)
            if get_hall(conn, code) is not None:
                raise conflict(f"hall {code} is already registered", f"大厅 {code} 已登记")
            values = {"code": code, "name": name.strip(), "level": level, "parent": parent}
            conn.execute(
                halls.insert().values(
                    **values,
                    timezone=timezone,
                    token_hash=hash_token(token),
                    created_at=iso_utc(utc_now()),
                    last_reported_seq=0,
                )
            )
            conn.execute(hall_acks.insert().values(hall=code, acked_seq=0))
    except IntegrityError as exc:  # a concurrent add of the same code
        raise conflict(f"hall {code} is already registered", f"大厅 {code} 已登记") from exc
    return token


def hall_status(engine: Engine, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each hall's sync state: last contact, acked seq, lag in events and in seconds."""
    now = now or utc_now()
    acked_event = and_(events.c.hall == halls.c.code, events.c.seq == hall_acks.c.acked_seq)
    query = (
        select(halls, hall_acks.c.acked_seq, events.c.ts.label("acked_ts"))
        .outerjoin(hall_acks, hall_acks.c.hall == halls.c.code)
        .outerjoin(events, acked_event)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query).mappings())
    out = []
    for row in rows:
        acked = int(row["acked_seq"] or 0)
        reported = int(row["last_reported_seq"] or 0)
        acked_ts = row["acked_ts"]
        lag_s = (now - parse_utc(acked_ts)).total_seconds() if acked_ts else None
        out.append(
            {
                "code": row["code"],
                "name": row["name"],
                "level": row["level"],
                "parent": row["parent"],
                "timezone": row["timezone"],
                "last_contact": row["last_contact"],
                "acked_seq": acked,
                "last_reported_seq": reported,
                "lag_events": max(0, reported - acked),
                "lag_s": lag_s,
                "last_acked_ts": acked_ts,
                "catalog_version": row["catalog_version"],
            }
        )
    return sorted(out, key=lambda h: (LEVEL_RANK.get(HallLevel(h["level"]), 9), h["code"]))
