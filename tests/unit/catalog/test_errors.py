"""A broken catalog or hall config must be refused with a message that says where and why."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kiosk.catalog.hall_config import HallConfig, load_hall_config, parse_hall_config
from kiosk.catalog.model import Catalog, CatalogError, load_catalog, parse_catalog
from kiosk.paths import default_catalog_path, sample_hall_path

BASE_CATALOG: dict[str, Any] = {
    "format": 1,
    "version": "t.1",
    "published_at": "2026-11-01",
    "categories": [
        {
            "code": "SHEBAO",
            "prefix": "A",
            "name_zh": "社保",
            "name_en": "Social insurance",
            "service_time_s": 420,
        },
        {
            "code": "ZIXUN",
            "prefix": "Z",
            "name_zh": "咨询",
            "name_en": "Enquiries",
            "service_time_s": 180,
            "helpdesk": True,
        },
    ],
    "items": [
        {
            "code": "SB-001",
            "category": "SHEBAO",
            "name_zh": "参保",
            "name_en": "Enrolment",
            "department_zh": "人社局",
            "department_en": "HR Bureau",
            "materials": [{"name_zh": "身份证", "name_en": "ID card", "form": "original"}],
        },
    ],
    "faqs": [
        {
            "id": "FAQ-001",
            "question_zh": "问",
            "question_en": "Q",
            "answer_zh": "答",
            "answer_en": "A",
            "items": ["SB-001"],
        },
    ],
    "notices": [],
}

BASE_HALL: dict[str, Any] = {
    "code": "370202-00",
    "name_zh": "区中心",
    "name_en": "District Center",
    "level": "district",
    "parent": "370200-00",
    "timezone": "Asia/Shanghai",
    "day_close": "17:00",
    "windows": [
        {
            "no": 1,
            "name_zh": "1号窗",
            "name_en": "Window 1",
            "kind": "comprehensive",
            "categories": ["SHEBAO", "ZIXUN"],
        }
    ],
    "clerks": [{"employee_no": "1001", "name": "张敏", "pin": "1234", "role": "clerk"}],
    "devices": [{"name": "pad-1", "role": "rating_pad"}],
}


def catalog_with(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_CATALOG)
    data.update(changes)
    return data


def hall_with(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_HALL)
    data.update(changes)
    return data


def write(tmp_path: Path, data: Any, name: str = "doc.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_minimal_documents_are_valid() -> None:
    catalog = parse_catalog(BASE_CATALOG)
    parse_hall_config(BASE_HALL, catalog=catalog)


def test_duplicate_prefix(tmp_path: Path) -> None:
    cats = copy.deepcopy(BASE_CATALOG["categories"])
    cats[1]["prefix"] = "A"
    path = write(tmp_path, catalog_with(categories=cats))
    with pytest.raises(CatalogError, match="duplicate prefix letter 'A'") as info:
        load_catalog(path)
    assert str(path) in str(info.value)
    assert info.value.source == str(path)


def test_item_naming_a_missing_category() -> None:
    items = copy.deepcopy(BASE_CATALOG["items"])
    items[0]["category"] = "YIBAO"
    with pytest.raises(CatalogError, match="item 'SB-001' names unknown category 'YIBAO'"):
        parse_catalog(catalog_with(items=items))


def test_bad_material_form_is_located() -> None:
    items = copy.deepcopy(BASE_CATALOG["items"])
    items[0]["materials"][0]["form"] = "photocopy"
    with pytest.raises(CatalogError) as info:
        parse_catalog(catalog_with(items=items))
    message = str(info.value)
    assert "items[0] (SB-001).materials[0].form" in message
    assert "original_and_copy" in message  # lists the allowed forms
    assert isinstance(info.value.__cause__, ValidationError)


def test_bad_material_form_raises_validation_error_on_the_model() -> None:
    items = copy.deepcopy(BASE_CATALOG["items"])
    items[0]["materials"][0]["form"] = "photocopy"
    with pytest.raises(ValidationError, match="form"):
        Catalog.model_validate(catalog_with(items=items))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": 2}, "format"),
        ({"categories": []}, "categories"),
        ({"extra_field": 1}, "extra_field"),
    ],
)
def test_shape_errors(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogError, match=message):
        parse_catalog(catalog_with(**changes))


def test_prefix_must_be_one_capital_letter() -> None:
    cats = copy.deepcopy(BASE_CATALOG["categories"])
    cats[0]["prefix"] = "AB"
    with pytest.raises(CatalogError, match=r"categories\[0\] \(SHEBAO\)\.prefix"):
        parse_catalog(catalog_with(categories=cats))


def test_duplicate_item_code_and_dangling_faq_are_both_reported() -> None:
    items = copy.deepcopy(BASE_CATALOG["items"]) * 2
    faqs = copy.deepcopy(BASE_CATALOG["faqs"])
    faqs[0]["items"] = ["SB-404"]
    with pytest.raises(CatalogError) as info:
        parse_catalog(catalog_with(items=items, faqs=faqs))
    assert "duplicate item code 'SB-001'" in str(info.value)
    assert "FAQ 'FAQ-001' links unknown item 'SB-404'" in str(info.value)


def test_two_helpdesk_categories() -> None:
    cats = copy.deepcopy(BASE_CATALOG["categories"])
    cats[0]["helpdesk"] = True
    with pytest.raises(CatalogError, match="more than one helpdesk category: SHEBAO, ZIXUN"):
        parse_catalog(catalog_with(categories=cats))


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid JSON"):
        load_catalog(bad)


def test_catalog_error_is_a_value_error() -> None:
    assert issubclass(CatalogError, ValueError)


def test_bad_timezone(tmp_path: Path) -> None:
    path = write(tmp_path, hall_with(timezone="Asia/Beijing"), "hall.json")
    with pytest.raises(CatalogError, match="unknown time zone 'Asia/Beijing'") as info:
        load_hall_config(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("value", ["5:30pm", "24:00", "17:3", "17:30:00"])
def test_day_close_must_be_hhmm(value: str) -> None:
    with pytest.raises(CatalogError, match="day_close"):
        parse_hall_config(hall_with(day_close=value))


@pytest.mark.parametrize(("value", "ok"), [(0, False), (1, True), (5, True), (6, False)])
def test_max_recalls_range(value: int, ok: bool) -> None:
    if ok:
        assert parse_hall_config(hall_with(max_recalls=value)).max_recalls == value
    else:
        with pytest.raises(CatalogError, match="max_recalls"):
            parse_hall_config(hall_with(max_recalls=value))


def test_defaults() -> None:
    data = hall_with()
    for key in ("timezone", "day_close"):
        data.pop(key)
    hall = HallConfig.model_validate(data)
    assert (hall.max_recalls, hall.requeue_after, hall.idle_window_minutes) == (3, 3, 10)
    assert hall.case_deadline_days == 5
    assert hall.timezone == "Asia/Shanghai"


def test_duplicate_window_numbers_and_clerks() -> None:
    windows = BASE_HALL["windows"] * 2
    clerks = BASE_HALL["clerks"] * 2
    with pytest.raises(CatalogError) as info:
        parse_hall_config(hall_with(windows=windows, clerks=clerks))
    assert "duplicate window number '1'" in str(info.value)
    assert "duplicate employee_no '1001'" in str(info.value)


def test_lower_level_hall_needs_parent() -> None:
    with pytest.raises(CatalogError, match="district hall needs a parent"):
        parse_hall_config(hall_with(parent=None))


def test_rating_pad_for_missing_window() -> None:
    devices = [{"name": "pad-9", "role": "rating_pad"}]
    with pytest.raises(CatalogError, match="'pad-9' names window 9"):
        parse_hall_config(hall_with(devices=devices))


def test_bad_role_and_kind() -> None:
    clerks = [{"employee_no": "1001", "name": "张敏", "pin": "1234", "role": "boss"}]
    with pytest.raises(CatalogError, match=r"clerks\[0\] \(1001\)\.role"):
        parse_hall_config(hall_with(clerks=clerks))
    windows = [dict(BASE_HALL["windows"][0], kind="vip")]
    with pytest.raises(CatalogError, match=r"windows\[0\] \(1\)\.kind"):
        parse_hall_config(hall_with(windows=windows))


def test_window_serving_unknown_category() -> None:
    catalog = parse_catalog(BASE_CATALOG)
    windows = [dict(BASE_HALL["windows"][0], categories=[["SHEBAO", "GONGJIJIN"]])]
    hall = parse_hall_config(hall_with(windows=windows))
    with pytest.raises(CatalogError, match="window 1 serves unknown category 'GONGJIJIN'"):
        hall.validate_against(catalog)
    with pytest.raises(CatalogError, match=r"hall\.json: window 1 serves unknown"):
        parse_hall_config(hall_with(windows=windows), source="hall.json", catalog=catalog)


def test_shipped_hall_against_a_smaller_catalog(tmp_path: Path) -> None:
    # A hall config is only valid together with a catalog that defines its categories.
    small = write(tmp_path, BASE_CATALOG, "small.json")
    with pytest.raises(CatalogError, match="serves unknown category"):
        load_hall_config(sample_hall_path(), load_catalog(small))
    load_hall_config(sample_hall_path(), load_catalog(default_catalog_path()))
