"""Who is calling: a hall with its own bearer token, a center administrator, or an office user
(city or district) who reads reports.

A hall's token only opens its own code: a valid token for another hall is 403, not 401, so a
misconfigured hall (wrong code in its config) learns exactly what is wrong.
"""

from __future__ import annotations

from sqlalchemy import Engine

from kiosk.center.errors import CenterError
from kiosk.center.halls import Hall, get_hall
from kiosk.center.office_users import CITY_ADMIN, Scope, office_scope
from kiosk.center.tokens import hall_for_token, is_admin_token


def bearer(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise CenterError(
            401,
            "Unauthorized",
            "send Authorization: Bearer <token>",
            "缺少访问令牌（Authorization: Bearer <令牌>）",
        )
    return token.strip()


def _unknown_token() -> CenterError:
    return CenterError(401, "Unauthorized", "unknown token", "令牌无效")


def require_hall(engine: Engine, authorization: str | None, code: str) -> Hall:
    """The hall whose path code matches the caller's token."""
    token = bearer(authorization)
    with engine.connect() as conn:
        owner = hall_for_token(conn, token)
        if owner is None:
            raise _unknown_token()
        if owner != code:
            raise CenterError(
                403,
                "Forbidden",
                f"this token belongs to hall {owner}, not {code}",
                f"该令牌属于大厅 {owner}，不能用于 {code}",
            )
        hall = get_hall(conn, code)
    assert hall is not None  # the token's owner exists
    return hall


def require_any(engine: Engine, authorization: str | None) -> str | None:
    """Any hall or an administrator; returns the hall code (None for an admin)."""
    token = bearer(authorization)
    with engine.connect() as conn:
        owner = hall_for_token(conn, token)
        if owner is None and not is_admin_token(conn, token):
            raise _unknown_token()
    return owner


def require_admin(engine: Engine, authorization: str | None) -> None:
    token = bearer(authorization)
    with engine.connect() as conn:
        if is_admin_token(conn, token):
            return
        known = hall_for_token(conn, token) is not None
    if known or office_scope(engine, token) is not None:
        raise CenterError(
            403, "Forbidden", "this needs a center admin token", "此操作需要中心管理员令牌"
        )
    raise _unknown_token()


def require_office(engine: Engine, authorization: str | None) -> Scope:
    """An office user (city or district) or an administrator (who sees the city); a hall's
    token is refused: a hall reports to the center, it does not read other halls' figures."""
    token = bearer(authorization)
    scope = office_scope(engine, token)
    if scope is not None:
        return scope
    with engine.connect() as conn:
        if is_admin_token(conn, token):
            return CITY_ADMIN
        if hall_for_token(conn, token) is not None:
            raise CenterError(
                403, "Forbidden", "a hall token cannot read reports", "大厅令牌不能查看报表"
            )
    raise _unknown_token()
