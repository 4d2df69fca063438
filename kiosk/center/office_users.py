"""Office users: the people who read the reports, scoped to the city or to one district.

A city user (市政务服务管理办公室) sees every hall; a district user sees its district hall and the
township halls under it, and nothing of any other district: not a row, not a level total that
includes another district's halls. A center administrator sees what a city user sees. Tokens
are stored as sha256 hashes like hall and admin tokens; the `ko-` prefix names the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from kiosk.center.errors import CenterError, invalid
from kiosk.center.halls import get_hall, list_halls
from kiosk.center.schema import office_users
from kiosk.center.timeutil import iso_utc, utc_now
from kiosk.center.tokens import hash_token, new_token
from kiosk.domain import HallLevel

OFFICE_PREFIX = "ko-"


@dataclass(frozen=True)
class Scope:
    """What one caller may see: the whole city, or one district hall and its townships."""

    kind: str  # "city", "district" (or "township": a drill-down narrowed to one hall)
    name: str
    hall: str | None = None
    hall_name: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "user": self.name}
        if self.hall is not None:
            out |= {"hall": self.hall, "name": self.hall_name}
        return out


CITY_ADMIN = Scope("city", "admin")


def create_office_user(engine: Engine, name: str, district: str | None = None) -> str:
    """A new office user's token (shown once); `district` is a district hall's code or None."""
    if not name.strip() or len(name) > 100:
        raise invalid("the user name must be 1-100 characters", "用户名须为 1-100 个字符")
    with engine.begin() as conn:
        if district is not None:
            hall = get_hall(conn, district)
            if hall is None or hall.level != HallLevel.DISTRICT:
                raise invalid(
                    f"{district!r} is not a registered district hall",
                    f"{district!r} 不是已登记的区级大厅",
                )
        token = new_token(OFFICE_PREFIX)
        conn.execute(
            office_users.insert().values(
                token_hash=hash_token(token),
                name=name.strip(),
                district=district,
                created_at=iso_utc(utc_now()),
            )
        )
    return token


def office_scope(engine: Engine, token: str) -> Scope | None:
    """The scope of an office user's token, or None when it is not one."""
    query = select(office_users.c.name, office_users.c.district).where(
        office_users.c.token_hash == hash_token(token)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
        if row is None:
            return None
        name, district = row
        if district is None:
            return Scope("city", name)
        hall = get_hall(conn, district)
    return Scope("district", name, district, hall.name if hall else district)


def visible_halls(engine: Engine, scope: Scope) -> set[str] | None:
    """The hall codes a scope may see; None means every hall."""
    if scope.kind == "city":
        return None
    if scope.kind == "township":  # a district user's drill-down into one township
        return {str(scope.hall)}
    with engine.connect() as conn:
        return {h.code for h in list_halls(conn) if h.code == scope.hall or h.parent == scope.hall}


def check_hall_visible(engine: Engine, scope: Scope, code: str) -> None:
    """404 for a hall outside the scope, exactly as for a hall that does not exist: a district
    user learns nothing, not even that another district's hall code is registered."""
    allowed = visible_halls(engine, scope)
    if allowed is not None and code not in allowed:
        raise CenterError(404, "Not found", f"no hall {code}", f"未找到大厅 {code}")
    if allowed is None:
        with engine.connect() as conn:
            if get_hall(conn, code) is None:
                raise CenterError(404, "Not found", f"no hall {code}", f"未找到大厅 {code}")
