"""The catalog and sample hall we ship must load, agree with each other and cover the hall.

These are the files `kiosk demo` starts from and the center publishes, so a bad edit to either
should fail here rather than at a kiosk.
"""

from __future__ import annotations

import re

import pytest

from kiosk.catalog.hall_config import HallConfig, load_hall_config
from kiosk.catalog.model import Catalog, load_catalog
from kiosk.domain import DeviceRole, HallLevel, Role, WindowKind
from kiosk.paths import ASSETS, default_catalog_path, sample_hall_path


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def hall(catalog: Catalog) -> HallConfig:
    return load_hall_config(sample_hall_path(), catalog)


def test_paths_point_into_the_repo_assets() -> None:
    assert ASSETS.is_dir()
    assert default_catalog_path().is_file()
    assert sample_hall_path().is_file()


def test_catalog_sizes(catalog: Catalog) -> None:
    assert catalog.format == 1
    assert catalog.version == "2026.11.1"
    assert len(catalog.categories) >= 12
    assert len(catalog.items) >= 60
    assert len(catalog.faqs) >= 20
    assert len(catalog.notices) >= 5


def test_prefixes_avoid_letters_that_look_like_digits(catalog: Catalog) -> None:
    prefixes = [c.prefix for c in catalog.categories]
    assert not {"I", "O"} & set(prefixes)
    assert len(set(prefixes)) == len(prefixes)


def test_exactly_one_helpdesk_category(catalog: Catalog) -> None:
    helpdesk = catalog.helpdesk_category()
    assert helpdesk is not None
    assert helpdesk.prefix == "Z"
    assert [c for c in catalog.categories if c.helpdesk] == [helpdesk]


def test_every_category_has_items(catalog: Catalog) -> None:
    for category in catalog.categories:
        assert catalog.items_of(category.code), category.code


def test_items_are_complete(catalog: Catalog) -> None:
    for item in catalog.items:
        assert item.materials, item.code
        assert item.keywords, item.code
        assert re.fullmatch(r"[A-Z]+-\d{3}", item.code), item.code
        if item.online:
            assert item.online_url == f"https://zwfw.example.gov.cn/item/{item.code}"
        else:
            assert item.online_url is None, item.code


def test_english_text_is_english(catalog: Catalog) -> None:
    cjk = re.compile(r"[\u4e00-\u9fff]")
    texts = [c.name_en for c in catalog.categories]
    for item in catalog.items:
        texts += [item.name_en, item.department_en]
        texts += [t for m in item.materials for t in (m.name_en, m.note_en)]
    for faq in catalog.faqs:
        texts += [faq.question_en, faq.answer_en]
    for notice in catalog.notices:
        texts += [notice.title_en, notice.body_en]
    assert [t for t in texts if cjk.search(t)] == []


def test_known_facts(catalog: Catalog) -> None:
    # Spot checks against published fees and rules.
    assert catalog.item("CRJ-001").fee_cny == 120
    assert catalog.item("HJ-001").fee_cny == 20
    assert catalog.item("HJ-002").fee_cny == 40
    assert catalog.item("HJ-003").fee_cny == 10
    marriage = catalog.item("HY-001")
    assert marriage.fee_cny == 0
    assert not any("户口簿" in m.name_zh for m in marriage.materials)  # not needed since 2025


def test_helpers(catalog: Catalog) -> None:
    assert catalog.category("SHEBAO").prefix == "A"
    assert catalog.category_by_prefix("A").code == "SHEBAO"
    assert catalog.item("SB-001").category == "SHEBAO"
    assert all(i.category == "HUJI" for i in catalog.items_of("HUJI"))
    with pytest.raises(KeyError, match="NOPE"):
        catalog.category("NOPE")
    with pytest.raises(KeyError):
        catalog.category_by_prefix("I")
    with pytest.raises(KeyError, match="XX-999"):
        catalog.item("XX-999")
    with pytest.raises(KeyError):
        catalog.items_of("NOPE")


def test_hall_basics(hall: HallConfig) -> None:
    assert hall.code == "370200-00"
    assert hall.level is HallLevel.CITY
    assert hall.parent is None
    assert str(hall.tz) == "Asia/Shanghai"
    assert hall.day_close.hour == 17 and hall.day_close.minute == 30
    assert (hall.max_recalls, hall.requeue_after) == (3, 3)
    assert (hall.idle_window_minutes, hall.case_deadline_days) == (10, 5)


def test_hall_windows(hall: HallConfig, catalog: Catalog) -> None:
    assert [w.no for w in hall.windows] == list(range(1, 21))
    assert {w.kind for w in hall.windows} == set(WindowKind)
    assert hall.unserved_categories(catalog) == []
    helpdesk = catalog.helpdesk_category()
    assert helpdesk is not None and hall.windows_serving(helpdesk.code)
    assert any(len(w.category_codes()) > 1 for w in hall.windows if w.kind == "comprehensive")


def test_hall_staff_and_devices(hall: HallConfig) -> None:
    roles = [c.role for c in hall.clerks]
    assert roles.count(Role.CLERK) >= 20
    assert roles.count(Role.HELPDESK) == 2
    assert roles.count(Role.SUPERVISOR) == 1
    assert roles.count(Role.ADMIN) == 1
    assert all(re.fullmatch(r"\d{4}", c.employee_no) for c in hall.clerks)
    devices = {d.name: d for d in hall.devices}
    assert devices["kiosk-1"].role is DeviceRole.KIOSK
    assert devices["display-hall"].role is DeviceRole.DISPLAY
    pads = sorted(n for d in hall.devices if (n := d.window_no()) is not None)
    assert pads == [w.no for w in hall.windows]


def test_hall_day_close_round_trips_as_hhmm(hall: HallConfig) -> None:
    dumped = hall.model_dump(mode="json")
    assert dumped["day_close"] == "17:30"
    assert HallConfig.model_validate(dumped) == hall
