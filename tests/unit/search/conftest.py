"""A small catalog in the documented format (docs/catalog-format.md) for the search tests.

Built here rather than read from assets/ so the search tests do not depend on the sample
catalog's wording; tests against the real sample live in test_search_sample_catalog.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.search import SearchDoc, SearchIndex, docs_from_catalog

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_CATALOG = ROOT / "assets" / "catalog" / "catalog.json"


def _m(name_zh: str, name_en: str, form: str = "original") -> dict[str, Any]:
    return {
        "name_zh": name_zh,
        "name_en": name_en,
        "form": form,
        "count": 1,
        "required": True,
        "note_zh": "",
        "note_en": "",
    }


def _item(
    code: str,
    category: str,
    name_zh: str,
    name_en: str,
    dept: tuple[str, str],
    materials: list[dict[str, Any]],
    keywords: list[str],
) -> dict[str, Any]:
    return {
        "code": code,
        "category": category,
        "name_zh": name_zh,
        "name_en": name_en,
        "department_zh": dept[0],
        "department_en": dept[1],
        "materials": materials,
        "time_limit_days": 0,
        "fee_cny": 0,
        "online": False,
        "online_url": None,
        "keywords": keywords,
    }


HRSS = ("市人力资源和社会保障局", "Municipal Human Resources and Social Security Bureau")
POLICE = ("市公安局", "Municipal Public Security Bureau")
ID_CARD = _m("居民身份证", "Resident identity card")
HUKOU_BOOK = _m("居民户口簿", "Household register")


def fixture_catalog() -> dict[str, Any]:
    """A fresh copy each call, so a test may change it."""
    return {
        "format": 1,
        "version": "test.1",
        "published_at": "2026-11-01",
        "categories": [
            {
                "code": "SHEBAO",
                "prefix": "A",
                "name_zh": "社保业务",
                "name_en": "Social insurance",
                "service_time_s": 420,
                "helpdesk": False,
            },
            {
                "code": "HUJI",
                "prefix": "B",
                "name_zh": "户籍业务",
                "name_en": "Household registration",
                "service_time_s": 300,
                "helpdesk": False,
            },
            {
                "code": "GJJ",
                "prefix": "C",
                "name_zh": "公积金业务",
                "name_en": "Housing provident fund",
                "service_time_s": 360,
                "helpdesk": False,
            },
            {
                "code": "CRJ",
                "prefix": "D",
                "name_zh": "出入境业务",
                "name_en": "Exit and entry",
                "service_time_s": 480,
                "helpdesk": False,
            },
            {
                "code": "MINZHENG",
                "prefix": "E",
                "name_zh": "民政业务",
                "name_en": "Civil affairs",
                "service_time_s": 600,
                "helpdesk": False,
            },
            {
                "code": "ZIXUN",
                "prefix": "Z",
                "name_zh": "综合咨询",
                "name_en": "General enquiries",
                "service_time_s": 180,
                "helpdesk": True,
            },
        ],
        "items": [
            _item(
                "SB-001",
                "SHEBAO",
                "社会保障卡补换",
                "Social security card replacement",
                HRSS,
                [ID_CARD],
                ["社保卡", "补卡"],
            ),
            _item(
                "SB-002",
                "SHEBAO",
                "城镇职工基本养老保险参保登记",
                "Basic pension insurance enrolment",
                HRSS,
                [ID_CARD],
                ["养老", "参保"],
            ),
            _item(
                "HJ-001",
                "HUJI",
                "居民身份证换领",
                "Resident ID card renewal",
                POLICE,
                [HUKOU_BOOK, _m("原居民身份证", "Old identity card")],
                ["身份证", "换证"],
            ),
            _item(
                "HJ-002",
                "HUJI",
                "户口迁移",
                "Household registration transfer",
                POLICE,
                [HUKOU_BOOK, _m("准予迁入证明", "Permit to move in")],
                ["迁户口", "落户"],
            ),
            _item(
                "HJ-003",
                "HUJI",
                "新生儿户口登记",
                "Newborn household registration",
                POLICE,
                [_m("出生医学证明", "Birth certificate"), HUKOU_BOOK],
                [],
            ),
            _item(
                "GJ-001",
                "GJJ",
                "住房公积金提取",
                "Housing provident fund withdrawal",
                ("市住房公积金管理中心", "Municipal Housing Provident Fund Center"),
                [ID_CARD, _m("购房合同", "House purchase contract", "copy")],
                ["提取"],
            ),
            _item(
                "CR-001",
                "CRJ",
                "普通护照签发",
                "Ordinary passport issuance",
                ("市公安局出入境管理支队", "Exit and Entry Administration"),
                [ID_CARD],
                ["护照", "出国"],
            ),
            _item(
                "MZ-001",
                "MINZHENG",
                "结婚登记",
                "Marriage registration",
                ("市民政局", "Municipal Civil Affairs Bureau"),
                [ID_CARD, HUKOU_BOOK],
                ["婚姻", "领证"],
            ),
        ],
        "faqs": [
            {
                "id": "FAQ-001",
                "question_zh": "身份证丢了怎么办",
                "question_en": "What if I lose my ID card?",
                "answer_zh": "携带居民户口簿到户籍窗口申请补领，可同时办理临时身份证。",
                "answer_en": "Bring your household register to the household registration "
                "window to apply for a replacement and a temporary ID card.",
                "items": ["HJ-001"],
                "keywords": ["补办"],
            },
            {
                "id": "FAQ-002",
                "question_zh": "公积金提取多久到账",
                "question_en": "How long until a provident fund withdrawal is paid?",
                "answer_zh": "材料齐全的当场办结，三个工作日内到账。",
                "answer_en": "Complete applications are decided on the spot and paid "
                "within three working days.",
                "items": ["GJ-001"],
                "keywords": [],
            },
        ],
        "notices": [
            {
                "id": "N-001",
                "title_zh": "元旦假期办公时间调整",
                "title_en": "Office hours over the New Year holiday",
                "body_zh": "1月1日大厅暂停对外服务，户籍窗口1月2日起恢复办理。",
                "body_en": "The hall is closed on 1 January; household registration "
                "windows reopen on 2 January.",
                "published_at": "2026-12-20",
            }
        ],
    }


@pytest.fixture
def catalog() -> dict[str, Any]:
    return fixture_catalog()


@pytest.fixture
def docs(catalog: dict[str, Any]) -> list[SearchDoc]:
    return docs_from_catalog(catalog)


@pytest.fixture
def index(docs: list[SearchDoc]) -> SearchIndex:
    return SearchIndex.build(docs)


@pytest.fixture(scope="session")
def sample_catalog() -> dict[str, Any]:
    if not SAMPLE_CATALOG.exists():
        pytest.skip(f"sample catalog not written yet: {SAMPLE_CATALOG.relative_to(ROOT)} missing")
    return json.loads(SAMPLE_CATALOG.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_index(sample_catalog: dict[str, Any]) -> SearchIndex:
    return SearchIndex.build(docs_from_catalog(sample_catalog))


@pytest.fixture(scope="session")
def shared_docs() -> list[SearchDoc]:
    """Session-wide docs for property tests (hypothesis refuses function-scoped fixtures)."""
    return docs_from_catalog(fixture_catalog())


@pytest.fixture(scope="session")
def shared_index(shared_docs: list[SearchDoc]) -> SearchIndex:
    """Read-only: tests that add or remove documents use ``index``."""
    return SearchIndex.build(shared_docs)
