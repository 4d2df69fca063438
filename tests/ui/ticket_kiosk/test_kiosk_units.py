"""The kiosk's small rules without a server: phone masking and validation, wait wording,
keypad editing and catalog reading."""

from __future__ import annotations

from typing import Any

import pytest

from ui.printing.documents import required_material_names
from ui.ticket_kiosk.catalog import CatalogView, loc, queue_counts
from ui.ticket_kiosk.texts import ahead_text, mask_phone, valid_phone, wait_text, waiting_text
from ui.ticket_kiosk.widgets.keypad import BACKSPACE, CLEAR, apply_key

pytestmark = pytest.mark.gui


def test_phone_rules() -> None:
    assert valid_phone("13812345678") and valid_phone("053212345678")
    assert not valid_phone("12812345678") and not valid_phone("1381234567")
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("13812") == "138**"  # masked while typed, not only at the end


def test_wait_wording(kiosk_qt: None) -> None:
    assert wait_text(0, 0) == "无需等待"
    assert wait_text(None, 3) == "暂无窗口办理"  # no open window serves it: no figure
    assert wait_text(61, 2) == "约 2 分钟"
    assert wait_text(3600 + 5 * 60, 9) == "约 1 小时 5 分钟"
    assert waiting_text(1) == "等候 1 人"
    assert ahead_text(0) == "下一位就是您"
    assert ahead_text(0, callable_now=False) == "前面没有人在等候"  # never "next" then


def test_keypad_editing() -> None:
    assert apply_key("A01", "2", 6) == "A012"
    assert apply_key("A012", BACKSPACE, 6) == "A01"
    assert apply_key("A012", CLEAR, 6) == ""
    assert apply_key("123456", "7", 6) == "123456"


def test_catalog_view() -> None:
    body: dict[str, Any] = {
        "version": "v1",
        "hall": {"name_zh": "某中心", "name_en": "Some Center"},
        "categories": [
            {"code": "A1", "prefix": "A", "name_zh": "甲", "name_en": "Alpha"},
            {"code": "Z1", "prefix": "Z", "name_zh": "咨询", "name_en": "Help", "helpdesk": True},
        ],
        "items": [
            {"code": "I1", "category": "A1", "name_zh": "一", "materials": [
                {"name_zh": "身份证", "name_en": "ID card", "required": True},
                {"name_zh": "照片", "required": False},
            ]},
            {"code": "I2", "category": "A1", "name_zh": "二"},
        ],
        "disabled_items": ["I2"],
    }  # fmt: skip
    view = CatalogView.from_json(body)
    assert view.hall_name("en") == "Some Center" and view.version == "v1"
    assert [c["code"] for c in view.ticket_categories] == ["A1"] and view.helpdesk_code == "Z1"
    assert view.is_disabled("I2") and [i["code"] for i in view.search_source()["items"]] == ["I1"]
    assert loc(view.items["I2"], "name", "en") == "二"  # Chinese when English is missing
    assert required_material_names(view.items["I1"], "en") == ["ID card"]
    assert view.prefixes() == ["A", "Z"]
    counts = queue_counts({"categories": [{"code": "A1", "waiting": 3, "estimated_wait_s": 90}]})
    assert counts["A1"].waiting == 3 and counts["A1"].estimated_wait_s == 90
    closed = queue_counts({"categories": [{"code": "A1", "waiting": 2, "estimated_wait_s": None}]})
    assert closed["A1"].estimated_wait_s is None
