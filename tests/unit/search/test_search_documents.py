"""docs_from_catalog: items, FAQs and notices of the documented format become SearchDocs."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.search import SearchDoc, docs_from_catalog


def by_id(docs: list[SearchDoc]) -> dict[str, SearchDoc]:
    return {d.id: d for d in docs}


def test_all_three_kinds_in_catalog_order(catalog: dict[str, Any]) -> None:
    docs = docs_from_catalog(catalog)
    kinds = [d.kind for d in docs]
    assert kinds == ["item"] * 8 + ["faq"] * 2 + ["notice"]
    assert [d.id for d in docs[:3]] == ["SB-001", "SB-002", "HJ-001"]


def test_item_fields(docs: list[SearchDoc]) -> None:
    item = by_id(docs)["HJ-001"]
    assert item.title_zh == "居民身份证换领"
    assert item.title_en == "Resident ID card renewal"
    assert item.category == "HUJI"
    # body: the department, then each material name, one per line
    assert item.body_zh.splitlines() == ["市公安局", "居民户口簿", "原居民身份证"]
    assert "Household register" in item.body_en
    # the item's own keywords first, then its category's names
    assert item.keywords == ("身份证", "换证", "户籍业务", "Household registration")


def test_faq_and_notice_fields(docs: list[SearchDoc]) -> None:
    faq = by_id(docs)["FAQ-001"]
    assert (faq.kind, faq.title_zh) == ("faq", "身份证丢了怎么办")
    assert faq.body_zh.startswith("携带居民户口簿")  # the answer the kiosk opens in place
    assert faq.related == ("HJ-001",)
    assert faq.category == "HUJI"  # from its first linked item
    assert faq.keywords == ("补办",)
    notice = by_id(docs)["N-001"]
    assert (notice.kind, notice.title_zh, notice.category) == (
        "notice",
        "元旦假期办公时间调整",
        None,
    )
    assert "户籍窗口" in notice.body_zh


def test_title_and_body_fall_back_to_chinese() -> None:
    doc = SearchDoc("faq", "F", "问题", body_zh="答案")
    assert doc.title("en") == "问题" and doc.body("en") == "答案"
    doc = SearchDoc("faq", "F", "问题", "Question", "答案", "Answer")
    assert doc.title("en") == "Question" and doc.body("en") == "Answer"
    assert doc.title("zh") == "问题"


def test_accepts_objects_with_model_dump(catalog: dict[str, Any]) -> None:
    class Model:
        def model_dump(self) -> dict[str, Any]:
            return catalog

    assert docs_from_catalog(Model()) == docs_from_catalog(catalog)


def test_accepts_the_pydantic_catalog_model(catalog: dict[str, Any]) -> None:
    model = pytest.importorskip("kiosk.catalog.model")
    parsed = model.Catalog.model_validate(catalog)
    assert docs_from_catalog(parsed) == docs_from_catalog(catalog)


def test_tolerates_missing_optional_fields_and_skips_unusable_entries() -> None:
    docs = docs_from_catalog(
        {
            "items": [
                {"code": "X-1", "name_zh": "测试事项"},
                {"code": "", "name_zh": "没有编码"},
                {"code": "X-2", "name_zh": ""},
                "not an entry",
            ],
            "faqs": [{"id": "F-1", "question_zh": "问题?", "answer_zh": None}],
        }
    )
    assert [(d.kind, d.id) for d in docs] == [("item", "X-1"), ("faq", "F-1")]
    assert docs[0].category is None and docs[0].keywords == () and docs[0].body_zh == ""
    assert docs[1].body_zh == ""


def test_rejects_what_is_not_a_catalog() -> None:
    with pytest.raises(TypeError):
        docs_from_catalog(42)
