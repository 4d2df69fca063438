"""The hall register: the three-level tree is enforced, tokens are stored only as hashes."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import Engine, select

from kiosk.center.errors import CenterError
from kiosk.center.halls import add_hall, hall_status
from kiosk.center.schema import halls
from tests.helpers.center_fixture import CITY, DISTRICT, TOWNSHIP


def test_the_tree_and_hashed_tokens(engine: Engine, hall_tokens: dict[str, str]) -> None:
    assert [h["code"] for h in hall_status(engine)] == [CITY, DISTRICT, TOWNSHIP]
    with engine.connect() as conn:
        rows = {r.code: r for r in conn.execute(select(halls))}
    assert rows[TOWNSHIP].parent == DISTRICT and rows[DISTRICT].parent == CITY
    assert rows[TOWNSHIP].timezone == "Asia/Shanghai"
    for code, token in hall_tokens.items():
        assert token.startswith("kh-") and len(token) > 40
        assert rows[code].token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in str(tuple(rows[code]))
    assert len(set(hall_tokens.values())) == 3


@pytest.mark.parametrize(
    ("code", "level", "parent", "status", "zh"),
    [
        ("370202-02", "township", CITY, 422, "上级须为区级大厅"),
        ("370203-00", "district", None, 422, "须指定市级上级大厅"),
        ("370201-00", "city", CITY, 422, "市级大厅不能有上级"),
        ("370204-00", "district", "999999-00", 422, "未登记"),
        ("370205-00", "district", TOWNSHIP, 422, "上级须为市级大厅"),
        ("370206-00", "province", None, 422, "层级"),
        ("bad code!", "city", None, 422, "大厅编码"),
        (DISTRICT, "district", CITY, 409, "已登记"),
    ],
)
def test_tree_violations_are_refused(
    engine: Engine,
    hall_tokens: dict[str, str],
    code: str,
    level: str,
    parent: str | None,
    status: int,
    zh: str,
) -> None:
    with pytest.raises(CenterError) as caught:
        add_hall(engine, code, "某大厅", level, parent)
    assert caught.value.status == status
    assert zh in caught.value.detail_zh
    assert len(hall_status(engine)) == 3


def test_timezone_is_checked(engine: Engine) -> None:
    with pytest.raises(CenterError, match="time zone"):
        add_hall(engine, "X1", "某大厅", "city", timezone="Mars/Base")
    add_hall(engine, "X2", "Urumqi hall", "city", timezone="Asia/Urumqi")
    assert hall_status(engine)[0]["timezone"] == "Asia/Urumqi"
