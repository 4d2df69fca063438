"""A small hall for engine and API tests: three categories, four windows, known clerks.

Kept independent of the shipped sample so a change to the sample cannot change what an engine
rule test means.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.catalog.hall_config import HallConfig
from kiosk.catalog.model import Catalog
from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall, initialise


def material(name: str) -> dict[str, Any]:
    return {
        "name_zh": name,
        "name_en": name,
        "form": "original",
        "count": 1,
        "required": True,
        "note_zh": "",
        "note_en": "",
    }


def item(code: str, category: str, name: str) -> dict[str, Any]:
    return {
        "code": code,
        "category": category,
        "name_zh": name,
        "name_en": name,
        "department_zh": "市某局",
        "department_en": "Bureau",
        "materials": [material("居民身份证"), material("申请表")],
        "time_limit_days": 0,
        "fee_cny": 0,
        "online": False,
        "online_url": None,
        "keywords": [],
    }


def catalog_dict(version: str = "test.1") -> dict[str, Any]:
    return {
        "format": 1,
        "version": version,
        "published_at": "2026-11-01",
        "categories": [
            {
                "code": "SB",
                "prefix": "A",
                "name_zh": "社保",
                "name_en": "Social insurance",
                "service_time_s": 300,
                "helpdesk": False,
            },
            {
                "code": "GJJ",
                "prefix": "B",
                "name_zh": "公积金",
                "name_en": "Housing fund",
                "service_time_s": 600,
                "helpdesk": False,
            },
            {
                "code": "ZX",
                "prefix": "Z",
                "name_zh": "综合咨询",
                "name_en": "Enquiries",
                "service_time_s": 120,
                "helpdesk": True,
            },
        ],
        "items": [
            item("SB-1", "SB", "社保卡补换"),
            item("SB-2", "SB", "参保登记"),
            item("GJJ-1", "GJJ", "公积金提取"),
            item("ZX-1", "ZX", "综合咨询"),
        ],
        "faqs": [],
        "notices": [],
    }


def config_dict(**overrides: Any) -> dict[str, Any]:
    cfg: dict[str, Any] = {
        "code": "T-01",
        "name_zh": "测试政务服务中心",
        "name_en": "Test Service Center",
        "level": "district",
        "parent": "T-00",
        "timezone": "Asia/Shanghai",
        "day_close": "17:30",
        "max_recalls": 3,
        "requeue_after": 3,
        "idle_window_minutes": 10,
        "case_deadline_days": 5,
        "windows": [
            {
                "no": 1,
                "name_zh": "1号窗",
                "name_en": "W1",
                "kind": "comprehensive",
                "categories": ["SB", "GJJ"],
            },
            {
                "no": 2,
                "name_zh": "2号窗",
                "name_en": "W2",
                "kind": "dedicated",
                "categories": ["GJJ"],
            },
            {
                "no": 3,
                "name_zh": "3号窗",
                "name_en": "W3",
                "kind": "comprehensive",
                "categories": [["SB", "GJJ"]],
            },
            {
                "no": 4,
                "name_zh": "4号窗",
                "name_en": "W4",
                "kind": "assist",
                "categories": ["ZX", "SB"],
            },
        ],
        "clerks": [
            {"employee_no": f"100{i}", "name": f"职员{i}", "pin": "1234", "role": "clerk"}
            for i in range(1, 5)
        ]
        + [
            {"employee_no": "9001", "name": "主管", "pin": "9999", "role": "supervisor"},
            {"employee_no": "8001", "name": "咨询员", "pin": "8888", "role": "helpdesk"},
        ],
        "devices": [],
    }
    cfg.update(overrides)
    return cfg


_TEMPLATES: dict[str, Path] = {}


def make_hall(path: Path, clock: FakeClock | None = None, **overrides: Any) -> Hall:
    """A fresh hall store. Initialising hashes every clerk's PIN (slow on purpose), so each
    configuration is built once per test session and copied."""
    key = json.dumps(overrides, sort_keys=True)
    template = _TEMPLATES.get(key)
    if template is None:
        template = Path(tempfile.mkdtemp(prefix="hall-template-")) / "hall.db"
        catalog = Catalog.model_validate(catalog_dict())
        config = HallConfig.model_validate(config_dict(**overrides))
        initialise(template, config, catalog, clock).close()
        _TEMPLATES[key] = template
    shutil.copyfile(template, path)
    return Hall(path, clock)


def morning() -> datetime:
    """09:00 in Shanghai on a Friday (01:00 UTC)."""
    return datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


def make_sample_hall(path: Path, clock: FakeClock | None = None) -> Hall:
    """The shipped sample city center (83 items, 20 windows), copied from a per-session
    template: what the front ends are tested and screenshotted against."""
    template = _TEMPLATES.get("__sample__")
    if template is None:
        from kiosk.catalog.hall_config import load_hall_config
        from kiosk.catalog.model import load_catalog
        from kiosk.paths import default_catalog_path, sample_hall_path

        template = Path(tempfile.mkdtemp(prefix="hall-sample-")) / "hall.db"
        catalog = load_catalog(default_catalog_path())
        initialise(template, load_hall_config(sample_hall_path(), catalog), catalog, clock).close()
        _TEMPLATES["__sample__"] = template
    shutil.copyfile(template, path)
    hall = Hall(path, clock)
    # The sample keeps office hours (Mon-Fri 09:00-17:30); front-end tests run on the real
    # clock at any hour, as `kiosk serve --always-open` would. Closed hours have their own tests.
    hall.always_open = True
    return hall


def at_window(hall: Hall, window_no: int) -> Any:
    """Signs clerk 100N in at window N (N = 1..4) and returns their Actor."""
    from kiosk.engine.base import Actor

    employee = f"100{window_no}"
    hall.login(employee, "1234", window_no)
    return Actor(device=f"window-{window_no}", clerk=employee)


def issue(hall: Hall, category: str = "SB", **kwargs: Any) -> dict[str, Any]:
    from kiosk.engine.base import Actor

    ticket, _ = hall.issue_ticket(category, actor=Actor(device="kiosk-1"), **kwargs)
    return ticket
